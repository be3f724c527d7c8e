"""Cross-article merging: one subject name and one metric key per thing.

Works on the claims alone (no parse), so per-article results can come from
a cache. Subject names are merged when one is the acronym of the other
("National Center for Missing & Exploited Children" / "NCMEC") or when they
are the same name spelled differently (rapidfuzz); the acronym wins.
Metric keys are merged when they hold the same words in another order or
are near-identical spellings with the same head noun.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from rapidfuzz import fuzz

from ..model import Claim
from .context import syn
from .subject import abbreviates, norm_name


class _Union:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, k: str) -> str:
        while self.parent.get(k, k) != k:
            k = self.parent[k]
        return k

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def _pick(names: list[str], counts: Counter) -> str:
    acronyms = [n for n in names if n.isupper() and 2 <= len(n) <= 10]
    if acronyms:
        return max(acronyms, key=lambda n: (counts[n], -len(n)))
    return max(names, key=lambda n: (counts[n], -len(n), n))


def _prefix(a: str, b: str) -> bool:
    """"northwind" and "northwind foods": one name starts the other (a
    short form of a company name). Single short words do not count."""
    short, long = sorted((a.split(), b.split()), key=len)
    return 0 < len(short) < len(long) and long[:len(short)] == short \
        and len(" ".join(short)) >= 5 and not " ".join(short).isupper()


def subject_map(claims: list[Claim]) -> dict[str, str]:
    counts = Counter(n for c in claims for n in c.subject.split(";") if n)
    names = sorted(counts)
    u = _Union()
    threshold = syn()["fuzzy"]["subject_threshold"]
    normed = {n: norm_name(n) for n in names}
    for a in names:
        for b in names:
            if a >= b:
                continue
            if normed[a] == normed[b]:
                u.join(a, b)
            elif b.isupper() and abbreviates(b, a) or a.isupper() and abbreviates(a, b):
                u.join(a, b)
            elif _prefix(normed[a], normed[b]):
                u.join(a, b)
            elif min(len(normed[a]), len(normed[b])) > 6 and \
                    fuzz.ratio(normed[a], normed[b]) >= threshold:
                u.join(a, b)
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(u.find(n), []).append(n)
    out = {}
    for members in groups.values():
        best = _pick(members, counts)
        out.update({m: best for m in members})
    return out


def _head(key: str) -> str:
    return key.split(" (")[0].split()[-1] if key else ""


def _one_word_apart(a: str, b: str) -> bool:
    """"sex trafficking report" / "child sex trafficking report": the same
    narrowed metric with one more modifier. The shorter key must already be
    narrowed (a bare "report" never absorbs a specific one)."""
    wa, wb = set(a.split()), set(b.split())
    small, big = sorted((wa, wb), key=len)
    return len(small) >= 2 and small < big and len(big - small) == 1


def metric_map(claims: list[Claim]) -> dict[str, str]:
    counts = Counter(c.metric for c in claims if c.metric)
    keys = sorted(counts)
    u = _Union()
    threshold = syn()["fuzzy"]["metric_threshold"]
    for a in keys:
        for b in keys:
            if a >= b or _head(a) != _head(b):
                continue
            if sorted(a.split()) == sorted(b.split()) or \
                    fuzz.token_sort_ratio(a, b) >= threshold and len(a.split()) == len(b.split()) \
                    or _one_word_apart(a, b):
                u.join(a, b)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(u.find(k), []).append(k)
    out = {}
    for members in groups.values():
        best = max(members, key=lambda k: (counts[k], -len(k), k))
        out.update({m: best for m in members})
    return out


def canonicalize(claims: list[Claim]) -> list[Claim]:
    subjects = subject_map(claims)
    metrics = metric_map(claims)
    out = []
    for c in claims:
        names = [subjects.get(n, n) for n in c.subject.split(";") if n]
        out.append(replace(c, subject=";".join(dict.fromkeys(names)),
                           metric=metrics.get(c.metric, c.metric)))
    return out
