"""Find figures in plain text and read their value and interval.

This module knows nothing of spaCy: it scans a string and returns
:class:`Quantity` records (span, value, interval, qualifier, percent/points,
currency, unit). ``extract.py`` decides which quantities are claims and of
what kind. All vocabulary comes from ``data/numbers.toml`` and
``data/qualifiers.toml`` (tolerances too).

How a figure is read, in three passes over the text:

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

def _alt(items) -> str:
    """Regex alternation of phrases, longest first, spaces matching any space."""
    return "|".join(re.escape(i).replace(r"\ ", r"\s+")
                    for i in sorted(set(items), key=len, reverse=True))


def _phrase_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


@cache
def _vocab() -> dict:
    n = load("numbers")
    q = load("qualifiers")
    w = n["words"]
    kinds: dict[str, tuple[str, float]] = {}
    for word, val in w["units"].items():
        kinds[word] = ("unit" if val < 10 else "teen", float(val))
    for word, val in w["tens"].items():
        kinds[word] = ("tens", float(val))
    for word, val in w["multipliers"].items():
        kinds[word] = ("hundred" if val == 100 else "mult", float(val))
    for word in w["plural"]["multipliers"]:
        kinds[word] = ("hundred" if word.startswith("hundred") else "mult",
                       float(w["multipliers"][word[:-1]]))
    for word, val in w["groups"].items():
        kinds[word] = ("group", float(val))
    for word, val in w["fractions"].items():
        kinds[word] = ("ord", float(val))
    for word, val in w["compound_ordinals"].items():
        kinds[word] = ("cord", float(val))
    for word in w["negative"]:
        kinds[word] = ("minus", 0.0)
    for word in w["point"]:
        kinds[word] = ("point", 0.0)
    for word in ("a", "an"):
        kinds[word] = ("a", 1.0)
    kinds["and"] = ("and", 0.0)
    kinds["of"] = ("of", 0.0)
    kinds["half"] = ("half", 2.0)
    kinds["halves"] = ("ord", 2.0)

    sc = n["scales"]
    spaced = _alt(sc["spaced"])
    attached = _alt(sc["attached"])
    digits = (
        r"(?P<num>"
        r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"          # 12,34,567.89 (Indian)
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)"               # 1,234,567.5
        r"|\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])"                    # 1.111,11 (European)
        r"|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?(?![\d,]|\.\d|[ \u202f\u00a0]\d)"  # 40 000
        r"|(?<![,\d])\d+,\d{1,2}(?![\d,])"                       # 5,00 and 1,3 (decimal comma)
        r"|\d*\.\d+|\d+)(?!st\b|nd\b|rd\b|th\b|\d)"
        r"(?P<exp>[eE][+-]?\d+(?![\w])|\^[+-]*\d+|\s?[x×]\s?10\^[+-]?\d+)?"
        rf"(?:(?P<scale>\s{{0,2}}(?:{spaced})|(?:{attached}))(?![\w]))?"
    )
    slash = r"(?P<sl_num>\d+)/(?P<sl_den>\d+)(?![\d/])"
    vulgar = "|".join(re.escape(c) for c in n["vulgar"])
    word_alt = _alt(kinds)
    atom = re.compile(
        rf"(?<![\w.]){slash}|(?<![\w.]){digits}|(?P<vulg>{vulgar})"
        rf"|(?<![\w'’])(?P<word>{word_alt})(?![\w'’])", re.I)

    pct = n["percent"]
    before = {_phrase_key(p): qual for qual, ps in q["before"].items() for p in ps}
    after = {_phrase_key(p): qual for qual, ps in q["after"].items() for p in ps}
    return {
        "kinds": kinds,
        "plural_multipliers": set(w["plural"]["multipliers"]),
        "atom": atom,
        "scales": {**sc["spaced"], **sc["attached"]},
        "no_scale_one_digit": set(sc.get("not_after_one_digit", {})),
        "vulgar": n["vulgar"],
        "slash_dens": set(n["ratios"]["slash_denominators"]),
        "ratio": re.compile(rf"\s+({_alt(n['ratios']['joiners'])})\s+$", re.I),
        "ratio_clause_end": set(n["ratios"]["clause_end_only"]),
        "clause_end": re.compile(r"\s*(?:[.,;:!?)\]]|$)"),
        "percent": re.compile(rf"\s?(?:{_alt(pct['percent'])})(?![\w])", re.I),
        "points": re.compile(rf"\s?(?:{_alt(pct['points'])})(?![\w])", re.I),
        "pct_before": re.compile(rf"(?<![\w])(?:{_alt(pct['percent_before'])})\s+$", re.I),
        "cur_sym": n["currency"]["symbols"],
        "cur_before": re.compile(rf"(?:{_alt(n['currency']['symbols'])})\s?$"),
        "cur_words": {_phrase_key(k): v for k, v in n["currency"]["words"].items()},
        "cur_after": re.compile(rf"\s(?:{_alt(n['currency']['words'])})(?![\w])", re.I),
        "units": {k.lower(): v for k, v in n["units"].items()},
        "glued_ok": {w.lower() for w in n["glued_ok"]["words"]},
        "unit_after": re.compile(rf"\s?(?:{_alt(n['units'])})(?![\w])", re.I),
        "before": before,
        "before_re": re.compile(
            rf"(?:(?:^|(?<=[^\w]))({_alt(p for p in before if p[0].isalnum())})"
            rf"|({_alt(p for p in before if not p[0].isalnum())}))\s*$", re.I),
        "after": after,
        "after_re": re.compile(rf"\s*({_alt(after)})(?![\w])", re.I),
        "or_equal_re": re.compile(rf"\s+(?:{_alt(q['or_equal']['phrases'])})(?![\w])", re.I),
        "or_equal": {k: v for k, v in q["or_equal"].items() if k != "phrases"},
        "tol": q["tolerance"],
        "level_cues": _level_cues(),
    }


def _level_cues() -> re.Pattern:
    """Verbs and nouns of change: "dropped from A to B" gives two levels, not a range."""
    d = load("extract")["direction"]
    words = set(d["decrease"]) | set(d["increase"]) | set(d["neutral"]) | set(d.get("level", []))
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])", re.I)


# --- reading one figure ----------------------------------------------------

def digits_value(num: str) -> tuple[float, float]:
    """Value and place value of the last stated digit of a digit string
    ("1,234.5", "40 000", "12,34,567", "1.111,11", "5,00")."""
    clean = re.sub(r"[ \u202f\u00a0]", "", num)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", clean):       # European
        clean = clean.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d{1,2}", clean):                  # decimal comma
        clean = clean.replace(",", ".")
    else:
        clean = clean.replace(",", "")
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


def _exponent(value: float, exp: str) -> float | None:
    """Apply "e13", "^-1", "x10^6" to a value."""
    e = exp.strip().lower()
    try:
        if e.startswith("e"):
            return value * 10.0 ** int(e[1:])
        if e.startswith("^"):
            sign = -1 if e[1:].count("-") % 2 else 1
            power = sign * int(e.lstrip("^+-"))
            if abs(power) > 300 or value == 0 and power < 0:
                return None
            return math.copysign(abs(value) ** power, value)
        power = int(re.sub(r"^[x×]\s?10\^", "", e))
        return value * 10.0 ** power
    except (OverflowError, ValueError):
        return None


@dataclass
class _Tok:
    kind: str      # num unit teen tens hundred mult group ord cord half a and of point minus frac
    value: float
    start: int
    end: int
    step: float = 1.0
    hyphen: bool = False  # joined to the previous token by a hyphen
    scaled: bool = False  # digit figure that already carries a scale ("10k")
    plural: bool = False  # "hundreds": a count of hundreds, no number alone


def _atoms(text: str) -> list[_Tok]:
    v = _vocab()
    toks: list[_Tok] = []
    for m in v["atom"].finditer(text):
        if m.group("word"):
            word = _phrase_key(m.group("word"))
            kind, val = v["kinds"][word]
            toks.append(_Tok(kind, val, m.start(), m.end(), plural=word in v["plural_multipliers"]))
        elif m.group("vulg"):
            toks.append(_Tok("frac", v["vulgar"][m.group("vulg")], m.start(), m.end(), 0.0))
        elif m.group("sl_num"):
            a, b = int(m.group("sl_num")), int(m.group("sl_den"))
            if b in v["slash_dens"] and 0 < a < b:
                toks.append(_Tok("frac", a / b, m.start(), m.end(), 0.0))
            else:
                toks.append(_Tok("num", float(a), m.start(), m.start() + len(m.group("sl_num"))))
                toks.append(_Tok("num", float(b), m.end() - len(m.group("sl_den")), m.end()))
        else:
            tok = _digit_tok(m, v)
            if tok is not None:
                toks.append(tok)
    for prev, tok in zip(toks, toks[1:]):
        tok.hyphen = text[prev.end:tok.start].strip() == "-"
    return toks


def _digit_tok(m: re.Match, v: dict) -> _Tok | None:
    value, step = digits_value(m.group("num"))
    end = m.end()
    if m.group("exp"):
        value2 = _exponent(value, m.group("exp"))
        if value2 is None:
            return _Tok("num", value, m.start(), m.end("num"), step)
        value, step = value2, 0.0
    scaled = False
    scale = m.group("scale")
    if scale:
        key = scale.strip()
        factor = v["scales"].get(key)
        raw = m.group("num")
        if factor is None or (key in v["no_scale_one_digit"] and re.fullmatch(r"\d", raw)):
            if scale == key:
                return None      # "5G": a network generation, not 5 billion
            end = m.end("exp") if m.group("exp") else m.end("num")
        else:
            value, step, scaled = value * factor, step * factor, True
    elif m.group("exp") is None:
        end = m.end("num")
    glued = _GLUED.match(m.string, end)
    if glued and glued.group().lower() not in v["units"] and glued.group().lower() not in v["glued_ok"]:
        return None      # "5G", "3D", "737MAX": a name, not a figure
    return _Tok("num", value, m.start(), end, step, scaled=scaled)


_GLUED = re.compile(r"[A-Za-z]+")


# --- the grammar of written numbers ------------------------------------------

_SMALL = ("unit", "teen", "tens", "num")


def _number_at(toks: list[_Tok], i: int, text: str):
    """Parse the longest number starting at token i.
    Returns (value, step, end token index, is_ratio) or None."""
    n = len(toks)
    neg = False
    if toks[i].kind == "minus":
        if i + 1 >= n or toks[i + 1].kind in ("minus", "and", "of", "point"):
            return None
        neg, i = True, i + 1
    frac = _fraction_run(toks, i, text)
    if frac is not None:
        value, j = frac
        return _finish(value, 0.0, j, neg, True)
    if toks[i].kind == "ord" and i + 1 < n and toks[i + 1].kind == "mult" and toks[i].value in (2, 4) \
            and _adjacent(text, toks[i], toks[i + 1]):
        return _finish(toks[i + 1].value / toks[i].value, 0.0, i + 2, neg, True)  # "quarter million"
    start = i
    total = 0.0       # finished chunks ("two million" in "two million three hundred")
    cur = 0.0         # chunk under construction (< 1000, or a digit figure)
    small = 0.0       # last small number in cur ("two" in "three hundred and two dozens")
    last = ""         # kind of the last consumed token
    last_mult = 0.0   # last multiplier applied (for "3 million and a half")
    step = 1.0
    seg_start = i     # first token after the last "and"
    whole_before_and = None  # (value, last_mult) before the last "and"
    words = False
    j = i
    while j < n:
        t = toks[j]
        nxt = toks[j + 1] if j + 1 < n else None
        k = t.kind
        if j > start and not _adjacent(text, toks[j - 1], t):
            break
        if k == "num":
            if last == "and" and t.value == 0:
                break
            if last in ("", "and") or (last in ("hundred", "mult") and t.value < (last_mult or 100)
                                       and not t.scaled and t.value == int(t.value)):
                if last == "" and j > start:
                    break
                if toks[start].kind == "num" and j > start and last not in ("hundred", "mult", "and"):
                    break
                cur += t.value
                small = t.value
                step = t.step if not t.scaled else t.step
                last = "num"
                if t.scaled:
                    total += cur
                    cur = 0.0
                    last = "mult"
                    last_mult = t.value
            else:
                break
        elif k in ("unit", "teen", "tens"):
            if last == "tens" and k == "unit" and t.value > 0:
                cur += t.value
                small += t.value
            elif last in ("", "hundred", "mult", "and"):
                cur += t.value
                small = t.value
            else:
                break
            words = True
            step = 1.0
            last = k
        elif k == "hundred":
            if last in ("", "unit", "teen", "tens", "num", "a", "group"):
                if last == "num" and toks[j - 1].scaled or last == "" and t.plural:
                    break
                if whole_before_and is not None and seg_start < j and whole_before_and[2] == "hundred":
                    return _finish(whole_before_and[0], 100.0, seg_start - 1, neg, words)
                cur = (cur or 1.0) * 100.0
                small = 0.0
                step = (step if last == "num" else 1.0) * 100.0
                last = "hundred"
                last_mult = 100.0
                words = True
            else:
                break
        elif k == "mult":
            if last in ("unit", "teen", "tens", "num", "a", "hundred", "group"):
                if t.plural and last in ("a", "hundred"):
                    break
                total += (cur or 1.0) * t.value
                cur = small = 0.0
                step = (step if last in ("num", "hundred") else 1.0) * t.value
            elif last == "mult" and t.value > last_mult:
                total *= t.value
                step *= t.value
            else:
                break
            last, last_mult = "mult", t.value
            words = True
        elif k == "group":
            if last in ("unit", "teen", "tens", "num", "a"):
                base = small if last != "a" else 1.0
                cur = cur - small + (base or 1.0) * t.value if last != "a" else cur + t.value - 1.0
                small = 0.0
                last = "group"
                words = True
                # "a couple of hundred"
                if nxt is not None and nxt.kind == "of" and j + 2 < n and toks[j + 2].kind in ("hundred", "mult"):
                    j += 1
            else:
                break
        elif k == "a":
            if nxt is not None and nxt.kind in ("hundred", "mult", "group") and last in ("", "and"):
                cur += 1.0
                small = 1.0
                last = "a"
                words = True
            elif nxt is not None and nxt.kind in ("ord", "half", "tens", "unit") and last in ("", "and"):
                # "a half", "a third", "a twenty-first": handled as fraction numerator 1
                frac = _fraction(toks, j, text)
                if frac is None:
                    break
                fval, fend = frac
                value, j = _with_fraction(total + cur, fval, last_mult, toks, fend, last, text)
                return _finish(value, 0.0, j, neg, words=True)
            else:
                break
        elif k == "and":
            if last in ("", "and", "a") or nxt is None or not _adjacent(text, t, nxt):
                break
            if nxt.kind not in ("unit", "teen", "tens", "num", "a", "half") \
                    and not (nxt.kind == "ord" and last in ("hundred",)):
                break
            if nxt.kind in ("unit", "teen", "tens", "num") and last not in ("hundred", "mult") \
                    and not _fraction_ahead(toks, j + 1, text):
                break
            if nxt.kind == "num" and (toks[start].kind == "num" and last == "num"):
                break
            whole_before_and = (total + cur, last_mult, last)
            seg_start = j + 1
            last = "and"
        elif k == "point":
            if last not in ("unit", "teen", "tens", "num", "hundred", "mult") or nxt is None:
                break
            digits, jj = _point_digits(toks, j + 1, text)
            if not digits:
                break
            cur += float("0." + digits)
            step = 10.0 ** -len(digits)
            j = jj
            last = "num"
            words = True
            continue
        elif k in ("ord", "cord", "half"):
            if k == "half" and last == "":
                return _half(toks, j, text, neg)
            if last in ("", "a", "point", "minus", "of") or last == "and" and not (
                    whole_before_and is not None and whole_before_and[2] == "hundred"):
                break
            fr = _split_fraction(toks, start, seg_start, j, text, whole_before_and)
            if fr is None:
                break
            value, jj = fr
            # "three quarters million", "two thirds of a million"
            value, jj = _scale_after(toks, jj, value, text)
            return _finish(value, 0.0, jj, neg, words=True)
        elif k == "frac":
            if last == "num" and toks[j - 1].value == int(toks[j - 1].value) and not toks[j - 1].hyphen:
                cur += t.value       # "2 1/4"
                step = 0.0
                last = "frac"
            elif last == "":
                cur = t.value
                step = 0.0
                last = "frac"
            else:
                break
        else:
            break
        j += 1
    if last == "and" and whole_before_and is not None:
        last = whole_before_and[2]
    # trailing "and"/"a" not consumed
    while j > start and toks[j - 1].kind in ("and", "a", "of"):
        j -= 1
    if j == start or last in ("", "and"):
        return None
    if last == "a":
        return None
    value = total + cur
    return _finish(value, step, j, neg, words)


def _finish(value, step, j, neg, words):
    return (-value if neg else value), step, j, words


def _adjacent(text: str, a: _Tok, b: _Tok) -> bool:
    gap = text[a.end:b.start]
    return len(gap) <= 4 and (gap == "" or re.fullmatch(r"[\s\-–]*", gap) is not None) \
        and "\n" not in gap


def _fraction_ahead(toks: list[_Tok], j: int, text: str) -> bool:
    """Whether the small number at j is the numerator of a fraction
    ("twenty and three fifths", "one and a half")."""
    while j < len(toks) and toks[j].kind in ("unit", "teen", "tens", "a", "and"):
        if j + 1 < len(toks) and not _adjacent(text, toks[j], toks[j + 1]):
            return False
        j += 1
    return j < len(toks) and toks[j].kind in ("ord", "half", "cord")


def _point_digits(toks: list[_Tok], j: int, text: str) -> tuple[str, int]:
    """Digits after a spoken decimal point: "zero three" -> "03", "seventy-one" -> "71"."""
    digits = ""
    while j < len(toks) and _adjacent(text, toks[j - 1], toks[j]):
        t = toks[j]
        if t.kind in ("unit", "teen"):
            digits += str(int(t.value))
        elif t.kind == "tens":
            if j + 1 < len(toks) and toks[j + 1].kind == "unit" and toks[j + 1].value > 0 \
                    and _adjacent(text, t, toks[j + 1]):
                digits += str(int(t.value + toks[j + 1].value))
                j += 1
            else:
                digits += str(int(t.value))
        else:
            break
        j += 1
    return digits, j


def _half(toks, j, text, neg):
    """"half", "half a dozen", "half a million", "half million"."""
    n = len(toks)
    k = j + 1
    if k < n and toks[k].kind == "a" and k + 1 < n and toks[k + 1].kind in ("group", "mult", "hundred") \
            and _adjacent(text, toks[j], toks[k]) and _adjacent(text, toks[k], toks[k + 1]):
        return _finish(0.5 * toks[k + 1].value, 0.0, k + 2, neg, True)
    if k < n and toks[k].kind in ("group", "mult", "hundred") and _adjacent(text, toks[j], toks[k]):
        return _finish(0.5 * toks[k].value, 0.0, k + 1, neg, True)
    return _finish(0.5, 0.0, j + 1, neg, True)


def _fraction(toks, j, text):
    """"a half", "a third", "a twenty-first" starting at the article j: (value, end)."""
    n = len(toks)
    k = j + 1
    if k < n and toks[k].kind in ("ord", "half"):
        return 1.0 / toks[k].value, k + 1
    if k + 1 < n and toks[k].kind == "tens" and toks[k + 1].kind in ("ord", "cord") \
            and toks[k + 1].value < 10 and toks[k + 1].hyphen:
        return 1.0 / (toks[k].value + toks[k + 1].value), k + 2
    return None


def _with_fraction(whole, fval, last_mult, toks, j, last, text):
    """"one and a half" = 1.5; "3 million and a half" = 3.5 million;
    "five and a half million" = 5.5 million."""
    if last == "and" and last_mult >= 1000:
        value = whole + fval * last_mult
    else:
        value = whole + fval
    if j < len(toks) and toks[j].kind == "mult" and _adjacent(text, toks[j - 1], toks[j]):
        m = toks[j].value
        value = whole + fval * m if last_mult >= m else (whole + fval) * m
        j += 1
    return value, j


def _cardinal(toks: list[_Tok], a: int, b: int, text: str) -> float | None:
    """Value of tokens a..b-1 read as one cardinal (no fractions), or None."""
    if a >= b:
        return None
    sub = toks[a:b]
    r = _number_at(sub, 0, text)
    if r is None or r[2] != len(sub):
        return None
    return r[0]


def _split_fraction(toks, start, seg_start, j, text, whole_before_and, num_override=None):
    """Numerator / denominator for an ordinal at token j ("two fifths",
    "one hundred thirty-fifths" = 100/35, "two and fifty-four hundredths")."""
    o = toks[j]
    den = o.value
    num_end = j
    prev = toks[j - 1] if j - 1 >= seg_start else None
    if o.kind == "cord" or (o.kind == "ord" and o.value < 10):
        if prev is not None and prev.kind == "tens" and (o.hyphen or j - 1 > seg_start):
            den, num_end = prev.value + o.value, j - 1
        elif o.kind == "cord":
            return None
    if num_end == j and prev is not None and prev.kind in ("hundred", "mult") and j - 2 >= seg_start \
            and toks[j - 2].kind == "unit" and not toks[j - 2].hyphen and j - 3 >= seg_start:
        den, num_end = toks[j - 2].value * prev.value + o.value, j - 2
    # "one one hundred and fifth": the ordinal right after "hundred and"
    if num_end == j and seg_start == j and whole_before_and is not None and whole_before_and[2] == "hundred" \
            and j - 3 >= start and toks[j - 3].kind == "unit" and j - 3 > start:
        den, num_end = toks[j - 3].value * 100 + o.value, j - 3
        num = _cardinal(toks, start, num_end, text)
        return (num / den, j + 1) if num is not None else None
    num = num_override if num_override is not None else _cardinal(toks, seg_start, num_end, text)
    if num is None:
        return None
    if whole_before_and is not None and seg_start > start:
        whole, last_mult, _ = whole_before_and
        if num < den:                           # "one hundred and three quarters"
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and nxt.kind == "mult" and _adjacent(text, o, nxt):
                return whole + num / den * nxt.value, j + 2   # "one billion and a quarter million"
            if last_mult >= 1000:
                return whole + num / den * last_mult, j + 1
            return whole + num / den, j + 1
        full = _cardinal(toks, start, num_end, text)  # "one hundred and thirty fifths"
        if full is None:
            return None
        return full / den, j + 1
    return num / den, j + 1


_RUN_KINDS = ("unit", "teen", "tens", "hundred", "mult", "and", "a", "num")


def _fraction_run(toks: list[_Tok], i: int, text: str):
    """A written fraction starting at token i: a run of number words ending in
    a denominator ("one hundred thirty-fifths", "twenty and three fifths",
    "a hundred trillionths"). Returns (value, end) or None."""
    n = len(toks)
    j = i
    while j < n and toks[j].kind in _RUN_KINDS and not toks[j].plural \
            and (j == i or _adjacent(text, toks[j - 1], toks[j])):
        j += 1
    if j == i or j >= n or toks[j].kind not in ("ord", "cord") or not _adjacent(text, toks[j - 1], toks[j]):
        return None
    if toks[j - 1].kind in ("mult",) and toks[j].value < 100 or toks[j - 1].kind == "num" and toks[j - 1].scaled:
        return None
    ands = [k for k in range(i, j) if toks[k].kind == "and"]
    seg_start = ands[-1] + 1 if ands else i
    if ands and ands[-1] == j - 1 and j - 3 > i and toks[j - 2].kind == "hundred" \
            and toks[j - 3].kind == "unit":        # "one one hundred and fifth" = 1/105
        num = _cardinal(toks, i, j - 3, text)
        return (num / (toks[j - 3].value * 100 + toks[j].value), j + 1) if num else None
    whole = None
    if ands:
        wv = _cardinal(toks, i, ands[-1], text)
        if wv is None:
            return None
        wl = toks[ands[-1] - 1]
        whole = (wv, wl.value if wl.kind in ("mult", "hundred") else 0.0, wl.kind)
    if seg_start < j and toks[seg_start].kind == "a" and seg_start + 1 == j:
        num_override = 1.0
    else:
        num_override = None
    fr = _split_fraction(toks, i, seg_start, j, text, whole, num_override)
    if fr is None:
        return None
    value, jj = fr
    return _scale_after(toks, jj, value, text)


def _scale_after(toks, j, value, text):
    n = len(toks)
    if j < n and toks[j].kind == "mult" and _adjacent(text, toks[j - 1], toks[j]):
        return value * toks[j].value, j + 1
    if j + 2 < n and toks[j].kind == "of" and toks[j + 1].kind == "a" and toks[j + 2].kind == "mult":
        return value * toks[j + 2].value, j + 3
    return value, j


def _parse(text: str) -> list[tuple[int, int, float, float, bool]]:
    """(start, end, value, step, words) for every figure in ``text``."""
    toks = _atoms(text)
    out = []
    i = 0
    while i < len(toks):
        r = None
        if toks[i].kind not in ("and", "of", "point", "cord") and not (
                toks[i].kind == "ord" and not (i + 1 < len(toks) and toks[i + 1].kind == "mult")):
            r = _number_at(toks, i, text)
        if r is None:
            i += 1
            continue
        value, step, j, words = r
        if not words and j - i == 1 and toks[i].kind == "frac":
            step = 0.0
        out.append((toks[i].start, toks[j - 1].end, value, step, words or toks[i].kind != "num"))
        i = j
    return _ratios(text, out)


def _ratios(text: str, figs: list) -> list:
    """"one in five", "two out of five hundred", "one over three" -> a ratio."""
    v = _vocab()
    out = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs):
            b = figs[i + 1]
            m = v["ratio"].search(text[a[1]:b[0]]) if b[0] - a[1] < 12 else None
            joiner = _phrase_key(m.group(1)) if m and m.start() == 0 else ""
            end_only = joiner in v["ratio_clause_end"]
            if joiner and a[2] != 0 and (abs(a[2]) < b[2] or end_only) and a[2] == int(a[2]) \
                    and not _is_year_like(text, b):
                if not end_only or v["clause_end"].match(text, b[1]):
                    out.append((a[0], b[1], a[2] / b[2], 0.0, True, "ratio"))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _is_year_like(text: str, fig) -> bool:
    raw = text[fig[0]:fig[1]]
    return re.fullmatch(r"1[89]\d\d|20\d\d", raw) is not None


def words_value(text: str) -> float | None:
    """Value of a written-out number ("twenty-one", "a million", "two-thirds",
    "half a dozen"); None when the words are not one number."""
    figs = _parse(text)
    if len(figs) != 1 or text[:figs[0][0]].strip() or text[figs[0][1]:].strip():
        return None
    return figs[0][2]


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
    return v["before"][_phrase_key(m.group(g))], start - (len(window) - m.start(g))


def _qualifier_after(text: str, end: int) -> tuple[str, int]:
    v = _vocab()
    m = v["after_re"].match(text, end)
    if not m:
        return "exact", end
    rest = text[m.end():m.end() + 12]
    if re.match(r"\s*(?:than\s+)?[-−]?\s?[\d.]", rest) or re.match(r"\s+than\s+\w", rest) \
            and not re.match(r"\s+than\s+(?:it|that|this)\b", rest):
        return "exact", end
    phrase = _phrase_key(m.group(1))
    if phrase in ("plus", "+") and re.match(r"\s*\w", rest) and not re.match(r"\s*(?:[a-z]+s|people)\b", rest):
        return "exact", end
    return v["after"][phrase], m.end()


def _sign(text: str, s: int, value: float) -> tuple[float, int]:
    """A minus sign right before the figure: "-5", "−5", "- 10 k" (not "1000 - 5000")."""
    m = re.search(r"(?:^|(?<=[^\w\d.,]))([-−–])(\s?)$", text[max(0, s - 3):s])
    if not m or value < 0:
        return value, s
    before = text[:s - len(m.group(0))].rstrip()
    if m.group(2) and before and (before[-1].isdigit() or before[-1].isalpha()):
        return value, s
    if not m.group(2) and before and before[-1].isdigit():
        return value, s
    return -value, s - len(m.group(0))


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order, with its value and interval."""
    v = _vocab()
    found: list[Quantity] = []
    for fig in _parse(text):
        s, e, value, step, is_words = fig[:5]
        ratio = len(fig) > 5 or (step == 0.0 and 0 < abs(value) < 1 and is_words)
        num_start = s
        value, s = _sign(text, s, value)
        currency = ""
        mc = v["cur_before"].search(text, max(0, s - 4), s)
        if mc and mc.end() == s:
            currency = v["cur_sym"][mc.group().strip()]
            s = mc.start()
            value2, s2 = _sign(text, s, value)
            if value2 != value:
                value, s = value2, s2
        end = e
        percent = points = False
        mp = v["points"].match(text, end)
        if mp:
            points, end = True, mp.end()
        else:
            mp = v["percent"].match(text, end)
            if mp:
                percent, end = True, mp.end()
            elif v["pct_before"].search(text, max(0, s - 25), s):
                percent = True
                s = v["pct_before"].search(text, max(0, s - 25), s).start()
        if not percent and not points and not currency:
            mc = v["cur_after"].match(text, end)
            if mc:
                currency = v["cur_words"][_phrase_key(mc.group())]
                end = mc.end()
        unit = ""
        if not percent and not points and not currency:
            mu = v["unit_after"].match(text, end)
            if mu:
                unit = v["units"][_phrase_key(mu.group())]
                end = mu.end()
        qual, qstart = qualifier_before(text, s)
        qual_after, qend = _qualifier_after(text, end)
        if qual_after != "exact" and qual in ("exact", "approx"):
            qual, end = qual_after, qend
        elif qual in ("more_than", "less_than"):
            mo = v["or_equal_re"].match(text, end)
            if mo:
                qual, end = v["or_equal"][qual], mo.end()
        start = qstart if qstart < s else s
        if found and start < found[-1].end:
            start = max(s, found[-1].end)
            if start > s:
                continue
            qual = "exact"
        low, high = interval(value, step, qual)
        found.append(Quantity(
            start=start, end=end, text=text[start:end], value=value, low=low, high=high,
            qualifier=qual, percent=percent, points=points, currency=currency,
            unit=unit, words=is_words, num_start=num_start, num_end=e, unit_step=step,
            ratio=ratio,
        ))
    return _join_ranges(text, found)


# --- ranges --------------------------------------------------------------------

_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|~|to|through|thru|and)\s*", re.I)
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
    if a.currency and b.currency and a.currency != b.currency:
        return None
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
    m = _RANGE_JOIN.fullmatch(gap)
    if not m or (gap == "-" and (a.words or b.words)):
        return None
    opener = _RANGE_OPEN.search(text[max(0, a.start - 9):a.start])
    word = gap.strip().lower()
    if word == "and" and not (opener and opener.group().lower().startswith("between")):
        return None
    if word in ("-", "–", "—", "/") and _looks_like_years(text, a, b):
        return [replace(a, role="year"), replace(b, role="year")]
    if word in ("-", "–") and a.value >= b.value and a.value == int(a.value) and b.value == int(b.value) \
            and a.value < 1000 and not a.percent and not a.currency:
        return [replace(a, role="score"), replace(b, role="score")]   # "passed 5-4", "won 3-1"
    if not a.value < b.value:
        return None
    # "5% to 7%" share one marker; "20 to 30%": the second carries it
    start = a.start - (len(opener.group()) if opener else 0)
    if a.qualifier == "approx":
        start = a.start
    return [_range(text, start, b.end, a.value, b.value, a, b)]


_FROM_TO_GAP = re.compile(r"\s+(?:[a-z’'-]+\s+){0,3}?to\s+", re.I)


def _from_to(text: str, a: Quantity, b: Quantity, gap: str) -> list[Quantity] | None:
    """"dropped from 36.2 million reports to 20.5 million": two levels (roles
    from/to) when a change word comes before; else "from 200 to 300" is a range."""
    if not _FROM_TO_GAP.fullmatch(gap) or a.percent != b.percent or a.currency != b.currency:
        return None
    opener = _RANGE_OPEN.search(text[max(0, a.start - 9):a.start])
    if not opener and gap.strip().lower() != "to":
        return None
    back = re.split(r"[.;:!?\n]", text[max(0, a.start - 70):a.start])[-1]
    if _vocab()["level_cues"].search(back):
        return [replace(a, role="from"), replace(b, role="to")]
    if gap.strip().lower() != "to" or not opener or a.qualifier != "exact" or b.qualifier != "exact" \
            or not a.value < b.value:
        return None
    start = a.start - len(opener.group())
    return [_range(text, start, b.end, a.value, b.value, a, b)]


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
        return 1.0
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


def _looks_like_years(text: str, a: Quantity, b: Quantity) -> bool:
    """2012-13 / 2012-2013 are fiscal years, not ranges."""
    raw_a = text[a.num_start:a.num_end]
    raw_b = text[b.num_start:b.num_end]
    return (re.fullmatch(r"1[89]\d\d|20\d\d", raw_a) is not None
            and re.fullmatch(r"\d\d|1[89]\d\d|20\d\d", raw_b) is not None)
