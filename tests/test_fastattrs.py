"""The stand-ins of pipeline/fastattrs.py must set exactly what the model's own
``attribute_ruler`` and ``lemmatizer`` set: same POS, morphology, lemma, tag
and dependency on every token."""
import numpy as np
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from pipeline import fastattrs
from pipeline.nlp import load_nlp

from .conftest import SOURCES
from .news_cases import CASES

ATTRS = ["POS", "MORPH", "LEMMA", "TAG", "DEP"]
#: Words the ruler's exceptions are about, for the generated texts.
TRIGGERS = ["I", "you", "it", "is", "are", "am", "'s", "'re", "'m", "'ve", "n't", "not",
            "ai", "gon", "na", "got", "ta", "let", "c'm", "on", "y'", "all", "nothin'",
            "there", "that", "if", "because", "do", "does", "did", "have", "has", "had",
            "be", "will", "this", "which", "what", "The", "agency", "reports", "fell",
            "19%", "to", "20.5", "million", ",", ".", "\n", "  "]
SPECIAL = [
    "I ain't gonna do it, y'all. Let's go, c'mon. Nothin' there.",
    "There is a cat and there are dogs. Give it to me and tell you. Do it! He did.",
    "They have had it. I'm sure you're right, it's fine; we've not seen that.",
    "Which is it? That which was said is what it is.\n\n   Reports fell 19%.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def parsed(nlp, texts):
    """Docs as the tagger and parser leave them, before any attribute rules."""
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        return list(nlp.pipe(texts))


def both(nlp, doc):
    """``doc`` after the model's attribute ruler and lemmatizer, and after the
    stand-ins."""
    a = Doc(doc.vocab).from_bytes(doc.to_bytes())
    b = Doc(doc.vocab).from_bytes(doc.to_bytes())
    for model, fast in (("attribute_ruler", "claimcheck_attributes"),
                        ("lemmatizer", "claimcheck_lemmas")):
        a = nlp.get_pipe(model)(a)
        b = nlp.get_pipe(fast)(b)
    return a, b


def assert_same(a, b):
    x, y = a.to_array(ATTRS), b.to_array(ATTRS)
    bad = np.flatnonzero((x != y).any(axis=1)) if len(a) else []
    assert not len(bad), [(a[i].text, a[i].pos_, b[i].pos_, str(a[i].morph), str(b[i].morph),
                           a[i].lemma_, b[i].lemma_) for i in bad[:5]]


def test_same_as_the_model_ruler_on_articles_and_cases(nlp):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    texts += [case[0] for case in CASES] + SPECIAL
    docs = parsed(nlp, texts)
    changed = 0
    for doc in docs:
        a, b = both(nlp, doc)
        assert_same(a, b)
        changed += int((a.to_array(["POS"]) != 0).any())
    assert changed == len(docs)  # the rules did set something


def test_exceptions_apply(nlp):
    doc = nlp("I ain't gonna do it, y'all. There is a cat.")
    by_text = {t.text: t for t in doc}
    assert by_text["n't"].lemma_ == "not" and by_text["n't"].pos_ == "PART"
    assert by_text["gon"].lemma_ == "go" and by_text["na"].lemma_ == "to"
    assert by_text["y'"].lemma_ == "you"
    assert by_text["is"].pos_ in ("VERB", "AUX")
    doc = nlp("Reports fell as platforms were bundling the children's files.")
    assert [t.lemma_ for t in doc][:5] == ["report", "fall", "as", "platform", "be"]


def test_lemmatizer_is_replaced_only_when_its_lemmas_are_the_token_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert fastattrs.replace_lemmatizer(nlp) is True
    assert "lemmatizer" in nlp.disabled
    # a lemmatizer of some other kind is left alone
    nlp2 = spacy.blank("en")
    nlp2.add_pipe("claimcheck_lemmas", name="lemmatizer")
    assert fastattrs.replace_lemmatizer(nlp2) is False
    assert fastattrs.replace_lemmatizer(spacy.blank("en")) is False


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TRIGGERS), min_size=1, max_size=25))
def test_same_as_the_model_ruler_on_generated_text(nlp, words):
    text = " ".join(words)
    a, b = both(nlp, parsed(nlp, [text])[0])
    assert_same(a, b)


def blank_ruler(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_later_rules_win_and_index_picks_the_token():
    nlp, ruler = blank_ruler([
        {"patterns": [[{"LOWER": "new"}]], "attrs": {"LEMMA": "first", "POS": "ADJ"}},
        {"patterns": [[{"LOWER": "new"}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"POS": "PROPN"},
         "index": -1},
        {"patterns": [[{"LOWER": {"REGEX": "^yo"}}]], "attrs": {"LEMMA": "yo"}},
    ])
    fast = fastattrs.compile_ruler(ruler)
    assert fast is not None
    for text in ("New York is new", "new new york york", "you Yonkers"):
        a, b = ruler(nlp.make_doc(text)), fast(nlp.make_doc(text))
        assert_same(a, b)
    doc = fast(nlp.make_doc("New York"))
    assert [t.lemma_ for t in doc] == ["second", "yo"]
    assert [t.pos_ for t in doc] == ["ADJ", "PROPN"]


def test_unsupported_patterns_keep_the_model_ruler():
    nlp, ruler = blank_ruler([
        {"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}},
    ])
    assert fastattrs.compile_ruler(ruler) is None
    assert fastattrs.replace_attribute_ruler(nlp) is False
    assert "attribute_ruler" in nlp.pipe_names
    assert "claimcheck_attributes" not in nlp.pipe_names
    nlp2, ruler2 = blank_ruler([
        {"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "NOUN"}},
    ])
    assert fastattrs.compile_ruler(ruler2) is None


def test_replace_swaps_the_component():
    nlp, _ = blank_ruler([{"patterns": [[{"LOWER": "ok"}]], "attrs": {"POS": "INTJ"}}])
    assert fastattrs.replace_attribute_ruler(nlp) is True
    assert "attribute_ruler" in nlp.disabled
    assert [t.pos_ for t in nlp("ok then")] == ["INTJ", ""]


def test_lemmas_come_from_a_copy_with_indexed_word_lists(nlp):
    """The rule lemmatizer asks ``form in index``; the stand-in's copy holds
    each part of speech's word list as a set, the model's own stays as it is."""
    model = nlp.get_pipe("lemmatizer")
    fast = fastattrs.FastLemmas(model).lemmatizer
    assert fast is not model
    ours, theirs = (x.lookups.get_table(fastattrs.INDEX_TABLE) for x in (fast, model))
    assert ours.keys() == theirs.keys()
    for key in theirs:
        assert isinstance(ours[key], frozenset) and not isinstance(theirs[key], frozenset)
        assert ours[key] == frozenset(theirs[key])
    doc = nlp("The agencies were reporting fewer cases; children ran faster.")
    assert [fast.lemmatize(t)[0] for t in doc] == [model.lemmatize(t)[0] for t in doc]
