"""Stage 2, nlp: the pre-filter, line breaks, component loading, --jobs and
the progress bar. Speed itself lives in benchmarks/bench.py, not here."""
import io
import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import ingest, normalize
from pipeline.cli import cli
from pipeline.nlp import CONTEXT_WORDS, NEEDED, focus_text, has_candidate, load_nlp, parse
from pipeline.progress import track

from .conftest import SOURCES

def filler(tag):
    """A 30-word line with no figure in it."""
    return " ".join(f"{tag}{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(30)) + "."


BEFORE, AFTER, FAR = filler("pre"), filler("post"), filler("far")
FIGURES = "The agency received 29.2 million reports in 2024, down from 36.2 million."
ARTICLE = (
    "Agency reports fall sharply\n\n"
    f"{BEFORE}\n\n{FIGURES}\n\n{AFTER}\n\n{FAR}\n\n"
    "Advertisement\n"
)


def span_of(text, line):
    i = ARTICLE.index(line)
    return text[i:i + len(line)]


def claims_of(articles, **kw):
    nlp = load_nlp()
    return [c for a, d in parse(nlp, articles, **kw)
            for c in normalize.attribute(a, d, d._.numeric_claims)]


# --- the pre-filter -----------------------------------------------------------

def test_focus_keeps_length_and_offsets():
    a = ingest.make_article(ARTICLE, "t")
    text = focus_text(a)
    assert len(text) == len(ARTICLE)
    assert [m.start() for m in re.finditer("\n", text)] == \
        [m.start() for m in re.finditer("\n", ARTICLE)]
    assert span_of(text, FIGURES) == FIGURES


def test_focus_blanks_lines_without_figures_but_keeps_context():
    text = focus_text(ingest.make_article(ARTICLE, "t"))
    assert text.startswith("Agency reports fall sharply\n")  # headlines stay
    assert span_of(text, BEFORE) == BEFORE  # the paragraph before a figure stays whole
    assert span_of(text, AFTER).split() == AFTER.split()[:CONTEXT_WORDS]  # model context
    assert span_of(text, FAR).strip() == ""  # no figure near it: blanked whole
    assert "Advertisement" not in text  # furniture


def test_focus_off_only_blanks_furniture():
    text = focus_text(ingest.make_article(ARTICLE, "t"), focus=False)
    assert all(span_of(text, line) == line for line in (BEFORE, FIGURES, AFTER, FAR))
    assert "Advertisement" not in text


@pytest.mark.parametrize("text, expected", [
    ("received 1,200 reports", True),
    ("about twenty reports", True),
    ("reports doubled last year", True),
    ("a third of them", True),
    ("½ of them", True),
    ("No figures at all in this line.", False),
    ("Someone said something.", False),
])
def test_candidate_figures(text, expected):
    assert has_candidate(text) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 12.\n•%-twenty Ç")), max_size=300))
def test_focus_never_moves_text(text):
    a = ingest.make_article(text, "p")
    out = focus_text(a)
    assert len(out) == len(text)
    # a line break may become a space only inside a block (the lines of a
    # hard-wrapped paragraph, which ingest joined); between blocks it stays
    inside = {i for b in a.blocks for i in range(b.start, b.end)}
    for i, (ch_in, ch_out) in enumerate(zip(text, out)):
        assert ch_out == ch_in or (ch_out == " " and (ch_in != "\n" or i in inside))
    for b in a.blocks:  # every digit of a kept line survives
        if b.kind != "furniture":
            assert [m.start() for m in re.finditer(r"\d", text[b.start:b.end])] == \
                [m.start() for m in re.finditer(r"\d", out[b.start:b.end])]


def test_prefilter_gives_the_claims_of_a_full_parse():
    articles = ingest.read_sources(SOURCES)
    full = claims_of(articles, focus=False)
    focused = claims_of(articles, focus=True)
    assert len(full) > 20
    assert focused == full


# --- sentences ----------------------------------------------------------------

def test_sentences_stop_at_line_breaks_and_blanked_lines():
    a = ingest.make_article(ARTICLE, "t")
    claims = claims_of([a])
    assert claims
    for c in claims:
        assert c.sentence == FIGURES
        assert "\n" not in a.text[c.sent_start:c.sent_end].strip()


def test_headline_is_its_own_sentence():
    nlp = load_nlp()
    doc = nlp("Reports fall 19% as encryption spreads\nThe agency said so.")
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == [
        "Reports fall 19% as encryption spreads", "The agency said so."]


def test_a_docs_text_is_built_once_and_a_joined_doc_reads_its_own():
    """extract.doc_text keeps Doc.text (rebuilt from every token on each
    access); a long article's joined doc must not keep a piece's text."""
    from pipeline.extract import doc_text
    nlp = load_nlp()
    doc = nlp("Reports fall 19% as encryption spreads\nThe agency said so.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
    long = "\n".join(f"Line {n} says 4{n} people came." for n in range(400))
    limit, nlp.max_length = nlp.max_length, 2000
    try:
        [(article, joined)] = parse(nlp, [ingest.make_article(long, "long")])
    finally:
        nlp.max_length = limit
    assert len(article.text) > 2000 and doc_text(joined) == joined.text
    assert len(doc_text(joined)) == len(article.text)  # the whole, not a piece


# --- loading and processes ------------------------------------------------------

def test_only_needed_components_are_loaded():
    nlp = load_nlp()
    model_parts = [p for p in nlp.component_names
                   if not p.startswith("claimcheck_") and p != "numeric_claims"]
    assert set(model_parts) <= set(NEEDED)
    # the model's attribute ruler and lemmatizer are kept but replaced by
    # their stand-ins (pipeline/fastattrs.py)
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)
    assert {"claimcheck_attributes", "claimcheck_lemmas"} <= set(nlp.pipe_names)
    assert "senter" not in nlp.component_names
    assert nlp.pipe_names[-1] == "numeric_claims"


def test_jobs_give_the_same_claims():
    articles = ingest.read_sources(SOURCES)
    one = claims_of(articles, n_process=1, batch_size=1)
    two = claims_of(articles, n_process=2, batch_size=1)
    assert two == one


def test_extract_with_jobs_matches_one_process():
    files = [str(p) for p in sorted(SOURCES.glob("*.txt"))]
    one = CliRunner().invoke(cli, ["extract", *files])
    two = CliRunner().invoke(cli, ["extract", *files, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert two.output == one.output


# --- the progress bar -------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("stream, enabled, drawn", [
    (Terminal(), True, True),
    (Terminal(), False, False),   # --quiet
    (io.StringIO(), True, False),  # stderr is a pipe or a file
])
def test_progress_bar_only_on_a_terminal(stream, enabled, drawn):
    items = list(range(5))
    assert list(track(items, enabled=enabled, stream=stream)) == items
    assert bool(stream.getvalue()) is drawn
    if drawn:
        assert "0/5" in stream.getvalue()


def test_check_quiet_writes_nothing_to_stderr(sources_copy, tmp_path):
    r = CliRunner().invoke(cli, ["check", str(sources_copy), "--claims-dir", str(tmp_path / "c"),
                                 "--reports-dir", str(tmp_path / "r"), "--quiet"])
    assert r.exit_code == 0
    assert r.stderr == "" and r.output == ""


def test_a_line_whose_only_figure_is_a_vague_amount_reaches_the_extractor():
    """"Scores of protesters" is a claim (numbers.toml [vague]); the
    pre-filter must not blank its line."""
    from pipeline import extract_claims
    df = extract_claims("The march was peaceful.\n\nScores of protesters marched on Tuesday.")
    assert list(df.text) == ["Scores"]
