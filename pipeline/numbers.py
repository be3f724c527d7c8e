"""Find figures in plain text and read their value and interval.

This module knows nothing of spaCy: it scans a string and returns
:class:`Quantity` records (span, value, interval, qualifier, percent/points,
currency, unit). ``extract.py`` decides which quantities are claims and of
what kind. All vocabulary comes from ``data/numbers.toml`` and
``data/qualifiers.toml``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

from .knowledge import load

INF = math.inf


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    qualifier: str = "exact"
    percent: bool = False       # "19%", "19 percent"
    points: bool = False        # "3 percentage points"
    currency: str = ""          # ISO code for money
    unit: str = ""              # unit of measure symbol, if any
    words: bool = False         # written out in words
    num_start: int = -1         # span of the bare figure (without qualifier)
    num_end: int = -1
    unit_step: float = 1.0      # place value of the last stated digit


# --- vocabulary ------------------------------------------------------------

@cache
def _vocab() -> dict:
    n = load("numbers")
    q = load("qualifiers")
    words = n["words"]
    wordnums = {**words["units"], **words["tens"]}
    number_words = (set(wordnums) | set(words["multipliers"]) | set(words["groups"])
                    | set(words["fractions"]))
    scales = n["scales"]
    scale_alt = "|".join(sorted((re.escape(s) for s in scales), key=len, reverse=True))
    pct = sorted(n["percent"]["percent"], key=len, reverse=True)
    pts = sorted(n["percent"]["points"], key=len, reverse=True)
    cur_sym = n["currency"]["symbols"]
    cur_words = n["currency"]["words"]
    units = n["units"]

    def alt(items):
        return "|".join(re.escape(i).replace(r"\ ", r"\s+")
                        for i in sorted(items, key=len, reverse=True))

    word_alt = alt(number_words | {"a", "an", "and", "half"})
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
    figure = (
        rf"(?P<neg>[-−]\s?)?(?P<cur>{alt(cur_sym)})?\s?(?P<num>{digits})"
        rf"(?:\s?(?P<scale>{scale_alt})(?![\w]))?"
    )
    words_re = (rf"(?P<words>(?:(?:{word_alt})(?:[\s-]+|$))*(?:{alt(number_words - {'a', 'an'})}))"
                rf"(?![\w-])")
    return {
        "wordnums": wordnums, "multipliers": words["multipliers"],
        "groups": words["groups"], "fractions": words["fractions"],
        "scales": scales, "vulgar": n["vulgar"],
        "figure": re.compile(rf"(?<![\w.,]){figure}(?![\w])"),
        "words": re.compile(rf"(?<![\w-]){words_re}", re.I),
        "percent": re.compile(rf"\s?(?:{alt(pct)})(?![\w])", re.I),
        "points": re.compile(rf"\s(?:{alt(pts)})(?![\w])", re.I),
        "cur_words": cur_words,
        "cur_after": re.compile(rf"\s(?:{alt(cur_words)})(?![\w])", re.I),
        "units": units,
        "unit_after": re.compile(rf"\s?(?:{alt(units)})(?![\w])", re.I),
        "before": {k: sorted(v, key=len, reverse=True) for k, v in q["before"].items()},
        "after": {k: sorted(v, key=len, reverse=True) for k, v in q["after"].items()},
        "tol": q["tolerance"],
    }


# --- reading one figure ----------------------------------------------------

def digits_value(num: str) -> tuple[float, float]:
    """Value and place value of the last stated digit of a digit string."""
    clean = num.replace(",", "")
    value = float(clean)
    if "." in clean:
        step = 10.0 ** -len(clean.split(".")[1])
    else:
        stripped = clean.lstrip("0") or "0"
        zeros = len(stripped) - len(stripped.rstrip("0"))
        step = 10.0 ** zeros if zeros >= _vocab()["tol"]["rounded_trailing_zeros"] else 1.0
        if stripped == "0":
            step = 1.0
    return value, step


def words_value(text: str) -> float | None:
    """Value of a written-out number ("twenty-one", "a million", "two-thirds",
    "half a dozen"); None when the words do not make a number."""
    v = _vocab()
    toks = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    if not toks:
        return None
    total = 0.0
    current = 0.0
    seen = False
    fraction = 0.0
    half_of = False
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t in ("a", "an"):
            if nxt in v["multipliers"] or nxt in v["groups"] or nxt in v["fractions"] or nxt == "half":
                if nxt not in v["fractions"] and nxt != "half":
                    current += 1
                    seen = True
            else:
                return None
        elif t == "and" or t == "of":
            pass
        elif t == "half" and not (i > 0 and toks[i - 1] in v["wordnums"]):
            if nxt in ("a", "an") or nxt in v["multipliers"] or nxt in v["groups"]:
                half_of = True
            else:
                fraction += 0.5
            seen = True
        elif t in v["wordnums"]:
            current += v["wordnums"][t]
            seen = True
        elif t in v["fractions"]:
            num = current if current else 1.0
            fraction += num / v["fractions"][t]
            current = 0.0
            seen = True
        elif t == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif t in v["multipliers"]:
            base = (current + fraction) or 1.0
            if half_of:
                base *= 0.5
                half_of = False
            total += base * v["multipliers"][t]
            current = fraction = 0.0
            seen = True
        elif t in v["groups"]:
            base = current or 1.0
            if half_of:
                base *= 0.5
                half_of = False
            current = base * v["groups"][t]
            seen = True
        else:
            return None
        i += 1
    if not seen:
        return None
    return total + current + fraction


def interval(value: float, step: float, qualifier: str) -> tuple[float, float]:
    """The interval a figure covers: stated precision, then the qualifier.
    The rules and tolerances are documented in ``data/qualifiers.toml``."""
    tol = _vocab()["tol"]
    half = step / 2
    floor = 0.0 if value >= 0 else -INF
    if qualifier == "approx":
        d = max(tol["approx_units"] * step, tol["approx_rel"] * abs(value), half)
        return value - d, value + d
    if qualifier == "nearly":
        d = max(tol["nearly_units"] * step, tol["nearly_rel"] * abs(value))
        return value - d, value
    if qualifier == "more_than":
        return value, INF
    if qualifier == "at_least":
        return value, INF
    if qualifier == "less_than":
        return min(floor, value), value
    if qualifier == "at_most":
        return min(floor, value), value
    return value - half, value + half


# --- scanning --------------------------------------------------------------

def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier phrase that ends right before ``start`` (if any)."""
    window = text[max(0, start - 40):start]
    low = window.lower()
    best = ("exact", start)
    for qual, phrases in _vocab()["before"].items():
        for p in phrases:
            pat = re.escape(p).replace(r"\ ", r"\s+")
            m = re.search(rf"(?:^|(?<=[^\w])){pat}\s*$" if p[0].isalpha() else rf"{pat}\s*$", low)
            if m:
                s = start - (len(window) - m.start())
                if s < best[1]:
                    best = (qual, s)
    return best


def _qualifier_after(text: str, end: int) -> tuple[str, int]:
    window = text[end:end + 30].lower()
    for qual, phrases in _vocab()["after"].items():
        for p in phrases:
            pat = re.escape(p).replace(r"\ ", r"\s+")
            m = re.match(rf"\s*{pat}(?![\w])", window) if p[0].isalpha() else re.match(rf"{pat}(?![\w])", window)
            if m:
                return qual, end + m.end()
    return "exact", end


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order, with its value and interval."""
    v = _vocab()
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    raw: list[tuple[int, int, float, float, bool, str, str]] = []
    for m in v["figure"].finditer(text):
        value, step = digits_value(m.group("num"))
        scale = m.group("scale")
        if scale:
            factor = v["scales"].get(scale) or v["scales"].get(scale.lower())
            if factor is None:
                continue
            value *= factor
            step *= factor
        if m.group("neg"):
            value = -value
        cur = v["vulgar"]
        raw.append((m.start(), m.end(), value, step, False, m.group("cur") or "", ""))
    for m in v["words"].finditer(text):
        s, e = m.span("words")
        words = m.group("words").strip(" -")
        e = s + len(m.group("words").rstrip(" -"))
        if words.lower() in ("a", "an", "and", "half"):
            continue
        value = words_value(words)
        if value is None or overlaps(s, e):
            continue
        raw.append((s, e, value, 1.0 if value >= 1 else value, True, "", ""))
    for ch, val in v["vulgar"].items():
        for m in re.finditer(re.escape(ch), text):
            raw.append((m.start(), m.end(), val, val, False, "", ""))
    raw.sort()

    for s, e, value, step, is_words, cur_sym, _ in raw:
        if overlaps(s, e):
            continue
        end = e
        percent = points = False
        currency = v_currency = ""
        if cur_sym:
            currency = load("numbers")["currency"]["symbols"][cur_sym]
        mp = v["points"].match(text, end)
        if mp and re.search(r"percentage|pp|pts|basis", mp.group(), re.I):
            points, end = True, mp.end()
        else:
            mp = v["percent"].match(text, end)
            if mp:
                percent, end = True, mp.end()
        if not percent and not points and not currency:
            mc = v["cur_after"].match(text, end)
            if mc:
                currency = v["cur_words"][re.sub(r"\s+", " ", mc.group().strip().lower())]
                end = mc.end()
        unit = ""
        if not percent and not points and not currency:
            mu = v["unit_after"].match(text, end)
            if mu:
                unit = v["units"][mu.group().strip().lower()]
                end = mu.end()
        qual, qstart = _qualifier_before(text, s)
        if qual == "exact":
            qual_after, qend = _qualifier_after(text, end)
            if qual_after != "exact":
                qual, end = qual_after, qend
            qstart = s
        low, high = interval(value, step, qual)
        start = qstart
        taken.append((start, end))
        found.append(Quantity(
            start=start, end=end, text=text[start:end], value=value, low=low, high=high,
            qualifier=qual, percent=percent, points=points, currency=currency or v_currency,
            unit=unit, words=is_words, num_start=s, num_end=e, unit_step=step,
        ))
    return _join_ranges(text, found)


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|and|~)\s*$", re.I)
_RANGE_OPEN = re.compile(r"(?:between|from)\s+$", re.I)


def _join_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Merge "between A and B", "A to B", "A-B" into one range quantity."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        if i + 1 < len(qs) and a.qualifier == "exact":
            b = qs[i + 1]
            gap = text[a.end:b.start]
            opener = _RANGE_OPEN.search(text[max(0, a.start - 10):a.start])
            joiner = _RANGE_JOIN.fullmatch(gap) if gap.strip() or gap == "" else None
            is_and = gap.strip().lower() == "and"
            if joiner and b.qualifier == "exact" and (opener or not is_and) \
                    and a.percent == b.percent and a.points == b.points \
                    and (not a.currency or a.currency == b.currency) \
                    and not (gap.strip() == "-" and _looks_like_years(a, b)) \
                    and a.value <= b.value:
                start = a.start - (len(opener.group()) if opener else 0)
                scale_b = b.value
                merged = replace(
                    b, start=start, text=text[start:b.end], qualifier="range",
                    value=(a.value + b.value) / 2 if False else a.value,
                    low=a.low, high=b.high, num_start=a.num_start,
                    percent=a.percent or b.percent, currency=a.currency or b.currency,
                )
                merged = replace(merged, value=a.value, high=max(b.high, scale_b))
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _looks_like_years(a: Quantity, b: Quantity) -> bool:
    """2012-13 / 2012-2013 are fiscal years, not ranges."""
    return (1800 <= a.value <= 2100 and not a.percent and a.unit_step == 1
            and (b.value < 100 or 1800 <= b.value <= 2100))
