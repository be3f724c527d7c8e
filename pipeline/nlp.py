"""Stage 2, nlp: load the spaCy model once and run articles through it.

What makes it fast (see benchmarks/README.md for the figures):

* Only the components the pipeline reads are loaded (see :data:`NEEDED`);
  the rest are excluded, not just disabled.
* A cheap regex pre-filter (:func:`focus_text`): lines with no candidate
  figure (no digit, number word, fraction or multiple verb from the data
  files) are blanked out with spaces before the model sees them, and so is
  page furniture. Headlines and the line before each kept line stay as
  context (attribution looks one paragraph back for a subject), and a few
  words at the edges of blanked lines keep the model's view of its
  neighbours as it would be in the whole article. Blanking keeps the
  text's length, so every offset still indexes the article text, and a run
  of spaces costs the model one token instead of a paragraph's worth.
* The model's ``attribute_ruler`` (its tag map and exceptions) runs as
  vectorised lookups, and its lemmatizer once per distinct word, POS and
  morphology instead of once per token, with the same results
  (:mod:`pipeline.fastattrs`).
* The parser and NER decode step by step from Python with the model's own
  step model and transitions, the same parse and entities without the GIL
  round trips of spaCy's compiled loop (:mod:`pipeline.fastparse`).
* Every line break starts a sentence (headlines and list items are
  sentences of their own), set without a per-token Python loop.
* Many texts go through ``nlp.pipe`` in batches, in several processes with
  ``n_process`` (``--jobs``), with a progress bar on long runs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extract  # noqa: F401  (registers the numeric_claims factory)
from .errors import UserError
from .knowledge import load
from .model import Article
from .models import DEFAULT_MODELS, INSTALL_HINT, default_model, model_meta  # noqa: F401
from .progress import track
from .fastattrs import replace_attribute_ruler, replace_lemmatizer
from .fastparse import replace_parsers

#: Model components the pipeline reads: POS tags and lemmas for units and
#: cue words, the parser for sentences and the counted noun, NER for subjects
#: and dates.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: Block kinds kept whole as context even without a figure (titles name the
#: organisation an article is about).
CONTEXT_KINDS = ("headline",)
#: Words kept on each side of a figure-bearing block when the pre-filter
#: blanks its neighbour. The model's token vectors see 4 tokens each way
#: (en_core_web_sm's CNN: depth 4, window 1), so 6 words keep the model's
#: view of the kept block as it would be in the whole article.
CONTEXT_WORDS = 6
#: Articles per batch handed to ``nlp.pipe`` (and to each process with --jobs).
BATCH_SIZE = 16


_LOADED: dict[str, Language] = {}


def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline for ``model`` (loaded once per process), with only
    the :data:`NEEDED` components."""
    name = model or default_model()
    if name in _LOADED:
        return _LOADED[name]
    try:
        model_meta(name)  # spacy.info exits the process when there is no such model
        info = spacy.info(name)  # reads meta.json only, without loading weights
        unused = [p for p in info.get("pipeline", []) + info.get("disabled", [])
                  if p not in NEEDED]
        nlp = spacy.load(name, exclude=unused)
    except (OSError, ValueError, SystemExit):
        raise UserError(f"spaCy model {name!r} is not installed; run: {INSTALL_HINT} "
                        "or pass --model with an installed model") from None
    for p in nlp.pipe_names:  # components a model only lists under another name
        if p not in NEEDED:
            nlp.disable_pipe(p)
    replace_attribute_ruler(nlp)
    replace_lemmatizer(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("claimcheck_line_breaks", before="parser")
    replace_parsers(nlp)
    nlp.add_pipe("numeric_claims", last=True)
    _LOADED[name] = nlp
    return nlp


def model_id(nlp: Language) -> str:
    """Name and version of the loaded model, for cache keys and reports."""
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


_BREAK_RUN = re.compile(r"\n\s*")


@cache
def _bullet_re() -> re.Pattern:
    """A list bullet at the start of a line (furniture.toml's bullet marks,
    followed by a space), up to the item's first character."""
    marks = re.escape(load("furniture")["bullets"])
    return re.compile(rf"(?:^|\n)[^\S\n]*[{marks}]+[^\S\n]+(?=\S)")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where a sentence must start: the whitespace run of
    every line break (so no sentence runs on over it into the next line,
    which may be blanked), the line's first character after it, and a list
    item's first character after its bullet."""
    out = []
    for m in _BREAK_RUN.finditer(text):
        out += [m.start(), m.end()]
    out += [m.end() for m in _bullet_re().finditer(text)]
    return out


@Language.component("claimcheck_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Sentences start at :func:`sentence_starts`: headlines, list items and
    paragraphs never run into each other, and bullets stay out of quotes."""
    if len(doc) < 2:
        return doc
    starts = doc.to_array("IDX")
    for pos in sentence_starts(extract.doc_text(doc)):
        i = int(np.searchsorted(starts, pos))
        if 0 < i < len(doc) and starts[i] == pos:
            doc[i].is_sent_start = True
    return doc


@cache
def _candidate_re() -> re.Pattern:
    """Anything that may start a figure: a digit, a vulgar fraction, a number
    word or a vague amount (numbers.toml) or a verb that states a multiple
    (extract.toml)."""
    numbers = load("numbers")
    words: set[str] = set()
    for table in numbers["words"].values():
        words |= set(table)
    # vague amounts ("scores of protesters", "dozens of homes"): their last word
    words |= {phrase.split()[-1] for phrase in numbers["vague"]}
    multiple = load("extract")["multiple"]
    words |= set(multiple["verbs"]) | set(multiple.get("words", {}))
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    vulgar = re.escape("".join(numbers["vulgar"]))
    fold = re.escape(load("extract")["multiple_words"]["suffix"])  # "sevenfold"
    alone = numbers["unit_alone"]     # "fell by a year", "rose by a penny"
    units = "|".join(re.escape(w) for w in [*alone["nouns"], *alone["currency"], *alone["units"]])
    of_units = "|".join(re.escape(w) for w in alone["of_units"])     # "a foot of snow"
    return re.compile(rf"\d|[{vulgar}]|\b(?:{alt})(?:s|-?{fold})?\b"
                      rf"|\bby\s+(?:[a-z]+\s+){{0,2}}?an?\s+(?:{units})\b"
                      rf"|\ban?\s+(?:{of_units})\s+of\b", re.I)


def has_candidate(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when ``text[start:end]`` may hold a figure (cheap, over-inclusive)."""
    return _candidate_re().search(text, start, len(text) if end is None else end) is not None


_WORD = re.compile(r"\S+")
_NOT_NEWLINE = re.compile(r"[^\n]")


def _blank(segment: str) -> str:
    return _NOT_NEWLINE.sub(" ", segment) if segment.strip() else segment


def focus_text(article: Article, focus: bool = True) -> str:
    """The text the model reads: the article text with furniture blocks
    replaced by spaces and, with ``focus``, the blocks :func:`_kept_blocks`
    leaves out too, but for :data:`CONTEXT_WORDS` words next to every block
    the model reads. Line breaks between blocks stay; inside a block (a
    hard-wrapped paragraph) they are spaces. Same length as ``article.text``."""
    text = article.text
    if not article.blocks:
        return text
    keep = _kept_blocks(article.blocks, text, focus)
    pieces, pos = [], 0
    for i, b in enumerate(article.blocks):
        pieces.append(text[pos:b.start])
        # a hard-wrapped paragraph's line breaks are spaces to the model, so
        # its sentences run on over them (ingest joined its lines)
        segment = text[b.start:b.end].replace("\n", " ")
        if keep[i]:
            pieces.append(segment)
        elif b.kind == "furniture":
            pieces.append(_blank(segment))
        else:  # dropped by the pre-filter: keep the model's context for neighbours
            before = i > 0 and keep[i - 1]
            after = i + 1 < len(keep) and keep[i + 1]
            pieces.append(_edges(segment, CONTEXT_WORDS if before else 0,
                                 CONTEXT_WORDS if after else 0))
        pos = b.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _kept_blocks(blocks: tuple, text: str, focus: bool) -> list[bool]:
    """Which blocks the model reads whole: without ``focus`` all but
    furniture; with it, blocks holding a candidate figure, headlines, and the
    block before each figure-bearing one (attribution looks one paragraph
    back for a subject)."""
    real = [i for i, b in enumerate(blocks) if b.kind != "furniture"]
    keep = [False] * len(blocks)
    for n, i in enumerate(real):
        b = blocks[i]
        if not focus or b.kind in CONTEXT_KINDS:
            keep[i] = True
        elif has_candidate(text, b.start, b.end):
            keep[i] = True
            if n > 0:
                keep[real[n - 1]] = True
    return keep


def _edges(segment: str, head: int, tail: int) -> str:
    """``segment`` blanked except its first ``head`` and last ``tail`` words."""
    words = [m.span() for m in _WORD.finditer(segment)]
    if len(words) <= head + tail:
        return segment
    keep_to = words[head - 1][1] if head else 0
    keep_from = words[-tail][0] if tail else len(segment)
    return segment[:keep_to] + _blank(segment[keep_to:keep_from]) + segment[keep_from:]


def masked_text(article: Article) -> str:
    """The article text with furniture blocks replaced by spaces (same length)."""
    return focus_text(article, focus=False)


def parse(nlp: Language, articles: Iterable[Article], batch_size: int = BATCH_SIZE,
          n_process: int = 1, progress: bool = False,
          focus: bool = True) -> Iterator[tuple[Article, Doc]]:
    """(article, doc) for each article, in order, through ``nlp.pipe``.

    ``n_process`` > 1 runs the model in that many processes (``--jobs``);
    ``progress`` draws a bar on stderr when it is a terminal; ``focus``
    applies the pre-filter of :func:`focus_text`.
    """
    articles = list(articles)
    n_process = max(1, min(n_process, len(articles) // batch_size + 1))

    def pieces():
        for a in articles:
            parts = split_text(focus_text(a, focus), nlp.max_length)
            for part in parts:
                yield part, (a, len(parts))

    docs = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    for doc, article in track(_joined(nlp, docs), total=len(articles), enabled=progress):
        yield article, doc


#: Piece size for an article longer than the model's ``max_length``: spaCy
#: refuses longer texts, and the parser needs about 1 GB per 100,000
#: characters it reads at once.
PIECE_CHARS = 100_000


def split_text(text: str, max_length: int, piece: int = PIECE_CHARS) -> list[str]:
    """``text`` as it is when it fits ``max_length``; else pieces of at most
    ``piece`` characters that join back into ``text``, cut after a line
    break (after a space when a line is longer than a piece, anywhere when
    a piece has neither), so every offset in the joined doc is an offset in
    the whole text."""
    if len(text) <= max_length:
        return [text]
    piece = min(piece, max_length)
    out, start = [], 0
    while len(text) - start > piece:
        end = start + piece
        cut = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1
        if cut <= start:
            cut = end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


def _joined(nlp: Language, docs: Iterable[tuple[Doc, tuple[Article, int]]]
            ) -> Iterator[tuple[Doc, Article]]:
    """(doc, article) per article from (doc, (article, pieces)) per piece:
    the docs of a long article's pieces joined into one (text and offsets
    as the whole article's), its claims read again from the joined doc."""
    parts: list[Doc] = []
    for doc, (article, n) in docs:
        if n == 1:
            yield doc, article
            continue
        parts.append(doc)
        if len(parts) < n:
            continue
        for part in parts:  # claims of each piece: read again below, from the whole
            part.user_data.clear()
        whole = Doc.from_docs(parts, ensure_whitespace=False)
        parts = []
        yield nlp.get_pipe("numeric_claims")(whole), article
