"""Figures as written: digit strings and the grammar of written numbers.

Turns text into figures (start, end, value, step, words) without context:
digit figures with separators, decimals, exponents and scale abbreviations
("1,234.5", "40 000", "1.3e6", "10k", "$3bn" minus the "$"), slash and
Unicode fractions, and number words parsed by a small grammar
("four thousand 3 hundred and 21", "two-thirds", "five and a half million",
"nine point nought four", "one hundred thirty-fifths", "one in five").
:mod:`pipeline.numbers` adds the context (sign, currency, percent, unit,
qualifier, ranges). Vocabulary: ``data/numbers.toml``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from .knowledge import load


def alt(items) -> str:
    """Regex alternation of phrases, longest first, spaces matching any space."""
    return "|".join(re.escape(i).replace(r"\ ", r"\s+")
                    for i in sorted(set(items), key=len, reverse=True))


def lead(chars: str = "", words=()) -> str:
    """A lookahead for the characters a match can begin with: any of
    ``chars`` or the first letter of any of ``words``, in either case.
    Python's ``re`` tries a pattern that opens with ``\\b`` or a lookbehind
    at every position of the text; this lookahead turns most positions away
    at once. It changes nothing that matches, so long as every match of the
    pattern begins with one of these characters."""
    first = set(chars) | {w[0] for w in words if w}
    first = {c.lower() for c in first} | {c.upper() for c in first}
    return "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])"


def counts_after_year(doc, start: int, end: int) -> bool:
    """Whether four digits in the years' range, tokens ``start``..``end`` of
    ``doc``, count the plural noun right after them ("2059 people") rather
    than name a year ("In 2023 sales rose") or date a noun of figures ("put
    2023 earnings at"); see extract.toml [not_claims] year_before_words and
    year_nouns. Read by the extractor and by the period finder, so that a
    figure is never also a year."""
    if end >= len(doc):
        return False
    time_units, year_before, year_nouns = _year_words()
    nxt, prev = doc[end], doc[start - 1] if start else None
    return nxt.tag_ == "NNS" and nxt.lower_ not in time_units and nxt.lower_ not in year_nouns \
        and (prev is None or prev.lower_ not in year_before)


@cache
def _year_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    nc = load("extract")["not_claims"]
    return frozenset(nc["time_units"]), frozenset(nc["year_before_words"]), \
        frozenset(nc["year_nouns"])


def phrase_key(text: str) -> str:
    """A phrase as looked up in the vocabulary: lower case, single spaces."""
    return re.sub(r"\s+", " ", text.strip().lower())


@cache
def vocab() -> dict:
    """Word kinds, the atom pattern and the figure vocabulary, compiled once."""
    n = load("numbers")
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
    for word in w["and"]["words"]:
        kinds[word] = ("and", 0.0)
    kinds["of"] = ("of", 0.0)
    kinds["half"] = ("half", 2.0)
    kinds["halves"] = ("ord", 2.0)

    sc = n["scales"]
    spaced = alt(sc["spaced"])
    attached = alt(sc["attached"])
    digits = (
        r"(?P<num>"
        r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,])"          # 12,34,567.89 (Indian)
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)"               # 1,234,567.5
        r"|\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])"                    # 1.111,11 (European)
        r"|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?(?![\d,A-Za-z]|-\d|\.\d|[ \u202f\u00a0]\d)"  # 40 000 (not "12 777X", "12 737-800")
        r"|(?<![,\d])\d+,\d{1,2}(?![\d,])"                       # 5,00 and 1,3 (decimal comma)
        r"|\d*\.\d+|\d+)(?!st\b|nd\b|rd\b|th\b|\d)"
        r"(?P<exp>[eE][+-]?\d+(?![\w])|\^[+-]*\d+|\s?[x×]\s?10(?:\^[+-−]?|−)\d+|[x×][2-9]\^\d+"
        r"|\s?[x×]\s?10[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\s?×\s?10-\d+(?![\d.]))?"    # "3×10⁸", "2.5×10-6"
        rf"(?:(?P<scale>(?-i:\s{{0,2}}(?:{spaced})|(?:{attached})))(?![\w]))?"
    )
    slash = r"(?P<sl_num>\d+)/(?P<sl_den>\d+)(?![\d/])"
    vulgar = "|".join(re.escape(c) for c in n["vulgar"])
    word_alt = alt(kinds)
    # every atom begins with a digit, ".", a vulgar fraction or a number word
    begins = lead("0123456789." + "".join(n["vulgar"]), kinds)
    # a figure may follow a currency written in letters with no space
    # ("RM150,000", "Rs500", "$A250"), but no other word ("F35", "COVID19")
    glued = "".join(rf"|(?<=(?<![A-Za-z]){re.escape(k)})" if k.isalpha() else rf"|(?<={re.escape(k)})"
                    for k in n["currency"]["symbols"] if k[-1].isalpha())
    after = rf"(?:(?<![\w.]){glued})"
    # a race time: "1:45.62", "2:05:30.4", "2:06:35" (see numbers.toml [timings])
    timing = r"(?P<timing>\d{1,2}(?::\d\d){1,2}\.\d+|\d{1,2}:\d\d:\d\d)(?![\d:]|\.\d)"
    atom = re.compile(
        rf"{begins}(?:(?<![\w.]){slash}|(?<![\w.:]){timing}|{after}{digits}|(?P<vulg>{vulgar})"
        rf"|(?<![\w'’])(?P<word>{word_alt})(?![\w'’]))", re.I)

    return {
        "kinds": kinds,
        "kinds_plural": set(w["plural"]["multipliers"]),
        "atom": atom,
        "scales": {**sc["spaced"], **sc["attached"]},
        "no_scale_one_digit": set(sc.get("not_after_one_digit", {})),
        "metres_before": re.compile(rf"\s+(?:{alt(sc['metres_before']['words'])})\b", re.I),
        "race_distances": {str(d) for d in sc["metres_races"]["distances"]},
        "race_words": re.compile(rf"\s+(?:{alt(sc['metres_races']['words'])})\b"
                                 rf"(?!\s+(?:{alt(sc['metres_races']['money_after_in'])})\b)", re.I),
        "currency_end": re.compile(rf"(?:{alt(n['currency']['symbols'])})\s?$"),
        "vulgar": n["vulgar"],
        "slash_dens": set(n["ratios"]["slash_denominators"]),
        "ratio": re.compile(rf"[\s-]+({alt(n['ratios']['joiners'])})[\s-]+$", re.I),
        "ratio_clause_end": set(n["ratios"]["clause_end_only"]),
        "clause_end": re.compile(r"\s*(?:[.,;:!?)\]]|$)"),
        "units": {k.lower(): v for k, v in n["units"].items()},
        "fraction_after_article": set(n["fraction_after_article"]["words"]),
        "slash_pair_units": re.compile(rf"\s?(?:{alt(n['ratios']['slash_pair_units'])})(?![\w])", re.I),
        "glued_ok": {w.lower() for w in n["glued_ok"]["words"]}
        | {w.lower() for w in n["currency"]["attached"]} | {w.lower() for w in n["units_attached"]},
        "rounded_trailing_zeros": load("qualifiers")["tolerance"]["rounded_trailing_zeros"],
        "comma_min_scale": float(w["comma"]["min_scale"]),
    }


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
    if not math.isfinite(value):
        return value, math.inf  # more digits than a float holds: _digit_tok drops it
    if "." in clean:
        step = 10.0 ** -len(clean.split(".")[1])
    else:
        stripped = clean.lstrip("0") or "0"
        zeros = len(stripped) - len(stripped.rstrip("0"))
        step = 10.0 ** zeros if zeros >= vocab()["rounded_trailing_zeros"] else 1.0
        if stripped == "0":
            step = 1.0
    return value, step


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")


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
        # "x10^6"; "×10−5" and "×10-5" are 10 to the -5 with the superscript
        # lost; "×10⁸" kept it; "8x2^10"
        e = e.translate(_SUPERSCRIPT)
        base, power = re.fullmatch(r"[x×]\s?(\d+)\^?([-+−]?\d+)", e).groups()
        return value * float(base) ** int(power.replace("−", "-"))
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
    v = vocab()
    toks: list[_Tok] = []
    for m in v["atom"].finditer(text):
        if m.group("word"):
            word = phrase_key(m.group("word"))
            kind, val = v["kinds"][word]
            toks.append(_Tok(kind, val, m.start(), m.end(), plural=word in v["kinds_plural"]))
        elif m.group("timing"):
            toks.append(_timing_tok(m))
        elif m.group("vulg"):
            toks.append(_Tok("frac", v["vulgar"][m.group("vulg")], m.start(), m.end(), 0.0))
        elif m.group("sl_num"):
            a, b = int(m.group("sl_num")), int(m.group("sl_den"))
            if 0 < a < b and (b in v["slash_dens"] or _OF_AFTER.match(text, m.end())):
                toks.append(_Tok("frac", a / b, m.start(), m.end(), 0.0))   # "3/4", "1/40 of"
            elif v["slash_pair_units"].match(text, m.end()):
                # "160/100 mmHg": two readings of one measure, each a figure
                toks.append(_Tok("num", float(a), m.start("sl_num"), m.end("sl_num")))
                toks.append(_Tok("num", float(b), m.start("sl_den"), m.end("sl_den")))
            # else a name or a date ("9/11", "24/7", "5/17"): no figure
        else:
            tok = _digit_tok(m, v)
            if tok is not None:
                toks.append(tok)
    for prev, tok in zip(toks, toks[1:]):
        tok.hyphen = text[prev.end:tok.start].strip() == "-"
    return toks


def _timing_tok(m: re.Match) -> _Tok:
    """"1:45.62" -> 105.62 (seconds), stated to the hundredth; "2:06:35" -> 7595."""
    *whole, last = m.group("timing").split(":")
    value = sum(int(p) * 60 ** (len(whole) - i) for i, p in enumerate(whole)) + float(last)
    decimals = len(last.partition(".")[2])
    return _Tok("num", value, m.start(), m.end(), 10.0 ** -decimals, scaled=True)


_OF_AFTER = re.compile(r"\s+of\b", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")


def _metres(m: re.Match, v: dict) -> bool:
    """An attached "m" that is metres, not million: a race ("the 200m
    freestyle", "won the 1500m."), never after a currency ("$5m world tour")."""
    text, start = m.string, m.start()
    if v["currency_end"].search(text, max(0, start - 4), start):
        return False
    if v["metres_before"].match(text, m.end()) is not None:
        return True
    if _THE_BEFORE.search(text, max(0, start - 5), start) is None:
        return False
    return _CLAUSE_END.match(text, m.end()) is not None or m.group("num") in v["race_distances"] \
        and v["race_words"].match(text, m.end()) is not None


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
        if factor is None or (key in v["no_scale_one_digit"] and re.fullmatch(r"\d", raw)) \
                or scale == "m" and _metres(m, v):
            if scale == key and key in v["no_scale_one_digit"]:
                return None      # "5G": a network generation, not 5 billion
            end = m.end("exp") if m.group("exp") else m.end("num")
        else:
            value, step, scaled = value * factor, step * factor, True
    elif m.group("exp") is None:
        end = m.end("num")
    if not (math.isfinite(value) and math.isfinite(step)):
        return None      # more digits than a float holds: no figure
    glued = _GLUED.match(m.string, end)
    if glued and glued.group().lower() not in v["units"] and glued.group().lower() not in v["glued_ok"]:
        return None      # "5G", "3D", "737MAX": a name, not a figure
    return _Tok("num", value, m.start(), end, step, scaled=scaled)


_GLUED = re.compile(r"[A-Za-z]+")


# --- the grammar of written numbers ------------------------------------------

def _number_at(toks: list[_Tok], i: int, text: str):
    """Parse the longest number starting at token i.
    Returns (value, step, end token index, written in words) or None."""
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
        if j > start and not _adjacent(text, toks[j - 1], t) \
                and not (last == "mult" and toks[start].kind != "num"
                         and _comma_continues(toks, j, text, last_mult)):
            break
        if k == "num":
            if last == "and" and t.value == 0:
                break
            if last in ("hundred", "mult") and words and not (
                    nxt is not None and nxt.kind in ("hundred", "mult") and _adjacent(text, t, nxt)):
                # "six million 500ml cans": digits after a spelled scale start
                # a new figure ("4 thousand 3 hundred" is still one)
                break
            if last in ("", "and") or (last in ("hundred", "mult") and t.value < (last_mult or 100)
                                       and not t.scaled and t.value == int(t.value)):
                if toks[start].kind == "num" and j > start and last not in ("hundred", "mult", "and"):
                    break
                cur += t.value
                small = t.value
                step = t.step
                last = "num"
                if t.scaled:
                    total += cur
                    cur = 0.0
                    last = "mult"
                    last_mult = t.value
            else:
                break
        elif k in ("unit", "teen", "tens"):
            if last == "mult" and toks[j - 1].scaled:
                break            # "$45M five-day frame": a word after "45M" starts a new figure
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
            if nxt.kind == "a" and j + 2 < n and toks[j + 2].kind in ("hundred", "mult", "group"):
                break            # "between ninety and a hundred": "a hundred" is a figure of its own
            if last == "mult" and _scale_again(toks, j, text, last_mult):
                break            # "between 5 million and 6 million", "60m and 65m": two figures
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


def _scale_again(toks: list[_Tok], j: int, text: str, last_mult: float) -> bool:
    """After a scale and "and" (token j), whether the words that follow name
    a scale again, as big or bigger: "5 million and 6 million" are two
    figures; "one million and fifty thousand", "3 million and a half" one."""
    if toks[j - 1].scaled:
        return True              # "60m and 65m"
    k = j + 1
    while k < len(toks) and _adjacent(text, toks[k - 1], toks[k]) \
            and toks[k].kind in ("unit", "teen", "tens", "num", "hundred", "mult"):
        if toks[k].kind == "mult" and toks[k].value >= last_mult or toks[k].scaled:
            return True
        k += 1
    return False


_COMMA = re.compile(r",\s?")


def _comma_continues(toks: list[_Tok], j: int, text: str, last_mult: float) -> bool:
    """"three million, two hundred and forty": in a number written in words,
    after a scale word (numbers.toml [words.comma]) a comma, then a part that
    holds "hundred" and no scale as big, goes on with the same number."""
    if toks[j - 1].kind != "mult" or last_mult < vocab()["comma_min_scale"] \
            or not _COMMA.fullmatch(text[toks[j - 1].end:toks[j].start]):
        return False
    k = j
    hundred = False
    while k < len(toks) and toks[k].kind in ("unit", "teen", "tens", "hundred", "and") \
            and (k == j or _adjacent(text, toks[k - 1], toks[k])):
        hundred = hundred or toks[k].kind == "hundred"
        k += 1
    bigger = k < len(toks) and toks[k].kind == "mult" and _adjacent(text, toks[k - 1], toks[k]) \
        and toks[k].value >= last_mult
    return hundred and not bigger


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
    if k < n and not _adjacent(text, toks[j], toks[k]):
        return None              # "a share, in the same quarter": not "a quarter"
    if k < n and toks[k].kind in ("ord", "half"):
        if toks[k].kind == "ord" and not _fraction_context(text, toks[k].end):
            return None
        return 1.0 / toks[k].value, k + 1
    if k + 1 < n and toks[k].kind == "tens" and toks[k + 1].kind in ("ord", "cord") \
            and toks[k + 1].value < 10 and toks[k + 1].hyphen:
        return 1.0 / (toks[k].value + toks[k + 1].value), k + 2
    return None


_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def _fraction_context(text: str, end: int) -> bool:
    """After "a third": "of", a preposition, punctuation or the end, not a noun."""
    m = _NEXT_WORD.match(text, end)
    v = vocab()
    return m is None or m.group(1).lower() in v["fraction_after_article"] or m.group(1).lower() in v["kinds"]


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
        if toks[j].kind == "ord" and not _fraction_context(text, toks[j].end):
            return None          # "a sixth straight meeting", "a third term"
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


def parse_figures(text: str) -> list[tuple[int, int, float, float, bool]]:
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
    v = vocab()
    out = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs):
            b = figs[i + 1]
            m = v["ratio"].search(text[a[1]:b[0]]) if b[0] - a[1] < 16 else None
            joiner = phrase_key(m.group(1)) if m and m.start() == 0 else ""
            end_only = joiner in v["ratio_clause_end"]
            if joiner and a[2] != 0 and (abs(a[2]) < b[2] or end_only) and a[2] == int(a[2]) \
                    and not _is_year_like(text, b) \
                    and not v["currency_end"].search(text, max(0, a[0] - 4), a[0]):  # "$225m over five"
                if not end_only or v["clause_end"].match(text, b[1]):
                    out.append((a[0], b[1], a[2] / b[2], 0.0, True, "ratio"))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


#: a figure written as a year of the last three centuries ("1986", "2024"),
#: as numbers.py and extract.py read one too
FULL_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def _is_year_like(text: str, fig) -> bool:
    raw = text[fig[0]:fig[1]]
    return FULL_YEAR.fullmatch(raw) is not None


def words_value(text: str) -> float | None:
    """Value of a written-out number ("twenty-one", "a million", "two-thirds",
    "half a dozen"); None when the words are not one number."""
    figs = parse_figures(text)
    if len(figs) != 1 or text[:figs[0][0]].strip() or text[figs[0][1]:].strip():
        return None
    return figs[0][2]


