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

from rapidfuzz import fuzz

from .knowledge import load
from .model import Claim

#: (subject, metric, period, kind, base_period, unit part)
Key = tuple[str, str, str, str, str, str]

_WORD = re.compile(r"[\w&]+")
_POSSESSIVE = re.compile(r"['’]s?\b")


@cache
def cfg() -> dict:
    return load("explain")


@cache
def _metric_drop() -> frozenset[str]:
    words = set(cfg()["compare"]["metric_stopwords"])
    words |= set(load("synonyms").get("modifiers", {}).get("ignore", []))
    return frozenset(words)


def _num(x) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def comparable(c: Claim) -> bool:
    """Whether a claim can take part in comparisons at all."""
    conf = cfg()["compare"]
    if math.isnan(_num(c.value)) or _num(c.confidence) < conf["min_confidence"]:
        return False
    return all(str(getattr(c, name) or "").strip() for name in conf["required"])


def sign_interval(c: Claim) -> tuple[float, float, bool]:
    """(low, high, signed): the claim's interval in comparison space. Changes
    that say "decrease" become negative; a change without a direction is
    unsigned (compared by magnitude); open ends stay infinite."""
    v = _num(c.value)
    lo, hi = _num(c.low), _num(c.high)
    lo = v if math.isnan(lo) else lo
    hi = v if math.isnan(hi) else hi
    compare = cfg()["compare"]
    if c.kind == "multiple" and c.direction == "increase":
        hi += cfg()["tolerance"]["multiple_higher_slack"]
    if c.kind not in compare["signed_kinds"] or lo < 0 or hi < 0:
        return lo, hi, True
    if c.direction == "decrease":
        return -hi, -lo, True
    return lo, hi, c.direction == "increase"


# --- normalizing wordings ---------------------------------------------------------

def norm_name(name: str) -> str:
    """'The National Center’s' -> 'national center'."""
    words = _WORD.findall(_POSSESSIVE.sub("", str(name).lower()))
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def norm_subject(subject: str) -> tuple[str, ...]:
    """Several subjects joined by ';' compare as a set."""
    return tuple(sorted({n for part in str(subject).split(";") if (n := norm_name(part))}))


def norm_metric(metric: str) -> str:
    words = [w for w in _WORD.findall(str(metric).lower()) if w not in _metric_drop()]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                    for w in words)


def acronym(name: str) -> str:
    skip = set(cfg()["compare"]["acronym_skip"])
    words = [w for w in name.split() if w not in skip]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def acronym_aliases(names: set[str]) -> dict[str, str]:
    """Full names whose initials are another subject's name map to it
    ('national center for missing exploited children' -> 'ncmec')."""
    singles = {n for n in names if " " not in n}
    return {n: a for n in names if (a := acronym(n)) in singles and a != n}


def fuzzy_merge(block: Counter, threshold: float) -> dict[str, str]:
    """Map each wording in a block to a canonical one (the most common of the
    wordings it is similar to)."""
    conf = cfg()["compare"]
    names = sorted(block, key=lambda n: (-block[n], n))
    if len(names) < 2 or len(names) > conf["fuzzy_max_block"]:
        return {}
    out: dict[str, str] = {}
    for i, n in enumerate(names):
        if n in out or len(n) < conf["fuzzy_min_length"]:
            continue
        for m in names[i + 1:]:
            if m not in out and len(m) >= conf["fuzzy_min_length"] \
                    and fuzz.ratio(n, m) >= threshold:
                out[m] = n
    return out


# --- keys --------------------------------------------------------------------------

def _unit_part(c: Claim) -> str:
    return str(c.unit or "").strip().lower() if c.kind in cfg()["compare"]["unit_in_key"] else ""


def _base(c: Claim) -> str:
    return str(c.base_period or "").strip() if c.kind in cfg()["compare"]["change_kinds"] else ""


def claim_keys(claims: list[Claim]) -> dict[str, Key]:
    """claim_id -> comparison key for every claim."""
    conf = cfg()["compare"]
    subj = {c.claim_id: norm_subject(c.subject) for c in claims}
    parts = {p for s in subj.values() for p in s}
    alias = acronym_aliases(parts)
    subj = {k: ";".join(sorted({alias.get(p, p) for p in s})) for k, s in subj.items()}
    rest = {c.claim_id: (str(c.period).strip(), c.kind, _base(c), _unit_part(c)) for c in claims}
    metric = {c.claim_id: norm_metric(c.metric) for c in claims}

    blocks: dict[tuple, Counter] = defaultdict(Counter)
    for cid in metric:
        blocks[(subj[cid],) + rest[cid]][metric[cid]] += 1
    merged = {b: fuzzy_merge(cnt, conf["metric_similarity"]) for b, cnt in blocks.items()}
    metric = {cid: merged[(subj[cid],) + rest[cid]].get(m, m) for cid, m in metric.items()}

    blocks = defaultdict(Counter)
    for cid in subj:
        blocks[(metric[cid],) + rest[cid]][subj[cid]] += 1
    merged = {b: fuzzy_merge(cnt, conf["subject_similarity"]) for b, cnt in blocks.items()}
    subj = {cid: merged[(metric[cid],) + rest[cid]].get(s, s) for cid, s in subj.items()}
    return {cid: (subj[cid], metric[cid]) + rest[cid] for cid in subj}


def level_key(subject_metric: tuple[str, str], period: str, kind: str, unit: str) -> Key:
    """The key a level (count or amount) at ``period`` would have."""
    unit_part = unit.strip().lower() if kind in cfg()["compare"]["unit_in_key"] else ""
    return subject_metric + (period, kind, "", unit_part)


def change_key(subject_metric: tuple[str, str], period: str, kind: str, base: str) -> Key:
    """The key a change of ``kind`` from ``base`` to ``period`` would have."""
    return subject_metric + (period, kind, base, "")
