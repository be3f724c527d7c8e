"""Find figures in plain text and read their value and interval.

This module knows nothing of spaCy: it scans a string and returns
:class:`Quantity` records (span, value, interval, qualifier, percent/points,
currency, unit). ``extract.py`` decides which quantities are claims and of
what kind. All vocabulary comes from ``data/numbers.toml`` and
``data/qualifiers.toml`` (tolerances too).

How a figure is read, in three passes over the text (the first two in
:mod:`pipeline.numwords`):

1. *atoms*: digit figures (separators, decimals, exponents, scale
   abbreviations, slash fractions), Unicode fractions and number words;
2. *runs* of adjacent atoms are parsed by a small grammar of written
   numbers (``four thousand 3 hundred and 21``, ``two-thirds``,
   ``five and a half million``, ``nine point nought four``, ``one in five``);
3. each figure gets its sign, currency, percent/points, unit and qualifier
   from the words around it, and neighbouring figures are joined into ranges
   ("between 20 and 30", "5k-20k", "more than 10 and less than 40").
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

from .knowledge import load
from .numwords import alt as _alt
from .numwords import FULL_YEAR, digits_value, parse_figures, words_value
from .numwords import phrase_key as _phrase_key

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
    ratio: bool = False         # a fraction or "one in five": a share of a whole
    role: str = ""              # "from" / "to" for "from A to B" levels
    range_low: float = math.nan  # stated bounds of a range ("between 20 and 30")
    range_high: float = math.nan


# --- vocabulary ------------------------------------------------------------

@cache
def _vocab() -> dict:
    """Context vocabulary: percent and money markers, units, qualifiers."""
    n = load("numbers")
    q = load("qualifiers")
    pct = n["percent"]
    before = {_phrase_key(p): qual for qual, ps in q["before"].items() for p in ps}
    after = {_phrase_key(p): qual for qual, ps in q["after"].items() for p in ps}
    return {
        "percent": re.compile(rf"\s?(?:{_alt(pct['percent'])})(?![\w])", re.I),
        "points": re.compile(rf"\s?(?:{_alt(pct['points'])})(?![\w])", re.I),
        "points_after_fraction": re.compile(rf"(?:{_alt(pct['points_after_fraction'])})(?![\w-])", re.I),
        "pct_before": re.compile(rf"(?<![\w])(?:{_alt(pct['percent_before'])})\s+$", re.I),
        "cur_sym": n["currency"]["symbols"],
        "cur_before": re.compile(
            rf"(?:(?<![A-Za-z])(?:{_alt(k for k in n['currency']['symbols'] if k[0].isalpha())})"
            rf"|(?:{_alt(k for k in n['currency']['symbols'] if not k[0].isalpha())}))\.?\s?$"),
        "cur_words": {_phrase_key(k): v for k, v in
                      {**n["currency"]["words"], **n["currency"]["attached"]}.items()},
        "cur_after": re.compile(rf"\s(?:{_alt(n['currency']['words'])})(?![\w])"
                               rf"|(?-i:{_alt(n['currency']['attached'])})(?![\w])", re.I),
        "units": {**{k.lower(): v for k, v in n["units"].items()}, **n["units_attached"]},  # "C": as written
        "unit_after": re.compile(rf"[\s-]?(?:{_alt(n['units'])})(?![\w])"     # "6.1-inch screen"
                                rf"|(?-i:{_alt(n['units_attached'])})(?![\w])", re.I),
        "before": before,
        "before_re": re.compile(
            rf"(?:(?:^|(?<=[^\w]))({_alt(p for p in before if p[0].isalnum())})"
            rf"|({_alt(p for p in before if not p[0].isalnum())}))\s*$", re.I),
        "after": after,
        "after_re": re.compile(rf"\s*({_alt(after)})(?![\w])", re.I),
        "or_equal_re": re.compile(rf"\s+(?:{_alt(q['or_equal']['phrases'])})(?![\w])", re.I),
        "or_equal": {k: v for k, v in q["or_equal"].items() if k != "phrases"},
        "tol": q["tolerance"],
        "duration_words": set(q["duration"]["words"]),
        "duration_after": re.compile(
            rf"(?:[\d.,]+|[a-z]+(?:[\s-][a-z]+)?)\s+(?:{_alt(q['duration']['time_units'])})\b"
            rf"(?!\s+(?:{_alt(q['duration']['keep_before'])})\b)", re.I),
        "duration_keep": re.compile(rf"(?:{_alt(q['duration']['keep_after'])})\s+$", re.I),
        "level_cues": _level_cues(),
        "per_time": re.compile(
            rf"\s+(?:{_alt(n['per_time']['joiners'])})\s+({_alt(n['per_time']['units'])})(?![\w])"
            rf"(?!\s+(?:{_alt(n['per_time']['not_before'])})(?![\w]))", re.I),
        "per_time_units": n["per_time"]["units"],
        "per_time_names": n["per_time"]["names"],
        "period_words": set(n["period_fractions"]["words"]),
        "period_before": re.compile(rf"(?<![\w])(?:{_alt(n['period_fractions']['before'])})\s+$", re.I),
        "period_after": [re.compile(p, re.I) for p in n["period_fractions"]["after"]],
        "reached_phrases": {_phrase_key(p) for p in q["level_reached"]["phrases"]},
        "reached_verbs": set(q["level_reached"]["verbs"]),
        "or_ratio": float(n["ranges"]["or_ratio"]),
        "verb_to_ratio": float(n["ranges"]["verb_to_ratio"]),
        "tally_before": re.compile(rf"\b(?:{_alt(n['ranges']['tally_verbs'])})\b[^.,;:!?\d]{{0,40}}$", re.I),
        "timing_unit": n["timings"]["unit"],
        "lasting": re.compile(rf"-({_alt(n['span_adjective']['units'])})\b(?={lasting_after()})", re.I),
        "accounting_before": re.compile(
            rf"(?:(?<![\w])(?:{_alt(w for w in n['accounting_brackets']['after'] if w[0].isalpha())})"
            rf"|{_alt(w for w in n['accounting_brackets']['after'] if not w[0].isalpha())})\s*\($", re.I),
        "scale_words": {k.lower(): float(v) for k, v in n["words"]["multipliers"].items()},
        "age_max": n["age_apposition"]["max"],
        "age_unit": n["units"]["-year-old"],
        "below_zero_units": set(n["below_zero"]["units"]),
        "below_zero": re.compile(rf"\s+(?:{_alt(n['below_zero']['words'])})(?![\w])", re.I),
    }


def _weight_of(text: str, mc: re.Match, weighs: bool = False) -> str:
    """The unit of weight a currency word after a figure stands for, when
    what follows says it weighs something: "of" and no money noun in the
    four words after it (numbers.toml [currency.weights]); or no "of"
    follows and the text (``weighs``, :func:`_weighs`) writes its pounds as
    weights ("it covered 207,528 pounds" after "7 million pounds of deli
    meat"); else ""."""
    weights = _weights()
    unit = weights["words"].get(_phrase_key(mc.group()))
    if not unit:
        return ""
    after = _OF_WORDS.match(text, mc.end())
    if after is None:
        return unit if weighs else ""
    if after.group(1).lower() in weights["not_of"]:
        return ""       # "a fine of 200 pounds, of which half ..."
    words = {re.sub(r"['’]s?$", "", w) for w in after.group(0).lower().split()[1:]}
    return "" if words & weights["money"] else unit


def _weighs(text: str, ends: list[int]) -> bool:
    """Whether ``text`` writes its pounds as weights: of the currency words
    with "of" after a figure (``ends``: where its figures end), some are of
    goods ("7 million pounds of deli meat") and none of money, and no
    currency sign of that word ("£") is written."""
    v, weights = _vocab(), _weights()
    if any(sign in text for sign in weights["signs"]):
        return False
    found = set()
    for end in ends:
        mc = v["cur_after"].match(text, end)
        if mc and weights["words"].get(_phrase_key(mc.group())) \
                and _OF_WORDS.match(text, mc.end()) is not None:
            found.add(bool(_weight_of(text, mc)))
    return found == {True}


#: "of" and up to four words after a currency word ("of the public's money")
_OF_WORDS = re.compile(r"\s+of\s+([\w'’-]+)(?:\s+[\w'’-]+){0,3}", re.I)


@cache
def _weights() -> dict:
    w = load("numbers")["currency"]["weights"]
    return {"words": {_phrase_key(k): v for k, v in w["words"].items()},
            "signs": tuple(w["signs"]),
            "money": {x.lower() for x in w["money_nouns"]},
            "not_of": {x.lower() for x in w["not_of"]}}


@cache
def lasting_after() -> str:
    """The regex of what follows a span written as an adjective that is how
    long something lasts ("a 10-year prison sentence"; one word between, and
    before it an abbreviation in capitals: "the 43-day U.S. government
    shutdown", not "a 40-year high amid war"; "a two-year maintenance
    period"; numbers.toml [span_adjective])."""
    sa = load("numbers")["span_adjective"]
    return (rf"(?:\s+(?-i:[A-Z][A-Z.]+))?(?:\s+[a-z-]+)?\s+(?:{_alt(sa['lasting'])})\b"
            rf"|\s+[a-z-]+\s+(?:{_alt(sa['period'])})\b")


def _level_cues() -> re.Pattern:
    """Verbs and nouns of change: "dropped from A to B" gives two levels, not a range."""
    d = load("extract")["direction"]
    words = set(d["decrease"]) | set(d["increase"]) | set(d["neutral"]) | set(d.get("level", []))
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])", re.I)


def interval(value: float, step: float, qualifier: str) -> tuple[float, float]:
    """The interval a figure covers: stated precision, then the qualifier.
    The rules and tolerances are documented in ``data/qualifiers.toml``."""
    tol = _vocab()["tol"]
    half = step / 2
    mag = abs(value)
    floor = 0.0 if value >= 0 else -INF
    if qualifier == "approx":
        d = max(half, tol["approx_rel"] * mag, min(tol["approx_units"] * step, tol["approx_cap_rel"] * mag))
        return value - d, value + d
    if qualifier == "nearly":
        d = max(half, tol["nearly_rel"] * mag, min(tol["nearly_units"] * step, tol["approx_cap_rel"] * mag))
        return value - d, value
    if qualifier in ("more_than", "at_least"):
        return value, INF
    if qualifier in ("less_than", "at_most"):
        return min(floor, value), value
    return value - half, value + half


# --- context: sign, currency, percent, unit, qualifier -------------------------

def qualifier_before(text: str, start: int) -> tuple[str, int]:
    """The qualifier phrase that ends right before ``start`` (if any)."""
    v = _vocab()
    window = text[max(0, start - 45):start]
    m = v["before_re"].search(window)
    if not m:
        return "exact", start
    g = 1 if m.group(1) else 2
    phrase = _phrase_key(m.group(g))
    if phrase in v["duration_words"] and v["duration_after"].match(text, start) \
            and not v["duration_keep"].search(window[:m.start(g)]):
        return "exact", start    # "$1.9 trillion over 10 years": a span of time, not "more than"
    return v["before"][phrase], start - (len(window) - m.start(g))


def _qualifier_after(text: str, end: int) -> tuple[str, int]:
    v = _vocab()
    m = v["after_re"].match(text, end)
    if not m:
        return "exact", end
    rest = text[m.end():m.end() + 12]
    if re.match(r"\s*(?:than\s+)?[-−]?\s?(?:\d|\.\d)", rest) or re.match(r"\s+than\s+\w", rest) \
            and not re.match(r"\s+than\s+(?:it|that|this)\b", rest) or re.match(r"\s+to\b", rest):
        return "exact", end      # "90mph and up to 100mm": the qualifier of the next figure
    phrase = _phrase_key(m.group(1))
    if phrase in ("plus", "+") and re.match(r"\s*\w", rest) and not re.match(r"\s*(?:[a-z]+s|people)\b", rest):
        return "exact", end
    return v["after"][phrase], m.end()


def _sign(text: str, s: int, value: float) -> tuple[float, int]:
    """A sign right before the figure: "-5", "−5", "- 10 k", "+0.6%" (not
    "1000 - 5000")."""
    m = re.search(r"([-−–+])(\s?)$", text[max(0, s - 2):s])
    if not m or value < 0:
        return value, s
    sign_at = s - len(m.group(0))
    glued = text[sign_at - 1:sign_at]
    if glued and (glued.isalnum() or glued in "%).,"):
        return value, s          # "5.25%-5.5%", "F-35", "1000-5000": a hyphen
    before = text[:sign_at].rstrip()
    if m.group(2) and before and (before[-1].isalnum() or before[-1] in "%)"):
        return value, s          # "1000 - 5000", "rose - 5"
    return (value if m.group(1) == "+" else -value), sign_at


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order, with its value and interval."""
    v = _vocab()
    found: list[Quantity] = []
    weighs = None  # whether the text's pounds are weights (:func:`_weighs`), once asked
    figures = parse_figures(text)
    for fig in figures:
        s, e, value, step, is_words = fig[:5]
        ratio = len(fig) > 5 or (step == 0.0 and 0 < abs(value) < 1 and is_words)
        if ratio and _is_period(text, s, e):
            continue
        num_start = s
        value, s = _sign(text, s, value)
        currency = ""
        mc = v["cur_before"].search(text, max(0, s - 4), s)
        if mc and mc.end() == s:
            currency = v["cur_sym"][mc.group().strip().rstrip(".")]
            s = mc.start()
            value, s = _sign(text, s, value)
        end = e
        percent = points = False
        mp = v["points"].match(text, end) or (v["points_after_fraction"].match(text, end) if ratio else None)
        if mp:
            points, end = True, mp.end()
        else:
            mp = v["percent"].match(text, end)
            if mp:
                percent, end = True, mp.end()
            elif v["pct_before"].search(text, max(0, s - 25), s):
                percent = True
                s = v["pct_before"].search(text, max(0, s - 25), s).start()
        weight = ""
        if not percent and not points and not currency:
            mc = v["cur_after"].match(text, end)
            if mc:
                currency = v["cur_words"][_phrase_key(mc.group())]
                end = mc.end()
                if weighs is None:
                    weighs = _weighs(text, [f[1] for f in figures])
                weight = _weight_of(text, mc, weighs)
                if weight:      # "207,528 pounds of deli meat": a weight
                    currency = ""
        if currency and value > 0 and text[s - 1:s] == "(" and text[end:end + 1] == ")" \
                and v["accounting_before"].search(text, max(0, s - 12), s):
            value, s, end = -value, s - 1, end + 1     # "is ($99.99)": a negative amount
        unit = weight or (v["timing_unit"] if ":" in text[num_start:e] else "")
        ml = None if percent or points or currency or unit else v["lasting"].match(text, end)
        if ml:          # "a 10-year prison sentence": 10 years
            unit, end = ml.group(1).lower(), ml.end()
        if not percent and not points and not currency and not unit:
            mu = v["unit_after"].match(text, end)
            if mu:
                unit = v["units"].get(mu.group()) or v["units"].get(_phrase_key(mu.group())) \
                    or v["units"][_phrase_key(mu.group().lstrip("-"))]
                end = mu.end()
                mt = v["per_time"].match(text, end) if "/" not in unit else None
                if mt:          # "140 miles per hour" -> "mph"
                    unit = f"{unit}/{v['per_time_units'][mt.group(1).lower()]}"
                    unit = v["per_time_names"].get(unit, unit)
                    end = mt.end()
        mz = v["below_zero"].match(text, end) if unit in v["below_zero_units"] and value > 0 else None
        if mz:          # "5 degrees below zero": -5
            value, end = -value, mz.end()
        if not (unit or percent or points or currency) and _age_in_apposition(text, s, end, value, step):
            unit = v["age_unit"]
        qual, qstart = qualifier_before(text, s)
        qual_after, qend = _qualifier_after(text, end)
        if qual_after != "exact" and qual in ("exact", "approx"):
            qual, end = qual_after, qend
        elif qual in ("more_than", "less_than"):
            mo = v["or_equal_re"].match(text, end)
            if mo:
                qual, end = v["or_equal"][qual], mo.end()
        role = ""
        if qual != "exact" and _level_reached(text, qstart, s):
            qual, qstart, role = "exact", s, "to"
        start = qstart if qstart < s else s
        if found and start < found[-1].end:
            start = max(s, found[-1].end)
            if start > s:
                continue
            qual = "exact"
        low, high = interval(value, step, qual)
        if not math.isfinite(value) or math.isnan(low) or math.isnan(high):
            continue  # digits beyond a float ("1" and 400 zeros, "9...9e-900"): no figure
        found.append(Quantity(
            start=start, end=end, text=text[start:end], value=value, low=low, high=high,
            qualifier=qual, percent=percent, points=points, currency=currency,
            unit=unit, words=is_words, num_start=num_start, num_end=e, unit_step=step,
            ratio=ratio, role=role,
        ))
    found = _compound_durations(text, _slash_pairs(text, found))
    return _with_units_alone(text, _with_vague(text, _join_ranges(text, found)))


@cache
def _durations() -> tuple[re.Pattern, re.Pattern, dict[tuple[str, str], float]]:
    """numbers.toml [compound_durations]: the pattern of the larger unit and
    joiner after a first figure, of the smaller unit after the second, and
    the size of each pair."""
    n = load("numbers")
    pairs = {(big, small): float(k) for big, smalls in n["compound_durations"].items()
             for small, k in smalls.items()}
    big = _alt({b for b, _ in pairs})
    small = _alt({s for _, s in pairs})
    return (re.compile(rf"(\s+({big})s?)(?:\s*,\s*|\s+)(?:and\s+)?", re.I),
            re.compile(rf"\s+({small})s?\b", re.I), pairs)


def _compound_durations(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"8 years and 6 months": each figure counts its own time unit, written
    after it (8 years, 6 months; the 8 was taken for a count of months).
    numbers.toml [compound_durations]."""
    gap_re, tail_re, pairs = _durations()
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        g = gap_re.match(text, a.end) if b is not None else None
        t = tail_re.match(text, b.end) if g is not None and g.end() == b.start else None
        size = pairs.get((g.group(2).lower(), t.group(1).lower())) if t is not None else None
        if size is None or a.unit or b.unit or a.percent or b.percent or a.currency or b.currency \
                or a.ratio or b.ratio or b.qualifier != "exact" or a.value != int(a.value) \
                or not 0 <= b.value < size:
            out.append(a)
            i += 1
            continue
        out.append(replace(a, end=g.end(1), text=text[a.start:g.end(1)], unit=g.group(2).lower()))
        out.append(replace(b, end=t.end(), text=text[b.start:t.end()], unit=t.group(1).lower()))
        i += 2
    return out


def _slash_pairs(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"160/100 mmHg": the first reading takes the unit written after the
    second (numbers.toml [ratios] slash_pair_units)."""
    out = list(qs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if b.unit and not a.unit and text[a.end:b.start] == "/":
            out[i] = replace(a, unit=b.unit)
    return out


_APPOSED_BEFORE = re.compile(r"[A-Za-z], $")


def _age_in_apposition(text: str, s: int, e: int, value: float, step: float) -> bool:
    """"Maria Vance, 67, loaded the car": a bare whole number between commas
    right after a word is an age (numbers.toml [age_apposition])."""
    return step == 1.0 and value == int(value) and 0 < value <= _vocab()["age_max"] \
        and text[e:e + 1] == "," and _APPOSED_BEFORE.search(text, max(0, s - 3), s) is not None \
        and text[s:e].isdigit() and not _LIST_GOES_ON.match(text, e) \
        and not _LIST_CAME.search(text, max(0, s - 40), s)


# "Ashe, 1, Avery, 4, Buncombe, 42": a list of names and counts, not ages
_LIST_GOES_ON = re.compile(r",\s+[A-Z][\w.'’ -]{0,30},\s*\d")
_LIST_CAME = re.compile(r"\d,\s+[A-Z][\w.'’ -]{0,30},\s*$")


@cache
def _vague() -> tuple[re.Pattern, re.Pattern, dict[str, tuple[float, float]]]:
    """The vague-amount patterns ("dozens of", "a few hundred") and the
    interval of each phrase (numbers.toml [vague], [vague_scaled])."""
    n = load("numbers")
    spans = {_phrase_key(k): (float(lo), float(hi)) for k, (lo, hi) in n["vague"].items()}
    alone = n["vague_alone"]
    pattern = re.compile(rf"(?<![\w-])(?:({_alt(spans)})\s+of\b|(?<![\w-])({_alt(alone['words'])})"
                         rf"(?=\s+(?:{_alt(alone['before'])})\b)"
                         rf"|\b(?:{_alt(alone['after_verbs'])})\s+({_alt(alone['words'])})(?![\w-])(?!\s+of\b))", re.I)
    mult = n["words"]["multipliers"]
    scales = {**mult, "dozen": n["words"]["groups"]["dozen"]}
    scales.update({f"{a} {b}": mult[a] * mult[b] for a in mult for b in mult if mult[b] > mult[a]})
    for prefix, (lo, hi) in n["vague_scaled"].items():   # "several hundred thousand"
        for word, size in scales.items():
            spans[_phrase_key(f"{prefix} {word}")] = (float(lo * size), float(hi * size))
    scaled = re.compile(rf"(?<![\w-])(?:{_alt(n['vague_scaled'])})\s+(?:{_alt(scales)})(?![\w-])", re.I)
    return pattern, scaled, spans


@cache
def _vague_not_after() -> frozenset[str]:
    return frozenset(load("numbers")["vague_alone"]["not_after"])


def vague_words() -> frozenset[str]:
    """The vague quantities of numbers.toml [vague] and [vague_scaled], as
    phrase keys."""
    return frozenset(_vague()[2])


def _with_vague(text: str, found: list[Quantity]) -> list[Quantity]:
    """"Dozens of homes", "tens of thousands of people", "a few hundred
    fans": a vague quantity, as the interval numbers.toml gives it
    (qualifier "range"); in "a few hundred" it replaces the bare "hundred"."""
    pattern, scaled, spans = _vague()
    if not pattern.search(text) and not scaled.search(text):
        return found
    out = list(found)
    spots = []
    for m in pattern.finditer(text):
        g = 1 if m.group(1) else 2 if m.group(2) else 3
        if any(q.start < m.end(g) and m.start(g) < q.end for q in found):
            continue
        if g == 2:      # alone: "Dozens were injured", not "in the thousands"
            before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
            if before is not None and before.group(1).lower() in _vague_not_after():
                continue
        spots.append((m.span(g), m.end()))
    for m in scaled.finditer(text):
        out = [q for q in out if not (q.start < m.end() and m.start() < q.end)]
        spots.append((m.span(), m.end()))
    for (s, e), after in spots:
        low, high = spans[_phrase_key(text[s:e])]
        mc = _vocab()["cur_after"].match(text, after)  # "millions of dollars"
        currency = _vocab()["cur_words"].get(_phrase_key(mc.group()), "") if mc else ""
        out.append(Quantity(start=s, end=e, text=text[s:e], value=low, low=low, high=high,
                            qualifier="range", percent=False, points=False, currency=currency,
                            unit="", words=True, num_start=s, num_end=e, unit_step=0.0,
                            ratio=False, role="", range_low=low, range_high=high))
    return sorted(out, key=lambda q: q.start)


@cache
def _unit_alone() -> tuple[re.Pattern, dict[str, tuple[str, str]], re.Pattern, dict[str, tuple[str, str]]]:
    """The patterns of numbers.toml [unit_alone] ("by a year", "a foot of")
    and what each word takes: (currency, unit)."""
    n = load("numbers")["unit_alone"]
    takes = {w: ("", "") for w in n["nouns"]}
    takes.update({w: (code, "") for w, code in n["currency"].items()})
    takes.update({w: ("", sym) for w, sym in n["units"].items()})
    pattern = re.compile(rf"(?<![\w])by\s+(?P<q>(?:[a-z]+\s+){{0,2}}?)(?P<a>an?)\s+(?P<w>{_alt(takes)})(?![\w-])"
                         r"(?P<half>\s+and\s+a\s+half\b)?",
                         re.I)
    of_units = {_phrase_key(w): ("", sym) for w, sym in n["of_units"].items()}
    takes = {_phrase_key(k): v for k, v in takes.items()}
    of_pattern = re.compile(rf"(?<![\w])(?P<a>an?)\s+(?P<w>{_alt(n['of_units'])})\s+of\b", re.I)
    return pattern, takes, of_pattern, of_units


_PART_OF = re.compile(r"\s+(?:of\s+)?", re.I)


def _with_units_alone(text: str, found: list[Quantity]) -> list[Quantity]:
    """"fell by almost a year", "rose by a penny": one of the unit named
    after "by" and "a"/"an" (numbers.toml [unit_alone]); its figure is the
    article, so the noun after it is what it counts."""
    pattern, takes, of_pattern, of_units = _unit_alone()
    out = None
    for m in of_pattern.finditer(text):     # "more than a foot of snow"
        a_start = m.start("a")
        if any(q.start < m.end("w") and a_start < q.end for q in found):
            continue
        value, step = 1.0, 1.0
        part = next((q for q in found if q.ratio and q.words and q.end < a_start
                     and _PART_OF.fullmatch(text, q.end, a_start)), None)
        if part is not None:    # "half a mile of road", "a quarter of a mile of"
            value, step, a_start = part.value, 0.0, part.num_start
        qual, qstart = qualifier_before(text, a_start)
        low, high = interval(value, step, qual)
        out = [q for q in (out if out is not None else found)
               if not (qstart < q.end and q.start < m.end("w"))]
        out.append(Quantity(start=qstart, end=m.end("w"), text=text[qstart:m.end("w")], value=value, low=low,
                            high=high, qualifier=qual, unit=of_units[_phrase_key(m.group("w"))][1],
                            words=True,
                            num_start=a_start, num_end=m.end("a"), unit_step=step))
    if out is not None:
        found = sorted(out, key=lambda q: q.start)
        out = None
    for m in pattern.finditer(text):
        a_start = m.start("a")
        qual, qstart = qualifier_before(text, a_start) if m.group("q") else ("exact", a_start)
        if qstart != m.start("q") or any(q.start < m.end("w") and m.start("q") < q.end for q in found):
            continue     # "by the end of a year", "by a third": not a unit alone
        currency, unit = takes[_phrase_key(m.group("w"))]
        value = 1.5 if m.group("half") else 1.0     # "delayed by a year and a half"
        low, high = interval(value, 0.0 if m.group("half") else 1.0, qual)
        out = [q for q in (out if out is not None else found) if not (m.start("q") < q.end and q.start < m.end())]
        out.append(Quantity(start=qstart, end=m.end(), text=text[qstart:m.end()], value=value, low=low,
                            high=high, qualifier=qual, points=unit == "pp", currency=currency,
                            unit="" if unit == "pp" else unit, words=True, num_start=a_start,
                            num_end=m.end("a"), unit_step=1.0))
    return found if out is None else sorted(out, key=lambda q: q.start)


def _is_period(text: str, s: int, e: int) -> bool:
    """"the first three quarters", "a quarter of 2025": a period, not a share."""
    v = _vocab()
    words = text[s:e].lower().split()
    if not words or words[-1] not in v["period_words"]:
        return False
    return v["period_before"].search(text, max(0, s - 20), s) is not None \
        or any(p.match(text, e) for p in v["period_after"])


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def _level_reached(text: str, qstart: int, s: int) -> bool:
    """"ticks up to 4.3%": "up to" right after a verb of change names the
    level reached, not a cap."""
    v = _vocab()
    if _phrase_key(text[qstart:s]) not in v["reached_phrases"]:
        return False
    m = _WORD_BEFORE.search(text, max(0, qstart - 20), qstart)
    if m is None:
        return False
    word = m.group(1).lower()
    return word in v["reached_verbs"]


# --- ranges --------------------------------------------------------------------

_RANGE_JOIN = re.compile(r"\s*(?:[-–]\s*to|-|–|—|~|to|through|thru|and|or)\s*", re.I)
_RANGE_OPEN = re.compile(r"(?:between|from)\s+$", re.I)
_BOUND_JOIN = re.compile(r"\s*(?:,|and|but|,\s*and|,\s*but)?\s*", re.I)
_LOWER = ("more_than", "at_least")
_UPPER = ("less_than", "at_most")


def _join_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Merge "between A and B", "A to B", "A-B" and "more than A and less than
    B" into one range quantity; mark "from A to B" after a change word as two
    levels (role from/to)."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        if b is not None and i + 2 < len(qs) and _is_bare_year(text, b) \
                and _year_in_gap().fullmatch(text, a.end, b.start):
            # "rose from 1.207 billion tons in 2019 to 1.568 billion in 2023":
            # the two levels around the year that dates the first
            c = qs[i + 2]
            levels = _from_to(text, a, c, " " + text[b.end:c.start].lstrip(" ,"))
            if levels is not None and levels[0].role == "from":
                out.extend([levels[0], b, levels[1]])
                i += 3
                continue
        if b is not None:
            joined = _pair(text, a, b)
            if joined is not None:
                out.extend(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _pair(text: str, a: Quantity, b: Quantity) -> list[Quantity] | None:
    gap = text[a.end:b.start]
    from_to = _from_to(text, a, b, gap)
    if from_to is not None:
        return from_to
    if len(gap) > 12 or a.percent != b.percent and not (a.percent is False and b.percent) \
            or a.points != b.points:
        return None
    if a.currency and b.currency and a.currency != b.currency or a.unit and b.unit and a.unit != b.unit:
        return None      # "from 44 ml to 50 mg": two measures, not one range
    if (a.currency or a.unit) and b.percent:
        return None      # "up $1.23 or 1.6%": a move in money restated in percent
    # two bounds: "more than 10 and less than 20", "at most 100 and at least 20"
    if _BOUND_JOIN.fullmatch(gap):
        lo, hi = (a, b) if a.qualifier in _LOWER and b.qualifier in _UPPER else (b, a)
        if lo.qualifier in _LOWER and hi.qualifier in _UPPER and lo.value < hi.value:
            return [_range(text, a.start, b.end, lo.value, hi.value, a, b)]
    # "20~100": the "~" was read as b's "approx"
    if a.qualifier in ("exact", "approx") and b.qualifier == "approx" and gap == "" \
            and text[b.start:b.num_start].strip() == "~" and a.value < b.value:
        return [_range(text, a.start, b.end, a.value, b.value, a, b)]
    if a.qualifier != "exact" and not (a.qualifier == "approx"):
        return None
    if b.qualifier != "exact" and not (b.qualifier == "approx" and b.start == b.num_start):
        return None
    if (a.currency or a.unit) and not (b.currency or b.unit) and re.search(r"[^\W\d]", text[a.num_end:a.end]):
        return None      # "weakened by 1 yen to 157": a unit written after A alone is no range's
    m = _RANGE_JOIN.fullmatch(gap)
    if not m or (gap == "-" and (_spelled(text, a) or _spelled(text, b))):
        return None  # "twenty-five" is one number ("40-45 billion" a range)
    opener = _RANGE_OPEN.search(text[max(0, a.start - 9):a.start])
    word = gap.strip().lower()
    if word == "and" and not (opener and opener.group().lower().startswith("between")):
        return None
    if word == "to" and not opener and _vocab()["tally_before"].search(text, max(0, a.start - 60), a.start) \
            and not _BY_BEFORE.search(text, max(0, a.start - 10), a.start):
        return None  # "trails his challenger 44% to 47%": a tally ("led by 20 to 25 points" a range)
    if word == "or" and not _close_pair(replace(a, value=a.value * _shared_scale(text, a, b)), b, "or_ratio"):
        return None  # "two or three years" is a range; "2 or 5" two figures
    if word not in ("-", "–", "—", "/") and _looks_like_years(text, a, b, both_full=True):
        return [replace(a, role="year"), replace(b, role="year")]   # "between 2016 and 2020"
    if word in ("-", "–", "—", "/") and _looks_like_years(text, a, b):
        return [replace(a, role="year"), replace(b, role="year")]
    if word in ("-", "–") and a.value >= b.value and a.value == int(a.value) and b.value == int(b.value) \
            and a.value < 1000 and not a.percent and not a.currency:
        return [replace(a, role="score"), replace(b, role="score")]   # "passed 5-4", "won 3-1"
    if _is_bare_year(text, a) != _is_bare_year(text, b) and not _same_digits(text, a, b):
        return None              # "in 2010 to 2.6m": a year and a figure ("1800 - 2200 calories" a range)
    if not (a.value < b.value or _below_zero_down(a, b)):
        return None
    # "5% to 7%" share one marker; "20 to 30%": the second carries it
    start = a.start - (len(opener.group()) if opener else 0)
    if a.qualifier == "approx":
        start = a.start
    return [_range(text, start, b.end, min(a.value, b.value), max(a.value, b.value), a, b)]


def _below_zero_down(a: Quantity, b: Quantity) -> bool:
    """"from minus 5 to minus 10 degrees", "-2 to -4%": below zero a range
    is written from the smaller size to the larger, so A > B."""
    return b.value < a.value < 0


def _close_pair(a: Quantity, b: Quantity, ratio: str) -> bool:
    """Two figures near enough to be the ends of one range with nothing else
    saying so (numbers.toml [ranges])."""
    return 0 < a.value < b.value <= _vocab()[ratio] * a.value


def _same_digits(text: str, a: Quantity, b: Quantity) -> bool:
    """Both figures plain integers with the same number of digits."""
    raw_a, raw_b = text[a.num_start:a.num_end], text[b.num_start:b.num_end]
    return raw_a.isdigit() and raw_b.isdigit() and len(raw_a) == len(raw_b)


def _spelled(text: str, q: Quantity) -> bool:
    """A figure that begins with a number word ("twenty", "six million")."""
    return q.words and not text[q.num_start:q.num_start + 1].isdigit()


_CLAUSE_END = re.compile(r"[;:!?\n]|\.(?!\d)")


@cache
def _elided_unit_after() -> re.Pattern:
    """What may follow a level that leaves out the unit of the level before
    it (numbers.toml [ranges] elided_unit_after)."""
    words = _alt(load("numbers")["ranges"]["elided_unit_after"])
    return re.compile(rf"\s*(?:[,.;:)]|$|(?:{words})\b)", re.I)


@cache
def _year_in_gap() -> re.Pattern:
    """The words before the year that dates the first of two levels ("from
    36.2 million in 2023 to ..."; numbers.toml [ranges] year_in_gap)."""
    r = load("numbers")["ranges"]
    preps, leads = _alt(r["year_in_gap"]), _alt(r["year_in_gap_leads"])
    return re.compile(rf"\s+(?:{preps})\s+(?:(?:{leads})\s+)?", re.I)


@cache
def _from_to_gap() -> re.Pattern:
    """What stands between A and B of "from A to B": up to three words, "to",
    and up to two of numbers.toml [ranges] level_leads."""
    leads = _alt(load("numbers")["ranges"]["level_leads"])
    return re.compile(rf"\s+(?:[a-z’'-]+\s+){{0,3}}?to\s+(?:(?:{leads})\s+){{0,2}}", re.I)


def _from_to(text: str, a: Quantity, b: Quantity, gap: str) -> list[Quantity] | None:
    """"dropped from 36.2 million reports to 20.5 million": two levels (roles
    from/to) when a change word comes before; else "from 200 to 300" is a range."""
    if not _from_to_gap().fullmatch(gap) or a.percent != b.percent or a.currency != b.currency \
            or a.unit and b.unit and a.unit != b.unit:
        return None
    opener = _RANGE_OPEN.search(text[max(0, a.start - 9):a.start])
    if not opener and gap.strip().lower() != "to":
        return None
    if opener and gap.strip().lower() == "to" and _looks_like_years(text, a, b, both_full=True) \
            and a.value < b.value and not (a.unit or b.unit or a.points or b.points):
        return [replace(a, role="year"), replace(b, role="year")]   # "from 2019 to 2024"
    back = _CLAUSE_END.split(text[max(0, a.start - 70):a.start])[-1]
    if _vocab()["level_cues"].search(back):
        if not opener and _range_after_verb(text, a, b, back):
            return None          # "will cut 5,000 to 7,000 jobs": a range (_pair joins it)
        if not opener:           # "fell by 2.4 million to 25.4 million": a change, then a level
            return [a, b]
        if a.unit and not b.unit and _elided_unit_after().match(text, b.end):
            b = replace(b, unit=a.unit)  # "from 1.207 billion tons to 1.568 billion in 2023"
        return [replace(a, role="from"), replace(b, role="to")]
    if gap.strip().lower() != "to" or not opener or a.qualifier != "exact" or b.qualifier != "exact" \
            or not (a.value < b.value or _below_zero_down(a, b)):
        return None
    start = a.start - len(opener.group())
    return [_range(text, start, b.end, min(a.value, b.value), max(a.value, b.value), a, b)]


_BY_BEFORE = re.compile(r"\bby\s+$", re.I)


def _range_after_verb(text: str, a: Quantity, b: Quantity, back: str) -> bool:
    """"cut 5,000 to 7,000 jobs": right after a verb of change, "A to B" with
    no "by" before A, both figures alike and close together, is a range. With
    "by", two percentages are one too ("could fall by 10% to 25%"); other
    figures are a change, then the level reached ("fell by 2.4 million to
    25.4 million")."""
    if _BY_BEFORE.search(back) and not (a.percent and b.percent) \
            or a.qualifier != "exact" or b.qualifier != "exact":
        return False
    if a.role or b.role or a.unit and a.unit != b.unit:
        return False             # "rise 0.5 to 1.2 metres": the second carries the unit
    return _close_pair(replace(a, value=a.value * _shared_scale(text, a, b)), b, "verb_to_ratio")


def _range(text, start, end, low, high, a: Quantity, b: Quantity) -> Quantity:
    factor = _shared_scale(text, a, b)
    if factor != 1.0:
        low, high = low * factor if low == a.value else low, high * factor if high == a.value else high
    return replace(
        b, start=start, end=end, text=text[start:end], qualifier="range",
        value=a.value * factor, low=low, high=high, num_start=a.num_start,
        percent=a.percent or b.percent, currency=a.currency or b.currency,
        unit=a.unit or b.unit, range_low=low, range_high=high,
    )


_LEAD_DIGITS = re.compile(r"[\d.,]+")


def _shared_scale(text: str, a: Quantity, b: Quantity) -> float:
    """"5 to 7 million", "$3-4bn": the scale written once applies to both."""
    raw_a = text[a.num_start:a.num_end]
    raw_b = text[b.num_start:b.num_end]
    if not re.fullmatch(r"[\d.,]+", raw_a):
        return _shared_scale_words(raw_a, raw_b, a, b)
    m = _LEAD_DIGITS.match(raw_b)
    if not m or m.end() == len(raw_b):
        return 1.0
    try:
        base = digits_value(m.group().rstrip(".,"))[0]
    except ValueError:
        return 1.0
    factor = b.value / base if base else 1.0
    if factor in (1e3, 1e6, 1e9, 1e12) and a.value < base:
        return factor
    return 1.0


def _shared_scale_words(raw_a: str, raw_b: str, a: Quantity, b: Quantity) -> float:
    """"between five and six million", "three to four thousand": a scale
    word written once, after the second of two written numbers, applies to
    both (the first has no scale word of its own and is below the second's
    figure before its scale)."""
    scales = _vocab()["scale_words"]
    words_a = raw_a.lower().replace("-", " ").split()
    words_b = raw_b.lower().replace("-", " ").split()
    if not words_a or not words_b or any(w in scales for w in words_a) or not a.words:
        return 1.0
    factor = 1.0
    while len(words_b) > 1 and words_b[-1] in scales:
        factor *= scales[words_b.pop()]
    base = words_value(" ".join(words_b)) if factor > 1.0 else None
    if base is None or base <= 0 or not math.isclose(base * factor, b.value) or not a.value < base:
        return 1.0
    return factor


def _is_bare_year(text: str, q: Quantity) -> bool:
    return not (q.percent or q.currency or q.unit) and \
        FULL_YEAR.fullmatch(text[q.num_start:q.num_end]) is not None


def _looks_like_years(text: str, a: Quantity, b: Quantity, both_full: bool = False) -> bool:
    """2012-13 / 2012-2013 are fiscal years, "between 2016 and 2020" a period,
    not ranges."""
    raw_a = text[a.num_start:a.num_end]
    raw_b = text[b.num_start:b.num_end]
    second = FULL_YEAR.pattern if both_full else rf"\d\d|{FULL_YEAR.pattern}"
    return (FULL_YEAR.fullmatch(raw_a) is not None
            and re.fullmatch(second, raw_b) is not None and not a.percent and not a.currency)
