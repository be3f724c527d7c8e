"""Stage 4, normalize: what each number is about.

Turns the extractor's raw claim dicts into :class:`~pipeline.model.Claim`
records with ``subject``, ``metric``, ``period``, ``base_period`` and
``confidence`` filled in, so that claims about the same quantity line up
across articles. Knowledge lives in ``data/attribution.toml`` and
``data/synonyms.toml``.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc

from .knowledge import load
from .model import Article, Claim

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def claim_id(article: Article, start: int, end: int) -> str:
    """Stable id: same article text and same span give the same id."""
    prefix = article.source_id.split("_")[0][:12] or "src"
    digest = hashlib.sha1(f"{article.sha256}:{start}:{end}".encode()).hexdigest()[:6]
    return f"{prefix}-{digest}"


@cache
def _synonyms() -> dict[str, str]:
    out = {}
    for canonical, words in load("synonyms")["classes"].items():
        for w in words:
            out[w] = canonical
        out[canonical] = canonical
    return out


@cache
def _attr() -> dict:
    return load("attribution")


def reference_year(article: Article, doc: Doc) -> int | None:
    """The year an article is about: its publication date, else the year
    its text names most often."""
    if article.published[:4].isdigit():
        return int(article.published[:4])
    years = Counter(int(m.group()) for m in _YEAR.finditer(doc.text))
    return years.most_common(1)[0][0] if years else None


def main_subject(doc: Doc) -> str:
    """The organisation an article mentions most (fallback subject)."""
    labels = set(_attr()["subject_labels"])
    counts = Counter(e.text for e in doc.ents if e.label_ in labels and e.label_ == "ORG")
    return counts.most_common(1)[0][0] if counts else ""


def attribute(article: Article, doc: Doc, raw: list[dict]) -> list[Claim]:
    """Claims with subject, metric and period for one parsed article."""
    ref_year = reference_year(article, doc)
    fallback = main_subject(doc)
    conf = _attr()["confidence"]
    claims = []
    for r in raw:
        sent = doc.char_span(r["sent_start"], r["sent_end"], alignment_mode="expand")
        subject, s_conf = sentence_subject(sent, r)
        if not subject:
            subject, s_conf = fallback, conf["subject_fallback"] if fallback else conf["no_subject"]
        unit = r["unit"]
        metric = metric_key(doc, r)
        period, base = periods(sent, r, ref_year)
        claims.append(Claim(
            claim_id=claim_id(article, r["start_char"], r["end_char"]),
            source_id=article.source_id,
            sentence=article.text[r["sent_start"]:r["sent_end"]].strip(),
            start_char=r["start_char"], end_char=r["end_char"], text=r["text"],
            kind=r["kind"], value=r["value"], low=r["low"], high=r["high"],
            qualifier=r["qualifier"], direction=r["direction"], unit=unit,
            metric=metric, subject=subject, period=period, base_period=base,
            confidence=round(s_conf, 2),
            sent_start=r["sent_start"], sent_end=r["sent_end"],
        ))
    return claims


def sentence_subject(sent, r: dict) -> tuple[str, float]:
    labels = set(_attr()["subject_labels"])
    ents = [e for e in sent.ents if e.label_ in labels]
    if not ents:
        return "", 0.0
    ents.sort(key=lambda e: abs(e.start_char - r["start_char"]))
    return ents[0].text, _attr()["confidence"]["subject_in_sentence"]


def metric_key(doc: Doc, r: dict) -> str:
    """Canonical key for what is counted: the counted noun through the
    synonym classes. (First version: the noun only.)"""
    if r["kind"] in ("percent", "pct_change", "multiple") or r["head_i"] < 0:
        head = None
        # the quantity a percent talks about: nearest noun subject/object in the sentence
        sent = doc[r["token_start"]].sent
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.pos_ == "NOUN":
                head = tok
                break
        if head is None:
            return ""
    else:
        head = doc[r["head_i"]]
    lemma = head.lemma_.lower()
    return _synonyms().get(lemma, lemma) + "s"


def periods(sent, r: dict, ref_year: int | None) -> tuple[str, str]:
    years = [int(m.group()) for m in _YEAR.finditer(sent.text)]
    period = str(years[-1]) if years else (str(ref_year) if ref_year else "")
    base = ""
    if r["kind"] in ("change", "pct_change", "multiple") and period:
        earlier = [y for y in years if y < int(period)]
        base = str(earlier[-1]) if earlier else str(int(period) - 1)
    return period, base
