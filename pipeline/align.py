"""Which claims are the same quantity when their keys do not say so: frames.

The comparison key (:mod:`pipeline.keys`) lines claims up only when every
article's subject, metric and period were read alike. On coverage nobody
tuned for they often are not ("the consumer price index rose 2.7%" /
"annual inflation was 2.7%"), so compare also reads each number's *frame*
from the words of its own stretch of the sentence (see ``data/frames.toml``):

* what it measures: its content words and its metric / counted noun;
* its stated dimensions: comparison window (month, year, quarter),
  reference (forecast, baseline, target), scope (domestic, international,
  worldwide), a narrower measure ("core"), counting method (adjusted,
  estimate, probable), the span a total covers and the day it stands at.

Two claims from different articles are aligned when they are of one kind
family and unit, no dimension is stated differently, and what they measure
overlaps (a score from 0 to 1, with the reasons). Aligned claims with the
same value are an agreement; a conflict needs more: every dimension stated
alike (a day, span or counting method stated on one side only is allowed,
and suggests the cause; so are two days, one running count read on each),
the same subject and period, a high score and values within a plausible
factor (wider for a count read on two days).
A group in which one article gives two different values is ambiguous, and
nothing is said of it. Candidates meet only inside blocks of (kind family,
unit, and a measure word or a specific value), so the work stays near-linear.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple
from functools import cache, lru_cache

from .attribution.metric import mood_of, synonym_classes
from .cues import HYPHEN
from .keys import cfg as compare_cfg
from .keys import magnitude, norm_subject, sign_interval, signed_kinds, singular, time_units
from .knowledge import load, measure_units
from .model import Claim

_WORD = re.compile(r"[a-z][a-z'&-]*[a-z]|[a-z]")


@cache
def cfg() -> dict:
    return load("frames")


@cache
def _cues() -> list[tuple[str, str, frozenset[str], tuple[tuple[re.Pattern, str], ...]]]:
    """(dimension, value, trigger words, (cue pattern, where)) for every
    value; where: "" (the words after the number or before it), "after" or
    "before" (a value's after_cues and before_cues)."""
    out = []
    for dim, values in cfg()["dimensions"].items():
        for value, spec in values.items():
            cues = [(re.compile(c, re.I), where) for key, where in
                    (("cues", ""), ("after_cues", "after"), ("before_cues", "before"))
                    for c in spec.get(key, ())]
            out.append((dim, value, frozenset(spec["words"]), tuple(cues)))
    return out


@cache
def _triggered() -> dict[str, tuple[int, ...]]:
    """trigger word -> indices into _cues() of the values it may state."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, (_, _, triggers, _) in enumerate(_cues()):
        for w in triggers:
            out[w].append(i)
    return {w: tuple(ix) for w, ix in out.items()}


_RAW_WORD = re.compile(r"[a-z]+")


@cache
def _setting(section: str, key: str) -> frozenset[str]:
    """A word list of frames.toml as a set ("align", "counted_kinds")."""
    return frozenset(cfg()[section][key])


def counts_things(c: Claim) -> bool:
    """Whether ``c``'s unit is a counted noun: a count, or a change of one
    ("added 142,000 jobs", "payrolls grew by 142,000"), not of money or a
    unit of measure. Counted nouns may differ between two texts of one
    quantity ("jobs" / "payrolls") where what they measure meets."""
    return _counts_things(c.kind, str(c.unit or ""))


@lru_cache(maxsize=1 << 12)
def _counts_things(kind: str, unit: str) -> bool:
    if unit.strip().lower() in time_units():
        return False  # "three years", "a two-and-half-month trial": a length of time
    if kind in _setting("align", "counted_kinds"):
        return True
    return kind in _setting("align", "counted_change_kinds") and unit.isalpha() \
        and unit.islower() and unit not in measure_units()


@lru_cache(maxsize=1 << 16)
def _stem(w: str) -> str:
    """A word as the lemma of its noun would stem: keys.singular, "-ies" ->
    "-y" ("categories" -> "category"), "-es" after a hissing sound
    ("crashes", "losses", "taxes" -> "crash", "loss", "tax"; and a silent
    "e" there, so that "headache" and "headaches" meet) and the plurals and
    words synonyms.toml [lemma_fixes] lists ("buses" -> "bus")."""
    fixed = _lemma_fixes().get(w)
    if fixed:
        return fixed
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return w[:-2]
    if len(w) > 4 and w.endswith(("che", "she", "xe", "sse", "zze")):
        # the same stem for a silent "e" and its plural: "headache" and
        # "headaches" are both "headach", as "crash"/"crashes" are "crash"
        return w[:-1]
    return singular(w)


@cache
def _lemma_fixes() -> dict[str, str]:
    return dict(load("synonyms").get("lemma_fixes", {}))


def words(text: str) -> frozenset[str]:
    """Content words of a stretch of text, lower case, plural -s removed."""
    stop = _setting("words", "stop")
    return frozenset(_stem(w) for w in set(_WORD.findall(text.lower()))
                     if w not in stop and len(w) > 1)


@lru_cache(maxsize=1 << 16)
def _measure(metric: str, noun: str) -> frozenset[str]:
    """The words a claim measures, each one-word synonym as its class
    (synonyms.toml [classes]: "people" and "patients" are persons)."""
    return _classed(words(f"{metric} {noun}"))


def _classed(ws: frozenset[str]) -> frozenset[str]:
    """Words with each one-word synonym as its class."""
    classes = _word_classes()
    return frozenset(classes.get(w, w) for w in ws)


@cache
def _word_classes() -> dict[str, str]:
    """The one-word synonym classes, stemmed as :func:`words` stems."""
    return {_stem(w.lower()): _stem(c.lower()) for w, c in synonym_classes().items()
            if " " not in w and " " not in c}


def dimensions(after: str, before: str) -> dict[str, frozenset[str]]:
    """The dimension values a number's text states: cues after the number
    first, before it for dimensions the words after it do not state."""
    by_text = _setting("align", "by_text")
    after_only = _setting("align", "after_only")
    inside_others = _setting("align", "not_inside_others")
    out: dict[str, frozenset[str]] = {}
    for part, fill_only in ((after, False), (before, True)):
        if not part:
            continue
        if "-" in part:
            part = HYPHEN.sub(" ", part)
        triggered = _triggered()
        hits = sorted({i for w in set(_RAW_WORD.findall(part.lower())) if w in triggered
                       for i in triggered[w]})
        if not hits:
            continue
        cues = _cues()
        found: dict[str, set[str]] = defaultdict(set)
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)  # (start, end, value)
        where = "before" if fill_only else "after"
        for dim, value, _, patterns in (cues[i] for i in hits):
            if fill_only and (dim in out or dim in after_only):
                continue
            for p, only in patterns:
                if only and only != where:
                    continue
                if m := p.search(part):
                    found[dim].add(_as_written(m.group()) if dim in by_text else value)
                    spans[dim].append((m.start(), m.end(), value))
                    if dim not in by_text:
                        break
        for dim in inside_others & found.keys():
            # ("above the 20th-century average": the baseline's word, not
            # what the figure is the average of)
            kept = {v for s, _, v in spans[dim] if not any(
                o_s <= s < o_e for other, own in spans.items() if other != dim
                for o_s, o_e, _ in own)}
            if kept:
                found[dim] = kept
            else:
                del found[dim]
        for dim, values in found.items():
            out[dim] = frozenset(values)
    return out


def _as_written(cue: str) -> str:
    """A cue's text as a value: lower case, a month named by its first
    three letters ("Aug. 28", "August 28" -> "aug 28"). (A year written
    after the day is not part of the cue: two years' same day are one
    value, which a running count's readings never are.)"""
    return _month_word().sub(lambda m: m.group(1)[:3], cue.lower())


@cache
def _month_word() -> re.Pattern:
    names = sorted(load("extract")["not_claims"]["months"], key=len, reverse=True)
    return re.compile(rf"\b({'|'.join(map(re.escape, names))})\.?(?= \d)")


class Frame(NamedTuple):
    """A claim's frame (see the module docstring)."""
    claim: Claim
    family: str
    unit: str
    period: str
    measure: frozenset[str]          # metric and counted noun words
    near: frozenset[str]             # content words of the number's stretch
    dims: dict[str, frozenset[str]]  # stated dimension -> values
    subject_stated: tuple[str, ...]  # the subject, when its sentence names it
    period_stated: bool              # the sentence names the period's year or month
    #: a percent that is a share of something ("15% of its workforce",
    #: "cut 15% of its workforce"), not a rate that may read as a change
    share: bool = False


#: a percent followed by "of" is a share of something, also when a verb
#: takes it away ("cut 15% of its workforce")
_SHARE = re.compile(r"\W*of\b", re.I)
_SHARE_KINDS = ("percent", "pct_change")


def _stretches(claims: list[Claim]) -> dict[str, tuple[str, str]]:
    """claim_id -> (text after the number, text before it), each cut at the
    neighbouring numbers of the same sentence."""
    seg = cfg()["segment"]
    max_after, max_before = seg["max_after"], seg["max_before"]
    out = {}
    by_sentence: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.source_id, c.sent_start, c.sentence)].append(c)
    for (_, sent_start, sentence), group in by_sentence.items():
        sentence = sentence or ""
        spans = []
        taken: set[int] = set()
        for c in sorted(group, key=lambda c: c.start_char):
            rel = c.start_char - sent_start
            if not (0 <= rel and sentence[rel:rel + len(c.text)] == c.text):
                rel = sentence.find(c.text)  # offsets off: the first unused occurrence
                while rel in taken:
                    rel = sentence.find(c.text, rel + 1)
            taken.add(rel)
            spans.append((rel, rel + len(c.text), c) if rel >= 0 else (-1, -1, c))
        spans.sort(key=lambda s: s[0])
        for i, (start, end, c) in enumerate(spans):
            if start < 0:
                out[c.claim_id] = ("", "")
                continue
            prev_end = max([e for s, e, _ in spans[:i] if s >= 0 and e <= start], default=0)
            # (a figure's conversion in brackets right after it, "€133.9m
            # (£115m) if all the add-ons are met", is the same figure: the
            # stretch runs past it)
            next_start = min([s for s, e, _ in spans[i + 1:] if s >= end
                              and not _bracketed(sentence, end, s, e)], default=len(sentence))
            after = sentence[end:next_start] if next_start <= end + max_after \
                else _whole_words(sentence, end, end + max_after, cut_start=False)
            if next_start <= end + max_after:
                # "78.4%, short of its goal of 82%": the words leading into
                # the next number are that number's
                after = _leads_in().sub("", after)
            before = sentence[prev_end:start] if prev_end >= start - max_before \
                else _whole_words(sentence, start - max_before, start, cut_start=True)
            out[c.claim_id] = (after, before)
    return out


_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")


def _bracketed(sentence: str, end: int, start: int, its_end: int) -> bool:
    """The number at ``start``..``its_end`` stands in brackets right after
    the one that ends at ``end`` ("€133.9m (£115m)")."""
    return bool(_OPEN.fullmatch(sentence, end, start)) and bool(_CLOSE.match(sentence, its_end))


def _whole_words(sentence: str, start: int, end: int, cut_start: bool) -> str:
    """``sentence[start:end]``, a window cut out of it at its start (else at
    its end), less the word the cut splits there ("ording to" is not a word
    of "according to"); the other end is a number's and stays."""
    if cut_start:
        if 0 < start < len(sentence) and sentence[start - 1].isalnum() \
                and sentence[start].isalnum():
            while start < end and sentence[start].isalnum():
                start += 1
    elif 0 < end < len(sentence) and sentence[end - 1].isalnum() and sentence[end].isalnum():
        while end > start and sentence[end - 1].isalnum():
            end -= 1
    return sentence[start:end]


@cache
def _leads_in() -> re.Pattern:
    """The end of a stretch that leads into the next number ("its own goal
    of", "a forecast of"): segment.lead_in words after up to three others."""
    seg = cfg()["segment"]
    joiners = "|".join(re.escape(w) for w in seg["lead_in"])
    return re.compile(rf"(?:\b[\w'’-]+\s+){{1,{seg['lead_in_words']}}}(?:{joiners})\s*\W?\s*$", re.I)


def frames(claims: list[Claim], all_claims: list[Claim] | None = None) -> list[Frame]:
    """The frame of each claim in ``claims``; ``all_claims`` (default the
    same) are every claim of their articles: those in the same sentences cut
    the stretches. An article's topic words (in more than max_word_claims of
    its stretches) are counted over the sentences of the claims framed here,
    not the whole article, so that 10^6 claims are not all read again."""
    conf = cfg()["align"]
    families = conf["families"]
    sentences = {(c.source_id, c.sent_start, c.sentence) for c in claims}
    context = [c for c in (all_claims if all_claims is not None else claims)
               if (c.source_id, c.sent_start, c.sentence) in sentences]
    stretch = _stretches(context)
    near_of = {c.claim_id: _classed(words(" ".join(stretch.get(c.claim_id, ("", "")))))
               for c in context}
    # a word in many of one article's claims is its topic, not what one measures
    per_source: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in context:
        counts = per_source[c.source_id]
        for w in near_of[c.claim_id]:
            counts[w] += 1
    limit = conf["max_word_claims"]
    out = []
    for c in claims:
        counts = per_source[c.source_id]
        after, before = stretch.get(c.claim_id, ("", ""))
        # what is measured: the metric, and for counts the counted noun (an
        # amount's unit is a currency or a unit of measure, not a measure)
        measure = _measure_of(c)
        sentence = c.sentence or ""
        low = sentence.lower()
        subject = norm_subject(c.subject) if c.subject and any(
            (name := part.strip().lower())
            and (name in low and _name_pattern(name).search(low) or _named_apart(name, low))
            for part in str(c.subject).split(";")) else ()
        near = near_of[c.claim_id]
        if any(counts[w] > limit for w in near):
            near = frozenset(w for w in near if counts[w] <= limit)
        period = str(c.period or "").strip()
        dims = dimensions(after, before)
        for d, values in _metric_dims(str(c.metric or "")).items():
            dims[d] = dims.get(d, frozenset()) | values
        out.append(Frame(c, families.get(c.kind, c.kind), _unit(c), period, measure, near,
                         dims, subject, period_named(period, sentence),
                         c.kind in _SHARE_KINDS and bool(_SHARE.match(after))))
    return out


@lru_cache(maxsize=1 << 12)
def _name_pattern(name: str) -> re.Pattern:
    """A name as a whole word or phrase ("us" in "the US", not in "pushed")."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def _named_apart(name: str, sentence: str) -> bool:
    """A sentence names a place with its kind written once for a list:
    "Pell County" in "Pell and Asher counties" (the other words, and the
    last one in the plural; "outside the county ... Marston General" is not)."""
    pattern = _apart_pattern(name)
    return pattern is not None and pattern.search(sentence) is not None


@lru_cache(maxsize=1 << 12)
def _apart_pattern(name: str) -> re.Pattern | None:
    *first, kind = name.split()
    if not first:
        return None
    plural = kind[:-1] + "ies" if kind.endswith("y") else kind + "s"
    return re.compile(rf"\b{re.escape(' '.join(first))}\b.{{0,80}}\b{re.escape(plural)}\b")


@lru_cache(maxsize=1 << 14)
def _metric_dims(metric: str) -> dict[str, frozenset[str]]:
    """The dimensions (frames.toml metric_states) a metric states itself."""
    keep = _setting("align", "metric_states")
    return {d: v for d, v in dimensions(metric, "").items() if d in keep} if metric else {}


@cache
def _month_names() -> tuple[str, ...]:
    return tuple(load("extract")["not_claims"]["months"])


def period_named(period: str, sentence: str) -> bool:
    """Whether a sentence names its claim's period (its year, or the month
    of a month period) rather than leaving it to be inferred."""
    if not period:
        return False
    year = period[:4]
    if year.isdigit() and year in sentence:
        return True
    if len(period) == 7 and period[5:].isdigit():
        month = int(period[5:])
        return 1 <= month <= 12 and _month_pattern(month).search(sentence) is not None
    return False


@cache
def _month_pattern(month: int) -> re.Pattern:
    """A month named in a sentence: its full name or its abbreviation, as a
    word and capitalised ("May", "Sept."; not "may", "declined", "market")."""
    names = [n for n in _month_names() if n[:3] == _month_names()[month - 1][:3]]
    alts = "|".join(sorted({n.capitalize() for n in names}, key=len, reverse=True))
    return re.compile(rf"\b(?:{alts})\b")


def _unit(c: Claim) -> str:
    """The unit a claim's number is in: a symbol or currency as written, a
    counted noun's stem, or nothing for percent kinds (percent and points
    compare alike)."""
    if c.kind in compare_cfg()["compare"]["percent_kinds"]:
        return "%"
    unit = str(c.unit or "").strip().lower()
    return _stem(unit) if unit.isalpha() else unit


# --- scoring --------------------------------------------------------------------------

@dataclass
class Alignment:
    a: Frame
    b: Frame
    score: float
    reasons: list[str]
    strict: bool  # confident enough to call a difference a conflict
    exact_only: bool = False  # only the very same value shows they are one figure
    cause: str = ""  # what a one-sided dimension suggests a difference is due to
    #: strict but for the subjects (read differently, neither named): the
    #: words both measure, for the only-figure-of-its-kind test
    shared: frozenset = frozenset()
    weak: bool = False  # a conflict from it is only a possible one (low severity)
    #: the two texts read one running count on different days
    read_apart: bool = False
    #: neither sentence names a subject and the articles' were guessed apart
    guessed_apart: bool = False
    #: strict but for the score or the subjects' evidence, measuring all the
    #: same things: two lead figures may still line up (:func:`link`)
    lead_ok: bool = False
    #: the dimensions both texts state alike, with the value ("window:year":
    #: both say "annual rate")
    stated: tuple[str, ...] = ()


@cache
def _outcomes() -> frozenset[str]:
    """What may befall people, as metrics name it (synonyms.toml
    [people_outcomes]: death, case, injury, missing, ...)."""
    return frozenset(load("synonyms")["people_outcomes"].values())


def align(a: Frame, b: Frame) -> Alignment | None:
    """Whether two frames describe the same quantity, and how sure that is;
    None when their texts say they are different quantities."""
    if a.family != b.family:
        return None
    outcomes_a, outcomes_b = a.measure & _outcomes(), b.measure & _outcomes()
    if outcomes_a and outcomes_b and not outcomes_a & outcomes_b:
        return None  # "5,300 dead" / "10,000 people still missing": two outcomes
    if mood_of(a.claim.metric) != mood_of(b.claim.metric):
        return None  # a sentence asked for is not the sentence imposed
    counted = counts_things(a.claim) and counts_things(b.claim)
    # "41 deaths" / "a death toll of 41": counted nouns differ, measures meet;
    # "146 structures" / "146 buildings": nouns differ, only the very same
    # value may still be one figure (never a conflict)
    nouns_differ = a.unit != b.unit and not (counted and a.measure & b.measure)
    if nouns_differ and not counted:
        return None  # a different unit of measure or currency
    both, one_sided = a.dims.keys() & b.dims.keys(), sorted(a.dims.keys() ^ b.dims.keys())
    readings = _setting("align", "readings")
    if any(not a.dims[d] & b.dims[d] for d in both - readings):
        return None  # a dimension stated differently: different quantities
    # one running count read on two days ("as of March 18" / "as of
    # Tuesday, March 25"): the days differ, the quantity is the same
    read_apart = sorted(d for d in both & readings if not a.dims[d] & b.dims[d])
    both = both - set(read_apart)
    one_sided = sorted(set(one_sided) | set(read_apart))
    if set(one_sided) & _setting("align", "one_sided_differs"):
        return None  # "core prices" vs prices: a part is not the whole
    # one sentence names whose figure it is, the other writes that name too
    # though its subject was read otherwise: one entity's figure
    written_alike = _written_in_other(a, b)
    same_subject = _same_subject(a, b) or written_alike
    if a.subject_stated and b.subject_stated and not same_subject:
        return None  # each names whose figure it is, and they differ
    periods_differ = bool(a.period and b.period and not _periods_overlap(a.period, b.period))
    if periods_differ and a.period_stated and b.period_stated:
        return None
    conf = cfg()["align"]
    weights = conf["weights"]
    shared = a.near & b.near
    smaller = min(len(a.near), len(b.near))
    overlap = len(shared) / smaller if smaller else 0.0
    measured = (a.measure & (b.near | b.measure)) | (b.measure & (a.near | a.measure))
    fewer = min(len(a.measure), len(b.measure)) or max(len(a.measure), len(b.measure))
    measure_share = min(1.0, len(measured) / fewer) if fewer else 0.0
    w_measure, w_words = weights["measure"], weights["words"]
    if not (a.measure and b.measure):  # nothing to compare what they measure by
        w_measure, w_words = 0.0, w_measure + w_words
    # stated alike: a dimension both texts state, the subject both sentences
    # name ("Vantry's streets" / "within Vantry city limits"), or the period
    # both name ("in 2001" / "the 2001 election")
    named_alike = bool(a.subject_stated) and a.subject_stated == b.subject_stated \
        or a.period_stated and b.period_stated and bool(a.period) and a.period == b.period
    score = round(w_measure * measure_share + w_words * overlap
                  + weights["dimension"] * (bool(both) or named_alike), 3)
    # a share ("15% of its workforce") and a rate of change ("its workforce
    # has grown by 10 percent"): the same value may be one figure read two
    # ways, different values are two quantities
    share_and_change = a.share != b.share and "pct_change" in (a.claim.kind, b.claim.kind)
    # one names whose figure it is and the other's was inferred as someone
    # else's: the same value may still be one figure, a different one is not
    # evidence of a disagreement
    subject_open = not same_subject or nouns_differ or share_and_change
    # a day, a span or a counting method stated on one side only is what a
    # conflict between the two is about ("as of Tuesday" vs an earlier
    # count): the other dimensions left unstated on one side may hide a
    # different quantity (a forecast, a monthly change), so no conflict
    same_frame = not set(one_sided) - _setting("align", "one_sided_cause") \
        and _same_period(a, b)
    # a disagreement needs evidence that both are one entity's figure: the
    # same subject, however it was read (named or inferred); or neither
    # sentence naming one, when their articles' subjects were guessed apart
    # (then only a possible conflict: the guesses are the weak part)
    guessed_apart = not (a.subject_stated or b.subject_stated) and _guessed_apart(a, b)
    one_entity = _shares_name(a, b) or written_alike or guessed_apart
    frame_strict = same_frame and not subject_open \
        and score >= conf["conflict_score"] and bool(measured)
    strict = frame_strict and one_entity
    hints = conf["cause_of"]
    # two days stated apart say more than a dimension one side leaves out
    cause = next((hints[d] for d in [*read_apart, *one_sided] if d in hints), "")
    # strict but for subjects read differently where neither sentence names
    # one: the only-figure-of-its-kind test may still line them up
    unnamed = not (a.subject_stated or b.subject_stated)
    reasons = []
    if measured:
        reasons.append(reason("measure", words=", ".join(sorted(measured)[:3])))
    if shared:
        reasons.append(reason("shared", words=", ".join(sorted(shared)[:6])))
    if nouns_differ:
        reasons.append(reason("nouns", a=a.unit or "?", b=b.unit or "?"))
    reasons += [reason("dimension", dimension=d, values="/".join(sorted(a.dims[d] & b.dims[d])))
                for d in sorted(both)]
    if not same_subject:
        reasons.append(reason("subject_open"))
    if one_sided:
        reasons.append(reason("one_sided", dimensions=", ".join(one_sided)))
    if a.period and a.period == b.period:
        reasons.append(reason("period", period=a.period))
    elif periods_differ:
        reasons.append(reason("periods", a=a.period, b=b.period))
    if guessed_apart:
        reasons.append(reason("guessed_apart"))
    elif written_alike and not _shares_name(a, b):
        named = a if a.subject_stated else b
        reasons.append(reason("written", subject=named.claim.subject))
    elif one_entity:
        reasons.append(reason("subject", subject=a.claim.subject))
    # the only-figure test may also line up two figures that measure all the
    # same things but share few other words ("27 people have been
    # hospitalized" / "31 hospitalizations"): then only as a possible conflict
    # one side names its subject and the other's was inferred from its
    # article: only being the only such figure in each may line them up
    one_named = bool(a.subject_stated) != bool(b.subject_stated)
    lead_ok = not strict and same_frame and bool(measured) and measure_share >= 1.0 \
        and not nouns_differ and not share_and_change
    only_ok = frame_strict or (same_frame and (not subject_open or one_named) and bool(measured)
                               and not nouns_differ and not share_and_change
                               and measure_share >= 1.0 and score >= conf["only_figure_score"])
    return Alignment(a, b, score, reasons, strict, exact_only=subject_open, cause=cause,
                     read_apart=bool(read_apart), weak=strict and guessed_apart,
                     guessed_apart=guessed_apart, lead_ok=lead_ok,
                     stated=tuple(sorted(f"{d}:{v}" for d in both for v in a.dims[d] & b.dims[d])),
                     shared=frozenset(measured) if only_ok and (not strict or guessed_apart)
                     and (unnamed or one_named) else frozenset())


def reason(name: str, **fields) -> str:
    """One reason, worded from frames.toml [reasons]."""
    return cfg()["reasons"][name].format(**fields)


def _shares_name(a: Frame, b: Frame) -> bool:
    """One entity's figure on both sides: the same subject names ("Texas"
    and "Texas;New Mexico" are a part and a whole, not one entity)."""
    sa, sb = norm_subject(a.claim.subject), norm_subject(b.claim.subject)
    return bool(sa) and sa == sb


def _written_in_other(a: Frame, b: Frame) -> bool:
    """One sentence names whose figure it is and the other's subject was
    inferred from its article, but the other sentence writes that name as
    well ("6.9 million 23andMe customers", a name the model did not tag,
    in an article whose subject was guessed as the outlet it quotes)."""
    for named, other in ((a, b), (b, a)):
        if named.subject_stated and not other.subject_stated:
            # as written, capitals and all ("Target" is not "the target"),
            # and every name of it ("Texas;New Mexico" is not Texas alone)
            sentence = other.claim.sentence or ""
            names = [part.strip() for part in str(named.claim.subject).split(";") if part.strip()]
            return bool(names) and all(_name_pattern(name).search(sentence) for name in names)
    return False


def _guessed_apart(a: Frame, b: Frame) -> bool:
    """Both subjects guessed, and no name in common: not empty ("" is no
    guess) and not a part and its whole ("Texas" / "Texas;New Mexico")."""
    sa, sb = norm_subject(a.claim.subject), norm_subject(b.claim.subject)
    return bool(sa) and bool(sb) and not set(sa) & set(sb)


def _same_subject(a: Frame, b: Frame) -> bool:
    """Whether the two subjects can be the same: they share a name, or
    neither sentence names its subject (both were inferred from the article,
    which on one topic says little)."""
    sa, sb = norm_subject(a.claim.subject), norm_subject(b.claim.subject)
    return bool(set(sa) & set(sb)) or not (a.subject_stated or b.subject_stated)


def _same_period(a: Frame, b: Frame) -> bool:
    """The same period, or a month (or quarter) of the year the other side
    only guessed ("2025-06" / "2025" from a sentence that names no time)."""
    if a.period == b.period:
        return True
    coarse, fine = sorted((a, b), key=lambda f: len(f.period))
    return bool(coarse.period) and fine.period.startswith(coarse.period + "-") \
        and not coarse.period_stated


def _periods_overlap(p: str, q: str) -> bool:
    """"2025" and "2025-06" may be the same figure (a month of that year);
    "2025-05" and "2025-06" are not."""
    return p == q or p.startswith(q + "-") or q.startswith(p + "-")


# --- candidates -------------------------------------------------------------------------

def _measure_of(c: Claim) -> frozenset[str]:
    return _measure(str(c.metric), str(c.unit) if counts_things(c) else "")


def lone_words(claims: list[Claim], lone: set[str],
               all_claims: list[Claim]) -> dict[str, frozenset[str]]:
    """claim_id -> the content words next to the number, for the ``lone``
    claims among ``claims`` (only theirs: 10^6 claims are not all read
    again). ``all_claims`` holds at least every claim of those claims'
    sentences (they cut the stretches), so one article's claims suffice."""
    sentences = {(c.source_id, c.sent_start, c.sentence) for c in claims if c.claim_id in lone}
    stretch = _stretches([c for c in all_claims
                          if (c.source_id, c.sent_start, c.sentence) in sentences])
    return {c.claim_id: words(" ".join(stretch.get(c.claim_id, ("", ""))))
            for c in claims if c.claim_id in lone}


def block_of(c: Claim) -> tuple[str, str]:
    """(kind family, unit): the block every candidate pair of ``c`` lies in
    (align never lines up claims of different families, nor different units
    unless both count things: :func:`counts_things`), so frames can be
    compared block by block."""
    conf = cfg()["align"]
    family = conf["families"].get(c.kind, c.kind)
    return family, "" if counts_things(c) else _unit(c)


def candidate_pairs(claims: list[Claim], lone: set[str], known: dict[str, object],
                    nearby_words: dict[str, frozenset[str]]) -> set[tuple[int, int]]:
    """Index pairs of claims from different articles that share a block:
    (kind family, unit) and a word one measures and the other measures or
    has next to its number (``nearby_words``, of the ``lone`` claims: see
    :func:`lone_words`), or (kind family, unit) and one distinctive value
    (a short one within one counted noun: :func:`pair_blocks`).
    Pairs met by value only need one ``lone`` claim (no other article
    shares its comparison key; two agreeing camps already compare, and in a
    big table chance equal values are many), and no pair is in one key
    group. Blocks larger than ``max_block`` are skipped (a word or value
    that common says nothing).

    The Dask engine runs the same parts (:func:`pair_blocks`,
    :func:`block_groups`, :func:`subject_groups`, :func:`block_pairs`) on
    a table shuffled by these blocks, so no worker holds a whole (kind
    family, unit)."""
    is_lone = [c.claim_id in lone for c in claims]
    blocks: dict[tuple, list[int]] = defaultdict(list)
    nearby: dict[tuple, list[int]] = defaultdict(list)
    by_value: dict[tuple, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        measured, near, value = pair_blocks(c, is_lone[i], nearby_words.get(c.claim_id, ()))
        for key in measured:
            blocks[key].append(i)
        for key in near:
            nearby[key].append(i)
        if value is not None:
            by_value[value].append(i)
    for key, members in nearby.items():  # a word next to one, measured by others
        if key in blocks:
            blocks[key] = sorted(set(blocks[key]) | set(members))
    subject_of = [c.subject for c in claims]
    groups = [g for m in blocks.values() for g in block_groups(m, is_lone, subject_of)]
    groups += [g for m in by_value.values()
               for g in block_groups(m, is_lone, subject_of, by_value=True)]
    return block_pairs(groups, [c.source_id for c in claims],
                       [known.get(c.claim_id) for c in claims], is_lone)


def pair_blocks(c: Claim, lone: bool, near=()) -> tuple[list[tuple], list[tuple], tuple | None]:
    """The blocks :func:`candidate_pairs` seeks ``c``'s pairs in: (kind
    family, unit, word) for each word it measures; the same for each word
    next to its number (``near``), when it is ``lone`` (these count only
    where some claim measures the word); and (kind family, unit, value)
    when its value is distinctive (with its counted noun, unless specific),
    else None."""
    family, unit = block_of(c)  # counted nouns may differ
    measured = [(family, unit, w) for w in _measure_of(c)]
    nearby = [(family, unit, w) for w in near] if lone else []
    # a value met on its own: a specific one in any counted noun ("56,640
    # runners" / "56,640 finishers"), a shorter one only in the same noun
    # ("59%" / "59%"; not "19 states" / "nineteen people")
    value = (family, unit, _rounded(c.value)) if specificity(c) >= _specific() else \
        (family, unit or _unit(c), _rounded(c.value)) if distinctive(c) else None
    return measured, nearby, value


def block_groups(members: list[int], is_lone, subject_of, by_value: bool = False
                 ) -> list[tuple[list[int], bool]]:
    """The groups a block's ``members`` (indices into ``is_lone`` and
    ``subject_of``) are paired within, each with whether its pairs need a
    lone claim: a word block of at most ``max_block`` whole; a larger one by
    subject (:func:`subject_groups`); a value block only where a lone claim
    is, and never past ``max_block``."""
    limit = cfg()["align"]["max_block"]
    if by_value:
        return [(members, True)] if 1 < len(members) <= limit and any(
            is_lone[i] for i in members) else []
    if len(members) <= limit:
        return [(members, False)] if len(members) > 1 else []
    return subject_groups(members, is_lone, subject_of)


def subject_groups(members: list[int], is_lone, subject_of) -> list[tuple[list[int], bool]]:
    """A word too common to block on (the topic's own "cases") still blocks
    one entity's figures: a conflict needs the same subject anyway; as for
    values, only pairs with a lone claim (others meet by their keys)."""
    limit = cfg()["align"]["max_block"]
    by_subject: dict[tuple, list[int]] = defaultdict(list)
    for i in members:
        by_subject[norm_subject(subject_of[i])].append(i)
    return [(m, True) for m in by_subject.values()
            if 1 < len(m) <= limit and any(is_lone[i] for i in m)]


def block_pairs(groups: list[tuple[list[int], bool]], source_of, known_of, is_lone
                ) -> set[tuple[int, int]]:
    """Index pairs (lower first) within ``groups`` (:func:`block_groups`)
    of claims from different articles (``source_of``), not in one key group
    (``known_of``: each claim's key, or None), with a lone claim where the
    group asks for one."""
    pairs = set()
    for members, lone_only in groups:
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if source_of[i] == source_of[j] or lone_only and not (is_lone[i] or is_lone[j]):
                    continue
                ka = known_of[i]
                if ka is not None and ka == known_of[j]:
                    continue
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def specificity(c: Claim) -> int:
    """Significant digits of a claim's value: 54.5 million and 2.14 have
    three, 2.7 and 140 two. Two articles giving a three-digit value rarely
    do so by chance."""
    return specificity_of(c.value)


def specificity_of(value: float) -> int:
    """Significant digits of a value."""
    v = abs(float(value))
    if not v or v != v or v == math.inf:
        return 0
    return len(f"{v:.6g}".partition("e")[0].replace(".", "").strip("0"))


def _rounded(v: float) -> float:
    return float(f"{abs(float(v)):.4g}")


@cache
def _specific() -> int:
    return cfg()["align"]["specific_digits"]


def _same_specific(a: Frame, b: Frame) -> bool:
    """Both state the very same value, each written with at least
    frames.toml specific_digits significant digits ("$4.28 billion",
    "3,133,924"; not "a third"), for periods that may be one: when either
    sentence names its period they must overlap; two periods only inferred
    (the articles' dates: "the $14.1 billion deal" a year after it was
    struck) are no evidence against one figure."""
    x, y = a.claim, b.claim
    return float(x.value) == float(y.value) \
        and min(_written_digits(x.text), _written_digits(y.text)) >= _specific() \
        and (not (x.period and y.period and (a.period_stated or b.period_stated))
             or _periods_overlap(str(x.period), str(y.period)))


def _written_digits(text: str) -> int:
    """Significant digits of the first figure as written ("$4.28 billion":
    3, "56,640": 4, "between 2,000 and 3,500": 1)."""
    m = _FIGURE_DIGITS.search(str(text))
    return len(re.sub(r"\D", "", m.group()).strip("0")) if m else 0


_FIGURE_DIGITS = re.compile(r"\d[\d,.]*")


def named_alike(a: Frame, b: Frame) -> bool:
    """Both sentences name the same subject and what they measure meets:
    then even a small number ("eight deaths in Mississippi") is one figure."""
    return bool(a.subject_stated and b.subject_stated and _shares_name(a, b)
                and a.measure & (b.measure | b.near))


def distinctive(c: Claim) -> bool:
    """A value specific enough that two articles giving it likely mean the
    same thing: not a small whole number."""
    v = abs(float(c.value))
    return not (v.is_integer() and v < cfg()["align"]["agree_min_integer"])


def overlaps(a: Claim, b: Claim) -> bool:
    alo, ahi, asg = sign_interval(a)
    blo, bhi, bsg = sign_interval(b)
    # compare by size, as compare.gap does, when a side has no sign or a
    # level meets a change (a level has no direction to disagree on)
    if not (asg and bsg) or (a.kind in signed_kinds()) != (b.kind in signed_kinds()):
        (alo, ahi), (blo, bhi) = magnitude(alo, ahi), magnitude(blo, bhi)
    return not (alo > bhi or blo > ahi)


def same_value(a: Claim, b: Claim, exact_only: bool = False) -> bool:
    """Two figures that state one value: each lies in the other's interval,
    or one does and they are within rounding of each other ("more than 27%"
    and "27.3%"). Overlapping intervals alone would chain "2.7%" to "about
    3%" to "2.6%"."""
    if not overlaps(a, b):
        return False
    if float(a.value) != float(b.value) and _open_ended(a) and _open_ended(b):
        return False  # "at least 126,000" and "up to 144,000": two bounds, not one value
    return one_value(float(a.value), a.low, a.high, float(b.value), b.low, b.high, exact_only)


def _open_ended(c: Claim) -> bool:
    """A bound: its interval runs to an end of the number line, or down to
    the floor of what it counts ("up to 144,000": numbers.interval)."""
    lo, hi, _ = sign_interval(c)
    return open_interval(lo, hi) or c.qualifier in ("less_than", "at_most")


def open_interval(lo: float, hi: float) -> bool:
    """An interval that runs to an end of the number line ("above 95")."""
    return math.isinf(lo) or math.isinf(hi)


def one_value(x: float, x_low: float, x_high: float, y: float, y_low: float, y_high: float,
              exact_only: bool = False) -> bool:
    """Values ``x`` and ``y`` (with their intervals, NaN for none) state one
    value: each lies in the other's interval, or (unless ``exact_only``)
    one does and they are within frames.toml's agree_rounding. Callers
    check first that the intervals overlap."""
    x_in_y = y_low <= x <= y_high if not (math.isnan(y_low) or math.isnan(y_high)) else x == y
    y_in_x = x_low <= y <= x_high if not (math.isnan(x_low) or math.isnan(x_high)) else x == y
    if x_in_y and y_in_x:
        return True
    if exact_only:
        return False
    scale = max(abs(x), abs(y))
    return (x_in_y or y_in_x) and scale > 0 and abs(abs(x) - abs(y)) / scale \
        <= cfg()["align"]["agree_rounding"]


def plausible(a: Claim, b: Claim, max_ratio: float | None = None) -> bool:
    """Values close enough to be two readings of one quantity (within
    ``max_ratio``, by default frames.toml's conflict_max_ratio)."""
    x, y = abs(float(a.value)), abs(float(b.value))
    if not (x and y) or math.isnan(x) or math.isnan(y):
        return False
    return max(x, y) / min(x, y) <= (max_ratio or cfg()["align"]["conflict_max_ratio"])


def aligned_groups(claims: list[Claim], all_claims: list[Claim] | None = None,
                   known: dict[str, object] | None = None,
                   groups: dict[object, list[Claim]] | None = None,
                   ) -> list[tuple[list[Claim], Alignment, bool]]:
    """Groups of claims from different articles that frames say are the same
    quantity: (claims, the weakest alignment that joined them, strict). A
    strict group may be a conflict; the others only agree. ``known`` maps
    claim ids to the key group they already share (pairs within one key
    group are left to the key comparison); ``groups`` (key -> claims, as
    compare made them) saves recounting which key groups span articles."""
    known = known or {}
    if groups is None:
        groups = defaultdict(list)
        for c in claims:
            groups[known.get(c.claim_id)].append(c)
    lone = lone_claims(groups)
    all_claims = all_claims if all_claims is not None else claims
    pairs = candidate_pairs(claims, lone, known, lone_words(claims, lone, all_claims))
    involved = sorted({i for pair in pairs for i in pair})
    at = {i: n for n, i in enumerate(involved)}
    return link([claims[i] for i in involved], sorted((at[i], at[j]) for i, j in pairs),
                all_claims, _kinds_per_article(claims) if pairs else Counter())


def lone_claims(groups: dict[object, list[Claim]]) -> set[str]:
    """Ids of the claims whose key group is one article's alone."""
    return {c.claim_id for members in groups.values()
            if all(c.source_id == members[0].source_id for c in members) for c in members}


def link(involved: list[Claim], pairs: list[tuple[int, int]], all_claims: list[Claim],
         kinds: Counter) -> list[tuple[list[Claim], Alignment, bool]]:
    """The groups :func:`aligned_groups` returns, from its candidate
    ``pairs`` (sorted index pairs into ``involved``, the claims of some pair
    in table order). ``all_claims`` holds at least every claim of their
    sentences, ``kinds`` (:func:`_kinds_per_article`) at least the counts
    of their articles."""
    conf = cfg()["align"]
    fs = frames(involved, all_claims)
    strict_edges: list[tuple[int, int, Alignment]] = []
    agree_edges: list[tuple[int, int, Alignment]] = []
    for i, j in pairs:
        a, b = fs[i].claim, fs[j].claim
        al = align(fs[i], fs[j])
        if al is None:
            continue
        if al.guessed_apart and al.strict and _known_apart(a, b, kinds):
            # each article's guessed subject is another's figure in the other
            # ("Wicked" in a story led by "Moana 2"): two entities, no conflict
            al.strict = al.weak = False
        if al.lead_ok and _lead_figures(a, b, kinds) and not _known_apart(a, b, kinds):
            # each among the figures its article leads with ("Death toll
            # tops 1,000" / "922 deaths so far"): one quantity, possibly;
            # not when either article gives figures of the subject the
            # other's was read as (two entities' figures, or, for one
            # subject read alike, a pair the key and a confident alignment
            # already decide)
            al.strict = al.weak = True
            al.reasons.append(reason("lead"))
        elif al.shared and any(kinds[_kind_of(a, w)] == 1 and kinds[_kind_of(b, w)] == 1
                             for w in al.shared) and not _owned_elsewhere(fs[i], fs[j], kinds):
            # subjects read differently, but each is the only figure of its
            # kind in its article: "the toll" of each story
            al.strict = al.weak = True
            al.reasons.append(reason("only_figure"))
        if overlaps(a, b):
            # (the very same specific value, "$4.28 billion" in each, nothing
            # stated apart: one figure, however differently the rest reads)
            if (al.score >= conf["agree_score"] or _same_specific(fs[i], fs[j])) \
                    and (distinctive(a) or distinctive(b) or named_alike(fs[i], fs[j])) \
                    and same_value(a, b, al.exact_only):
                agree_edges.append((i, j, al))
            if al.strict:
                strict_edges.append((i, j, al))
        elif al.strict and plausible(a, b, conf["reading_max_ratio"] if al.read_apart else None):
            strict_edges.append((i, j, al))
    out = []
    tight = [e for e in agree_edges if same_value(fs[e[0]].claim, fs[e[1]].claim, True)]
    for edges, strict in ((strict_edges, True), (agree_edges, False)):
        for members, weakest in _components(edges, fs, None if strict else tight):
            if strict:
                members = _with_agreeing(members, agree_edges, fs)
            out.append(([fs[i].claim for i in members], weakest, strict))
    return out


def _with_agreeing(members: list[int], agree_edges: list[tuple[int, int, Alignment]],
                   fs: list[Frame]) -> list[int]:
    """A conflict's figures with the other articles' figures that agree
    with one of them ("367 dead" in two articles against "381" in a third):
    every outlet on each side of the disagreement, not only the pair that
    lined up. A claim joins only for an article the group does not hold
    yet, and only when it agrees with every member of its own value."""
    held = {fs[k].claim.source_id for k in members}
    inside = set(members)
    added: dict[str, int] = {}
    for i, j, _ in agree_edges:
        for k, other in ((i, j), (j, i)):
            if k in inside and other not in inside:
                c = fs[other].claim
                if c.source_id in held or c.source_id in added:
                    continue
                if all(overlaps(c, fs[m].claim) for m in members
                       if overlaps(fs[k].claim, fs[m].claim)):
                    added[c.source_id] = other
    if not added:
        return members
    return sorted([*members, *added.values()],
                  key=lambda k: (fs[k].claim.source_id, fs[k].claim.start_char))


def _owned_elsewhere(a: Frame, b: Frame, kinds: Counter) -> bool:
    """One side names whose figure it is and the other's subject was
    inferred, but the inferred side's article gives figures of that named
    subject too ("Acme saw 6.9 million fewer" beside "7 million fewer in
    total"): there the named one is a part, not the story's own."""
    for named, other in ((a, b), (b, a)):
        if named.subject_stated and not other.subject_stated:
            return any(kinds[(other.claim.source_id, "subject", name)]
                       for name in norm_subject(named.claim.subject))
    return False


def _lead_figures(a: Claim, b: Claim, kinds: Counter) -> bool:
    """Whether each is among the figures its article leads with: in the
    first frames.toml lead_sentences sentences that hold a comparable
    figure (:func:`_kinds_per_article` counts them)."""
    return all(kinds[(c.source_id, "lead", c.sent_start)] for c in (a, b))


def _known_apart(a: Claim, b: Claim, kinds: Counter) -> bool:
    """Whether either article gives figures of the subject guessed for the
    other's figure: then the two guesses name two entities both know."""
    return any(kinds[(y.source_id, "subject", name)]
               for x, y in ((a, b), (b, a)) for name in norm_subject(x.subject))


def _kind_of(c: Claim, word: str) -> tuple:
    return (c.source_id, *block_of(c), str(c.period or "").strip(), word)


def _kinds_per_article(claims: list[Claim]) -> Counter:
    """How many figures of each article share a kind family, unit, period and
    a measure word: 1 means the article gives that figure once (a figure
    restated, "$3.345" and later "$3.35", is still one figure). Also how
    many of each article's figures are each subject's, keyed (source,
    "subject", name), for :func:`_owned_elsewhere`; and the sentences each
    article leads with, keyed (source, "lead", sentence start), for
    :func:`_lead_figures`."""
    seen: dict[tuple, list[Claim]] = defaultdict(list)
    subjects: Counter = Counter()
    starts: dict[str, set[int]] = defaultdict(set)
    for c in claims:
        starts[c.source_id].add(c.sent_start)
        for name in norm_subject(c.subject):
            subjects[(c.source_id, "subject", name)] += 1
        for w in _measure_of(c):
            kind = _kind_of(c, w)
            if not any(same_value(c, d) for d in seen[kind]):
                seen[kind].append(c)
    leads = cfg()["align"]["lead_sentences"]
    subjects.update((source, "lead", start) for source, found in starts.items()
                    for start in sorted(found)[:leads])
    return Counter({kind: len(figures) for kind, figures in seen.items()}) + subjects


def _components(edges: list[tuple[int, int, Alignment]], fs: list[Frame],
                tight: list[tuple[int, int, Alignment]] | None = None):
    """Connected groups of frames. A source may hold several claims in a group
    only when they agree with each other (a figure restated); two different
    figures from one source make the pairing ambiguous, so the group is
    dropped, or, given ``tight`` (the edges between figures that each lie in
    the other's interval), split into the groups those edges make."""
    parent: dict[int, int] = {}

    def find(k: int) -> int:
        while parent.get(k, k) != k:
            parent[k] = parent.get(parent[k], parent[k])
            k = parent[k]
        return k

    for i, j, _ in edges:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[ri] = rj
    groups: dict[int, list[int]] = defaultdict(list)
    weakest: dict[int, Alignment] = {}
    # a group's alignment is its weakest edge between different values when
    # it has one (what the disagreement is about, and its likely cause),
    # else its weakest edge
    def rank(al: Alignment) -> tuple:
        return overlaps(al.a.claim, al.b.claim), not al.weak, al.score

    for i, j, al in edges:
        r = find(i)
        if r not in weakest or rank(al) < rank(weakest[r]):
            weakest[r] = al
    for k in {k for e in edges for k in e[:2]}:
        groups[find(k)].append(k)
    for r, members in groups.items():
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for k in members:
            by_source[fs[k].claim.source_id].append(fs[k].claim)
        if len(by_source) < 2:
            continue
        if any(not overlaps(x, y) for own in by_source.values()
               for n, x in enumerate(own) for y in own[n + 1:]):
            if tight is not None:
                # agreements chained through rounded figures ("3,133,924" -
                # "3.13 million" - "3.1 million") reach two figures of one
                # source: the figures that state one value exactly still agree
                inside = set(members)
                yield from _components([e for e in tight if e[0] in inside], fs)
            continue
        yield sorted(members, key=lambda k: (fs[k].claim.source_id, fs[k].claim.start_char)), weakest[r]


def key_alignment(torn: bool = False, time_only: bool = False) -> dict:
    """The alignment of claims that share a comparison key; ``torn``: one
    article gives two different values under the key, which may then hold
    two quantities; ``time_only``: the key's metric says only how long
    ("12 years after the quake" / "to continue for about 30 years"). Either
    is weak: a possible conflict, at low severity."""
    weak = [reason(name) for name, on in (("torn", torn), ("time_only", time_only)) if on]
    if weak:
        return {"score": 1.0, "reasons": [reason("key"), *weak], "weak": True}
    return {"score": 1.0, "reasons": [reason("key")]}


def derived_alignment() -> dict:
    """The alignment of a derived finding: premises and checked figures are
    lined up by their comparison keys."""
    return {"score": 1.0, "reasons": [reason("derived")]}


def alignment_record(al: Alignment) -> dict:
    """A finding's alignment: score and reasons (in findings.json), the
    cause a one-sided dimension suggests (for explain, when no cue says),
    whether it is too weak for more than a low-severity possible conflict, and
    the dimensions both texts state alike (for compare's take-in)."""
    return {"score": al.score, "reasons": list(al.reasons), "cause": al.cause, "weak": al.weak,
            "stated": al.stated}


__all__ = ["Frame", "Alignment", "frames", "align", "aligned_groups", "words", "dimensions",
           "key_alignment", "derived_alignment", "alignment_record"]
