"""What an article's own figures imply, for compare's derived checks.

From the claims of one article (never mixing articles):

* two levels of one quantity at periods P0 < P1 ("from 36.2 million to 20.5
  million") imply the change L1 - L0 and the relative change (L1 - L0) / L0;
* a level and a change (absolute or relative) imply the other level;
* a rate per day/week/month over a year implies the year's total;
* a share in percent of a total another subject holds, "p% of the N" in one
  sentence, implies a count;
* a part of a whole and "the remaining" figure in one sentence ("152 of the
  184 cases; the remaining 42") imply the rest, whole less part;
* a relative rise of p% is a multiple of 1 + p/100, and the other way round.

Every implied value keeps its premises, an interval (computed from the
premises' intervals) and the arithmetic as text. Knowledge:
``data/explain.toml`` ([derive]).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from .figures import fmt_number
from .keys import (Key, cfg, change_key, level_key, per_part, sign_interval, sizes_apart,
                   unit_part)
from .model import Claim


#: Kinds that imply something on their own (a rate's yearly total, a
#: percentage rise's multiple and the other way round).
_SINGLE_CLAIM_KINDS = frozenset({"rate", "pct_change", "multiple"})


@dataclass(frozen=True)
class Implied:
    """A value one article's claims imply, and where it would be stated."""
    premises: tuple[Claim, ...]
    key: Key
    kind: str
    value: float
    low: float
    high: float
    text: str
    #: the premise restated in other terms ("1,600 a year" is 1,600 in the
    #: year): checked against other articles only, since against its own
    #: article it would only compare two of its figures that share a key
    restated: bool = False

    @property
    def premise_ids(self) -> tuple[str, ...]:
        return tuple(sorted(p.claim_id for p in self.premises))

    def entry(self) -> dict:
        """A finding's value entry for this implied value."""
        return {"claim_id": "", "source_id": self.premises[0].source_id, "role": "derived",
                "text": self.text, "kind": self.kind, "unit": "", "period": self.key[2],
                "value": self.value,
                "low": self.low, "high": self.high, "signed": True,
                "start_char": -1, "end_char": -1}


@cache
def _shapes() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in cfg()["derive"]["period_shapes"])


def period_shape(period: str) -> int:
    """Index of the period shape ``period`` has, or -1 (not orderable)."""
    return next((i for i, p in enumerate(_shapes()) if p.match(period)), -1)


def implied(claims: list[Claim], keys: dict[str, Key],
            wanted: Callable[[Key], bool] = lambda key: True) -> Iterator[Implied]:
    """Every value the claims of one article imply at a key ``wanted`` accepts
    (compare asks only for keys some claim states: nothing else is built)."""
    by_quantity: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        by_quantity[keys[c.claim_id][:2]].append(c)
    level_kinds = set(cfg()["derive"]["level_kinds"])
    for sm, cs in by_quantity.items():
        if len(cs) == 1 and cs[0].kind not in _SINGLE_CLAIM_KINDS:
            continue  # one level or change alone implies nothing
        kinds = {c.kind for c in cs}
        levels = unique_levels(cs) if len(cs) > 1 and kinds & level_kinds else {}
        if len(levels) > 1:
            yield from level_pairs(sm, cs, levels, wanted)
        if levels and kinds & {"change", "pct_change"}:
            yield from level_and_change(sm, cs, levels, wanted)
        if "rate" in kinds:
            yield from rate_totals(sm, cs, levels, wanted)
        if kinds & {"pct_change", "multiple"}:
            yield from pct_multiple(sm, cs, levels, wanted)
    if any(c.kind == "percent" for c in claims):
        yield from shares(claims, keys, wanted)
    yield from remainders(claims, keys, wanted)


def unique_levels(claims: list[Claim]) -> dict[str, Claim]:
    """period -> the level claim for it, when the article gives exactly one
    value for that period (a period with two different values is ambiguous
    and left out)."""
    kinds = cfg()["derive"]["level_kinds"]
    seen: dict[str, dict[float, Claim]] = defaultdict(dict)
    for c in sorted(claims, key=lambda c: c.start_char):
        if c.kind in kinds and period_shape(str(c.period)) >= 0:
            seen[str(c.period)].setdefault(c.value, c)
    return {p: next(iter(vs.values())) for p, vs in seen.items() if len(vs) == 1}


def _iv(c: Claim) -> tuple[float, float]:
    lo, hi, _ = sign_interval(c)
    return lo, hi


def _same_unit(a: Claim, b: Claim) -> bool:
    """Two levels whose difference means something: one kind, and units a
    key would not tell apart (:func:`keys.unit_part`: a count of days is no
    count of things)."""
    return a.kind == b.kind and (not a.unit or not b.unit or a.unit == b.unit
                                 or unit_part(a.kind, a.unit) == unit_part(b.kind, b.unit))


def level_pairs(sm, claims, levels, wanted) -> Iterator[Implied]:
    periods = sorted(levels)[-cfg()["derive"]["max_periods"]:]
    for i, p0 in enumerate(periods):
        for p1 in periods[i + 1:]:
            l0, l1 = levels[p0], levels[p1]
            if period_shape(p0) != period_shape(p1) or not _same_unit(l0, l1) \
                    or sizes_apart(l0.value, l1.value, "level_max_ratio"):
                continue  # ("beat the estimate of 473,253 from 14 analysts")
            k_change = change_key(sm, p1, "change", p0)
            k_pct = change_key(sm, p1, "pct_change", p0)
            if not (wanted(k_change) or wanted(k_pct)):
                continue
            (a_lo, a_hi), (b_lo, b_hi) = _iv(l0), _iv(l1)
            diff = l1.value - l0.value
            a, b = fmt_number(l0.value), fmt_number(l1.value)
            yield Implied((l0, l1), k_change, "change", diff,
                          b_lo - a_hi, b_hi - a_lo, f"{b} - {a} = {fmt_number(diff)}")
            if l0.value > 0 and a_hi > 0:
                pct = (l1.value / l0.value - 1) * 100
                hi = (b_hi / a_lo - 1) * 100 if a_lo > 0 else math.inf
                yield Implied((l0, l1), k_pct, "pct_change", pct, (b_lo / a_hi - 1) * 100, hi,
                              f"({b} - {a}) / {a} = {fmt_number(pct, 'pct_change')}")


def level_and_change(sm, claims, levels, wanted) -> Iterator[Implied]:
    """A change from P0 to P1 plus the level at one end gives the other end."""
    for c in claims:
        if c.kind not in ("change", "pct_change"):
            continue
        lo, hi, signed = sign_interval(c)
        p1, p0 = str(c.period), str(c.base_period)
        if not signed or not p0 or math.isinf(lo) or math.isinf(hi):
            continue
        v = -abs(c.value) if c.direction == "decrease" else c.value
        # (a level and a change per something else are no two ends of one
        # move: "13,213 vessels" and "an additional six vessels per day")
        l0, l1 = (lv if lv is not None and per_part(lv.unit) == per_part(c.unit) else None
                  for lv in (levels.get(p0), levels.get(p1)))
        if l1 is not None and not wanted(level_key(sm, p0, l1.kind, l1.unit)):
            l1 = None
        if l0 is not None and not wanted(level_key(sm, p1, l0.kind, l0.unit)):
            l0 = None
        if c.kind == "change":
            yield from _apply_change(sm, c, v, lo, hi, l0, l1, p0, p1)
        elif lo > -100:
            yield from _apply_pct(sm, c, v, lo, hi, l0, l1, p0, p1)


def _apply_change(sm, c, v, lo, hi, l0, l1, p0, p1) -> Iterator[Implied]:
    step = f"{'-' if v < 0 else '+'} {fmt_number(abs(v))}"
    if l1 is not None:
        b_lo, b_hi = _iv(l1)
        val = l1.value - v
        back = f"{'+' if v < 0 else '-'} {fmt_number(abs(v))}"
        yield Implied((l1, c), level_key(sm, p0, l1.kind, l1.unit), l1.kind, val,
                      b_lo - hi, b_hi - lo, f"{fmt_number(l1.value)} {back} = {fmt_number(val)}")
    if l0 is not None:
        a_lo, a_hi = _iv(l0)
        val = l0.value + v
        yield Implied((l0, c), level_key(sm, p1, l0.kind, l0.unit), l0.kind, val,
                      a_lo + lo, a_hi + hi, f"{fmt_number(l0.value)} {step} = {fmt_number(val)}")


def _apply_pct(sm, c, v, lo, hi, l0, l1, p0, p1) -> Iterator[Implied]:
    factor = f"(1 {'-' if v < 0 else '+'} {fmt_number(abs(v), 'pct_change')})"
    if l1 is not None:
        b_lo, b_hi = _iv(l1)
        val = l1.value / (1 + v / 100)
        yield Implied((l1, c), level_key(sm, p0, l1.kind, l1.unit), l1.kind, val,
                      b_lo / (1 + hi / 100), b_hi / (1 + lo / 100),
                      f"{fmt_number(l1.value)} / {factor} = {fmt_number(val)}")
    if l0 is not None:
        a_lo, a_hi = _iv(l0)
        val = l0.value * (1 + v / 100)
        yield Implied((l0, c), level_key(sm, p1, l0.kind, l0.unit), l0.kind, val,
                      a_lo * (1 + lo / 100), a_hi * (1 + hi / 100),
                      f"{fmt_number(l0.value)} x {factor} = {fmt_number(val)}")


@cache
def per_year_factor(unit: str) -> float | None:
    """365 for 'report per day', 52 for 'per week'...; None if not a rate."""
    unit = str(unit).lower().strip()
    table = cfg()["derive"]["per_year"]
    for suffix in sorted(table, key=len, reverse=True):
        if unit.endswith(suffix):
            return table[suffix]
    return None


@cache
def _year() -> re.Pattern:
    return re.compile(cfg()["derive"]["year_period"])


def rate_totals(sm, claims, levels, wanted) -> Iterator[Implied]:
    year = _year()
    for c in claims:
        factor = per_year_factor(c.unit) if c.kind == "rate" else None
        key = level_key(sm, str(c.period), "count", "")
        if factor is None or not year.match(str(c.period)) or not wanted(key):
            continue
        lo, hi = _iv(c)
        val = c.value * factor
        yield Implied((c,), key, "count", val,
                      lo * factor, hi * factor,
                      f"{fmt_number(c.value)} x {factor:g} = {fmt_number(val)}",
                      restated=factor == 1)


def pct_multiple(sm, claims, levels, wanted) -> Iterator[Implied]:
    """A rise of p% is (1 + p/100) times the base, and the other way round."""
    for c in claims:
        if c.kind not in ("pct_change", "multiple"):
            continue
        other = "multiple" if c.kind == "pct_change" else "pct_change"
        p, base = str(c.period), str(c.base_period)
        if not wanted(change_key(sm, p, other, base)):
            continue
        lo, hi, signed = sign_interval(c)
        if c.kind == "pct_change" and signed and c.direction == "increase":
            m = 1 + c.value / 100
            yield Implied((c,), change_key(sm, p, "multiple", base), "multiple", m,
                          1 + lo / 100, 1 + hi / 100,
                          f"1 + {fmt_number(c.value, 'pct_change')} = {fmt_number(m, 'multiple')}")
        elif c.kind == "multiple" and c.direction != "decrease" and lo >= 1:
            pct = (c.value - 1) * 100
            yield Implied((c,), change_key(sm, p, "pct_change", base), "pct_change", pct,
                          (lo - 1) * 100, (hi - 1) * 100,
                          f"({fmt_number(c.value, 'multiple')} - 1) x 100 = "
                          f"{fmt_number(pct, 'pct_change')}")


def _whole_of(part: Claim, whole: Claim) -> bool:
    """``whole`` is the total ``part`` is a share of: the two stand in one
    sentence as "p% of the N" ("made up 60% of the 10 million reports";
    explain.toml [derive] part_of_words). Another subject's count of the
    same thing is no total: in "she had 59% ... he received 6,189,002 votes"
    the 6,189,002 is his share, not the whole of hers."""
    if whole.sent_start != part.sent_start or whole.start_char <= part.start_char:
        return False
    between = part.sentence[part.end_char - part.sent_start:whole.start_char - part.sent_start]
    return bool(_part_of().match(between))


def shares(claims: list[Claim], keys: dict[str, Key], wanted) -> Iterator[Implied]:
    """p% of a total another subject holds, written "p% of the N", is a
    count for this subject."""
    totals: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "count":
            k = keys[c.claim_id]
            totals[(k[1], k[2])].append(c)
    for c in claims:
        if c.kind != "percent":
            continue
        k = keys[c.claim_id]
        if not wanted(level_key(k[:2], k[2], "count", "")):
            continue
        lo, hi = _iv(c)
        lo, hi = max(lo, 0.0), min(hi, 100.0)
        for t in totals.get((k[1], k[2]), ()):
            if keys[t.claim_id][0] == k[0] or not _whole_of(c, t):
                continue
            t_lo, t_hi = _iv(t)
            val = c.value / 100 * t.value
            yield Implied((c, t), level_key(k[:2], k[2], "count", ""), "count", val,
                          lo / 100 * t_lo, hi / 100 * t_hi,
                          f"{fmt_number(c.value, 'percent')} x {fmt_number(t.value)} = "
                          f"{fmt_number(val)}")


@cache
def _remainder_cue() -> re.Pattern:
    cues = cfg()["derive"]["remainder_cues"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\s*$", re.I)


@cache
def _part_of() -> re.Pattern:
    """What stands between a part and its whole: " of the " (explain.toml
    [derive] part_of_words)."""
    words = cfg()["derive"]["part_of_words"]
    return re.compile(r"^\s+of (?:" + "|".join(map(re.escape, words)) + r")\s+$", re.I)


def remainders(claims: list[Claim], keys: dict[str, Key], wanted) -> Iterator[Implied]:
    """"A of the B ...; the remaining C": the rest of a whole is B - A."""
    by_sentence: dict[tuple[int, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind == "count":
            by_sentence[(c.sent_start, c.sentence)].append(c)
    for (start, sentence), cs in by_sentence.items():
        if len(cs) < 3:
            continue
        cs = sorted(cs, key=lambda c: c.start_char)
        rel = {c.claim_id: c.start_char - start for c in cs}
        parts = [(a, b) for a, b in zip(cs, cs[1:])
                 if _part_of().match(sentence[rel[a.claim_id] + len(a.text):rel[b.claim_id]])]
        for c in cs:
            if not _remainder_cue().search(sentence[:max(rel[c.claim_id], 0)]) \
                    or not wanted(keys[c.claim_id]):
                continue
            for a, b in parts:
                if b.start_char < c.start_char and _same_unit(a, b) and b.value > a.value:
                    (a_lo, a_hi), (b_lo, b_hi) = _iv(a), _iv(b)
                    val = b.value - a.value
                    yield Implied((a, b), keys[c.claim_id], c.kind, val, b_lo - a_hi,
                                  b_hi - a_lo, f"{fmt_number(b.value)} - {fmt_number(a.value)}"
                                  f" = {fmt_number(val)}")
                    break
