"""The stand-ins of pipeline/fastparse.py must give exactly the model's own
parse and entities: every head, dependency label, sentence start and entity."""
import numpy as np
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import fastparse
from pipeline.nlp import load_nlp

from .conftest import DATA, SOURCES
from .news_cases import CASES

PARSE = ["HEAD", "DEP", "SENT_START"]
ENTS = ["ENT_IOB", "ENT_TYPE"]
WORDS = ["The", "agency", "said", "Acme", "Corp.", "in", "New", "York", "reported", "1,200",
         "cases", "on", "Monday", ",", ".", "\n", "  ", "Dr.", "Ana", "Ruiz", "fell", "19%",
         "$", "3.5", "billion", "and", "the", "U.S.", "Labor", "Department"]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def tagged(nlp, texts):
    """Docs as they are when the parser reads them (tok2vec, tagger, line breaks)."""
    with nlp.select_pipes(enable=["tok2vec", "tagger", "claimcheck_line_breaks"]):
        return list(nlp.pipe(texts))


def copy(doc):
    return doc.copy()


def assert_same(nlp, docs, name, attrs, batch_size=4):
    """The model's component ``name`` and its stand-in, over ``docs`` in
    batches, set the same ``attrs`` on every token."""
    model = nlp.get_pipe(name)
    fast = nlp.get_pipe(fastparse.STAND_INS[name])
    a = list(model.pipe([copy(d) for d in docs], batch_size=batch_size))
    b = list(fast.pipe([copy(d) for d in docs], batch_size=batch_size))
    for x, y in zip(a, b):
        assert x.text == y.text
        assert np.array_equal(x.to_array(attrs), y.to_array(attrs)), x.text[:80]
    return b


def article_texts():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("blind_e2e/*/*.txt"))]
    return texts


def test_pipeline_decodes_with_the_stand_ins(nlp):
    assert {"parser", "ner"} <= set(nlp.disabled)
    names = nlp.pipe_names
    assert names.index("claimcheck_line_breaks") < names.index("claimcheck_parser")
    assert names.index("claimcheck_ner") < names.index("numeric_claims")


def test_same_parse_and_entities_on_articles_and_cases(nlp):
    texts = article_texts() + [case[0] for case in CASES] + ["", "   ", "\n\n"]
    docs = tagged(nlp, texts)
    parsed = assert_same(nlp, docs, "parser", PARSE)
    assert sum(len(d.ents) for d in assert_same(nlp, parsed, "ner", ENTS, batch_size=16)) > 100


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=40), min_size=1, max_size=5))
def test_same_parse_and_entities_on_generated_batches(nlp, texts):
    docs = tagged(nlp, [" ".join(words) for words in texts])
    parsed = assert_same(nlp, docs, "parser", PARSE, batch_size=3)
    assert_same(nlp, parsed, "ner", ENTS, batch_size=3)


def test_single_doc_call(nlp):
    doc = tagged(nlp, ["The Labor Department said 1,200 people in Ohio lost jobs."])[0]
    a = nlp.get_pipe("ner")(nlp.get_pipe("parser")(copy(doc)))
    b = nlp.get_pipe("claimcheck_ner")(nlp.get_pipe("claimcheck_parser")(copy(doc)))
    assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    assert [t.head.i for t in a] == [t.head.i for t in b]


def test_other_components_keep_decoding_themselves():
    nlp = spacy.blank("en")
    nlp.add_pipe("parser", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2",
                                             "state_type": "parser", "extra_state_tokens": False,
                                             "hidden_width": 8, "maxout_pieces": 2,
                                             "use_upper": True}})
    nlp.add_pipe("beam_ner", name="ner")  # a beam search: not greedy
    assert fastparse.decodes_greedily(nlp.get_pipe("parser"))
    assert not fastparse.decodes_greedily(nlp.get_pipe("ner"))
    assert fastparse.replace_parsers(nlp) == ["parser"]
    assert "ner" in nlp.pipe_names and "claimcheck_ner" not in nlp.pipe_names
    assert fastparse.replace_parsers(spacy.blank("en")) == []
