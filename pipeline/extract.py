"""Stage 3, extract: the ``numeric_claims`` spaCy component.

It scans each Doc with :func:`pipeline.numbers.find_quantities`, drops what
is not a claim (years, dates, identifiers, page furniture), and decides each
claim's kind, direction and unit from the words and the parse around it.
The result is stored as plain dicts in ``doc._.numeric_claims``; attribution
(subject, metric, period) is :mod:`pipeline.normalize`'s job.

Each claim dict has the keys ``start_char``, ``end_char``, ``text`` (the
claim with its qualifier: ``text == doc.text[start_char:end_char]``),
``kind``, ``value``, ``low``, ``high``, ``qualifier``, ``direction``,
``unit``, ``sent_start``, ``sent_end``, ``token_start``, ``token_end``,
``head_i`` (token of the counted noun, or -1), ``percent``, ``points``,
``currency``, and:

* ``role``: ``"from"`` / ``"to"`` for the two levels of "dropped from 36.2
  million to 20.5 million" (two claims, not a range), else ``""``;
* ``ratio``: True for fractions and "one in five" (value 0.2, unit "ratio");
* ``stated_low`` / ``stated_high``: the bounds as written (a range's two
  figures, else the value twice), before any precision widening.

Registered with ``@Language.factory`` and exposed through the
``spacy_factories`` entry point, so ``nlp.add_pipe("numeric_claims")`` works
once the package is installed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache
from itertools import takewhile, zip_longest

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from .knowledge import load
from .numbers import Quantity, find_quantities, interval, lasting_after, qualifier_before
from .numwords import FULL_YEAR, counts_after_year, words_value

Doc.set_extension("numeric_claims", default=None, force=True)


@Language.factory("numeric_claims", default_config={})
def make_numeric_claims(nlp: Language, name: str) -> "NumericClaims":
    return NumericClaims()


class NumericClaims:
    """Pipeline component: ``doc._.numeric_claims`` = list of claim dicts."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.numeric_claims = extract_from_doc(doc)
        return doc


@cache
def _cues() -> dict:
    d = load("extract")
    nc = d["not_claims"]
    direction = d["direction"]
    return {
        "dec": set(direction["decrease"]),
        "inc": set(direction["increase"]),
        "neutral": set(direction["neutral"]),
        "phrasal": {tuple(k.split()): "down" for k in direction["phrasal_down"]}
        | {tuple(k.split()): "" for k in direction["phrasal_none"]},
        "clause_breaks": set(direction["clause_breaks"]),
        "closed_at_re": re.compile(r"\b(?:(" + "|".join(map(re.escape, direction["closed_comparatives"]))
                                   + r")|(?:to\s+)?(?:" + "|".join(map(re.escape, direction["close_verbs"]))
                                   + r")(?:\s+the\s+(?:" + "|".join(map(re.escape, direction["close_periods"]))
                                   + r"))?)\s+at\s+$", re.I),
        "move_lead_re": re.compile(r"\b(?:" + "|".join(map(re.escape, direction["move_particles"]
                                                            + direction["close_verbs"]))
                                   + r")\b", re.I),
        "to_extreme_at_re": re.compile(
            r"\b([a-z]+)\s+to\s+(?:" + "|".join(map(re.escape, direction["extreme_dets"]))
            + r")\s+(?:[\w-]+\s+){0,2}?(?:"
            + "|".join(map(re.escape, direction["extremes"])) + r")\b[^.;:!?,]{0,40}?\s+at\s+$", re.I),
        "particles": set(direction["move_particles"]),
        # between two percentages joined by "and", only words that say where
        # or when the first was measured (and names): extract.toml coordinated_words
        "coordinated_gap_re": re.compile(
            r"(?:\s+(?:" + "|".join(map(re.escape, direction["coordinated_words"]))
            + r"|(?-i:[A-Z][\w.&-]*))){0,4},?\s+and\s+", re.I),
        # a move compared with a figure after it: extract.toml compared_before
        "compared_gap_re": re.compile(
            r"[^;:.]*\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                                      for w in direction["compared_before"]) + r")\s+$", re.I),
        "clause_break_re": re.compile("[" + "".join(map(re.escape, direction["close_clause_marks"]))
                                      + r"]|\b(?:" + "|".join(
            re.escape(w) for w in direction["clause_breaks"] if w.isalpha()) + r")\b", re.I),
        "level_before": set(direction["level_before"]),
        "compared_after": [[w] for w in direction["compared_after"]],
        "level_reached": [p.split() for p in direction["level_reached"]],
        "level_leads": frozenset(load("numbers")["ranges"]["level_leads"]),
        "position_words": frozenset(d["change"]["position_words"]),
        "distance_units": frozenset(load("synonyms")["words"]["distance_units"]),
        "level_extreme_re": re.compile(
            r"\b(?:" + "|".join(map(re.escape, direction["level_before"]))
            + r")\s+(?:" + "|".join(map(re.escape, direction["extreme_dets"])) + r")\s+(?:(?:"
            + "|".join(map(re.escape, direction["level_extreme_words"] + direction["extremes"]))
            + r")\s+){1,3}(?:of\s+)?$", re.I),
        "level_before_re": re.compile(r"\b(?:" + "|".join(map(re.escape, direction["level_before"])) + r")\s+$",
                                      re.I),
        "verb_inc": set(direction["change_verbs_increase"]),
        "verb_dec": set(direction["change_verbs_decrease"]),
        "change_after": set(d["change"]["after"]),
        "change_before": set(d["change"]["before"]),
        "change_not_between": set(d["change"]["not_between"]),
        "time_counts": set(d["change"]["time_counts"]),
        "duration_units": _duration_units(),
        "level_words": set(d["change"]["level_words"]),
        "by_of_words": set(d["change"]["by_of_words"]),
        "change_nouns": set(d["change"]["nouns_after"]),
        "pct_loss": set(d["change"]["percent_loss_nouns"]),
        "quantity_comparatives": set(d["change"]["quantity_comparatives"]),
        "compared_before": [w.split() for w in d["direction"]["compared_before"]],
        "place_after_measure": set(d["change"]["place_after_measure"]),
        "multiple_after": set(d["multiple"]["after"]),
        # units of measure by name (numbers.toml [units]), lower-case
        "measure_nouns": {k.lower(): v for k, v in load("numbers")["units"].items()
                          if k.isalpha()},
        "times_words": set(d["multiple"]["times_words"]),
        "times_compared": set(d["multiple"]["times_compared"]),
        "occasion_unit": d["multiple"]["occasion_unit"],
        "multiple_verbs": d["multiple"]["verbs"],
        "multiple_words": d["multiple"]["words"],
        "fold": d["multiple_words"]["suffix"],
        "rate": d["rate"],
        "money_per": d["money_per"]["nouns"],
        "money_not_moved": set(d["direction"]["money_not_moved"]),
        "money_always_moved": set(d["direction"]["money_always_moved"]),
        "money_per_before": {k.lower(): v for k, v in d["money_per"]["before"].items()},
        "money_per_before_re": re.compile(
            r"\b(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in d["money_per"]["before"])
            + r")\b(?:(?!\b(?:" + "|".join(d["money_per"]["clause_breaks"])
            + r")\b)(?:[^.;:!?]|\.(?=\d)))*$", re.I),
        # an amount of money right before a marker ("$1.38 per share"): the
        # marker is that amount's (extract.toml [money_per] own_before)
        "money_per_own_re": re.compile(d["money_per"]["own_before"] + r"\s*$", re.I),
        "money_per_re": re.compile(
            r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in d["money_per"]["joiners"])
            + r")\s+(?:(?:" + "|".join(re.escape(w) for w in d["money_per"]["adjectives"]) + r")\s+)*("
            + "|".join(re.escape(w) for w in d["money_per"]["nouns"]) + r")\b", re.I),
        "rate_re": re.compile(
            r"^\W{0,3}(?:(?!(?:" + "|".join(re.escape(w) for w in nc["rate_gap_stop"]) + r")\b)[\w-]+\s+){0,6}?("
            + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(d["rate"], key=len, reverse=True))
            + r")\b(?!\s+(?:" + "|".join(re.escape(w) for w in nc["rate_not_before"]) + r")\b)", re.I),
        "duration_before": set(nc["duration_before"]),
        "identifier_re": re.compile(r"(?<![\w&'’.])(?:" + "|".join(
            re.escape(w.rstrip(".")).replace(r"\ ", r"\s+") for w in sorted(
                nc["identifier_before"], key=len, reverse=True)) + r")\.?\s*#?\s*$", re.I),
        "time_nouns": set(nc["time_nouns"]),
        "name_labels": set(nc["name_labels"]),
        "patterns": [re.compile(p, re.I) for p in nc["patterns"]]
        + [re.compile(rf"{nc['span_adjective']}(?!{lasting_after()})", re.I)],
        "one_idioms": [re.compile(p, re.I) for p in nc["one_idioms"]],
        "months": set(nc["months"]),
        "year_min": nc["year_min"], "year_max": nc["year_max"],
        "time_units": set(nc.get("time_units", [])),
        "time_reference_after": set(nc.get("time_reference_after", [])),
        "time_between_events": set(nc.get("time_between_events", [])),
        "period_after": set(nc["period_after"]),
        "period_before_month": set(nc["period_before_month"]),
        "period_keep_before": set(nc["period_keep_before"]),
        "time_adjectives": set(nc["time_adjectives"]),
        "group_before_re": re.compile(r"(?<![\w])(?:" + "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
                nc["group_before"], key=len, reverse=True)) + r")\s+$", re.I),
        "time_before_re": re.compile(r"(?:^|\W)(?:" + "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in nc["time_reference_before"]) + r")\s+$", re.I),
        "not_counted": set(nc["not_counted"]),
        "scale_letter_re": re.compile(r"\d+(?:" + "|".join(
            re.escape(w) for w in nc["scale_letter_name"]["letters"]) + r")"),
        "scale_letter_keep": set(nc["scale_letter_name"]["keep_before"]),
        "time_superlative_re": re.compile(r"\b(?:" + "|".join(
            re.escape(w) for w in nc["time_superlative"]) + r")\b[^.;:!?]{0,40}\bin\s+$", re.I),
    }


def _duration_units() -> set[str]:
    """Time units a span counts ("a 12-year sentence", "8 years and 6
    months"): numbers.toml [span_adjective] and [compound_durations]."""
    n = load("numbers")
    durations = n["compound_durations"]
    smaller = {u for units in durations.values() for u in units}
    return set(n["span_adjective"]["units"]) | set(durations) | smaller


def extract_from_doc(doc: Doc) -> list[dict]:
    """Every numeric claim in ``doc`` as a plain dict (see :func:`_claim`)."""
    sents = Sentences(doc)
    text = sents.text
    cues = _cues()
    blocked = [m.span() for p in cues["patterns"] for m in p.finditer(text)]
    idioms = [m.span() for p in cues["one_idioms"] for m in p.finditer(text)] if "one" in text.lower() else []
    claims = []
    for q in find_quantities(text):
        hit = next((s for s, e in blocked if s < q.num_end and q.num_start < e), None)
        if hit is not None and _GROUP_BEFORE_NAME.fullmatch(text, q.num_start, hit):
            q = _figure_before(text, q, hit)     # "50 787 Dreamliners": 50, not 50,787
            hit = None if q is None else next((s for s, e in blocked
                                               if s < q.num_end and q.num_start < e), None)
        if q is None or q.role in ("year", "score") or hit is not None:
            continue
        if q.words and q.value == 1 and q.qualifier == "exact" \
                and any(s <= q.num_start < e for s, e in idioms):
            continue
        span = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
        if span is None or not is_claim(q, span, cues, text):
            continue
        claims.append(_claim(q, span, cues, sents))
    _pair_levels(claims)
    _borrow_elided_units(claims, text, doc, cues)
    _listed_moves(claims, doc)
    _apposed_moves(claims, text, cues)
    _converted_moves(claims, text)
    _level_up_from(claims, text)
    _level_closed_at(claims, text, cues)
    _coordinated_moves(claims, text, cues)
    claims.extend(_verb_multiples(doc, cues, claims, sents))
    claims.sort(key=lambda c: c["start_char"])
    return claims


_GROUP_BEFORE_NAME = re.compile(r"\d{1,3}\s")


def _figure_before(text: str, q: Quantity, name_start: int) -> Quantity | None:
    """The figure that ends before a name the patterns block, when a space
    made one figure of the two ("ordered 50 787 Dreamliners": 50, as
    "12 777X" is 12), or None."""
    line = text.rfind("\n", 0, q.start) + 1       # only the figure's line is read again
    return next((replace(p, start=p.start + line, end=p.end + line, num_start=p.num_start + line,
                         num_end=p.num_end + line)
                 for p in find_quantities(text[line:name_start].rstrip())
                 if p.num_start + line == q.num_start), None)


#: where :func:`doc_text` keeps a Doc's text (in ``Doc.user_data``)
_TEXT_KEY = "claimcheck_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds it from every token
    on each access (a Doc's text never changes; :func:`pipeline.nlp._joined`
    clears a piece's user data before joining pieces)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


class Sentences:
    """The Doc's text and the sentence of a token, found by bisection:
    ``Doc.text`` and ``Span.sent`` walk the whole Doc on every call, which is
    slow on long articles."""

    def __init__(self, doc: Doc):
        self.text = doc_text(doc)
        self.spans = list(doc.sents) if len(doc) else []
        self.starts = [s.start for s in self.spans]

    def of(self, i: int) -> Span:
        return self.spans[max(0, bisect_right(self.starts, i) - 1)]


def _pair_levels(claims: list[dict]) -> None:
    """"from 36.2 million reports to 20.5 million": the "to" level counts
    what the "from" level counts."""
    for a, b in zip(claims, claims[1:]):
        if a.get("role") == "from" and b.get("role") == "to":
            if not b["unit"] and a["unit"] and b["kind"] == a["kind"]:
                b["unit"] = a["unit"]
                b["head_i"] = a["head_i"]


def is_claim(q: Quantity, span: Span, cues: dict, text: str) -> bool:
    """False for years, dates, identifiers and other figures that are not claims
    (``text`` is the Doc's text)."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if q.words and span[0].text[:1].isupper() and not span[0].is_sent_start \
            and prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN":
        return False  # a number word in a name: "Vision Zero", "Formula One", "the Big Ten"
    if q.qualifier == "exact" and q.start == q.num_start \
            and cues["identifier_re"].search(text, max(0, q.start - 30), q.start) \
            and not (prev is not None and prev.pos_ == "VERB"):
        return False    # "Section 230", "issue 5" (not "will issue 250 million", "could top 10m")
    if not (q.words or q.currency or q.percent or q.unit) and q.qualifier == "exact" \
            and (_in_name(span, cues) or numbered_name(span, text)):
        return False  # "Moana 2", "Windows 11": a number that is part of a title
    if prev is not None and prev.lower_.rstrip(".") in cues["months"] and q.value < 32 \
            and not q.currency and not q.percent:
        return False
    if prev is not None and prev.lower_.rstrip(".") in cues["months"] and is_year(q, span, cues):
        return False
    if nxt is not None and nxt.lower_.rstrip(".") in cues["months"] and q.value < 32 and not q.words:
        return False
    if nxt is not None and nxt.lower_ in cues["time_nouns"] and _clock_reading(q, text):
        return False
    if cues["group_before_re"].search(text, max(0, q.num_start - 30), q.num_start):
        return False    # "workers aged 16 to 19": the label of a group
    if nxt is not None and nxt.lower_ in cues["time_adjectives"] and span.end + 1 < len(doc) \
            and doc[span.end + 1].lower_ in cues["time_units"] and doc[span.end + 1].tag_ == "NNS" \
            and not q.ratio:
        return False    # "from the two previous months" (not "by a third last year")
    if is_year(q, span, cues):
        return False
    if nxt is not None and nxt.tag_ == "NN" and not (q.currency or q.percent or q.unit) \
            and cues["scale_letter_re"].fullmatch(text, q.num_start, q.num_end) \
            and nxt.lower_ not in cues["scale_letter_keep"]:
        return False    # "the 3M settlement", "a 4K television": a name
    if q.words and len(span) == 1 and span[0].pos_ in ("PRON", "NOUN", "PROPN") and q.value == 1 \
            and span[0].lower_ not in ("a", "an"):    # "by a year" (numbers.toml [unit_alone])
        return False  # "one" as a pronoun: "the one you mentioned"
    if nxt is not None and nxt.lower_ in cues["time_units"]:
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        if after is not None and after.lower_ in cues["time_reference_after"] and not (
                prev is not None and prev.lower_ in cues["duration_before"]) \
                and not _between_events(after, cues):
            return False
        if after is not None and (after.lower_ in cues["period_after"] or _to_a_month(doc, after, cues)) \
                and not (prev is not None and prev.lower_ in cues["period_keep_before"]):
            return False    # "for the three months ended Sept. 30", "the nine months to September"
        if q.qualifier == "exact" and cues["time_before_re"].search(text[max(0, q.start - 25):q.start]):
            return False
        if q.qualifier != "range" and cues["time_superlative_re"].search(text[max(0, q.start - 60):q.start]):
            return False    # "the highest level in (nearly) three years"
    return True


_CLOCK = re.compile(r"(\d{1,2})(?:[.:]?(\d\d))?(?::\d\d)?")


def _between_events(after, cues: dict) -> bool:
    """"sealed 21 months after it was first announced": a time unit then
    one of extract.toml time_between_events that opens a clause is the
    length between two events, a figure ("26 years ago", "three days
    later", "two weeks after that" say when)."""
    return after.lower_ in cues["time_between_events"] and after.dep_ == "mark"


def _clock_reading(q: Quantity, text: str) -> bool:
    """"10 pm", "2.30 pm", "10:30:00 GMT": a figure that can be a time of day
    (not "2.123 pm", which is 2.123 picometres)."""
    m = _CLOCK.fullmatch(text[q.num_start:q.num_end])
    return m is not None and int(m.group(1)) <= 24 and int(m.group(2) or 0) < 60


def _to_a_month(doc: Doc, tok, cues: dict) -> bool:
    """"to September", "until June 30": a word of extract.toml
    period_before_month, then a month."""
    return tok.lower_ in cues["period_before_month"] and tok.i + 1 < len(doc) \
        and doc[tok.i + 1].lower_.rstrip(".") in cues["months"]


def _in_name(span: Span, cues: dict) -> bool:
    """The number ends a name the model recognised (a film, product, law or
    organisation), after a capitalised word of that name."""
    first = span[0]
    if first.ent_type_ not in cues["name_labels"] or first.ent_iob_ == "B":
        return False
    i = first.i - 1
    while i >= 0 and first.doc[i].ent_iob_ == "I":
        i -= 1
    words = first.doc[max(i, 0):first.i]
    return any(t.text[:1].isupper() and t.is_alpha for t in words)


@cache
def _numbered() -> tuple[int, frozenset[str], frozenset[str]]:
    """extract.toml [not_claims] numbered_name_*: (most digits, labels of
    words it never follows, words it never comes before)."""
    nc = load("extract")["not_claims"]
    return (nc["numbered_name_digits"], frozenset(nc["numbered_name_not_after"]),
            frozenset(nc["numbered_name_not_before"]))


def numbered_name(span: Span, text: str) -> bool:
    """A bare whole number (of at most extract.toml numbered_name_digits
    digits) right after a capitalised proper noun, not a place or a people,
    that the model left out of the name ("The Nord Stream 2 pipeline", "a
    Saturn 5 rocket"): part of the name, unless it counts the plural noun
    after it ("gave Smith 40 votes"), a proper noun or a word of
    numbered_name_not_before goes on after it, or it stands in a list of
    figures (a figure before the name in the sentence, or another name and
    figure after it, "Chiefs 25, Niners 22"; neither a date nor the same
    name numbered again)."""
    doc = span.doc
    digits, not_after, not_before = _numbered()
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is None or prev.pos_ != "PROPN" or not prev.text[:1].isupper() \
            or not prev.is_alpha or prev.is_sent_start or prev.ent_type_ in not_after \
            or not text[prev.idx + len(prev.text):span.start_char].isspace() \
            or not span.text.isdigit() or len(span.text) > digits:
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and (nxt.tag_ == "NNS" or nxt.like_num or nxt.pos_ == "PROPN"
                            or nxt.lower_ in not_before):
        return False    # (a name going on past it, "South 32 Ltd", may be read either way)
    sent = span.sent
    times = _time_labels()

    def listed(t) -> bool:  # (not a date, nor the same name numbered again:
        # "Nord Stream 1 and Nord Stream 2", "a Saturn 5, the Saturn 5")
        return t.like_num and t.ent_type_ not in times and t.i > 0 \
            and doc[t.i - 1].text != prev.text
    earlier = any(listed(t) for t in doc[sent.start:prev.i])
    paired_after = any(listed(t) and doc[t.i - 1].pos_ == "PROPN" for t in doc[span.end:sent.end])
    return not (earlier or paired_after)


def is_year(q: Quantity, span: Span, cues: dict) -> bool:
    """A bare four-digit number in the calendar range that is not counting
    a plural noun right after it ("in 2024", "since 1998", "2012-13")."""
    raw = q.text[q.num_start - q.start:q.num_end - q.start]
    if q.percent or q.points or q.currency or q.words or q.qualifier == "range":
        return False
    if not re.fullmatch(r"\d{4}", raw.strip()):
        return False
    if not cues["year_min"] <= q.value <= cues["year_max"]:
        return False
    return not counts_after_year(span.doc, span.start, span.end)


def _claim(q: Quantity, span: Span, cues: dict, sents: Sentences) -> dict:
    sent = sents.of(span.start)
    # "140 miles per hour", "20 inches of rain": the unit words are part of the
    # claim, so the counted noun is looked for past them
    whole = span.doc.char_span(q.num_start, q.end, alignment_mode="expand") if q.unit else None
    head = counted_noun(whole if whole is not None else span, cues)
    if head is None and q.role:
        head = subject_of_change(span, cues)
    kind, direction, unit = classify(q, span, head, cues, sent, sents.text)
    if not direction and kind in _REACHED and not q.ratio:
        direction = reached_direction(span, q.start, cues, q.role == "to")
    value, low, high = q.value, q.low, q.high
    stated = (q.range_low, q.range_high) if q.qualifier == "range" else (value, value)
    if direction == "decrease" and kind in _MOVES and value < 0:
        # "a -46.7% decrease", "Kospi -0.3%": the size of a fall, as "fell
        # 46.7%" gives it; its sign is the direction
        value, low, high, stated = -value, -high, -low, (-stated[1], -stated[0])
    return {
        "start_char": q.start, "end_char": q.end, "text": q.text,
        "kind": kind, "value": value, "low": low, "high": high,
        "qualifier": q.qualifier, "direction": direction, "unit": unit,
        "sent_start": sent.start_char, "sent_end": sent.end_char,
        "token_start": span.start, "token_end": span.end,
        "head_i": head.i if head is not None else -1,
        "percent": q.percent, "points": q.points, "currency": q.currency,
        "measure_unit": bool(q.unit), "role": q.role, "ratio": q.ratio,
        "stated_low": stated[0], "stated_high": stated[1],
    }


_LEVELS = ("count", "amount", "percent")
_BRACKETED_AFTER_PERCENT = re.compile(r"\d\s?%\s*\(\s*$")
# ... and a rate can be reached too: "fell by half to around 2,500 a day"
_REACHED = _LEVELS + ("rate",)


def reached_direction(span: Span, q_start: int, cues: dict, to_level: bool = False) -> str:
    """"dropped to 1.25", "rose to 5.9% from 5.4%", "climbed 7% to an average
    of £1,250": a level reached by a move takes the move's direction; it
    stays a level (the level it came *from* takes none). ``to_level``: the
    second of "risen from 5% to 19%" (role "to"), whose verb stands before
    the first."""
    doc = span.doc
    first = span.start          # the claim's first token (its qualifier included)
    while first > 0 and doc[first - 1].idx >= q_start:
        first -= 1
    if to_level:
        return _reached_by_words(doc, first, cues, reach=12)
    tok = span.root
    for _ in range(3):          # up to the head of the figure's noun phrase
        if tok.dep_ not in _IN_PHRASE or tok.head.i == tok.i \
                or tok.head.pos_ == "NUM" and tok.head not in span:
            break
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head     # "to an average of £1,250"
    to = tok.head
    if tok.dep_ != "pobj" or to.lower_ != "to" or to.dep_ != "prep" or to.i >= first:
        return _reached_by_words(doc, first, cues)
    if any(t.pos_ == "NUM" and doc[t.i + 1].text not in ("-", "‐") or t.pos_ == "ADP" and t.lower_ != "of"
           for t in doc[to.i + 1:first]):
        return ""               # the parse joined "to" to a later figure ("to 227 across six states");
                                # "fell to a two-year low of 3.5%" is the level reached
    verb = to.head
    if verb.pos_ in ("ADP", "ADV") and verb.lower_ in cues["particles"] and verb.i < first:
        return _direction_of(verb.lower_, cues)     # "pushing yields down 8 basis points to 4.05%"
    if verb.pos_ != "VERB":
        return _reached_by_words(doc, first, cues)
    return _direction_of(verb.lower_, cues) or _direction_of(verb.lemma_, cues) or _particle_direction(verb, cues) \
        or _noun_move_between(doc, verb.i, to.i, cues)


def _particle_direction(verb, cues: dict) -> str:
    """"inched up 0.2% to $2,345": the verb's particle says which way ("gave
    up" is a fall: extract.toml phrasal_down; "added up" none: phrasal_none);
    so does an adverb the parse hangs on it ("edged up 0.4% to $9,310", "up"
    as advmod)."""
    for child in verb.children:
        if child.dep_ == "prt":
            if (verb.lower_, child.lower_) in cues["phrasal"]:
                return "decrease" if cues["phrasal"][verb.lower_, child.lower_] else ""
            return _direction_of(child.lower_, cues)
    for child in verb.children:
        if child.dep_ == "advmod" and child.i > verb.i and _direction_of(child.lower_, cues):
            return _direction_of(child.lower_, cues)
    return ""


def _direction_of(word: str, cues: dict) -> str:
    return "decrease" if word in cues["dec"] else "increase" if word in cues["inc"] else ""


def _reached_by_words(doc: Doc, first: int, cues: dict, reach: int = 6) -> str:
    """"The bank cut rates by 25bp to 3.75%" when the parse makes "cut" a noun
    and hangs "to" on it: a direction word among the ``reach`` words before a
    "to" right before the figure, within the clause (not a comparative, which
    says how a *change* moved; nor up/down, unless the figure is the "to"
    level of "went up from 5% to 19%", ``reach`` > 6)."""
    while first > 0 and doc[first - 1].lower_ in cues["level_leads"] and reach > 6:
        first -= 1              # "rose from 1.2 billion to a record 1.5 billion"
    lead = 1
    if first >= 3 and [t.lower_ for t in doc[first - 3:first]] in cues["level_reached"]:
        lead = 3                # "fell as low as $72.30", "rose as high as 4.9%"
    elif first == 0 or doc[first - 1].lower_ != "to":
        return ""
    elif doc[first - 1].head.pos_ == "VERB" and reach <= 6:
        # "to" on a verb whose object the parse lost ("dropped 5 points to
        # minus 21"): the verb's own direction, if it has one
        verb = doc[first - 1].head
        if verb.i >= first - 1:
            return ""
        return _direction_of(verb.lower_, cues) or _noun_move_between(doc, verb.i, first - 1, cues)
    skip = cues["change_after"] | ({"up", "down"} if reach <= 6 else set())
    for t in reversed(doc[max(0, first - lead - reach):first - lead]):
        if t.is_punct and t.text != "%" or t.lower_ in cues["clause_breaks"]:
            break
        if t.lower_ not in skip and _direction_of(t.lower_, cues):
            return _direction_of(t.lower_, cues)
    return ""


def _noun_move_between(doc: Doc, verb_i: int, to_i: int, cues: dict) -> str:
    """"saw a slump of 30% to $2.4bn": for a verb with no way of its own,
    the way of the last noun of change (extract.toml [change] nouns_after)
    between it and the "to" before the level, or ""."""
    for t in reversed(doc[verb_i + 1:to_i]):
        if t.lower_ in cues["change_nouns"] and t.pos_ == "NOUN":
            return _direction_of(t.lower_, cues)
    return ""


_IN_PHRASE = ("nummod", "compound", "quantmod", "nmod", "amod")


_SIGNS = {"+": "increase", "-": "decrease", "−": "decrease", "–": "decrease"}


def _signed(text: str, q: Quantity) -> str:
    """The direction an explicit sign gives ("Nikkei +0.6%, Kospi -0.3%")."""
    lead = text[q.start:q.num_start]
    return next((d for sign, d in _SIGNS.items() if sign in lead), "")


def counted_noun(span: Span, cues: dict | None = None):
    """The noun a figure counts ("7 million fewer *reports*"), or None."""
    skip = cues["not_counted"] if cues else set()
    doc = span.doc
    tok = span[-1]
    for _ in range(3):
        if tok.pos_ in ("NOUN", "PROPN") and tok not in span and tok.lemma_.lower() not in skip:
            if any(c.dep_ == "nummod" and c.pos_ == "NUM" and c not in span for c in tok.children):
                return None  # "113.1 million nearly three months later": another figure's noun
            return tok
        if tok.head.i == tok.i:
            break
        if tok.dep_ in ("nummod", "compound", "quantmod", "npadvmod", "amod", "nmod") \
                or tok in span:
            tok = tok.head
        else:
            break
    if tok.pos_ in ("NOUN", "PROPN") and tok not in span and tok.lemma_.lower() not in skip \
            and tok.i >= span.end:
        return tok
    part = partitive_noun(span, skip)
    if part is not None:
        return part
    # "nearly 100 reports" when the parse attaches differently: next noun within
    # 3 tokens, but not a time ("burned 5,000 acres last *week*")
    times = cues["time_units"] if cues else set()
    for t in doc[span.end:min(len(doc), span.end + 3)]:
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in skip \
                and t.lower_ not in times:
            return t
        if t.pos_ not in ("ADJ", "ADV", "NUM", "DET", "SYM") and t.text != "%":
            break
    return None


def partitive_noun(span: Span, skip: set):
    """"33 of the deaths", "12 of the 40 protesters", "10 of its 1,354
    diamonds": the noun after "of" (past determiners, possessive pronouns,
    figures and adjectives), or None."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "of":
        return None
    for t in doc[span.end + 1:min(len(doc), span.end + 6)]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t if t.pos_ == "NOUN" and t.lemma_.lower() not in skip else None
        if t.pos_ not in ("DET", "NUM", "ADJ") and t.lower_ not in ("'s", "’s") \
                and not (t.pos_ == "PRON" and t.dep_ == "poss"):
            return None
    return None


_ELIDED_TAIL = re.compile(r"\s*(?:[.,;:!?)]|$|(?:and|but|while|whereas)\b)", re.I)
_ELIDED_GAP = re.compile(r"(?:,|\band\b|\bwhile\b|\bwhereas\b|\bbut\b)", re.I)


_COUNTED = ("count", "change")


def _borrow_elided_units(claims: list[dict], text: str, doc: Doc, cues: dict) -> None:
    """"33 of the deaths and Mississippi for eight", "added 48,000 jobs, while
    manufacturing shed about 9,000": a bare count or change that ends
    its clause counts what the count before it in the sentence counts (its
    unit is borrowed; ``head_i`` stays -1, no noun of its own). A count
    whose noun a preposition takes is passed over for the count before it
    ("sickened 59 people across 19 states and killed 10": 10 people, not
    states)."""
    for n, c in enumerate(claims):
        if n == 0 or c["kind"] not in _COUNTED or c["unit"] or c["head_i"] >= 0 \
                or c["currency"] or c["percent"]:
            continue
        for prev in reversed(claims[:n]):
            if prev["sent_start"] != c["sent_start"] or prev["kind"] not in _COUNTED \
                    or not prev["unit"]:
                break
            if _by_preposition(doc, prev) and _ELIDED_GAP.search(text, prev["end_char"],
                                                                 c["start_char"]) \
                    or _says_when(prev, text, cues):
                continue  # (nor a length of time that says when: "179 more dead
                # almost three days after the quake, taking the toll to close to
                # 600": not 600 days; but "spent 69 days underground, and the
                # rescue took 22": 22 days)
            if _ELIDED_GAP.search(text, prev["end_char"], c["start_char"]) \
                    and _ELIDED_TAIL.match(text, c["end_char"]):
                c["unit"] = prev["unit"]     # head_i stays -1: the noun is not this figure's
            break


@cache
def _listed() -> dict:
    return load("extract")["listed_items"]


@cache
def _time_labels() -> frozenset[str]:
    """The model's labels of dates and times (attribution.toml time_labels)."""
    return frozenset(load("attribution")["time_labels"])


def token_after(doc: Doc, start: int, end_char: int) -> int:
    """The index of the first token from ``start`` on that begins at or
    after ``end_char`` (where a figure ends, past its own words: "5 per
    cent", "300 metres"); ``len(doc)`` if none."""
    i = start
    while i < len(doc) and doc[i].idx < end_char:
        i += 1
    return i


def moved_before(doc: Doc, start: int) -> bool:
    """The word right before the figure at token ``start`` is the way a name
    moved ("with Europe up 3%": extract.toml [listed_items] moved)."""
    return start > 0 and doc[start - 1].lower_ in _listed()["moved"]


def name_before(doc: Doc, start: int, end_char: int | None = None) -> Span | None:
    """The name (a run of proper nouns, none of them a date) right before the
    figure at token ``start``, when one of extract.toml [listed_items]
    joiners (and a determiner) comes before the name and a figure that is no
    date before that in the sentence: an item of a list whose verb only its
    first item writes ("Apple rose 3%, Microsoft 2% and Amazon 1.5%",
    "Texas reported 309 cases, New Mexico 42"), or a name with the way it
    moved after "with" or a joiner ("with Europe up 3% and Asia up 2%");
    else None. With ``end_char`` (where the figure ends), only a figure
    that stands alone after it (alone_before, or the sentence's end): "and
    Samsung 8 million tablets" names what it counts."""
    conf = _listed()
    sent = doc[start].sent
    end = k = start - 1
    # "with Europe up 3% and Asia up 2%": a name and the way it moved
    moved = k >= sent.start and moved_before(doc, start)
    if moved:
        end = k = k - 1
    while k >= sent.start and (doc[k].pos_ == "PROPN" or moved and doc[k].like_num
                               and k == end and k > sent.start
                               and doc[k - 1].pos_ == "PROPN"):
        k -= 1  # (moved, a number may end the name: "the S&P 500 off 0.8%")
    if k == end or k < sent.start:
        return None
    name = doc[k + 1:end + 1]
    times = _time_labels()
    if any(t.ent_type_ in times for t in name):
        return None  # ("rose 3% in January, February 2%": when, not whose)
    if doc[k].lower_ in conf["dets"]:
        k -= 1
    if k < sent.start:
        return None
    # (a name that moved is a clause of its own: no list needed before it)
    clause = moved and doc[k].lower_ in conf["joiners"] + conf["moved_joiners"]
    if not clause and (doc[k].lower_ not in conf["joiners"] or not any(
            t.like_num and t.ent_type_ not in times for t in doc[sent.start:k])):
        return None
    if end_char is not None:
        after = token_after(doc, start, end_char)
        if after < sent.end and doc[after].lower_ not in conf["alone_before"]:
            return None
    return name


def _listed_moves(claims: list[dict], doc: Doc) -> None:
    """"the S&P 500 was down 1.8%, the Nasdaq Composite 2% and the Dow
    1.6%": a percentage that stands alone after a listed name
    (:func:`name_before`) with no direction of its own moves as the
    percentage before it in its sentence does, when that one is a change."""
    for n, c in enumerate(claims):
        if n == 0 or c["direction"] or not c["percent"] \
                or name_before(doc, c["token_start"], c["end_char"]) is None:
            continue
        prev = claims[n - 1]
        if prev["sent_start"] == c["sent_start"] and prev["percent"] and prev["direction"] \
                and prev["kind"] in _MOVES:
            c["kind"], c["direction"] = prev["kind"], prev["direction"]


def _says_when(claim: dict, text: str, cues: dict) -> bool:
    """A length of time followed by a word that makes it say when ("three
    days after", "two weeks ago": extract.toml [not_claims] time_units and
    time_reference_after, as :func:`is_claim` reads them)."""
    if str(claim["unit"]).lower() not in cues["time_units"]:
        return False
    words = re.findall(r"\w+", text[claim["end_char"]:claim["end_char"] + 24].lower())[:2]
    if words and words[0] in cues["time_units"]:
        words = words[1:]  # past the unit: "three days after"
    return bool(words) and words[0] in cues["time_reference_after"]


def _by_preposition(doc: Doc, claim: dict) -> bool:
    """Whether a claim's counted noun is the object of a preposition
    ("across 19 *states*"), not of the figure's own "of" ("33 of the deaths")."""
    if claim["head_i"] < 0 or doc[claim["head_i"]].dep_ != "pobj":
        return False
    return not claim["token_start"] <= doc[claim["head_i"]].head.head.i < claim["token_end"]


_SHARE_OF = re.compile(r"\s+of\b", re.I)
_RESTATED_GAP = re.compile(r"(?:\s+[a-z]+)?\s*,?\s*or\s+", re.I)
_APPOSED_GAP = re.compile(r"(?:\s+[a-z]+)?\s*,\s*or\s+$", re.I)
_APPOSED_TAIL = re.compile(r"\s*,\s*([a-z]+)\b", re.I)
_MOVED_KIND = {"count": "change", "amount": "change", "percent": "pct_change"}


def _apposed_moves(claims: list[dict], text: str, cues: dict) -> None:
    """"closed 15.3 points, or 0.4%, lower at 3,912", "settled 92 cents, or
    1.1%, higher": a move restated as ", or B," before the comparative that
    says which way is a change in both forms (a figure after "at"/"to" is a
    level, and stays one). A move restated in the other measure ("down 0.3
    per cent or 9.8 points", a percent and a figure, so not "2 or 3") is a
    change the same way."""
    for a, b in zip(claims, claims[1:]):
        if a["sent_start"] != b["sent_start"] or not _APPOSED_GAP.fullmatch(text, a["end_char"], b["start_char"]):
            continue
        m = _APPOSED_TAIL.match(text, b["end_char"])
        word = m.group(1).lower() if m else ""
        if word not in cues["change_after"] or not _direction_of(word, cues):
            continue
        for c in (a, b):
            if not c["direction"] and c["kind"] in _MOVED_KIND and not c["role"] \
                    and not cues["level_before_re"].search(text, max(0, c["start_char"] - 12), c["start_char"]):
                c["kind"], c["direction"] = _MOVED_KIND[c["kind"]], _direction_of(word, cues)
    for a, b in zip(claims, claims[1:]):     # "closed down 0.3 per cent or 9.8 points at 3,301.42"
        if a["sent_start"] == b["sent_start"] and a["kind"] in _MOVES and a["direction"] \
                and not b["direction"] and b["kind"] in _MOVED_KIND and not b["role"] \
                and a["percent"] != b["percent"] \
                and _RESTATED_GAP.fullmatch(text, a["end_char"], b["start_char"]) \
                and not _SHARE_OF.match(text, b["end_char"]):     # "cut 1,300 jobs, or 8% of its workforce"
            b["kind"], b["direction"] = _MOVED_KIND[b["kind"]], a["direction"]


#: a figure in brackets right after another ("2.39 trillion yuan ($333
#: billion)", "4.5 million square miles (11.7 million square kilometers)";
#: only the first of a list in brackets: "$40 million (£31.1 million, ...")
_OPENS_BRACKET = re.compile(r"\s*[(\[]\s*")
_ENDS_BRACKETED = re.compile(r"\s*[)\],;]")


def converted(text: str, a: dict, b: dict) -> bool:
    """``b`` restates ``a`` in another currency or unit of measure, in
    brackets right after it: one quantity, written twice (not a figure in
    the same currency or unit: "$2 billion ($1.9 billion, adjusted)")."""
    if a["sent_start"] != b["sent_start"] \
            or not _OPENS_BRACKET.fullmatch(text, a["end_char"], b["start_char"]) \
            or not _ENDS_BRACKETED.match(text, b["end_char"]):
        return False
    if a.get("currency") and b.get("currency"):
        return a["currency"] != b["currency"]
    return bool(a.get("measure_unit") and b.get("measure_unit")) and a["unit"] != b["unit"]


def _converted_moves(claims: list[dict], text: str) -> None:
    """"a decrease of 130,000 square kilometers (50,000 square miles)": a
    change converted in brackets is the same change, which way it goes too."""
    for a, b in zip(claims, claims[1:]):
        if a["kind"] == "change" and b["kind"] == "amount" and not b["direction"] \
                and not b["role"] and converted(text, a, b):
            b["kind"], b["direction"] = "change", a["direction"]


@cache
def _up_from() -> re.Pattern:
    """Up to eight words (or years: four digits in the centuries of
    extract.toml year_min..year_max; or the base of a rate, "per 100,000"),
    perhaps who said so (", fire officials said"), then ", up from" or ",
    down from"."""
    nc = load("extract")["not_claims"]
    centuries = "|".join(str(c) for c in range(nc["year_min"] // 100, nc["year_max"] // 100 + 1))
    return re.compile(rf"(?:\s+(?:(?!\d)[\w’'-]+|(?:{centuries})\d\d\b|(?<=per\s)\d[\d,]*\b)){{0,8}}?"
                      r"(?:,\s+(?:[\w’'-]+\s+){1,3}(?:said|says|reported|estimated))?"
                      r"\s*,\s+(up|down)\s+from\b", re.I)


def _level_up_from(claims: list[dict], text: str) -> None:
    """"184 cases as of Tuesday, up from 124 a week earlier": the level
    reached takes the move's direction, as in "rose to 5.9% from 5.4%" (the
    level it came from takes none). Up to eight words between, none of them
    a figure other than a year ("57 died and 30 were hurt, up from 12": the
    30's)."""
    for i, c in enumerate(claims):
        if not c["direction"] and c["kind"] in _LEVELS and not c["ratio"]:
            m = _up_from().match(text, c["end_char"])
            if m and m.end() <= c["sent_end"]:
                prev = claims[i - 1] if i else None
                if prev is not None and not prev["direction"] and prev["kind"] == c["kind"] \
                        and _PART_OF.fullmatch(text, prev["end_char"], c["start_char"]):
                    c = prev    # "won 23 of the 40 seats, up from 14": the 23 moved, not the whole
                c["direction"] = "increase" if m.group(1).lower() == "up" else "decrease"


_MOVES = ("change", "pct_change")
_COUNTED_AFTER = re.compile(r"\s+[a-z]+s\b(?<!\bcents)")    # "rose to a record at 300 stores": where, not a level
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", re.I)
def _coordinated_moves(claims: list[dict], text: str, cues: dict) -> None:
    """"Core prices rose 0.2% on the month and 2.8% on the year": a bare
    percentage joined by "and" to a move, with no verb of its own between,
    is moved by the same verb (the direction words are too far back for
    :func:`classify` to read them). Not a share ("and 40% of ..."). So is
    a percentage a move is compared with ("rose 5% compared with 3% a year
    earlier"; after a share, "38% ..., compared with 31%", it stays a level:
    extract.toml compared_before)."""
    for a, b in zip(claims, claims[1:]):
        if a["kind"] == "pct_change" and a["direction"] and b["kind"] == "percent" and not b["direction"] \
                and a["sent_start"] == b["sent_start"] and not b["role"] \
                and (cues["coordinated_gap_re"].fullmatch(text, a["end_char"], b["start_char"])
                     or cues["compared_gap_re"].search(text, a["end_char"], b["start_char"])) \
                and not _SHARE_OF.match(text, b["end_char"]):
            b["kind"], b["direction"] = "pct_change", a["direction"]
_AT_GAP = re.compile(r"(?:\s+[a-z]+){0,2}?\s+at\s+", re.I)


def _level_closed_at(claims: list[dict], text: str, cues: dict) -> None:
    """"closed 1.3% higher at 7,952", "shed 475 points, or 1.2%, to close at
    38,589": the level after "at" is reached by the move (extract.toml
    closed_comparatives, close_verbs); so is money or a bare level "at"
    right after a move (a word or two between) in a clause that says the
    move with "up"/"down" or a close verb ("the pound was up 0.2% at
    $1.2710", "finished 0.6% down at 7,702", "closed down 0.3 per cent or
    9.8 points at 3,301.42"; not "sales were up 5% at 300 stores")."""
    for i, c in enumerate(claims):
        if c["direction"] or c["kind"] not in _LEVELS or c["ratio"] or c["role"]:
            continue
        m = cues["closed_at_re"].search(text, max(0, c["start_char"] - 40), c["start_char"])
        mx = None if m else cues["to_extreme_at_re"].search(text, max(c["sent_start"], c["start_char"] - 90),
                                                             c["start_char"])
        if mx is not None and _direction_of(mx.group(1).lower(), cues) \
                and not _COUNTED_AFTER.match(text, c["end_char"]):
            c["direction"] = _direction_of(mx.group(1).lower(), cues)   # "fell to its lowest since 2020 at 84.2"
            continue
        if m is None:
            prev = claims[i - 1] if i else None     # "the pound was up 0.2% at $1.2710"
            if prev is not None and prev["kind"] in _MOVES and prev["direction"] \
                    and prev["sent_start"] == c["sent_start"] and (c["currency"] or not c["unit"]) \
                    and _AT_GAP.fullmatch(text, prev["end_char"], c["start_char"]):
                breaks = list(cues["clause_break_re"].finditer(text, c["sent_start"], prev["start_char"]))
                lead = breaks[-1].end() if breaks else c["sent_start"]
                if cues["move_lead_re"].search(text, lead, prev["start_char"]) \
                        or cues["move_lead_re"].search(text, prev["end_char"], c["start_char"]):
                    # ... or says it after the move: "trading 2.6 percent down at 1,845 pence"
                    c["direction"] = prev["direction"]
            continue
        if m.group(1):
            c["direction"] = _direction_of(m.group(1).lower(), cues)
            continue
        move = next((p for p in reversed(claims[:i]) if p["kind"] in _MOVES and p["direction"]
                     and p["sent_start"] == c["sent_start"]), None)
        if move is not None and not cues["clause_break_re"].search(text, move["end_char"], m.start()):
            c["direction"] = move["direction"]


def subject_of_change(span: Span, cues: dict):
    """For a level in "reports decreased from 36.2 million to 20.5 million":
    the subject of the change verb (*reports*), or None."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    for child in tok.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN") \
                and child.lemma_.lower() not in cues["not_counted"]:
            return child
    return None


def _words_around(doc: Doc, q: Quantity, span: Span, sent: Span, before: int,
                  after: int) -> tuple[list[str], list[str]]:
    """Lower-case words before the claim's first character and after its
    last one (past a conversion in brackets), within the sentence."""
    first = span.start
    while first > sent.start and doc[first - 1].idx >= q.start:
        first -= 1
    last = span.end
    while last < sent.end and doc[last].idx < q.end:
        last += 1
    if last + 1 < sent.end and doc[last].text in ("(", "[") \
            and (doc[last + 1].is_digit and not FULL_YEAR.fullmatch(doc[last + 1].text)
                 or doc[last + 1].is_currency or doc[last + 1].like_num and not doc[last + 1].is_alpha):
        # "1.03 million square kilometers (398,000 square miles) below the
        # record", "nearly one-third (133 per cent) more than": the words
        # after a figure's restatement in brackets are its (not after
        # "(2019)" or "(one of the largest)")
        close = next((t.i for t in doc[last + 1:min(sent.end, last + 10)] if t.text in (")", "]")),
                     None)
        if close is not None:
            last = close + 1
    lo = max(sent.start, first - before)
    hi = min(sent.end, last + after)
    return [t.lower_ for t in doc[lo:first]], [t.lower_ for t in doc[last:hi]]


def classify(q: Quantity, span: Span, head, cues: dict, sent: Span, text: str) -> tuple[str, str, str]:
    """(kind, direction, unit) for one quantity in sentence ``sent`` of ``text``."""
    doc = span.doc
    before_words, after_words = _words_around(doc, q, span, sent, 6, 6)
    for i in range(1, len(before_words)):     # "gave up 3%": a fall; "made up of": no way
        word = cues["phrasal"].get((before_words[i - 1], before_words[i]))
        if word is not None:
            before_words[i] = word
    if after_words and after_words[0] in cues["change_after"] and after_words[0] not in cues["quantity_comparatives"]:
        nxt = span.end
        while nxt < sent.end and doc[nxt].idx < q.end:
            nxt += 1
        t = doc[nxt] if nxt < sent.end else None
        if t is not None and t.dep_ == "amod" and t.head.i > t.i and t.head.pos_ == "NOUN":
            after_words = [""] + after_words[1:]    # "three smaller fires": what they are, not a move
        elif after_words[0] in cues["level_words"] and q.unit in cues["distance_units"] \
                and next((w for w in after_words[1:3] if w != "the"), "") in cues["position_words"]:
            after_words = [""] + after_words[1:]    # "3,800 meters below the surface": a depth
    noun = head.lemma_.lower() if head is not None else ""
    level = q.role in ("from", "to") or (before_words[-1:] and before_words[-1] in cues["level_before"]
                                           and not after_words[:1] in cues["compared_after"]) \
        or before_words[-3:] in cues["level_reached"] \
        or bool(cues["level_extreme_re"].search(text, max(0, q.start - 60), q.start)) \
        and not after_words[:1] in cues["compared_after"] \
        or any(before_words[-len(c):] == c for c in cues["compared_before"])   # "compared with 31%"

    def direction_near() -> str:
        # the closest cue word wins, after before before at the same distance;
        # after the figure only up to a clause break ("lost 1.5% while Shanghai rose")
        after = list(takewhile(lambda w: w not in cues["clause_breaks"], after_words[:3]))
        near = [w for pair in zip_longest(after, reversed(before_words)) for w in pair if w is not None]
        for w in near:
            if w in cues["dec"]:
                return "decrease"
            if w in cues["inc"]:
                return "increase"
        if head is not None:
            for t in [head.head] + list(head.children):
                if t.lower_ in cues["dec"] or t.lemma_ in cues["dec"]:
                    return "decrease"
                if t.lower_ in cues["inc"] or t.lemma_ in cues["inc"]:
                    return "increase"
        return ""

    # multiple: "thirteen times higher", "3-fold", "10x"
    glued = text[q.end:q.end + 5].lower()
    if _occasions(doc, span, after_words, cues) and not (q.currency or q.unit or q.percent):
        # "eight times in 2025", "two times.": occasions counted, not a multiple
        return "count", "", cues["occasion_unit"]
    if after_words and after_words[0] in cues["multiple_after"] or glued.startswith("-fold") \
            or glued[:1] == "x" and not glued[1:2].isalnum():
        return "multiple", direction_near(), "times"
    if q.points:
        d = "" if level else direction_near()
        return ("pct_change" if d else "percent"), d, "pp"
    if q.percent:
        # "91% of children" is a share; "fell to 3.9%" a level; "a 55% increase", "up 55%" a change
        share = after_words[:1] == ["of"]
        if _BRACKETED_AFTER_PERCENT.search(text, max(0, q.start - 12), q.start) \
                and text[q.end:q.end + 2].lstrip()[:1] == ")":
            return "percent", "", "%"   # "margins widened to 18.2% (17.1%)": the figure it is compared with
        if not (share or level) and _signed(text, q):
            return "pct_change", _signed(text, q), "%"   # a list of moves: "Hang Seng -1.2%"
        d = "" if share or level else direction_near()
        if not (d or share or level) and before_words[-1:] == ["by"]:
            d = _by_verb_direction(doc, span, q, cues)     # "proposes cutting the ... grant by 12%"
        if not (d or share or level) and (before_words[-1:] == ["of"] and before_words[-2:-1]
                                          and before_words[-2] in cues["pct_loss"]
                                          or after_words[:1] and after_words[0] in cues["pct_loss"]):
            d = "decrease"  # "ended the week with a loss of 2.3%", "a 12% loss"
        if share and not level and _share_cut(doc, span, q, cues):
            d = "decrease"  # "lost 40% of its value", "will cut 10% of its staff" ("gained
                            # 12% of the vote" stays a share)
        return ("pct_change" if d else "percent"), d, "%"
    if q.ratio and after_words[:1] == ["of"] or q.ratio and not q.currency and not q.unit:
        d = _change_direction(before_words, after_words, cues)
        if d is None:
            d = _object_of_change_verb(doc, span, q, cues)
        return ("multiple" if d is None else "change"), d or "", "ratio"
    if q.currency:
        d = _change_direction(before_words, after_words, cues)
        if d is None and not q.role:
            d = _money_moved(doc, span, q, cues)
        unit = q.currency
        m = cues["money_per_re"].match(text, q.end)
        mb = None if m else cues["money_per_before_re"].search(text, max(0, q.start - 50), q.start)
        if mb and cues["money_per_own_re"].search(text, max(0, mb.start() - 40), mb.start()):
            mb = None   # "or $1.38 per share, compared with $3.6 billion": that figure's unit
        if m or mb:     # "$2.14 a share", "earnings per share were $2.14" -> "USD per share"
            noun = (m or mb).group(1).lower()
            unit = f"{q.currency} per {cues['money_per'].get(noun) or cues['money_per_before'][noun]}"
        # ("a difference of $5 million": a change that says no way, as "a
        # gap of 300 people" is)
        return ("change" if d is not None else "amount"), d or "", unit
    if q.unit:
        d = None if after_words[:1] and after_words[0] in cues["place_after_measure"] \
            else _change_direction(before_words, after_words, cues)   # "40 km off the coast"
        if d is None and not q.role:
            d = _size_of_move(doc, span, q, cues)
        # (a length of time that says no way stays a length: "a gap of 12
        # years" is how long, not a change)
        if q.unit in cues["duration_units"]:    # "a 12-year prison sentence": 12 years, as a count
            return ("change" if d else "count"), d or "", q.unit
        return ("change" if d is not None else "amount"), d or "", q.unit
    m = cues["rate_re"].match(text[q.end:q.end + 60])
    if m:
        per = cues["rate"][re.sub(r"\s+", " ", m.group(1).lower())]
        # "by an additional six to eight vessels per day": a change of a rate
        # by so much (never the rate, nor a year's total times 365), which
        # way a quantity comparative says
        if before_words[-1:] and before_words[-1] in cues["quantity_comparatives"]:
            d = "decrease" if before_words[-1] in cues["dec"] else "increase"
            return "change", d, f"{noun} {per}".strip()
        if before_words[-1:] == ["by"] and (d := _change_direction(before_words, after_words,
                                                                   cues)):
            return "change", d, f"{noun} {per}".strip()  # "crossings increased by 300 a day"
        return "rate", "", f"{noun} {per}".strip()
    if noun in cues["measure_nouns"] and head.lower_ in cues["measure_nouns"]:
        # "5,544 total gallons of crude": a unit of measure a word away from
        # the figure is still its unit, not a counted noun
        q = replace(q, unit=cues["measure_nouns"][noun])
        return classify(q, span, head, cues, sent, text)
    d = None if level and q.role else _change_direction(before_words, after_words, cues)
    if d is None and not q.role:
        d = _size_of_move(doc, span, q, cues)
    if d is None and not level and _signed(text, q) and text[q.start - 1:q.start] in ("(", "["):
        d = _signed(text, q)    # "down 1.8% at the close (-142 points)": a move, signed
    if d is not None:
        return "change", d, noun
    return "count", "", noun


def _occasions(doc: Doc, span: Span, after_words: list[str], cues: dict) -> bool:
    """A figure counting occasions: "times" right after it ("two times
    before 2024") or as the noun it counts ("eight separate times"), with no
    comparison after "times" ("three times higher", "five times as many")."""
    if after_words[:1] and after_words[0] in cues["times_words"]:
        then = after_words[1:2]
    elif (held := span[-1].head).i >= span.end and held.lower_ in cues["times_words"] \
            and span[-1].dep_ == "nummod":
        then = [doc[held.i + 1].lower_] if held.i + 1 < len(doc) else []
    else:
        return False
    return not (then and then[0] in cues["times_compared"])


def _by_verb_direction(doc: Doc, span: Span, q: Quantity, cues: dict) -> str:
    """"proposes cutting the $4.1 billion block grant by 12%": the way of the
    verb the "by" right before the figure hangs on, however far back."""
    i = _index_before(doc, span, q)
    if i < 0 or doc[i].lower_ != "by" or doc[i].head.pos_ != "VERB" or doc[i].head.i > i:
        return ""
    verb = doc[i].head
    return _direction_of(verb.lower_, cues) or _direction_of(verb.lemma_, cues) or _particle_direction(verb, cues)


def _share_cut(doc: Doc, span: Span, q: Quantity, cues: dict) -> bool:
    """"lost 40% of its value", "cut 10% of its staff", "lost an average of
    15% of their weight": a share that a verb of decrease takes away (a few
    words of extract.toml by_of_words and "of" may stand between)."""
    if _object_of_change_verb(doc, span, q, cues) == "decrease":
        return True
    i = _index_before(doc, span, q)
    if i < 1 or doc[i].lower_ != "of":
        return False
    i -= 1
    while i >= 0 and doc[i].lower_ in cues["by_of_words"]:
        i -= 1
    return i >= 0 and doc[i].pos_ == "VERB" and _verb_change(doc[i], cues) == "decrease"


def _object_of_change_verb(doc: Doc, span: Span, q: Quantity, cues: dict) -> str | None:
    """"added 13.1 million subscribers", "shed 4,000 jobs": the verb right
    before the figure changes the count."""
    verb = _verb_before(doc, span, q)
    if verb is None:
        return None
    d = _verb_change(verb, cues)
    if d:       # "can add or subtract a tenth of a degree": a change, either way
        joined = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
        if any(_verb_change(v, cues) not in ("", d) and not any(c.dep_ in _OBJECTS for c in v.children)
               for v in joined):
            return ""
    return d or None


_OBJECTS = ("dobj", "npadvmod", "attr", "oprd", "dative")


def _verb_change(verb, cues: dict) -> str:
    """The direction of a verb whose object is a change (extract.toml
    change_verbs_increase / _decrease), or ""."""
    if verb.lemma_ in cues["verb_inc"]:
        return "increase"
    return "decrease" if verb.lemma_ in cues["verb_dec"] else ""


def _size_of_move(doc: Doc, span: Span, q: Quantity, cues: dict) -> str | None:
    """A count or measure that is the object of a change verb ("shed 4,000
    jobs") or right after a verb of movement ("the Dow fell 350 points", "may
    rise 0.5 to 1.2 metres"; not "climbed above 95", a level)."""
    d = _object_of_change_verb(doc, span, q, cues)
    if d is None and q.qualifier in ("exact", "approx", "range"):
        d = _money_moved(doc, span, q, cues)
    return d


def _index_before(doc: Doc, span: Span, q: Quantity) -> int:
    """The index of the token right before the figure and its qualifier
    words ("about", "more than"), or -1."""
    i = span.start - 1
    while i >= 0 and doc[i].idx >= q.start:
        i -= 1
    return i


def _verb_before(doc: Doc, span: Span, q: Quantity):
    """The token right before the figure (and its qualifier words) when it
    is a verb, else None."""
    i = _index_before(doc, span, q)
    return doc[i] if i >= 0 and doc[i].pos_ == "VERB" else None


def _money_moved(doc: Doc, span: Span, q: Quantity, cues: dict) -> str | None:
    """"jumped $1.2 billion", "shed 45 cents", "added 12 sen", "the index
    dropped 215 points": money (or a count) right after a verb of movement
    is the size of the move. Not after the verbs of extract.toml
    money_not_moved ("lost $3.5 billion" is a loss), unless in a sub-unit
    only prices move in ("gained 14 sen")."""
    verb = _verb_before(doc, span, q)
    if verb is None or verb.lemma_ in cues["money_not_moved"] and q.currency not in cues["money_always_moved"]:
        return None
    word, lemma = verb.lower_, verb.lemma_
    if word in cues["dec"] or lemma in cues["verb_dec"]:
        return "decrease"
    if word in cues["inc"] or lemma in cues["verb_inc"]:
        return "increase"
    return None


def _change_direction(before: list[str], after: list[str], cues: dict) -> str | None:
    """Direction when the figure is an absolute change, else None:
    "7 million fewer", "a reduction of 6.9 million", "fell by 7 million", "up 30 GW"."""
    if after and after[0] in cues["change_after"]:
        return "decrease" if after[0] in cues["dec"] else "increase"
    if len(after) > 1 and after[1] in cues["change_after"] and after[0] not in cues["change_not_between"] \
            and not (after[0] in cues["time_counts"] and after[1] in cues["level_words"]):
        return "decrease" if after[1] in cues["dec"] else "increase"
    if after and after[0] in cues["change_nouns"] and before[-1:] in (["a"], ["an"], ["the"]):
        return "decrease" if after[0] in cues["dec"] else "increase"   # "a 2p cut", "a $5 rise"
    if before and before[-1] in ("up", "down"):
        return "increase" if before[-1] == "up" else "decrease"
    if before and before[-1] in cues["change_before"] and len(before) > 1:
        prev = before[-2]
        if prev in cues["dec"]:
            return "decrease"
        if prev in cues["inc"]:
            return "increase"
        if prev in cues["neutral"]:
            return ""
        # "a dramatic reduction of": adjective between cue and "of" (not a
        # participle describing the noun: "an expanded field of 32 teams")
        if len(before) > 2 and before[-3] in cues["dec"] | cues["inc"] and before[-1] == "of" \
                and not before[-3].endswith("ed"):
            return "decrease" if before[-3] in cues["dec"] else "increase"
        if len(before) > 2 and before[-1] == "by" and before[-3] in cues["dec"] | cues["inc"]:
            return "decrease" if before[-3] in cues["dec"] else "increase"
        # "rise by an average of £94", "fell by a total of 300" (not "boosted
        # by the opening of two stations")
        by = [i for i in range(max(1, len(before) - 5), len(before) - 1) if before[i] == "by"]
        if before[-1] == "of" and by and before[by[-1] - 1] in cues["dec"] | cues["inc"] \
                and all(w in cues["by_of_words"] for w in before[by[-1] + 1:-1]):
            return "decrease" if before[by[-1] - 1] in cues["dec"] else "increase"
        # "slashed its forecast by a quarter": the verb a few words before "by"
        if before[-1] == "by":
            for w in takewhile(lambda w: w not in cues["clause_breaks"], reversed(before[-6:-1])):
                if w in cues["dec"] or w in cues["inc"]:
                    return "decrease" if w in cues["dec"] else "increase"
    return None


def _multiple_value(low: str, cues: dict) -> float | None:
    """The multiple a word states alone ("doubled" 2, "sevenfold" 7), or None."""
    value = cues["multiple_verbs"].get(low, cues["multiple_words"].get(low))
    if value is None and low.endswith(cues["fold"]) and len(low) > len(cues["fold"]):
        value = words_value(low[:-len(cues["fold"])].rstrip("-"))
    return value


def _candidates(doc: Doc, keep) -> list:
    """The tokens of ``doc`` whose lower-case form passes ``keep``, in order:
    ``keep`` is asked once per distinct word, not once per token."""
    lowers = doc.to_array("LOWER")
    strings = doc.vocab.strings
    good = [h for h in np.unique(lowers).tolist() if keep(strings[h])]
    return [doc[i] for i in np.flatnonzero(np.isin(lowers, good)).tolist()] if good else []


def _verb_multiples(doc: Doc, cues: dict, claims: list[dict], sents: Sentences) -> list[dict]:
    """Multiples stated by a verb or one word alone: "doubled", "halved",
    "more than double", "sevenfold"."""
    taken = [(c["start_char"], c["end_char"]) for c in claims]
    out = []
    for tok in _candidates(doc, lambda low: _multiple_value(low, cues) is not None):
        low = tok.lower_
        value = _multiple_value(low, cues)
        if any(s <= tok.idx < e for s, e in taken):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text in ("-", "‐") or sents.text[tok.idx + len(tok.text):][:1] == "-":
            continue
        if low in cues["multiple_verbs"] and tok.pos_ not in ("VERB", "AUX") and not (
                nxt is not None and nxt.pos_ in ("DET", "PRON") and tok.i > 0):
            continue
        if low in cues["multiple_words"] and (nxt is None
                                              or nxt.lower_ not in cues["times_compared"]):
            continue  # "had been counted twice", "arrested twice since 2019": how often
        low_v, high_v = interval(float(value), 0.0, "exact")
        start = tok.idx
        qual, qstart = qualifier_before(sents.text, start)
        if qual != "exact":
            low_v, high_v = interval(float(value), 0.0, qual)
            start = qstart
        head = None
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                head = child
        sent = sents.of(tok.i)
        end = tok.idx + len(tok.text)
        out.append({
            "start_char": start, "end_char": end, "text": sents.text[start:end],
            "kind": "multiple", "value": float(value), "low": low_v, "high": high_v,
            "qualifier": qual, "direction": "decrease" if value < 1 else "increase",
            "unit": "times", "sent_start": sent.start_char, "sent_end": sent.end_char,
            "token_start": tok.i, "token_end": tok.i + 1,
            "head_i": head.i if head is not None else -1,
            "percent": False, "points": False, "currency": "", "role": "", "ratio": False,
            "stated_low": float(value), "stated_high": float(value),
        })
    return out
