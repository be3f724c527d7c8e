"""Cue words for the causes of a disagreement (``data/explain.toml``
``[causes.<cause>] cues``), compiled once and shared: explain looks for them
to name a cause, compare to keep a figure whose sentence says how it was
counted."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .keys import cfg


#: A hyphen between words, read as a space by every cue ("third-quarter"
#: holds "third quarter"); the replacement keeps character offsets.
HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


@cache
def cue_patterns(cause: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in cfg()["causes"][cause]["cues"])


@lru_cache(maxsize=1 << 16)
def first_cue(cause: str, sentence: str) -> str:
    """The first cue for ``cause`` in the sentence; a hyphen between words
    reads as a space ("third-quarter" holds the cue "third quarter")."""
    spaced = HYPHEN.sub(" ", sentence)
    for p in cue_patterns(cause):
        if m := p.search(sentence) or p.search(spaced):
            return m.group()
    return ""


@cache
def reference_patterns() -> tuple[re.Pattern, ...]:
    """The cues of a baseline a figure is measured against
    (``data/frames.toml`` [dimensions.reference.baseline])."""
    from .knowledge import load
    return tuple(re.compile(p, re.I)
                 for p in load("frames")["dimensions"]["reference"]["baseline"]["cues"])


def baseline_after(text: str) -> re.Match | None:
    """A baseline named right after a figure ("1.55°C above the
    pre-industrial average", "warmer than the 1991-2020 normal"): the first
    match within ``text`` (the words after the figure), or None. Offsets are
    into ``text``; read with hyphens as spaces, which keeps lengths."""
    spaced = HYPHEN.sub(" ", text)
    found = [m for p in reference_patterns() if (m := p.search(spaced))]
    return min(found, key=lambda m: m.start()) if found else None


#: the years a baseline names right after its words, tied to it by "of" or
#: brackets ("the average for the preindustrial period of 1850–1900", "the
#: pre-industrial (1850-1900) level", "NASA's baseline period (1951-1980)";
#: not "the average during 2023-2024", the figure's own years)
_BASELINE_YEARS = re.compile(r"(?:\s+(?:[\w'’-]+\s+){0,4}?of\s+|\s*(?:[\w'’-]+\s+){0,4}?\(\s*)"
                             r"\d{4}\s*[–-]\s*\d{2,4}\s*\)?"
                             r"(?:\s+(?:average|baseline|levels?|period|mean))?")


def baseline_end(text: str, m: re.Match) -> int:
    """Where the baseline ``m`` (:func:`baseline_after`) ends in ``text``,
    with the span of years it names right after it."""
    years = _BASELINE_YEARS.match(text, m.end())
    return years.end() if years else m.end()


def reference_after(text: str) -> str:
    """The baseline a figure is measured against, as written after it
    ("above the pre-industrial average" -> "the pre-industrial average"),
    or ""."""
    m = baseline_after(text)
    if m is None:
        return ""
    start = m.end("lead") if "lead" in m.re.groupindex and m.group("lead") else m.start()
    return text[start:baseline_end(text, m)].strip()
