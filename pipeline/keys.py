"""Which claims are about the same quantity: the comparison key.

A claim's key is (subject, metric, period, kind, base period, unit part):
subjects and metrics normalized (case, possessives, modifier words, an
acronym standing for a full name), then wordings that still differ slightly
are merged with rapidfuzz, only among claims that share the rest of the key
(blocking keeps this linear). Knowledge: ``data/explain.toml`` ([compare]),
plus the modifier words of ``data/synonyms.toml``.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import cache

import numpy as np
from rapidfuzz import fuzz, process

from .knowledge import load
from .model import Claim
from .numbers import vague_words
from .numwords import phrase_key

#: (subject, metric, period, kind, base_period, unit part)
Key = tuple[str, str, str, str, str, str]

_WORD = re.compile(r"[\w&]+")
#: the numbers in a name or key ("Chandrayaan-2", "covid-19 death")
DIGITS = re.compile(r"\d+")
_POSSESSIVE = re.compile(r"['’]s?\b")


@cache
def cfg() -> dict:
    return load("explain")


@cache
def _metric_drop() -> frozenset[str]:
    modifiers = load("synonyms").get("modifiers", {})
    words = set(cfg()["compare"]["metric_stopwords"])
    words |= set(modifiers.get("ignore", []))
    # a word attribution keeps only where it narrows ("adjusted gross
    # margin") is part of the key wherever it is left in a metric
    return frozenset(words - set(modifiers.get("narrow_unless_after", {})))


def _num(x) -> float:
    if type(x) is float:
        return x
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def comparable(c: Claim) -> bool:
    """Whether a claim can take part in comparisons at all."""
    conf = cfg()["compare"]
    if math.isnan(_num(c.value)) or _num(c.confidence) < conf["min_confidence"]:
        return False
    for name in conf["required"]:
        v = getattr(c, name)
        if not v or (isinstance(v, str) and not v.strip()) or v != v:
            return False
    # "dozens of homes", "millions of people": too vague to confirm or contradict
    return not is_vague(c)


def is_vague(c: Claim) -> bool:
    """A vague quantity (numbers.toml [vague]): a range written without digits."""
    if c.qualifier != "range" or any(ch.isdigit() for ch in str(c.text)):
        return False
    return phrase_key(str(c.text)) in vague_words()


@cache
def signed_kinds() -> frozenset[str]:
    """Kinds that carry a sign through ``direction`` (explain.toml [compare]
    signed_kinds): changes; levels have none."""
    return frozenset(cfg()["compare"]["signed_kinds"])


def sign_interval(c: Claim) -> tuple[float, float, bool]:
    """(low, high, signed): the claim's interval in comparison space. Changes
    that say "decrease" become negative; a change without a direction is
    unsigned (compared by magnitude); open ends stay infinite."""
    v = _num(c.value)
    lo, hi = _num(c.low), _num(c.high)
    lo = v if lo != lo else lo
    hi = v if hi != hi else hi
    if c.kind == "multiple" and c.direction == "increase":
        hi += cfg()["tolerance"]["multiple_higher_slack"]
    if c.kind not in signed_kinds() or lo < 0 or hi < 0:
        return lo, hi, True
    if c.direction == "decrease":
        return -hi, -lo, True
    return lo, hi, c.direction == "increase"


def magnitude(lo: float, hi: float) -> tuple[float, float]:
    """An interval's span of absolute values: (-3, -1) -> (1, 3);
    (-1, 2) -> (0, 2)."""
    if lo >= 0:
        return lo, hi
    if hi <= 0:
        return -hi, -lo
    return 0.0, max(-lo, hi)


# --- normalizing wordings ---------------------------------------------------------

@cache
def norm_name(name: str) -> str:
    """'The National Center’s' -> 'national center'."""
    words = _WORD.findall(_POSSESSIVE.sub("", str(name).lower()))
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def norm_subject(subject: str) -> tuple[str, ...]:
    """Several subjects joined by ';' compare as a set; a government body
    named after a place stands for that place (:func:`jurisdiction`)."""
    return tuple(sorted({jurisdiction(n) for part in str(subject).split(";")
                         if (n := norm_name(part))}))


@cache
def _jurisdiction_words() -> tuple[frozenset[str], frozenset[str]]:
    spec = load("attribution")["jurisdiction"]
    return frozenset(spec["bodies"]), frozenset(spec["place_words"])


def jurisdiction(name: str) -> str:
    """The place a government body named after it serves, else ``name``
    (normalized names): "ohio department of health" -> "ohio",
    "oklahoma state department of health" -> "oklahoma", "marston county
    health department" -> "marston county"; "division of public health"
    and "averill metro transit authority" stay."""
    bodies, places = _jurisdiction_words()
    words = name.split()
    for i, w in enumerate(words):
        if w not in bodies or i == 0:
            continue
        if i + 1 < len(words) and words[i + 1] == "of":
            # "<place> [state] department of ..."
            head = words[:i - 1] if words[i - 1] == "state" and i > 1 else words[:i]
            return " ".join(head)
        if i == len(words) - 1:
            # "<... county> health department"
            cut = max((k for k in range(1, i) if words[k] in places), default=0)
            if cut:
                return " ".join(words[:cut + 1])
    return name


@cache
def norm_metric(metric: str) -> str:
    words = [w for w in _WORD.findall(str(metric).lower()) if w not in _metric_drop()]
    return " ".join(singular(w) for w in words)


def singular(w: str) -> str:
    """"reports" -> "report"; "class", "gas" stay."""
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def acronym(name: str) -> str:
    skip = set(cfg()["compare"]["acronym_skip"])
    words = [w for w in name.split() if w not in skip]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def acronym_aliases(names: set[str]) -> dict[str, str]:
    """Full names whose initials are another subject's name map to it
    ('national center for missing exploited children' -> 'ncmec')."""
    singles = {n for n in names if " " not in n}
    return {n: a for n in names if (a := acronym(n)) in singles and a != n}


def similar_names(names: set[str], threshold: float) -> dict[str, set[str]] | None:
    """name -> the other names similar to it (rapidfuzz ratio >= threshold,
    same numbers in them), computed once over the distinct names in one C
    call; None when there are too many distinct names for that."""
    conf = cfg()["compare"]
    names = sorted(n for n in names if len(n) >= conf["fuzzy_min_length"])
    if len(names) > conf["fuzzy_max_distinct"]:
        return None
    out: dict[str, set[str]] = defaultdict(set)
    if len(names) < 2:
        return out
    scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=threshold,
                           dtype=np.uint8)
    for i, j in zip(*np.nonzero(scores)):
        n, m = names[i], names[j]
        if i != j and DIGITS.findall(n) == DIGITS.findall(m) and _paren(n) == _paren(m):
            out[n].add(m)
    return out


def _paren(name: str) -> str:
    """A wording's closing parenthesis ("sentence (proposed)", "job (cut)"):
    two wordings that differ there never merge."""
    return name.partition(" (")[2]


def fuzzy_merge(block: Counter, threshold: float,
                similar: dict[str, set[str]] | None = None) -> dict[str, str]:
    """Map each wording in a block to a canonical one (the most common of the
    wordings it is similar to). Wordings with different numbers in them
    ("covid-19 deaths", "h5n1 cases") are never merged."""
    conf = cfg()["compare"]
    names = [n for n in sorted(block, key=lambda n: (-block[n], n))
             if len(n) >= conf["fuzzy_min_length"]]
    if len(names) < 2 or len(names) > conf["fuzzy_max_block"]:
        return {}
    if similar is None:
        similar = similar_names(set(names), threshold) or {}
    out: dict[str, str] = {}
    for i, n in enumerate(names):
        if n in out or n not in similar:
            continue
        for m in names[i + 1:]:
            if m not in out and m in similar[n]:
                out[m] = n
    return out


# --- keys --------------------------------------------------------------------------

def claim_keys(claims: list[Claim], alias: dict[str, str] | None = None) -> dict[str, Key]:
    """claim_id -> comparison key for every claim. ``alias`` (default: made
    from these claims) is :func:`acronym_aliases` of every subject name of
    the table, for a caller that gives only some of its claims (one block of
    :func:`rest_of`: wordings merge only within one)."""
    conf = cfg()["compare"]
    subj = {c.claim_id: norm_subject(str(c.subject)) for c in claims}
    if alias is None:
        alias = acronym_aliases({p for s in set(subj.values()) for p in s})
    joined = {s: ";".join(sorted({alias.get(p, p) for p in s})) for s in set(subj.values())}
    subj = {k: joined[s] for k, s in subj.items()}
    rest = {c.claim_id: rest_of(c) for c in claims}
    metric = {c.claim_id: norm_metric(str(c.metric)) for c in claims}
    metric = _merge_within(metric, subj, rest, conf["metric_similarity"])
    subj = _merge_within(subj, metric, rest, conf["subject_similarity"])
    return {cid: (subj[cid], metric[cid]) + rest[cid] for cid in subj}


def rest_of(c: Claim) -> tuple[str, str, str, str]:
    """The key but for subject and metric: (period, kind, base period, unit part)."""
    conf = cfg()["compare"]
    return (str(c.period).strip(), c.kind,
            str(c.base_period or "").strip() if c.kind in conf["change_kinds"] else "",
            unit_part(c.kind, c.unit))


@cache
def time_units() -> frozenset[str]:
    """Units of a length of time (explain.toml [compare] length_units)."""
    return frozenset(cfg()["compare"]["length_units"])


def unit_part(kind: str, unit) -> str:
    """The unit as a key holds it: for the kinds of explain.toml
    unit_in_key ("100 a day" vs "100 a week", USD vs EUR), and for a count of
    units of time ("three years" is no count of tickets, nor of months); what
    follows "per" for other kinds ("per week"); else "" (a count's noun
    varies: "reports", "tips")."""
    unit = str(unit or "").strip().lower()
    if kind in cfg()["compare"]["unit_in_key"] or unit in time_units():
        return unit
    # a change of a rate ("an additional 2,000 cars per week", "up $0.12
    # per share") is no change of a total: its "per" stays
    return per_part(unit)


def per_part(unit) -> str:
    """What a unit counts per ("per week" of "car per week"), or ""."""
    unit = str(unit or "").strip().lower()
    return unit[unit.index(" per ") + 1:] if " per " in unit else ""


def subject_names(subjects) -> set[str]:
    """Every normalized name in these subject wordings (for :func:`acronym_aliases`)."""
    return {p for s in set(subjects) for p in norm_subject(str(s))}


def _merge_within(names: dict[str, str], other: dict[str, str], rest: dict[str, tuple],
                  threshold: float) -> dict[str, str]:
    """Fuzzy-merge the wordings in ``names`` among claims that share the rest
    of their key (``other`` and ``rest``)."""
    similar = similar_names(set(names.values()), threshold)
    if similar is not None and not similar:
        return names
    blocks: dict[tuple, Counter] = defaultdict(Counter)
    for cid, name in names.items():
        blocks[(other[cid],) + rest[cid]][name] += 1
    mapping = {b: m for b, cnt in blocks.items() if len(cnt) > 1
               and (m := fuzzy_merge(cnt, threshold, similar))}
    if not mapping:
        return names
    return {cid: mapping.get((other[cid],) + rest[cid], {}).get(n, n) for cid, n in names.items()}


def level_key(subject_metric: tuple[str, str], period: str, kind: str, unit: str) -> Key:
    """The key a level (count or amount) at ``period`` would have."""
    return subject_metric + (period, kind, "", unit_part(kind, unit))


def change_key(subject_metric: tuple[str, str], period: str, kind: str, base: str) -> Key:
    """The key a change of ``kind`` from ``base`` to ``period`` would have."""
    return subject_metric + (period, kind, base, "")


def scale_slip(ratio: float) -> bool:
    """Whether two sizes ``ratio`` apart differ by a scale factor
    (explain.toml [causes] scale_factors: thousand, million, billion), within
    its scale_tolerance: a slip of "million" for "billion", one quantity."""
    tol = cfg()["causes"]["scale_tolerance"]
    return any(abs(ratio / k - 1) <= tol for k in cfg()["causes"]["scale_factors"])


def sizes_apart(x: float, y: float, limit: str = "key_max_ratio",
                section: str = "compare") -> bool:
    """Two sizes of one key too far apart to be one quantity read twice
    (explain.toml [compare] key_max_ratio, or another ``limit`` of another
    ``section``; not a scale slip): "14 analysts" and "473,253" vehicles
    keyed alike are two quantities."""
    x, y = sorted((abs(x), abs(y)))
    if not x or x != x or y != y or y == math.inf:
        return False
    ratio = y / x
    return ratio > cfg()[section][limit] and not scale_slip(ratio)
