"""Split an article's text into sentences with offsets, without a model.

explain uses this to look for cue sentences anywhere in an article (claims
carry their own sentence offsets from spaCy). Page furniture is skipped,
every block (paragraph, headline, list item) ends a sentence, and a full
stop after an abbreviation ("Mr.", "U.S.") does not; the abbreviations are
in ``data/explain.toml`` ([sentences]).
"""
from __future__ import annotations

import re
from functools import cache

from .knowledge import load
from .model import Article

_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"(\S+)$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load("explain")["sentences"]["abbreviations"])


def _is_abbreviation(text: str, start: int, stop: int) -> bool:
    m = _LAST_WORD.search(text, start, stop)
    if not m:
        return False
    word = m.group(1).strip("\"“‘(").rstrip(".")
    return "." in word or word.lower() in _abbreviations() or (len(word) == 1 and word.isupper())


def split(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every sentence outside page furniture, stripped of
    surrounding white space: ``article.text[start:end]`` is the sentence."""
    text = article.text
    blocks = [(b.start, b.end) for b in article.blocks if b.kind != "furniture"]
    if not article.blocks:
        blocks = [(0, len(text))]
    out = []
    for b_start, b_end in blocks:
        start = b_start
        for m in _BOUNDARY.finditer(text, b_start, b_end):
            cut = m.end() - len(m.group()) + len(m.group().rstrip())
            if _is_abbreviation(text, start, m.start() + 1):
                continue
            out.append((start, cut))
            start = m.end()
        out.append((start, b_end))
    return [_strip(text, s, e) for s, e in out if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) moved in past white space at either end."""
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())
