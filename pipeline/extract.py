"""Stage 3, extract: the ``numeric_claims`` spaCy component.

It scans each Doc with :func:`pipeline.numbers.find_quantities`, drops what
is not a claim (years, dates, identifiers, page furniture), and decides each
claim's kind, direction and unit from the words and the parse around it.
The result is stored as plain dicts in ``doc._.numeric_claims``; attribution
(subject, metric, period) is :mod:`pipeline.normalize`'s job.

Registered with ``@Language.factory`` and exposed through the
``spacy_factories`` entry point, so ``nlp.add_pipe("numeric_claims")`` works
once the package is installed.
"""
from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .knowledge import load
from .numbers import Quantity, find_quantities, interval

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
    return {
        "dec": set(d["direction"]["decrease"]),
        "inc": set(d["direction"]["increase"]),
        "neutral": set(d["direction"]["neutral"]),
        "change_after": set(d["change"]["after"]),
        "change_before": set(d["change"]["before"]),
        "multiple_after": set(d["multiple"]["after"]),
        "multiple_verbs": d["multiple"]["verbs"],
        "rate": d["rate"],
        "rate_re": re.compile(
            r"^\W{0,3}(?:[\w-]+\s+){0,5}?(" + "|".join(
                re.escape(k) for k in sorted(d["rate"], key=len, reverse=True)) + r")\b", re.I),
        "identifier_before": set(nc["identifier_before"]),
        "time_nouns": set(nc["time_nouns"]),
        "patterns": [re.compile(p, re.I) for p in nc["patterns"]],
        "months": set(nc["months"]),
        "year_min": nc["year_min"], "year_max": nc["year_max"],
        "time_units": set(nc.get("time_units", [])),
        "time_reference_after": set(nc.get("time_reference_after", [])),
    }


def extract_from_doc(doc: Doc) -> list[dict]:
    """Every numeric claim in ``doc`` as a plain dict (see :func:`_claim`)."""
    text = doc.text
    cues = _cues()
    blocked = [m.span() for p in cues["patterns"] for m in p.finditer(text)]
    claims = []
    for q in find_quantities(text):
        if any(s <= q.num_start < e for s, e in blocked):
            continue
        span = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
        if span is None or not is_claim(q, span, cues):
            continue
        claims.append(_claim(q, span, cues))
    claims.extend(_verb_multiples(doc, cues, {c["start_char"] for c in claims}))
    claims.sort(key=lambda c: c["start_char"])
    return claims


def is_claim(q: Quantity, span: Span, cues: dict) -> bool:
    """False for years, dates, identifiers and other figures that are not claims."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is not None and prev.lower_ in cues["identifier_before"] and q.qualifier == "exact":
        return False
    if prev is not None and prev.lower_.rstrip(".") in cues["months"]:
        return False
    if nxt is not None and nxt.lower_.rstrip(".") in cues["months"] and q.value < 32:
        return False
    if nxt is not None and nxt.lower_ in cues["time_nouns"]:
        return False
    if is_year(q, span, cues):
        return False
    if q.words and len(span) == 1 and span[0].pos_ not in ("NUM",) and q.value == 1:
        return False  # "one" as a pronoun: "the one you mentioned"
    if nxt is not None and nxt.lower_ in cues["time_units"]:
        after = doc[span.end + 1] if span.end + 1 < len(doc) else None
        if after is not None and after.lower_ in cues["time_reference_after"]:
            return False
    return True


def is_year(q: Quantity, span: Span, cues: dict) -> bool:
    """A bare four-digit number in the calendar range that is not counting
    a plural noun right after it ("in 2024", "since 1998", "2012-13")."""
    raw = q.text[q.num_start - q.start:q.num_end - q.start]
    if q.percent or q.points or q.currency or q.words or "," in raw or "." in raw:
        return False
    if not re.fullmatch(r"\d{4}", raw.strip()):
        return False
    if not cues["year_min"] <= q.value <= cues["year_max"]:
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in cues["time_units"]:
        return False
    return True


def _claim(q: Quantity, span: Span, cues: dict) -> dict:
    doc = span.doc
    sent = span.sent
    head = counted_noun(span)
    kind, direction, unit = classify(q, span, head, cues)
    low, high = q.low, q.high
    return {
        "start_char": q.start, "end_char": q.end, "text": q.text,
        "kind": kind, "value": q.value, "low": low, "high": high,
        "qualifier": q.qualifier, "direction": direction, "unit": unit,
        "sent_start": sent.start_char, "sent_end": sent.end_char,
        "token_start": span.start, "token_end": span.end,
        "head_i": head.i if head is not None else -1,
        "percent": q.percent, "points": q.points, "currency": q.currency,
    }


def counted_noun(span: Span):
    """The noun a figure counts ("7 million fewer *reports*"), or None."""
    tok = span[-1]
    for _ in range(3):
        if tok.pos_ in ("NOUN", "PROPN") and tok not in span:
            return tok
        if tok.head is tok:
            break
        if tok.dep_ in ("nummod", "compound", "quantmod", "npadvmod", "amod", "nmod") \
                or tok in span:
            tok = tok.head
        else:
            break
    if tok.pos_ in ("NOUN", "PROPN") and tok not in span:
        return tok
    # "nearly 100 reports" when the parse attaches differently: next noun within 3 tokens
    doc = span.doc
    for t in doc[span.end:min(len(doc), span.end + 3)]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ not in ("ADJ", "ADV", "NUM", "DET"):
            break
    return None


def _window(span: Span, before: int, after: int) -> tuple[list, list]:
    doc = span.doc
    sent = span.sent
    lo = max(sent.start, span.start - before)
    hi = min(sent.end, span.end + after)
    return list(doc[lo:span.start]), list(doc[span.end:hi])


def classify(q: Quantity, span: Span, head, cues: dict) -> tuple[str, str, str]:
    """(kind, direction, unit) for one quantity."""
    doc = span.doc
    before, after = _window(span, 6, 6)
    after_words = [t.lower_ for t in after]
    before_words = [t.lower_ for t in before]
    noun = head.lemma_.lower() if head is not None else ""

    def direction_near() -> str:
        # closest cue word wins; look after first, then before
        near = after_words[:4] + list(reversed(before_words))
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

    # multiple: "thirteen times higher", "3-fold"
    if after_words and (after_words[0] in cues["multiple_after"]
                        or doc.text[q.end:q.end + 5].lower().startswith("-fold")):
        return "multiple", direction_near(), "times"
    if q.points:
        d = direction_near()
        return ("pct_change" if d else "percent"), d, "pp"
    if q.percent:
        d = direction_near()
        # "91% of children" is a share; "a 55% increase", "up 55%" a change
        share = after_words[:1] == ["of"]
        return ("pct_change" if d and not share else "percent"), (d if not share else ""), "%"
    if q.currency:
        d = _change_direction(before_words, after_words, cues)
        return ("change" if d else "amount"), d, q.currency
    if q.unit:
        return "amount", "", q.unit
    m = cues["rate_re"].match(doc.text[q.end:q.end + 60])
    if m:
        per = cues["rate"][re.sub(r"\s+", " ", m.group(1).lower())]
        return "rate", "", f"{noun} {per}".strip()
    d = _change_direction(before_words, after_words, cues)
    if d is not None:
        return "change", d, noun
    return "count", "", noun


def _change_direction(before: list[str], after: list[str], cues: dict) -> str | None:
    """Direction when the figure is an absolute change, else None:
    "7 million fewer", "a reduction of 6.9 million", "fell by 7 million"."""
    if after and after[0] in cues["change_after"]:
        return "decrease" if after[0] in cues["dec"] else "increase"
    if len(after) > 1 and after[1] in cues["change_after"]:
        return "decrease" if after[1] in cues["dec"] else "increase"
    if before and before[-1] in cues["change_before"] and len(before) > 1:
        prev = before[-2]
        if prev in cues["dec"]:
            return "decrease"
        if prev in cues["inc"]:
            return "increase"
        if prev in cues["neutral"]:
            return ""
        # "a dramatic reduction of": adjective between cue and "of"
        if len(before) > 2 and before[-3] in cues["dec"] | cues["inc"]:
            return "decrease" if before[-3] in cues["dec"] else "increase"
    return None


def _verb_multiples(doc: Doc, cues: dict, taken: set[int]) -> list[dict]:
    """Multiples stated by a verb alone: "doubled", "halved"."""
    out = []
    for tok in doc:
        value = cues["multiple_verbs"].get(tok.lower_)
        if value is None or tok.idx in taken or tok.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        low, high = interval(float(value), 0.0, "exact")
        head = None
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                head = child
        sent = tok.sent
        out.append({
            "start_char": tok.idx, "end_char": tok.idx + len(tok.text), "text": tok.text,
            "kind": "multiple", "value": float(value), "low": low, "high": high,
            "qualifier": "exact", "direction": "decrease" if value < 1 else "increase",
            "unit": "times", "sent_start": sent.start_char, "sent_end": sent.end_char,
            "token_start": tok.i, "token_end": tok.i + 1,
            "head_i": head.i if head is not None else -1,
            "percent": False, "points": False, "currency": "",
        })
    return out
