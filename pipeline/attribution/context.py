"""The article around a claim: its block (paragraph, headline, bullet), the
sentences before it in that block, and the words of the article's title."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # annotations only: a cached run never imports spaCy
    from spacy.tokens import Doc, Span

from ..extract import doc_text
from ..knowledge import load
from ..model import Article


@cache
def attr() -> dict:
    return load("attribution")


@cache
def syn() -> dict:
    return load("synonyms")


@dataclass
class ArticleContext:
    """Per-article facts the attribution steps share."""
    article: Article
    doc: Doc
    blocks: list[tuple[int, int, str]] = field(default_factory=list)
    topic_words: frozenset[str] = frozenset()   # see build()
    text: str = ""                  # doc.text, read once (spaCy rebuilds it per access)
    sents: list[Span] = field(default_factory=list)
    sent_of_token: list[int] = field(default_factory=list)
    memo: dict = field(default_factory=dict)  # per-article results of pure helpers

    def index_sentences(self) -> None:
        """Sentences once, and each token's sentence number (spaCy's
        ``Token.sent`` walks the whole document on every call)."""
        self.sents = list(self.doc.sents)
        lengths = [s.end - s.start for s in self.sents]
        self.sent_of_token = np.repeat(np.arange(len(lengths)), lengths).tolist()

    def sent_no(self, tok_i: int) -> int:
        return self.sent_of_token[tok_i] if self.sent_of_token else 0

    def sent_of(self, tok_i: int) -> Span:
        return self.sents[self.sent_no(tok_i)]

    def block_of(self, char: int) -> tuple[int, int, str]:
        for b in self.blocks:
            if b[0] <= char < b[1]:
                return b
        return (char, char + 1, "paragraph")

    def sentence_at(self, char: int) -> Span | None:
        span = self.doc.char_span(char, min(char + 1, len(self.text)),
                                  alignment_mode="expand")
        return self.sent_of(span.start) if span is not None and len(span) else None

    def previous_sentences(self, sent: Span, paragraphs: bool = False) -> list[Span]:
        """Sentences before ``sent`` in the same block, nearest first, and
        with ``paragraphs`` those of the paragraph before when this one is a
        paragraph too. Headlines and bullets stand alone: they get none."""
        start, _, kind = self.block_of(sent.start_char)
        if kind in ("headline", "bullet"):
            return []
        if paragraphs:
            before = [b for b in self.blocks if b[1] <= start and b[2] != "furniture"]
            if before and before[-1][2] == "paragraph":
                start = before[-1][0]
        out = []
        tok = sent.start - 1
        while tok >= 0:
            prev = self.sent_of(tok)
            if prev.end_char <= start:
                break
            if prev.text.strip():
                out.append(prev)
            tok = prev.start - 1
        return out


def lower_words(ctx: ArticleContext) -> set[str]:
    """Words the article writes in lower case somewhere: a capitalised one of
    these ("Pedestrians accounted for ...") is a common noun, not a name."""
    if "lower_words" not in ctx.memo:
        ctx.memo["lower_words"] = set(re.findall(r"\b[a-z][a-z'’-]+\b", ctx.text))
    return ctx.memo["lower_words"]


def title_text(article: Article) -> str:
    """The article's title (sources.csv), else its first headline block."""
    if article.title:
        return article.title
    for b in article.blocks:
        if b.kind == "headline":
            return article.text[b.start:b.end]
    return ""


def _word_counts(doc: Doc, spans: list[tuple[int, int]]) -> Counter:
    """How often each lemma (lower case) occurs in the character ``spans`` of
    ``doc``, plus each word form that differs from its lemma. Counted over
    distinct (form, lemma) pairs, not token by token."""
    table = doc.to_array(["LOWER", "LEMMA"]).reshape(len(doc), 2)
    pairs: Counter = Counter()
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            rows = table[span.start:span.end]
            pairs.update(zip(rows[:, 0].tolist(), rows[:, 1].tolist()))
    strings = doc.vocab.strings
    counts: Counter = Counter()
    for (lower, lemma), n in pairs.items():
        lemma = strings[lemma].lower()
        counts[lemma] += n
        if strings[lower] != lemma:
            counts[strings[lower]] += n
    return counts


def build(article: Article, doc: Doc) -> ArticleContext:
    """The context of one parsed article. Its topic words are the title's
    content words that the body keeps using, except those that narrow a
    counted noun in the title itself ("Sex trafficking reports rise"):
    as modifiers they restate the topic and do not narrow a metric."""
    blocks = [(b.start, b.end, b.kind) for b in article.blocks]
    text = doc_text(doc)
    title = title_text(article)
    pos = article.text.find(title) if title else -1
    span = doc.char_span(pos, pos + len(title), alignment_mode="expand") if pos >= 0 else None
    scope: set[str] = set()
    if span is not None:
        words = {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop}
        words |= {t.lower_ for t in span if t.is_alpha and not t.is_stop}
        classes = {w for ws in syn()["classes"].values() for w in ws}
        for tok in span:
            if tok.pos_ == "NOUN" and (tok.tag_ == "NNS" or tok.lemma_.lower() in classes):
                scope |= {m.lemma_.lower() for m in tok.subtree
                          if m.i < tok.i and m.dep_ in ("compound", "amod")}
    else:
        words = {w.lower().strip(".,:;!?’'\"") for w in title.split()}
        words |= {w[:-1] for w in words if w.endswith("s")}
    body = [(s, e) for s, e, k in blocks if k in ("paragraph", "bullet")] or [(0, len(text))]
    counts = _word_counts(doc, body)
    least = syn()["words"]["topic_min_count"]
    topic = frozenset(w for w in words if counts[w] >= least and w not in scope)
    ctx = ArticleContext(article, doc, blocks, topic, text)
    ctx.index_sentences()
    return ctx
