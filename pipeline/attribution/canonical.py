"""Cross-article merging: one subject name and one metric key per thing.

Works on the claims alone (no parse), so per-article results can come from
a cache. Subject names are merged when one is the acronym of the other
("National Center for Missing & Exploited Children" / "NCMEC"), when one is
the other after a kind or title word ("Hurricane Helene" / "Helene") or when
they are the same name spelled differently (rapidfuzz); the acronym wins.
Metric keys are merged when they hold the same words in another order or
are near-identical spellings with the same head noun.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..keys import DIGITS
from ..model import Claim
from .context import attr, syn
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


@cache
def _titles() -> frozenset[str]:
    """Kind or title words that may stand before a name (attribution.toml
    name_titles): "Hurricane Helene" is "Helene"."""
    return frozenset(attr()["name_titles"])


def numbers_differ(a: str, b: str) -> bool:
    """Both wordings hold numbers and not the same ("Chandrayaan-2" /
    "Chandrayaan-3"): a number names another of its kind. ("covid-19
    hospitalization" / "covid hospitalization" may still be one.)"""
    x, y = DIGITS.findall(a), DIGITS.findall(b)
    return bool(x) and bool(y) and x != y


def _word_swapped(a: str, b: str) -> bool:
    """Two names or keys of as many words, one of them another word
    altogether ("us census bureau" / "uk census bureau", "male worker" /
    "female worker"): two things, however alike the rest. A spelling
    variant changes a longer word by at most synonyms.toml [fuzzy]
    word_edits (a swap of two letters is one edit: "zelenskyy" /
    "zelensky", "centre" / "center"), or writes it out ("gas" / "gasoline",
    "ft" / "fort")."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) > 1 and any(_other_word(x, y) for x, y in zip(wa, wb))


def _other_word(x: str, y: str) -> bool:
    """:func:`_word_swapped` for one pair of words."""
    if x == y or x.startswith(y) or y.startswith(x):
        return False
    conf = syn()["fuzzy"]
    short, long = sorted((x, y), key=len)
    if len(short) <= conf["short_word"]:
        it = iter(long)  # "ft" / "fort": its letters, the first first
        return not (short[0] == long[0] and all(ch in it for ch in short))
    return OSA.distance(x, y) > conf["word_edits"]


#: a number written as a name's last word ("Nord Stream 2", "Apollo 11",
#: "Chandrayaan-3")
_TRAILING_NUMBER = re.compile(r"[\s-]\d{1,3}$")


def _numbered_longer(a: str, b: str) -> bool:
    """The longer of two names, one starting the other, adds a number
    ("Chandrayaan" / "Chandrayaan 2 mission", "Boeing" / "Boeing 737"): the
    numbered one is one of its kind, not its short form."""
    short, long = sorted((a, b), key=len)
    return len(DIGITS.findall(long)) > len(DIGITS.findall(short))


#: Above this many names or keys in one bucket, skip the pairwise fuzzy pass
#: (exact, acronym and one-word merges still run), so big sets stay fast.
FUZZY_BUCKET_LIMIT = 400


def _representatives(items: list[str], u: _Union, pick) -> dict[str, str]:
    groups: dict[str, list[str]] = {}
    for k in items:
        groups.setdefault(u.find(k), []).append(k)
    out = {}
    for members in groups.values():
        best = pick(members)
        out.update({m: best for m in members})
    return out


def subject_map(claims: list[Claim]) -> dict[str, str]:
    """{name: canonical name}. Names are compared within buckets of the
    same first letter (an acronym starts like its long name)."""
    counts = Counter(n for c in claims for n in c.subject.split(";") if n)
    names = sorted(counts)
    u = _Union()
    threshold = syn()["fuzzy"]["subject_threshold"]
    normed = {n: norm_name(n) for n in names}
    by_norm: dict[str, str] = {}
    buckets: dict[str, list[str]] = {}
    for n in names:
        if normed[n] in by_norm:
            u.join(n, by_norm[normed[n]])
        else:
            by_norm[normed[n]] = n
            buckets.setdefault(normed[n][:1], []).append(n)
    # "Hurricane Helene" / "Helene": the name after its kind or title word
    for n in list(by_norm):
        words = n.split()
        for k in range(1, min(3, len(words))):
            if " ".join(words[:k]) in _titles() and " ".join(words[k:]) in by_norm:
                u.join(by_norm[n], by_norm[" ".join(words[k:])])
    for members in buckets.values():
        fuzzy = len(members) <= FUZZY_BUCKET_LIMIT
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if b.isupper() and abbreviates(b, a) or a.isupper() and abbreviates(a, b) \
                        or _prefix(normed[a], normed[b]) and not _numbered_longer(a, b) \
                        or fuzzy and min(len(normed[a]), len(normed[b])) > 6 \
                        and not numbers_differ(a, b) \
                        and bool(_TRAILING_NUMBER.search(a)) == bool(_TRAILING_NUMBER.search(b)) \
                        and not _word_swapped(normed[a], normed[b]) \
                        and fuzz.ratio(normed[a], normed[b]) >= threshold:
                    # (not "Chandrayaan-2" / "Chandrayaan-3", nor "Nord
                    # Stream" / "Nord Stream 2": a number names another of
                    # its kind)
                    u.join(a, b)
    return _representatives(names, u, lambda ms: _pick(ms, counts))


def _head(key: str) -> str:
    return key.split(" (")[0].split()[-1] if key else ""


def _split(key: str) -> tuple[frozenset[str], str]:
    """(words, verb part) of a key: "teenage boy (die)" -> ({teenage, boy}, "die)")."""
    words, _, verb = key.partition(" (")
    return frozenset(words.split()), verb


def metric_map(claims: list[Claim]) -> dict[str, str]:
    """{key: canonical key}. Keys with the same head merge when they hold
    the same words in another order, differ by one modifier ("sex
    trafficking report" / "child sex trafficking report"; a bare "report"
    never absorbs a narrowed one), or are near-identical spellings."""
    counts = Counter(c.metric for c in claims if c.metric)
    keys = sorted(counts)
    u = _Union()
    threshold = syn()["fuzzy"]["metric_threshold"]
    buckets: dict[str, list[str]] = {}
    for k in keys:
        buckets.setdefault(_head(k), []).append(k)
    for members in buckets.values():
        index: dict[tuple, str] = {}
        for k in members:
            words, verb = _split(k)
            if (words, verb) in index:
                u.join(k, index[(words, verb)])
            else:
                index[(words, verb)] = k
        for k in members:
            words, verb = _split(k)
            # the shorter key must itself be narrowed ("youth unemployment
            # rate" is a subset of "unemployment rate", not another wording)
            if len(words) >= 4:
                for w in words:
                    other = index.get((words - {w}, verb))
                    if other is not None:
                        u.join(k, other)
        if len(members) <= FUZZY_BUCKET_LIMIT:
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if len(a.split()) == len(b.split()) and _split(a)[1] == _split(b)[1] \
                            and not numbers_differ(a, b) and not _word_swapped(a, b) and \
                            fuzz.token_sort_ratio(a, b) >= threshold:
                        u.join(a, b)
    return _representatives(keys, u, lambda ms: max(ms, key=lambda k: (counts[k], -len(k), k)))


def canonicalize(claims: list[Claim]) -> list[Claim]:
    subjects = subject_map(claims)
    metrics = metric_map(claims)
    out = []
    for c in claims:
        names = [subjects.get(n, n) for n in c.subject.split(";") if n]
        subject, metric = ";".join(dict.fromkeys(names)), metrics.get(c.metric, c.metric)
        # a copy only when something changes (dataclasses.replace was most of the time)
        out.append(c if subject == c.subject and metric == c.metric else
                   replace(c, subject=subject, metric=metric))
    return _fill_subjects(out)


def _fill_subjects(claims: list[Claim]) -> list[Claim]:
    """An article that never names whose figures it gives ("Employers added
    142,000 jobs") reports on the set's topic: a claim without a subject
    takes the one subject other articles give the same metric, if they agree
    on one."""
    sources = set(attr()["source_nouns"])
    known: dict[str, bool] = {}

    def is_source(name: str) -> bool:       # "Bureau of Labor Statistics"
        if name not in known:
            known[name] = bool(set(norm_name(name).split()) & sources)
        return known[name]

    elsewhere = _elsewhere_index(claims, is_source)
    claims = [replace(c, subject="") if c.subject and is_source(c.subject)
              and elsewhere(c) else c for c in claims]
    by_metric: dict[str, Counter] = {}
    for c in claims:
        if c.subject and c.metric:
            by_metric.setdefault(c.metric, Counter())[(c.source_id, c.subject)] += 1
    # an article none of whose claims has a subject: the set's one subject,
    # if every other article agrees on one
    named_sources = {c.source_id for c in claims if c.subject}
    set_subjects = {c.subject for c in claims if c.subject}
    out = []
    for c in claims:
        if not c.subject and c.metric in by_metric:
            names = {s for (src, s) in by_metric[c.metric] if src != c.source_id}
            if len(names) == 1:
                c = _filled(c, names.pop())
        if not c.subject and c.source_id not in named_sources and len(set_subjects) == 1:
            c = _filled(c, next(iter(set_subjects)))
        out.append(c)
    # the rest of an article whose named claims all share one subject take it
    per_source: dict[str, set] = {}
    for c in out:
        if c.subject:
            per_source.setdefault(c.source_id, set()).add(c.subject)
    return [_filled(c, next(iter(per_source[c.source_id])))
            if not c.subject and len(per_source.get(c.source_id, ())) == 1 else c for c in out]


def _elsewhere_index(claims: list[Claim], is_source):
    """``elsewhere(c)``: other articles give ``c``'s metric one subject that
    is not a publisher of figures (the place the figure describes).

    One pass over the claims, then constant time per question: per metric,
    how many such subjects there are, and how many of them only one article
    gives (those are not "elsewhere" for that article). The set of subjects
    other articles give is every subject but those the asking article alone
    gives, so its size is the difference."""
    givers: dict[str, dict[str, set[str]]] = {}   # metric -> subject -> source ids
    for o in claims:
        if o.subject and not is_source(o.subject):
            givers.setdefault(o.metric, {}).setdefault(o.subject, set()).add(o.source_id)
    total = {m: len(subjects) for m, subjects in givers.items()}
    alone: dict[tuple[str, str], int] = Counter(
        (m, next(iter(srcs))) for m, subjects in givers.items()
        for srcs in subjects.values() if len(srcs) == 1)

    def elsewhere(c: Claim) -> bool:
        return total.get(c.metric, 0) - alone.get((c.metric, c.source_id), 0) == 1
    return elsewhere


def _filled(c: Claim, subject: str) -> Claim:
    """``c`` with a subject found for it across the set; its confidence
    rises from the no-subject level to the fallback level."""
    if c.subject:
        return replace(c, subject=subject)
    conf = attr()["confidence"]
    ratio = conf["subject_fallback"] / conf["no_subject"]
    return replace(c, subject=subject, confidence=round(min(1.0, c.confidence * ratio), 2))
