"""How sources are named where people read: a short label per article.

The label is the publisher, else the title (shortened, in quotes), else the file stem,
made unique within a run ("AP", "AP (2)"). Data files keep the file stem
(``source_id``); only text for people (reports, chart labels, explanations,
suggested wording) uses the label. Writers name a source with :func:`name`
inside ``with naming(labels):``; outside it, a source is named by its id.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterable, Iterator, Mapping

#: Characters of a title kept in a label (cut at a word, with "…").
TITLE_CHARS = 30

_LABELS: ContextVar[Mapping[str, str]] = ContextVar("claimcheck_labels", default={})
_URLS: ContextVar[Mapping[str, str]] = ContextVar("claimcheck_urls", default={})


def short_title(title: str, limit: int = TITLE_CHARS) -> str:
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return (cut or title[:limit]) + "…"


def label_of(source: Mapping) -> str:
    """Publisher, else the shortened title in quotes, else the source id."""
    publisher = " ".join(str(source.get("publisher") or "").split())
    if publisher:
        return short_title(publisher)
    title = str(source.get("title") or "").strip()
    if title:
        return f"“{short_title(title)}”"
    return str(source["source_id"])


def source_labels(sources: Iterable[Mapping]) -> dict[str, str]:
    """{source_id: label}, unique: a repeated label gets " (2)", " (3)" in order."""
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for s in sources:
        label = label_of(s)
        n = seen[label] = seen.get(label, 0) + 1
        out[str(s["source_id"])] = label if n == 1 else f"{label} ({n})"
    return out


@contextmanager
def naming(labels: Mapping[str, str], urls: Mapping[str, str] | None = None) -> Iterator[None]:
    """Name sources by ``labels`` (and know their articles' ``urls``) while
    the block runs."""
    token, url_token = _LABELS.set(labels), _URLS.set(urls or {})
    try:
        yield
    finally:
        _LABELS.reset(token)
        _URLS.reset(url_token)


def name(source_id: str) -> str:
    """The label of ``source_id`` (its id when no label is known)."""
    return _LABELS.get().get(source_id, source_id)


def url(source_id: str) -> str:
    """The article's address, when known inside :func:`naming`; else ""."""
    return _URLS.get().get(source_id, "")
