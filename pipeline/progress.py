"""A progress bar for long runs that gets out of the way.

It draws on stderr (data stays on stdout), and only when asked for and
stderr is a terminal: ``--quiet``, a pipe, a log file or a test runner get
nothing. Built on tqdm, which spaCy already depends on.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

#: Runs shorter than this many items never show a bar.
MIN_ITEMS = 2


def wanted(enabled: bool = True, stream=None) -> bool:
    """True when a bar should be drawn: enabled and the stream is a terminal."""
    stream = sys.stderr if stream is None else stream
    if not enabled:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or replaced stream
        return False


def track(items: Iterable[T], total: int | None = None, label: str = "articles",
          enabled: bool = True, stream=None) -> Iterator[T]:
    """Yield ``items`` unchanged, with a bar on ``stream`` (default stderr)
    when :func:`wanted` says so."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    if not wanted(enabled, stream) or (total is not None and total < MIN_ITEMS):
        yield from items
        return
    from tqdm import tqdm
    bar = tqdm(total=total, unit=" " + label, file=sys.stderr if stream is None else stream,
               leave=False, dynamic_ncols=True, mininterval=0.5)
    try:
        for item in items:
            yield item
            bar.update(1)
    finally:
        bar.close()
