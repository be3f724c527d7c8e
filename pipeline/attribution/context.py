"""The article around a claim: its block (paragraph, headline, bullet), the
sentences before it in that block, and the words of the article's title."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span

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
    title_words: frozenset[str] = frozenset()

    def block_of(self, char: int) -> tuple[int, int, str]:
        for b in self.blocks:
            if b[0] <= char < b[1]:
                return b
        return (char, char + 1, "paragraph")

    def sentence_at(self, char: int) -> Span | None:
        span = self.doc.char_span(char, min(char + 1, len(self.doc.text)),
                                  alignment_mode="expand")
        return span.sent if span is not None and len(span) else None

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
            prev = self.doc[tok].sent
            if prev.end_char <= start:
                break
            if prev.text.strip():
                out.append(prev)
            tok = prev.start - 1
        return out


def title_text(article: Article) -> str:
    """The article's title (sources.csv), else its first headline block."""
    if article.title:
        return article.title
    for b in article.blocks:
        if b.kind == "headline":
            return article.text[b.start:b.end]
    return ""


def build(article: Article, doc: Doc) -> ArticleContext:
    blocks = [(b.start, b.end, b.kind) for b in article.blocks]
    title = title_text(article)
    pos = article.text.find(title) if title else -1
    span = doc.char_span(pos, pos + len(title), alignment_mode="expand") if pos >= 0 else None
    if span is not None:
        words = {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop}
        words |= {t.lower_ for t in span if t.is_alpha and not t.is_stop}
    else:
        words = {w.lower().strip(".,:;!?’'\"") for w in title.split()}
        words |= {w[:-1] for w in words if w.endswith("s")}
    # a title word is the article's topic only if the body keeps using it
    body = [(s, e) for s, e, k in blocks if k in ("paragraph", "bullet")] or [(0, len(doc.text))]
    counts: Counter = Counter()
    for tok in doc:
        if any(s <= tok.idx < e for s, e in body):
            counts[tok.lemma_.lower()] += 1
            if tok.lower_ != tok.lemma_.lower():
                counts[tok.lower_] += 1
    least = syn()["words"]["topic_min_count"]
    return ArticleContext(article, doc, blocks,
                          frozenset(w for w in words if counts[w] >= least))
