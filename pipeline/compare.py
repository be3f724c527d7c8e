"""Stage 5, compare: line up claims about the same quantity and check them.

Two kinds of finding come out, both as :class:`~pipeline.model.Finding`:

* ``basis: stated``: claims from different sources that share a key
  (subject, metric, period, kind, base period; see :mod:`pipeline.keys`).
  Intervals are compared, not bare values: overlapping intervals agree,
  disjoint ones conflict, and a gap within the rounding slack of
  ``data/explain.toml`` is at most a low-severity ``rounding`` note.
* ``basis: derived``: what one article's own figures imply (see
  :mod:`pipeline.derive`), checked against stated claims: against the
  article's own when it states the quantity (a self-check), else against the
  other sources.

* ``basis: stated`` from frames: claims whose keys differ but whose frames
  (:mod:`pipeline.align`: what the words around each number say it
  measures, over which window, for which scope, counted how) say they are
  the same quantity. Same values agree; a conflict needs a confident
  alignment (every stated dimension alike, the same period).

Every finding carries its ``alignment`` (score and reasons). Claims are
grouped by key or by frame blocks, never compared in all pairs, so the
stage runs in near-linear time. ``explain`` fills in cause, severity and
wording afterwards.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from functools import cache

from . import align, derive
from .attribution.metric import only_time_words
from .cues import first_cue
from .keys import (Key, claim_keys, comparable, magnitude, sign_interval, signed_kinds, cfg,
                   sizes_apart, time_units)
from .model import Claim, Finding

#: Roles of a finding's value entries.
STATED, PREMISE, DERIVED = "stated", "premise", "derived"


def compare(claims: list[Claim]) -> list[Finding]:
    """Stated and derived findings for ``claims`` (cause etc. still empty).

    The work is done block by block (the Dask engine runs the same steps
    on blocks of a shuffled table: :mod:`pipeline.dask_compare`): keys
    within blocks of (period, kind, base period, unit), key findings and
    derived findings within blocks of one metric key, frames within blocks
    of (kind family, unit); :func:`finish` then works on the findings of
    all blocks."""
    usable = [c for c in claims if comparable(c)]
    keys = claim_keys(usable)
    groups = key_groups(usable, keys)
    framed = framed_findings(align.aligned_groups(usable, claims, keys, groups))
    return finish(key_findings(groups), framed, checked_findings(usable, keys, groups))


def key_groups(usable: list[Claim], keys: dict[str, Key]) -> dict[Key, list[Claim]]:
    """Key -> its claims, keys in the order their first claim comes."""
    groups: dict[Key, list[Claim]] = defaultdict(list)
    for c in usable:
        groups[keys[c.claim_id]].append(c)
    return groups


def key_findings(groups: dict[Key, list[Claim]]) -> list[Finding]:
    """A finding for each key group that spans articles (for each of its
    :func:`sizes` that does)."""
    findings = [f for key, members in groups.items() for part in sizes(members)
                for f in stated_findings(key, part) if not _stated_apart(f, members)]
    for f in findings:
        conflict = f.type == "conflict"
        f.alignment = align.key_alignment(
            torn=conflict and _torn(f.values),
            time_only=conflict and only_time_words(str(f.metric or "")))
    return findings


def _stated_apart(f: Finding, members: list[Claim]) -> bool:
    """A key conflict whose differing figures each state another comparison
    window or summary ("Monthly inflation was 25.5%" / "annual inflation of
    211.4%", "an average audience of 18.8 million" / "viewing peaked at 20.4
    million": frames.toml [align] key_apart, stated on both sides), or of
    which one narrows the measure and the other does not ("the pipelines
    each held 300 million cubic metres" / "about 800 million cubic meters
    in the three lines": one_sided_differs): different quantities
    the key could not tell apart, so no finding.
    Frames are read from the key group's own claims, the same in every
    engine (a stretch is then cut only at the group's own figures, not at a
    sentence's others)."""
    if f.type != "conflict" or len(f.values) > cfg()["compare"]["window_pairs_limit"]:
        return False  # (a big group is left as it is: pairs would cost too much)
    ids = set(f.claims)
    own = [c for c in members if c.claim_id in ids]
    dims = {fr.claim.claim_id: fr.dims for fr in align.frames(own, own)}
    apart = align.cfg()["align"]["key_apart"]
    one_sided = align.cfg()["align"]["one_sided_differs"]
    differing = [(dims[a["claim_id"]], dims[b["claim_id"]])
                 for i, a in enumerate(f.values) for b in f.values[i + 1:]
                 if a["source_id"] != b["source_id"] and gap(a, b) > 0]
    return bool(differing) and all(
        any(x.get(d) and y.get(d) and not x[d] & y[d] for d in apart)
        or any(bool(x.get(d)) != bool(y.get(d)) for d in one_sided) for x, y in differing)


def _torn(values: list[dict]) -> bool:
    """Whether one source gives two figures the group keeps that are further
    apart than two readings of one count (frames.toml reading_max_ratio:
    "33 hospitalizations and two deaths" read alike, not a toll that rose
    from 23 to 41): the key may hold two quantities, so a disagreement is
    only possible."""
    limit = align.cfg()["align"]["reading_max_ratio"]
    by_source: dict[str, list[float]] = defaultdict(list)
    for e in values:
        by_source[e["source_id"]].append(abs(e["value"]))
    return any(min(own) == 0 or max(own) / min(own) > limit
               for own in by_source.values() if len(own) > 1)


def sizes(members: list[Claim]) -> list[list[Claim]]:
    """A key group's claims without the sizes only one article gives, when
    sizes jump by more than explain.toml's [compare] key_max_ratio (not by a
    scale factor): one key read for "about 7.2 million pounds" recalled and
    the "207,528 pounds" of the first recall, or for a toll of 113 and "one"
    death in a county, holds different quantities, and a disagreement
    between them would be a false alarm. Sizes that two articles give stay
    together, as one group (splitting them would raise findings the key
    never meant). Percent kinds are not split (0.1% and 1.0% may be one
    misread figure). A list of groups: none, or one."""
    conf = cfg()["compare"]
    sizes_of = [abs(float(c.value)) for c in members]
    if len(members) < 2 or members[0].kind in conf["percent_kinds"] \
            or not all(v > 0 and v != math.inf for v in sizes_of):  # (0, NaN: nothing to split by)
        return [members]
    ordered = [c for _, c in sorted(zip(sizes_of, members), key=lambda p: p[0])]
    parts, part = [], [ordered[0]]
    for prev, c in zip(ordered, ordered[1:]):
        if sizes_apart(float(prev.value), float(c.value)):
            parts.append(part)
            part = []
        part.append(c)
    parts.append(part)
    if len(parts) == 1:
        return parts
    kept = {id(c) for p in parts if len({c.source_id for c in p}) > 1 for c in p}
    return [[c for c in members if id(c) in kept]] if kept else []


def checked_findings(usable: list[Claim], keys: dict[str, Key],
                     groups: dict[Key, list[Claim]]) -> list[Finding]:
    """Derived findings, with their alignment."""
    derived = derived_findings(usable, keys, groups)
    for f in derived:
        f.alignment = align.derived_alignment()
    return derived


def finish(by_key: list[Finding], framed: list[Finding], derived: list[Finding]) -> list[Finding]:
    """The findings of every block as one list, each said once, with ids.
    Findings of one block keep their order (``dedupe`` keeps the first)."""
    merged = join_agreements(merge_framed(by_key, framed))
    derived = _premises_undisputed(derived, merged)
    # (camps from the conflicts as lined up: the agreements a conflict takes
    # in already say who confirms whom on its sides)
    camps = camp_agreements(merged)
    merged = take_in_agreeing(merged)
    return assign_ids(merge_self_checks(dedupe(merged + camps + derived)))


def _premises_undisputed(derived: list[Finding], stated: list[Finding]) -> list[Finding]:
    """Derived conflicts but those resting on a figure other articles
    outvote: in a stated conflict, a camp of fewer sources than another
    ("more than 200 million viewers saw part of the game" against three
    articles' average of 123.4 million). The stated conflict already says
    that figure is in doubt; a change worked out from it says nothing more."""
    outvoted: set[str] = set()
    for f in stated:
        if f.type != "conflict" or f.basis != "stated":
            continue
        camps = _camps(f.values)
        size = [len({e["source_id"] for e in camp}) for camp in camps]
        outvoted |= {e["claim_id"] for camp, n in zip(camps, size) if n < max(size)
                     for e in camp}
    # (an article's own figures that do not add up stay a finding)
    return [f for f in derived if f.type != "conflict" or len(set(f.sources)) < 2 or not any(
        e["role"] == PREMISE and e["claim_id"] in outvoted for e in f.values)]


def _bounded(e: dict) -> bool:
    """An entry whose interval has two ends (not "above 95", "at least 367")."""
    return not align.open_interval(e["low"], e["high"])


def take_in_agreeing(findings: list[Finding]) -> list[Finding]:
    """A stated conflict takes in the articles of a stated agreement that
    holds one of its figures and that it does not hold yet ("7.48 million"
    against "a city of 7.3 million" by key; "around 7.5 million residents"
    agreeing with the 7.48 million by frames): every outlet on each side of
    the disagreement, as :func:`pipeline.align.link` does within frames. A
    figure joins only when it states one value with every figure of the
    conflict that the shared one agrees with and with none of the others
    ("about 7.4 million" fits 7.48 and 7.3 alike: it shows no side), and
    neither is a bound ("above 95" agrees with 95 and with 227 alike); not
    through an agreement whose texts state alike a dimension the conflict's do
    not ("at an annual rate" / "on an annualized basis"). The
    conflict's reasons say which articles joined it, and a weak agreement
    makes it only a possible conflict."""
    agreements: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.type == "agreement" and f.basis == "stated":
            for c in f.claims:
                agreements[c].append(f)
    if not agreements:
        return findings
    for f in findings:
        if f.type != "conflict" or f.basis != "stated":
            continue
        own = {e["claim_id"]: e for e in f.values if e.get("role", STATED) == STATED}
        held = {e["source_id"] for e in own.values()}
        joined: list[dict] = []
        weak = False
        for claim_id in list(own):
            shared = own[claim_id]
            if not _bounded(shared):
                continue
            side = [e for e in own.values() if one_value(e, shared)]
            other_side = [e for e in own.values() if not one_value(e, shared)]
            for a in agreements.get(claim_id, ()):
                if set(a.alignment.get("stated", ())) - set(f.alignment.get("stated", ())):
                    continue  # it states what the conflict's figures do not ("at an
                    # annual rate of 0.4%" beside a bare 0.4% against 0.1%)
                for e in a.values:
                    if e["source_id"] not in held and _bounded(e) \
                            and all(one_value(e, x) for x in side) \
                            and not any(one_value(e, x) for x in other_side):
                        joined.append(dict(e))
                        held.add(e["source_id"])
                        weak = weak or bool(a.alignment.get("weak"))
        if joined:
            f.values = f.values + joined
            f.claims = sorted({*f.claims, *(e["claim_id"] for e in joined)})
            f.sources = sorted({*f.sources, *(e["source_id"] for e in joined)})
            f.alignment = dict(f.alignment)
            f.alignment["reasons"] = [*f.alignment.get("reasons", ()), align.reason(
                "joined", sources=", ".join(sorted({e["source_id"] for e in joined})))]
            if weak:
                f.alignment["weak"] = True
    return findings


# --- findings from frames ----------------------------------------------------------

def framed_findings(aligned: list[tuple[list[Claim], align.Alignment, bool]]) -> list[Finding]:
    """Findings over claims that frames align across different keys
    (:func:`pipeline.align.aligned_groups`): an agreement where the values
    agree; where they differ, a conflict only from a strict (confident)
    alignment."""
    out = []
    for members, al, strict in aligned:
        for f in stated_findings(None, members):
            # (a rounding note says the figures are compatible: as sure as an agreement)
            if f.type == "conflict" and f.cause != "rounding" and not strict:
                # too weak an alignment for a conflict; the figures that state
                # one value in two articles still agree ("79" and "at least
                # 79" beside another article's "at least 78")
                for g in camp_agreements([f]):
                    g.alignment = align.alignment_record(al)
                    out.append(g)
                continue
            f.alignment = align.alignment_record(al)
            out.append(f)
    return out


def merge_framed(by_key: list[Finding], framed: list[Finding]) -> list[Finding]:
    """Key findings and frame findings together, without saying one thing
    twice: a frame finding whose claims a key finding already holds is
    dropped; a key finding of the same type whose claims a frame finding
    holds gives way to it (the frame finding has more sources)."""
    if not framed:
        return by_key

    def index(findings: list[Finding]) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for i, f in enumerate(findings):
            for c in f.claims:
                out[c].append(i)
        return out

    holding = index(by_key)  # a claim -> the key findings holding it
    framed = [f for f in framed if not any(
        set(f.claims) <= set(by_key[i].claims) for i in holding.get(f.claims[0], ()))]
    widening = index(framed)
    kept = [f for f in by_key if not any(
        set(f.claims) < set(framed[i].claims) and f.type == framed[i].type
        for i in widening.get(f.claims[0], ()))]
    return kept + framed


def join_agreements(findings: list[Finding], limit: int = 12) -> list[Finding]:
    """Stated agreements that share a figure say one thing: the same claim
    ("21%" in two articles by key, the same 21% and a third article's by
    frames), or one article's same value written twice in agreements of one
    subject and metric ("$221M" in its headline, "$221 million" in its text,
    each agreeing with another outlet). They become one agreement when every
    two of their figures from different articles state one value
    (:func:`_one_value_across`: not "more than 7 million" with "7.2
    million"); it keeps what the members' texts state alike, all of it."""
    idx = [i for i, f in enumerate(findings) if f.type == "agreement" and f.basis == STATED]
    if len(idx) < 2:
        return findings
    parent = {i: i for i in idx}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sharing: dict[tuple, list[int]] = defaultdict(list)
    for i in idx:
        f = findings[i]
        for e in f.values:
            sharing[(e["claim_id"],)].append(i)
            # (one article's value twice, in agreements about one subject and
            # metric: not its unemployment's 4% and its inflation's 4%)
            sharing[(e["source_id"], e["kind"], e["unit"], e["period"], e["value"],
                     f.subject, f.metric)].append(i)
    for members in sharing.values():
        for j in members[1:]:
            a, b = root(members[0]), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in idx:
        groups[root(i)].append(i)
    dropped: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        seen: set[str] = set()
        values = [e for i in members for e in findings[i].values
                  if not (e["claim_id"] in seen or seen.add(e["claim_id"]))]
        if not _one_value_across(values, limit):
            continue
        first = findings[members[0]]
        first.values = values
        first.claims = sorted(seen)
        first.sources = sorted({e["source_id"] for e in values})
        als = [findings[i].alignment or {} for i in members]
        first.alignment = {**first.alignment,
                           "stated": tuple(sorted({d for al in als for d in al.get("stated", ())}))}
        if any(al.get("weak") for al in als):
            first.alignment["weak"] = True
        dropped.update(members[1:])
    return [f for i, f in enumerate(findings) if i not in dropped]


# --- intervals ----------------------------------------------------------------

def entry(c: Claim, role: str = STATED) -> dict:
    """A finding's value entry for one claim: its interval in comparison space
    (decreases negative) and where it stands in its article."""
    lo, hi, signed = sign_interval(c)
    return {"claim_id": c.claim_id, "source_id": c.source_id, "role": role, "text": c.text,
            "kind": c.kind, "unit": c.unit, "period": c.period,
            "value": signed_value(c, signed), "low": lo,
            "high": hi, "signed": signed, "start_char": c.start_char, "end_char": c.end_char}


def signed_value(c: Claim, signed: bool) -> float:
    v = c.value
    if signed and c.kind in signed_kinds() and c.direction == "decrease":
        return -abs(v)
    return v


def compared_intervals(a: dict, b: dict) -> tuple[tuple[float, float], tuple[float, float]]:
    """The two entries' intervals as they compare: their magnitudes when
    either entry has no known sign."""
    if a["signed"] and b["signed"]:
        return (a["low"], a["high"]), (b["low"], b["high"])
    return magnitude(a["low"], a["high"]), magnitude(b["low"], b["high"])


def gap(a: dict, b: dict) -> float:
    """How far apart two entries' intervals are (<= 0: they overlap). Compares
    magnitudes when either entry has no known sign."""
    (alo, ahi), (blo, bhi) = compared_intervals(a, b)
    # inf - inf is NaN: two ends open the same way never prove a gap
    gaps = [g for g in (alo - bhi, blo - ahi) if g == g]
    return max(gaps) if gaps else -math.inf


def relative_gap(a: dict, b: dict) -> float:
    scale = max(abs(a["value"]), abs(b["value"]))
    g = gap(a, b)
    return g / scale if scale else (0.0 if g <= 0 else math.inf)


def within_slack(a: dict, b: dict) -> bool:
    """Whether two disjoint figures are close enough to differ by rounding
    (explain.toml [tolerance]); never two written to the same place ("79" /
    "78", "19.6%" / "19.7%", "$156.3 million" / "$153.6 million": neither
    rounds the other, whatever rounding came before them)."""
    tol = cfg()["tolerance"]
    if _same_place(a, b):
        return False
    if a["kind"] in cfg()["compare"]["percent_kinds"] and gap(a, b) <= tol["rounding_points"] \
            and relative_gap(a, b) <= tol["rounding_points_relative"]:
        return True  # (not 0.1% and 0.4%: a fourth of the other is no rounding)
    if _precise(a) and _precise(b):
        return False  # "524" / "517", "56,640" / "56,649": neither rounds the other
    return relative_gap(a, b) <= tol["rounding_relative"]


def _same_place(a: dict, b: dict) -> bool:
    """Two figures whose intervals are equally wide: written to the same
    last place with the same wording (an exact "19.6%" and "19.7%")."""
    wa, wb = a["high"] - a["low"], b["high"] - b["low"]
    return 0 < wa < math.inf and math.isclose(wa, wb, rel_tol=1e-6)


def _precise(e: dict) -> bool:
    """A figure stated to the unit with many digits ("524", "56,649"; not
    "10.6 million" or "about 520"): explain.toml [tolerance] precise_digits."""
    v = abs(e["value"])  # (a whole number of that many digits is 100 or more)
    return float(v).is_integer() and e["high"] - e["low"] <= 1 \
        and align.specificity_of(v) >= cfg()["tolerance"]["precise_digits"]


def worst_pair(f: Finding | list[dict], basis: str = STATED) -> tuple[dict, dict] | None:
    """The two entries of a finding that are furthest apart: from different
    sources for stated findings, a derived and a stated one for derived
    findings. None when there is no such pair."""
    entries = f if isinstance(f, list) else f.values
    basis = basis if isinstance(f, list) else f.basis
    if basis == DERIVED:
        return _worst_derived([e for e in entries if e["role"] == DERIVED],
                              [e for e in entries if e["role"] == STATED])
    return _worst_cross_source(entries)


def _worst_derived(ds: list[dict], ss: list[dict]) -> tuple[dict, dict] | None:
    """The first (derived, stated) pair of one kind with the largest gap, as
    ``max`` over all pairs would pick it, in time linear in the entries: a
    derived entry's largest gap is with a stated entry holding an extreme end
    (of its own or of its magnitude), so only those are tried."""
    candidates: dict[str, list[dict]] = defaultdict(list)
    for kind in {e["kind"] for e in ss}:
        same = [e for e in ss if e["kind"] == kind]
        for group, by_size in ((same, True), ([e for e in same if e["signed"]], False),
                               ([e for e in same if not e["signed"]], True)):
            if group:
                ends = [magnitude(e["low"], e["high"]) if by_size else (e["low"], e["high"])
                        for e in group]
                candidates[kind] += [group[min(range(len(group)), key=lambda i: ends[i][1])],
                                     group[max(range(len(group)), key=lambda i: ends[i][0])]]
    best = {id(d): max(gap(d, c) for c in candidates[d["kind"]])
            for d in ds if candidates[d["kind"]]}
    if not best:
        return None
    top = max(best.values())
    d = next(d for d in ds if best.get(id(d)) == top)
    return d, next(s for s in ss if s["kind"] == d["kind"] and gap(d, s) == top)


def _worst_cross_source(entries: list[dict]) -> tuple[dict, dict] | None:
    """Linear-time worst pair from different sources. Signed entries are also
    compared among themselves (a rise against a fall); any entry without a
    sign is compared by magnitude."""
    best = None
    signed = [e for e in entries if e["signed"]]
    spaces = [(signed, False)]
    if len(signed) < len(entries):
        spaces.append((entries, True))
    for group, by_size in spaces:
        pair = _extremes(group, by_size)
        if pair and (best is None or gap(*pair) > gap(*best)):
            best = pair
    return best


def _extremes(entries: list[dict], by_size: bool) -> tuple[dict, dict] | None:
    """The cross-source pair maximising (highest low) - (lowest high)."""
    top: dict[str, dict] = {}
    bottom: dict[str, dict] = {}
    for e in entries:
        lo, hi = (magnitude(e["low"], e["high"]) if by_size else (e["low"], e["high"]))
        s = e["source_id"]
        if s not in top or lo > top[s][0]:
            top[s] = (lo, e)
        if s not in bottom or hi < bottom[s][0]:
            bottom[s] = (hi, e)
    if len(top) < 2:
        return None
    tops = sorted(top.items(), key=lambda kv: -kv[1][0])[:2]
    bottoms = sorted(bottom.items(), key=lambda kv: kv[1][0])[:2]
    pairs = [(t[1][1], b[1][1]) for t in tops for b in bottoms if t[0] != b[0]]
    return max(pairs, key=lambda p: gap(*p))


def verdict(a: dict, b: dict) -> str:
    """agreement | rounding | conflict for two entries."""
    if gap(a, b) <= 0:
        return "agreement"
    return "rounding" if within_slack(a, b) else "conflict"


#: the qualifiers of a figure stated as it is (no "about", no bound)
_EXACT = ("", "exact")


@cache
def _rounded() -> tuple[str, ...]:
    """Qualifiers of a figure stated as a rounding (explain.toml [tolerance]
    approximate): "about 3%" and "about 4%" meet only at an edge, as "3%"
    and "4%" do: two figures."""
    return tuple(cfg()["tolerance"]["approximate"])


@cache
def _bracketing() -> tuple[str, ...]:
    """Qualifiers of a stated interval that brackets the figures inside it
    (explain.toml [tolerance] bracketing: "between 9.9% and 10.8%")."""
    return tuple(cfg()["tolerance"]["bracketing"])


def _touching(a: dict, b: dict) -> bool:
    """Different values whose intervals meet at one edge only (up to float
    error)."""
    x, y = abs(a["value"]), abs(b["value"])
    return x != y and -gap(a, b) <= 1e-9 * max(x, y, 1.0)


def _to_the_unit(e: dict) -> bool:
    """A count of whole things written to the unit, exactly or as a bound,
    not a round figure ("78", "at least 79"; not "1,200", "about 55"): it does
    not round into a neighbouring count, however close (explain.toml
    [tolerance] round_figure_base)."""
    v = float(e["value"])
    return e["kind"] == "count" and v.is_integer() \
        and v % cfg()["tolerance"]["round_figure_base"] != 0 \
        and (e["high"] - e["low"] <= 1 or math.isinf(e["low"]) or math.isinf(e["high"]))


def _whole_units(e: dict) -> bool:
    """A count of whole things stated to the unit ("12 states"): its
    interval is the unit's rounding, but no count of states rounds."""
    return e["kind"] == "count" and float(e["value"]).is_integer() \
        and e["high"] - e["low"] <= 1


# --- stated findings ------------------------------------------------------------

def stated_findings(key: Key | None, members: list[Claim]) -> list[Finding]:
    """The finding over ``members`` (:func:`stated_finding`); an agreement
    whose figures overlap only through an open end and lie further apart than
    explain.toml [tolerance] loose_relative ("more than 187,000" and "more
    than 560,000") is one agreement for each camp that states one value in
    two or more articles: compatible figures, not one confirmed."""
    f = stated_finding(key, members)
    if f is None:
        return []
    if f.type != "agreement" or len(f.values) < 2:
        return [f]
    if not any(align.open_interval(e["low"], e["high"]) for e in f.values):
        return [f]  # (a stated range holds the figures inside it)
    camps = _camps(f.values)
    near = cfg()["tolerance"]["loose_relative"]
    values = sorted(abs(c[0]["value"]) for c in camps)
    if all(b == 0 or (b - a) / b <= near for a, b in zip(values, values[1:])):
        return [f]  # one value written loosely ("more than three hours" / 3.5)
    camps = [c for c in camps if len({e["source_id"] for e in c}) > 1]
    by_id = {c.claim_id: c for c in members}
    return [make_finding("agreement", "stated", about, camp, about)
            for camp in camps for about in [[by_id[e["claim_id"]] for e in camp]]]


def stated_finding(key: Key | None, members: list[Claim]) -> Finding | None:
    first = members[0].source_id
    if all(c.source_id == first for c in members):
        return None
    members = sorted(members, key=lambda c: (c.source_id, c.start_char))
    by_id = {c.claim_id: c for c in members}

    def counted(claim_id: str) -> bool:  # asked only of a few claims: lazily
        return bool(first_cue("counting_method", own_clause(by_id[claim_id])))

    entries = [entry(c) for c in members]
    if key is None and len({c.kind in signed_kinds() for c in members}) > 1:
        # frames lined up a level with a change ("cut 15% of its workforce" /
        # "shrink its workforce by 15 percent"): only their sizes compare
        for e in entries:
            e["signed"], e["value"] = False, abs(e["value"])
    values = unambiguous(entries, counted)
    kept = {e["claim_id"] for e in values}
    members = [c for c in members if c.claim_id in kept]
    pair = _worst_cross_source(values)
    kind = verdict(*pair) if pair else "agreement"
    if kind == "agreement" and pair and _touching(*pair) and all(
            c.qualifier in _EXACT + _rounded() for c in members if c.claim_id in
            (pair[0]["claim_id"], pair[1]["claim_id"])):
        # two exact figures whose intervals only touch (each the other's
        # rounding edge) are two printed figures, a rounding apart; but two
        # whole counts ("12 states", "11 states") differ, and so do two
        # figures written to the same place ("$3.57", "$3.56"; "19.6%",
        # "19.7%") and two round figures of one digit ("2,000", "3,000":
        # their rounding intervals meet halfway)
        kind = "conflict" if all(_whole_units(e) for e in pair) or _same_place(*pair) \
            or min(align.specificity_of(e["value"]) for e in pair) \
            < cfg()["tolerance"]["touching_min_digits"] else "rounding"
    if kind == "rounding" and any(counted(e["claim_id"]) for e in pair):
        kind = "conflict"  # close, but one says it was counted another way
    rounds = set(_rounded())
    if kind == "agreement" and _loosely_worded(
            values, {c.claim_id for c in members if c.qualifier in rounds}):
        kind = "rounding"  # "nearly 30%" for 27.3%: compatible, but worth a note
    elif kind == "agreement" and not any(c.unit in time_units() for c in members) \
            and _loosely_worded(values, {c.claim_id for c in members if c.qualifier
                                         not in _EXACT + _bracketing()
                                         and align.specificity_of(c.value) > 1}):
        # "at least 367" and "381": the floor holds, but the two articles give
        # different figures (a running count read twice, or two counts); not
        # a length of time ("ran for more than three hours" / "a 3.5-hour show"),
        # nor a bound of one digit, a round description of the figure ("held
        # over $200 billion in assets" / "$209 billion")
        kind = "conflict"
    return make_finding(kind, "stated", members, values, members)


@cache
def _clause_break() -> re.Pattern:
    """What ends a clause inside a sentence (explain.toml [compare]
    clause_marks), followed by a space: not the colon of "4:05 p.m."."""
    marks = "".join(re.escape(m) for m in cfg()["compare"]["clause_marks"])
    return re.compile(rf"[{marks}](?=\s|$)")


def own_clause(c: Claim) -> str:
    """The part of ``c``'s sentence between the semicolons or colons around
    it: "earnings per share of $1.52 adjusted, versus $1.44 expected; revenue
    of $18.4 billion, versus $17.9 billion expected" says nothing of how the
    revenue was counted."""
    text = c.sentence or ""
    at = max(0, c.start_char - c.sent_start)
    starts = [m.end() for m in _clause_break().finditer(text, 0, at)]
    end = _clause_break().search(text, at)
    return text[starts[-1] if starts else 0:end.start() if end else len(text)]


def _one_value_across(values: list[dict], limit: int) -> bool:
    """Every two entries from different articles state one value; past
    ``limit`` entries, the lowest and the highest from another article than
    it (and the highest with the lowest from another), so it stays linear."""
    if len(values) <= limit:
        return all(one_value(a, b) for k, a in enumerate(values) for b in values[k + 1:]
                   if a["source_id"] != b["source_id"])
    ordered = sorted(values, key=lambda e: e["value"])
    lo, hi = ordered[0], ordered[-1]
    pairs = [(lo, next((e for e in reversed(ordered) if e["source_id"] != lo["source_id"]),
                       None)),
             (hi, next((e for e in ordered if e["source_id"] != hi["source_id"]), None))]
    return all(b is None or one_value(a, b) for a, b in pairs)


def _loosely_worded(values: list[dict], loose: set[str], limit: int = 12) -> bool:
    """Overlapping values of which two, from different sources, one of them
    worded loosely (``loose``: claim ids with a qualifier, "nearly", "about",
    "more than"), do not state one value (:func:`one_value`): "nearly 30%"
    and "27.3%" agree only through the wording ("10%" and "10.3%" are a
    figure and its rounding). Past ``limit`` entries only the highest and
    lowest figures are compared, so big groups stay linear."""
    if not loose:
        return False
    if len(values) > limit:
        values = [min(values, key=lambda e: abs(e["value"])),
                  max(values, key=lambda e: abs(e["value"]))]
    near = cfg()["tolerance"]["loose_relative"]

    def close(a: dict, b: dict) -> bool:
        x, y = abs(a["value"]), abs(b["value"])
        return max(x, y) > 0 and abs(x - y) / max(x, y) <= near

    return any(a["source_id"] != b["source_id"] and (a["claim_id"] in loose
                                                     or b["claim_id"] in loose)
               and not one_value(a, b) and close(a, b)
               for i, a in enumerate(values) for b in values[i + 1:])


def camp_agreements(findings: list[Finding]) -> list[Finding]:
    """Within a stated conflict, each camp of two or more sources that
    state one value ("41 deaths" in two articles, "23" in a third; or two
    articles each giving 9 cases, 7 of them confirmed) is also an agreement:
    the editor sees who confirms whom, not only who differs."""
    out = []
    for f in findings:
        if f.type != "conflict" or f.basis != "stated":
            continue
        for camp in _camps(f.values):
            if len({e["source_id"] for e in camp}) > 1 and len(camp) < len(f.values):
                ids = {e["claim_id"] for e in camp}
                g = Finding(finding_id="", type="agreement", basis="stated", subject=f.subject,
                            metric=f.metric, period=f.period, claims=sorted(ids),
                            sources=sorted({e["source_id"] for e in camp}), derivation="",
                            cause="", values=camp)
                g.alignment = f.alignment
                out.append(g)
    return out


def _camps(values: list[dict]) -> list[list[dict]]:
    """``values`` in groups that state one value (:func:`one_value`,
    chained; overlapping intervals alone would join "at least 23" to "41"),
    in order of first appearance."""
    # entries with the same interval are one camp already: compare those once
    alike: dict[tuple, list[dict]] = {}
    for e in values:
        alike.setdefault((e["value"], e["low"], e["high"], e["signed"]), []).append(e)
    camps: list[list[list[dict]]] = []  # camps of groups of alike entries
    # an open-ended figure ("more than 27%") joins a camp but never bridges
    # two ("27.3%" and "nearly 30%"): bounded figures make the camps first
    groups = sorted(alike.values(), key=lambda g: math.isinf(g[0]["low"])
                    or math.isinf(g[0]["high"]))
    for group in groups:
        e = group[0]
        joined = [c for c in camps if any(one_value(e, g[0]) for g in c)]
        if joined and (math.isinf(e["low"]) or math.isinf(e["high"])):
            joined[0].append(group)
            continue
        camps = [c for c in camps if c not in joined] + [[g for c in joined for g in c] + [group]]
    order = {id(e): i for i, e in enumerate(values)}
    out = [sorted((e for g in c for e in g), key=lambda e: order[id(e)]) for c in camps]
    return sorted(out, key=lambda c: order[id(c[0])])


def one_value(a: dict, b: dict) -> bool:
    """Two entries of a finding state one value (:func:`align.one_value`,
    compared by size unless both are signed)."""
    if gap(a, b) > 0:
        return False
    if a["value"] != b["value"] and _to_the_unit(a) and _to_the_unit(b):
        return False  # "at least 78 dead" and "79": two tallies, not one rounded
    (alo, ahi), (blo, bhi) = compared_intervals(a, b)
    x, y = a["value"], b["value"]
    if not (a["signed"] and b["signed"]):
        x, y = abs(x), abs(y)
    return align.one_value(x, alo, ahi, y, blo, bhi)


def unambiguous(values: list[dict], counted=lambda claim_id: False) -> list[dict]:
    """A source that gives several disjoint values for one quantity is
    ambiguous (often a figure attributed to the wrong year): of its values,
    keep those some other source agrees with, when there are any, and those
    whose sentence says how they were counted (``counted(claim_id)``: the
    article itself gives the quantity counted two ways, and the other
    sources use only one of them)."""
    by_source: dict[str, list[dict]] = defaultdict(list)
    for e in values:
        by_source[e["source_id"]].append(e)
    if len(by_source) == len(values):
        return values
    out = []
    for source, own in by_source.items():
        if len(own) > 1 and any(gap(a, b) > 0 for i, a in enumerate(own) for b in own[i + 1:]):
            others = [e for e in values if e["source_id"] != source]
            # (one value, not overlapping intervals: "at least 30" agrees
            # with no particular figure above it)
            agreed = [a for a in own if any(one_value(a, b) for b in others)
                      or counted(a["claim_id"])]
            own = agreed or own
        out += own
    return out


def make_finding(kind: str, basis: str, claims: list[Claim], values: list[dict],
                 about: list[Claim], derivation: str = "") -> Finding:
    """A Finding from its claims; subject/metric/period are the wordings most
    claims in ``about`` use."""
    def common(attr: str) -> str:
        first = getattr(about[0], attr)
        if all(getattr(c, attr) == first for c in about):
            return first
        return Counter(getattr(c, attr) for c in about).most_common(1)[0][0]
    ids = sorted({c.claim_id for c in claims})
    return Finding(
        finding_id="", type="agreement" if kind == "agreement" else "conflict", basis=basis,
        subject=common("subject"), metric=common("metric"), period=common("period"),
        claims=ids, sources=sorted({c.source_id for c in claims}), derivation=derivation,
        cause="rounding" if kind == "rounding" else "", values=values)


# --- derived findings ------------------------------------------------------------

def derived_findings(claims: list[Claim], keys: dict[str, Key],
                     groups: dict[Key, list[Claim]]) -> list[Finding]:
    """Check what each article's figures imply against stated claims."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.source_id].append(c)
    out = []
    memo: dict[str, dict] = {}
    firsts: dict[tuple, Finding] = {}
    copies: dict[tuple, list] = {}

    def entry_of(c: Claim) -> dict:  # a claim's stated entry, made once per run
        if c.claim_id not in memo:
            memo[c.claim_id] = entry(c)
        return memo[c.claim_id]

    for source_id, own in by_article.items():
        checks: dict[tuple[str, ...], list] = defaultdict(list)
        for d in derive.implied(first_mentions(own, keys), keys, groups.__contains__):
            used = set(d.premise_ids)  # a property: computed once, not per claim
            stated = [c for c in groups.get(d.key, ()) if c.claim_id not in used]
            mine = [c for c in stated if c.source_id == source_id]
            if d.restated:
                stated, mine = [c for c in stated if c.source_id != source_id], []
            if mine and not consistent(mine):
                continue  # the article gives several values here: no single one to check
            targets = mine or stated
            if targets:
                checks[d.premise_ids].append((d, targets))
        for results in checks.values():
            sig = same_derivation(source_id, results)
            if sig in copies:
                copies[sig].append((source_id, results))
            elif f := derived_finding(source_id, results, entry_of):
                out.append(f)
                if sig is not None:
                    firsts[sig], copies[sig] = f, []
    for sig, more in copies.items():
        add_premises(firsts[sig], more)
    return out


def same_derivation(source_id: str, results: list) -> tuple | None:
    """What makes two articles' derived checks one finding: the same premises
    and implied values checked against the same other sources' claims (wire
    copy repeated by many outlets). None for a self-check, which stays per
    article."""
    if any(c.source_id == source_id for _, targets in results for c in targets):
        return None
    return tuple((d.key, d.kind, d.value, d.low, d.high, d.text,
                  tuple((p.value, p.low, p.high, p.period) for p in d.premises),
                  tuple(c.claim_id for c in targets)) for d, targets in results)


def add_premises(f: Finding, more: list[tuple[str, list]]) -> None:
    """Add other articles' premises (same figures) to a derived finding."""
    if not more:
        return
    premises = list({p.claim_id: p for _, results in more for d, _ in results
                     for p in d.premises}.values())
    at = next((i for i, e in enumerate(f.values) if e["role"] != PREMISE), len(f.values))
    f.values[at:at] = [entry(p, PREMISE) for p in premises]
    f.claims = sorted({*f.claims, *(p.claim_id for p in premises)})
    f.sources = sorted({*f.sources, *(source_id for source_id, _ in more)})


def first_mentions(claims: list[Claim], keys: dict[str, Key]) -> list[Claim]:
    """An article's claims with repeats of the same figure (same key, same
    interval) left out: a summary box restating a figure is not a new premise."""
    if any(a.start_char > b.start_char for a, b in zip(claims, claims[1:])):
        claims = sorted(claims, key=lambda c: c.start_char)
    seen: dict[tuple, Claim] = {}
    for c in claims:
        seen.setdefault((keys[c.claim_id], c.value, c.low, c.high, c.direction), c)
    return list(seen.values())


def consistent(claims: list[Claim]) -> bool:
    """Whether all these claims' intervals overlap each other."""
    es = [entry(c) for c in claims]
    return all(gap(a, b) <= 0 for i, a in enumerate(es) for b in es[i + 1:])


def far_apart(a: dict, b: dict) -> bool:
    """Two levels (counts, amounts) too far apart to be one quantity
    misstated: more than explain.toml's [derive] max_ratio, and not by a
    scale factor (a slip of "million" for "billion" is worth a finding).
    "3 million a day" times 365 is not the "eight" days it was topped."""
    kinds = cfg()["derive"]["level_kinds"]
    if a["kind"] not in kinds or b["kind"] not in kinds:
        return False
    return sizes_apart(a["value"], b["value"], "max_ratio", "derive")


def derived_finding(source_id: str, results: list, entry_of=entry) -> Finding | None:
    """One finding for everything one set of premises implies."""
    by_verdict: dict[str, list] = defaultdict(list)
    for d, targets in results:
        dv = d.entry()
        for c in targets:
            ce = entry_of(c)
            if not far_apart(dv, ce):
                by_verdict[verdict(dv, ce)].append((d, dv, c))
    order = ("conflict", "rounding", "agreement")
    if not any(c.source_id == source_id for d, targets in results for c in targets):
        # checked against other articles: a derived value one of them states
        # agrees with it; a figure another gives apart from that one is a
        # disagreement between the articles (a stated finding), not with the
        # arithmetic ("7 percent over last year's 115.1 million" is 123.4
        # million, not "more than 200 million" who saw part of the game)
        order = order[::-1]
    kind = next((k for k in order if by_verdict[k]), None)
    hits = by_verdict.get(kind, [])
    if not hits:
        return None
    self_check = all(c.source_id == source_id for _, _, c in hits)
    if kind == "agreement" and self_check and not cfg()["derive"]["self_agreements"]:
        return None
    premises = list({p.claim_id: p for d, _, _ in hits for p in d.premises}.values())
    targets = list({c.claim_id: c for _, _, c in hits}.values())
    derived = list({id(d): (d, dv) for d, dv, _ in hits}.values())
    values = ([entry(p, PREMISE) for p in premises] + [dv for _, dv in derived]
              + [dict(entry_of(c)) for c in targets])
    derivation = "; ".join(d.text for d, _ in derived)
    return make_finding(kind, "derived", premises + targets, values, targets, derivation)


def merge_self_checks(findings: list[Finding]) -> list[Finding]:
    """Self-check conflicts of one article over the same claims (one's claims
    within the other's) are one inconsistency derived two ways: they become
    one finding, with both derivations."""
    out: list[Finding] = []
    by_source: dict[str, list[Finding]] = defaultdict(list)  # self-checks kept so far
    for f in findings:
        if not is_self_check(f):
            out.append(f)
            continue
        kept = by_source[f.sources[0]]
        into = next((g for g in kept if set(f.claims) <= set(g.claims)
                     or set(g.claims) <= set(f.claims)), None)
        if into is None:
            out.append(f)
            kept.append(f)
            continue
        if len(f.claims) > len(into.claims):  # the wider finding leads
            f, into = into, f
            out[_position(out, f)] = kept[_position(kept, f)] = into
        have = {(e.get("claim_id"), e["role"], e["text"]) for e in into.values}
        into.values += [e for e in f.values
                        if (e.get("claim_id"), e["role"], e["text"]) not in have]
        into.derivation = "; ".join(dict.fromkeys(
            d for x in (into.derivation, f.derivation) for d in x.split("; ") if d))
    return out


def _position(findings: list[Finding], f: Finding) -> int:
    return next(i for i, g in enumerate(findings) if g is f)


def is_self_check(f: Finding) -> bool:
    """A derived conflict within one article: its own figures do not add up."""
    return f.type == "conflict" and f.basis == DERIVED and len(f.sources) == 1


# --- ids -------------------------------------------------------------------------

def finding_digest(f: Finding) -> str:
    text = "|".join(sorted(f.claims)) + f"#{f.type}#{f.basis}"
    return hashlib.sha1(text.encode()).hexdigest()


def dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per (claims, type, basis); the first one made wins."""
    seen: dict[str, Finding] = {}
    for f in findings:
        seen.setdefault(finding_digest(f), f)
    return list(seen.values())


def assign_ids(findings: list[Finding], width: int = 6) -> list[Finding]:
    """``F-`` + the first hex digits of a hash of the sorted claim ids, type and
    basis: the same claims give the same id on every run. Ids that would
    collide in this run get two more digits until they do not."""
    digests = [finding_digest(f) for f in findings]
    length = dict.fromkeys(digests, width)
    while True:
        by_id: dict[str, set[str]] = defaultdict(set)
        for d in length:
            by_id[d[:length[d]]].add(d)
        clashes = [ds for ds in by_id.values() if len(ds) > 1]
        if not clashes:
            break
        for d in (d for ds in clashes for d in ds):
            length[d] += 2
    for f, d in zip(findings, digests):
        f.finding_id = f"F-{d[:length[d]]}"
    return findings
