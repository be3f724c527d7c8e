"""Stage 6, explain: why sources disagree, how much it matters, what to write.

Every conflict gets exactly one cause from the contract, chosen in the order
``data/explain.toml`` gives ([causes] order) and only when the articles
support it: a scale factor between the figures (``unit_or_scale``), a
sentence saying counting differs or different counted nouns
(``counting_method``), a period or scope cue on one side only
(``different_period``, ``different_scope``), an article whose own figures do
not add up (``arithmetic_error``), compare's ``rounding`` notes, and
``unexplained`` when nothing supports a cause. The supporting sentences are
quoted as evidence with their offsets; severity follows the data's rules;
the explanation and suggested wording are filled from the data's templates.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from functools import cache
from typing import Protocol

from . import sentences
from .attribution.period import closed_by
from .compare import DERIVED, STATED, compared_intervals, gap, is_self_check, worst_pair
from .cues import first_cue
from .figures import PERCENT_KINDS, fmt_number, fmt_plain
from .keys import cfg, norm_metric
from .knowledge import load
from .labels import name as source_name, naming, source_labels
from .model import Article, Claim, Evidence, Finding

SEVERITY_ORDER = ("high", "medium", "low")
SIDE_CUES = ("different_period", "different_scope")


class ArticleMemo(Protocol):
    """Remembers each article's sentence spans and cue sentences between runs
    (see pipeline.cache), so a re-check does not scan every article again.
    The data is what :meth:`Context.article_data` returns."""
    def get_explain(self, article: Article) -> dict | None: ...
    def put_explain(self, article: Article, data: dict) -> None: ...


def explain(findings: list[Finding], claims: list[Claim], articles: list[Article],
            memo: ArticleMemo | None = None) -> list[Finding]:
    """Fill cause, evidence, severity, explanation and suggested wording, and
    sort: conflicts by severity, then agreements. ``memo`` (a cache) keeps
    each article's sentences and cue sentences for the next run."""
    ctx = Context(claims, articles, memo)
    ctx.self_checked = {e["claim_id"]: f.derivation for f in findings if is_self_check(f)
                        for e in f.values if e["role"] == STATED and e.get("claim_id")}
    with naming(source_labels(a.metadata() for a in articles)):  # sources by name in text
        for f in findings:
            explain_one(f, ctx)
    ctx.remember()
    return sorted(findings, key=order_key)


def order_key(f: Finding) -> tuple:
    return (f.type != "conflict", SEVERITY_ORDER.index(f.severity) if f.severity in
            SEVERITY_ORDER else 3, f.basis, f.subject, f.metric, f.period, f.finding_id)


class Context:
    """Lookups shared by all findings of a run: claims by id, articles by
    source and their sentences (split once, on demand, or taken from the
    memo of an earlier run)."""

    def __init__(self, claims: list[Claim], articles: list[Article],
                 memo: ArticleMemo | None = None):
        # stated claim -> the derivation by which its own article contradicts it
        self.self_checked: dict[str, str] = {}
        self.claims = {c.claim_id: c for c in claims}
        self.articles = {a.source_id: a for a in articles}
        self.memo = memo
        self._sentences: dict[str, list[tuple[int, int]]] = {}
        self._cues: dict[str, dict[str, list]] = defaultdict(dict)  # source -> cause -> cues
        self._recalled: set[str] = set()  # sources whose memo entry was read
        self._found: set[str] = set()  # sources with something the memo lacks
        self._quotes: dict[tuple[str, int, int], str] = {}

    def _recall(self, source_id: str) -> None:
        """Take the article's sentences and cues from the memo, once."""
        self._recalled.add(source_id)
        a = self.articles.get(source_id)
        data = self.memo.get_explain(a) if self.memo and a else None
        if not data:
            return
        try:
            spans = [(int(s), int(e)) for s, e in data["sentences"]]
            cues = {str(cause): [(int(i), (int(s), int(e)), str(cue)) for i, s, e, cue in found]
                    for cause, found in data["cues"].items()}
        except (KeyError, TypeError, ValueError, AttributeError):
            return  # a damaged entry: found afresh
        self._sentences.setdefault(source_id, spans)
        for cause, found in cues.items():
            self._cues[source_id].setdefault(cause, found)

    def sentences(self, source_id: str) -> list[tuple[int, int]]:
        if source_id not in self._recalled:
            self._recall(source_id)
        if source_id not in self._sentences:
            a = self.articles.get(source_id)
            self._sentences[source_id] = sentences.split(a) if a else []
            self._found.add(source_id)
        return self._sentences[source_id]

    def cues(self, source_id: str, cause: str) -> list[tuple[int, tuple[int, int], str]]:
        """(sentence index, span, cue) of the article's sentences holding a
        cue for ``cause``; found once per article and cause."""
        if source_id not in self._recalled:
            self._recall(source_id)
        known = self._cues[source_id]
        if cause not in known:
            known[cause] = [(i, span, cue) for i, span in enumerate(self.sentences(source_id))
                            if (cue := first_cue(cause, self.text(source_id, *span)))]
            self._found.add(source_id)
        return known[cause]

    def article_data(self, source_id: str) -> dict:
        """What the memo keeps of an article: its sentence spans and, per
        cause looked for, its cue sentences as [index, start, end, cue]."""
        return {"sentences": [list(span) for span in self.sentences(source_id)],
                "cues": {cause: [[i, s, e, cue] for i, (s, e), cue in found]
                         for cause, found in sorted(self._cues[source_id].items())}}

    def remember(self) -> None:
        """Hand the memo what this run found that it did not have."""
        if self.memo is None:
            return
        for source_id in sorted(self._found):
            if source_id in self.articles:
                self.memo.put_explain(self.articles[source_id], self.article_data(source_id))

    def text(self, source_id: str, start: int, end: int) -> str:
        a = self.articles.get(source_id)
        return a.text[start:end] if a else ""

    def quote(self, source_id: str, start: int, end: int) -> str:
        """:meth:`text`, one string for every finding that quotes the same
        sentence (a claim stands in several findings: a warm check of an
        archive held each quote once per finding)."""
        key = (source_id, start, end)
        if (got := self._quotes.get(key)) is None:
            got = self._quotes[key] = self.text(source_id, start, end)
        return got


def explain_one(f: Finding, ctx: Context) -> None:
    members = [ctx.claims[i] for i in f.claims if i in ctx.claims]
    quoted = quoted_sources(f)
    f.evidence = figure_evidence([c for c in members if c.source_id in quoted], ctx)
    if f.type == "agreement":
        f.cause, f.severity = "", "low"
        f.explanation = template("explanation", "agreement", figures=figures(f), about=about(f))
        f.explanation += quoted_note(f)
        pick = most_precise(f)
        f.suggested_wording = template("suggestion", "agreement", pick=describe(pick),
                                       pick_sources=name_sources(f.sources))
        return
    cause, support = ("rounding", []) if f.cause == "rounding" else find_cause(f, members, ctx)
    f.cause = cause
    support = [e for e in support if e.source_id in quoted]
    f.evidence = merge_evidence(f.evidence, support)
    f.severity = severity(f)
    weak = bool((f.alignment or {}).get("weak"))
    if weak:  # lined up on weaker evidence: say so, at low severity
        f.severity = "low"
    checked = [e for e in f.values if e["role"] == STATED and e["claim_id"] in ctx.self_checked]
    if f.cause == "arithmetic_error" and f.basis == STATED and checked:
        f.explanation, f.suggested_wording = contradicted_wording(f, checked, ctx)
        f.explanation += quoted_note(f)
        return
    if f.cause == "different_period" and not support:
        f.explanation = explanation(f, members, support) + published_note(members, ctx)
    else:
        f.explanation = explanation(f, members, support)
    if weak:
        f.explanation = template("explanation", "possible") + " " + f.explanation
    f.explanation += quoted_note(f)
    f.suggested_wording = suggestion(f)


def contradicted_wording(f: Finding, checked: list[dict], ctx: Context) -> tuple[str, str]:
    """Explanation and suggestion for a stated conflict whose figure its own
    article's figures contradict."""
    ids = {e["claim_id"] for e in checked}
    others = [e for e in f.values if e["role"] == STATED and e["claim_id"] not in ids
              and e["source_id"] not in {c["source_id"] for c in checked}]
    pick = min(others, key=lambda e: (_width(e), e["source_id"]), default=None)
    fields = dict(checked=_sources(checked), checked_figure=describe(checked[0]),
                  derivation="; ".join(dict.fromkeys(ctx.self_checked[i] for i in sorted(ids))),
                  pick=describe(pick), pick_sources=_sources([pick] if pick else []))
    lead = f"For {about(f)}, the sources give different figures: {figures(f)}."
    text = f"{lead} {template('explanation', 'arithmetic_error_stated', **fields)}"
    name = "arithmetic_error_stated" if pick else "arithmetic_error_stated_alone"
    return text, template("suggestion", name, **fields)


def published_note(members: list[Claim], ctx: Context) -> str:
    """' The articles were published on different dates: 2026-09-14 (a), ...'"""
    dates: dict[str, list[str]] = defaultdict(list)
    for s in sorted({c.source_id for c in members}):
        if (a := ctx.articles.get(s)) and a.published:
            dates[a.published].append(s)
    listed = "; ".join(f"{d} ({name_sources(ss)})" for d, ss in sorted(dates.items()))
    return " " + template("explanation", "published_dates", dates=listed)


# --- evidence -------------------------------------------------------------------

def quoted_sources(f: Finding) -> set[str]:
    """The sources whose sentences a finding quotes: all of them up to the
    data's ``max_quoted_sources``; beyond that the worst pair's sources, one
    source per distinct figure, then the others in order (an editor cannot
    read a thousand quotes, and the report stays linear in size)."""
    limit = cfg()["causes"]["max_quoted_sources"]
    if len(f.sources) <= limit:
        return set(f.sources)
    order = [e["source_id"] for e in worst_pair(f) or ()]
    order += {(e["role"], e["kind"], e["value"]): e["source_id"] for e in reversed(f.values)}.values()
    order += f.sources
    return set(list(dict.fromkeys(order))[:limit])


def quoted_note(f: Finding) -> str:
    """' Sentences are quoted from 12 of 300 sources.' when the quotes are capped."""
    shown = len({e.source_id for e in f.evidence})
    if len(f.sources) <= cfg()["causes"]["max_quoted_sources"]:
        return ""
    return " " + template("explanation", "quoted_sources", shown=shown, total=len(f.sources))


def figure_evidence(members: list[Claim], ctx: Context) -> list[Evidence]:
    """The sentence of each claim, once per sentence, as it stands in the article."""
    out: dict[tuple[str, int], Evidence] = {}
    for c in sorted(members, key=lambda c: (c.source_id, c.start_char)):
        start, end = sentence_span(c, ctx)
        if (c.source_id, start) not in out:
            out[(c.source_id, start)] = Evidence(c.source_id, ctx.quote(c.source_id, start, end),
                                                 start, end)
    return list(out.values())


def sentence_span(c: Claim, ctx: Context) -> tuple[int, int]:
    """Where the claim's sentence stands in its article, stripped; found again
    from ``Claim.sentence`` when the offsets are missing (claims read back
    from a table), else just the figure itself."""
    start, end = int(c.sent_start or 0), int(c.sent_end or 0)
    if not start <= c.start_char < end:
        wanted = str(c.sentence or "").strip()
        text = ctx.text(c.source_id, 0, c.start_char + len(wanted))
        pos = text.rfind(wanted) if wanted else -1
        found = pos >= 0 and pos + len(wanted) >= c.end_char
        start, end = (pos, pos + len(wanted)) if found else (c.start_char, c.end_char)
    raw = ctx.text(c.source_id, start, end)
    if not raw.strip():
        return start, end
    return start + len(raw) - len(raw.lstrip()), end - len(raw) + len(raw.rstrip())


def merge_evidence(figs: list[Evidence], support: list[Evidence]) -> list[Evidence]:
    """Figure sentences (marked with the cue they hold), then the other cause
    sentences."""
    cue_at = {(e.source_id, e.start_char): e for e in support}
    out = [Evidence(e.source_id, e.sentence, e.start_char, e.end_char, "figure",
                    cue_at[(e.source_id, e.start_char)].cue)
           if (e.source_id, e.start_char) in cue_at else e for e in figs]
    have = {(e.source_id, e.start_char) for e in figs}
    return out + [e for e in support if (e.source_id, e.start_char) not in have]


# --- causes ---------------------------------------------------------------------

def cue_key(cue: str) -> str:
    """A cue as compared between sides: lower case, hyphens and spaces alike."""
    return " ".join(re.split(r"[\s-]+", cue.lower()))


def find_cause(f: Finding, members: list[Claim], ctx: Context) -> tuple[str, list[Evidence]]:
    """The first cause in the data's order that something supports."""
    fixed = measures_fixed_property(f)
    for cause in cfg()["causes"]["order"]:
        if cause == "unexplained":
            break
        ok, support = CHECKS[cause](f, members, ctx)
        if ok and fixed and cause == "different_period" \
                and {e.source_id for e in support} != {c.source_id for c in members}:
            # a fixed property read on one day in one article only ("948-foot
            # ship" / "984-foot ship ... on Wednesday"): no period explains it;
            # each article naming its own day ("40.2 feet on Friday" / "35.6
            # feet on Tuesday") still says why
            continue
        if ok:
            return cause, support
    # no cue sentence says why; the frames may: a dimension one text states
    # and the other leaves out ("as of Tuesday" on one side only)
    hinted = (f.alignment or {}).get("cause", "")
    if hinted in CHECKS and not (fixed and hinted == "different_period"):
        return hinted, []
    return "unexplained", []


def measures_fixed_property(f: Finding) -> bool:
    """Whether the finding's metric measures a fixed property (explain.toml
    [causes.different_period] fixed_measure_words: a depth, a length), which
    a period explains only when each side names its own. Whole words of the
    metric ("long-term mortgage rate" is no length)."""
    fixed = cfg()["causes"]["different_period"]["fixed_measure_words"]
    return bool(set(str(f.metric or "").lower().split()) & set(fixed))


def scale_factor(f: Finding) -> float | None:
    """The scale factor (1000, 1e6, 100...) between the two most distant
    figures, if their ratio is close to one."""
    pair = worst_pair(f)
    if not pair:
        return None
    a, b = sorted((abs(pair[0]["value"]), abs(pair[1]["value"])))
    if not a:
        return None
    c = cfg()["causes"]
    factors = c["scale_factors"] + (c["percent_scale_factors"]
                                    if pair[0]["kind"] in PERCENT_KINDS else [])
    return next((k for k in factors if abs(b / a / k - 1) <= c["scale_tolerance"]), None)


def check_unit_or_scale(f, members, ctx):
    units = {str(c.unit).lower() for c in members if c.kind in PERCENT_KINDS and c.unit}
    points = set(cfg()["causes"]["point_units"])
    if units & points and units - points:
        return True, []
    return scale_factor(f) is not None, []


def metric_words(f: Finding, members: list[Claim]) -> re.Pattern | None:
    """A pattern for the words naming the finding's quantity: its metric key
    and the nouns its claims count."""
    symbols = {u.lower() for u in cfg()["causes"]["symbol_units"]}
    words = set(norm_metric(f.metric).split())
    words |= {w for c in members if c.unit and c.unit.lower() not in symbols
              for w in norm_metric(c.unit).split()}
    words = {w for w in words if len(w) > 2}
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words))) + r")(?:s|es)?\b", re.I)


def cue_sentences(cause: str, f: Finding, members: list[Claim], ctx: Context) -> list[Evidence]:
    """Sentences of the finding's articles that hold a cue for ``cause``: claim
    sentences, sentences near them, and sentences naming the metric."""
    near = cfg()["causes"]["near_sentences"]
    limit = cfg()["causes"]["max_per_source"]
    mentions = metric_words(f, members)
    out = []
    quoted = quoted_sources(f)
    # Every source counts for whether the cause holds, but past the quoted
    # ones a source is only looked at while none has supported it yet.
    for source_id in sorted(f.sources, key=lambda s: s not in quoted):
        if out and source_id not in quoted:
            break
        spans = ctx.sentences(source_id)
        starts = [c.start_char for c in members if c.source_id == source_id]
        own = {bisect_right(spans, (x, math.inf)) - 1 for x in starts}
        ranked = []
        for i, (s, e), cue in ctx.cues(source_id, cause):
            text = ctx.text(source_id, s, e)
            is_near = any(abs(i - j) <= near for j in own)
            names = bool(mentions and mentions.search(text))
            if is_near or names:
                ranked.append(((not (is_near and names), not names, i), (s, e, cue)))
        out += [Evidence(source_id, ctx.quote(source_id, s, e), s, e, "cause", cue)
                for _, (s, e, cue) in sorted(ranked, key=lambda r: r[0])[:limit]]
    return out


def counted_nouns(members: list[Claim]) -> dict[str, set[str]]:
    """noun -> sources: what each source says it counts ('report', 'incident')."""
    symbols = {u.lower() for u in cfg()["causes"]["symbol_units"]}
    out: dict[str, set[str]] = defaultdict(set)
    for c in members:
        if c.unit and c.unit.lower() not in symbols and c.kind not in PERCENT_KINDS:
            out[norm_metric(c.unit)].add(c.source_id)
    return out


@cache
def synonym_class_of() -> dict[str, str]:
    """lemma -> its synonym class (synonyms.toml [classes]), keys normalized."""
    out = {}
    for canon, words in load("synonyms")["classes"].items():
        for w in [canon, *words]:
            out.setdefault(norm_metric(w), norm_metric(canon))
    return out


def noun_classes(members: list[Claim]) -> set[str]:
    """The synonym classes of the nouns the claims count, leaving out counts
    of people (named by what happened to them, which the metric already says)."""
    classes = synonym_class_of()
    people = {norm_metric(w) for w in load("synonyms")["words"]["people"]}
    found = {classes.get(n, n) for n in counted_nouns(members)}
    return found - people


def check_counting_method(f, members, ctx):
    """A counting cue, or counted nouns from different synonym classes."""
    support = cue_sentences("counting_method", f, members, ctx)
    return bool(support) or len(noun_classes(members)) > 1, support


def _side_cues(cause: str, members: list[Claim], ctx: Context):
    """A period/scope cue that one side's claim sentences have and another's lack."""
    by_side: dict[str, list[Evidence]] = defaultdict(list)
    sides: set[str] = set()
    for e in figure_evidence(members, ctx):
        sides.add(e.source_id)
        if cue := first_cue(cause, e.sentence):
            by_side[e.source_id].append(Evidence(e.source_id, e.sentence, e.start_char,
                                                 e.end_char, "cause", cue))
    cues = {s: {cue_key(e.cue) for e in by_side[s]} for s in sides}
    differs = len({frozenset(v) for v in cues.values()}) > 1
    return differs and bool(by_side), [e for es in by_side.values() for e in es]


def check_different_period(f, members, ctx):
    """A period cue on one side, or a running total (a cumulative noun class)
    from articles published on different dates."""
    ok, support = _side_cues("different_period", members, ctx)
    if ok:
        return ok, support
    cumulative = set(cfg()["causes"]["different_period"].get("cumulative_classes", []))
    classes = synonym_class_of()
    counted = {classes.get(n, n) for n in counted_nouns(members)}
    counted.add(classes.get(norm_metric(f.metric), norm_metric(f.metric)))
    dates = {ctx.articles[c.source_id].published for c in members
             if c.source_id in ctx.articles and ctx.articles[c.source_id].published}
    # a running total grows only while its period is open: a year's count
    # published after the year ended is the same on any later day
    closed = bool(dates) and all(closed_by(str(c.period or ""), min(dates)) for c in members)
    running = bool(counted & cumulative) or any(
        p.search(c.sentence or "") for c in members for p in _cumulative_cues())
    return running and len(dates) > 1 and not closed and _grows(members, ctx), support


@cache
def _cumulative_cues() -> tuple[re.Pattern, ...]:
    """explain.toml [causes.different_period] cumulative_cues, compiled."""
    return tuple(re.compile(p, re.I) for p in
                 cfg()["causes"]["different_period"]["cumulative_cues"])


def _grows(members, ctx) -> bool:
    """A running total only grows: the figures, in the order their articles
    were published, never fall (a county's 57 deaths on Oct. 1 and 42 on
    Oct. 18 are two ways of counting, not two days of one count)."""
    dated = sorted((ctx.articles[c.source_id].published, c.value) for c in members
                   if c.source_id in ctx.articles and ctx.articles[c.source_id].published
                   and c.value is not None and not math.isnan(c.value))
    return all(not (d1 < d2 and v2 < v1) for n, (d1, v1) in enumerate(dated)
               for d2, v2 in dated[n + 1:])


def check_different_scope(f, members, ctx):
    return _side_cues("different_scope", members, ctx)


def check_arithmetic_error(f, members, ctx):
    """One article's figures do not add up: a self-check, or a stated
    conflict whose figure the article's own figures contradict."""
    if f.basis == DERIVED:
        return is_self_check(f), []
    return any(c.claim_id in ctx.self_checked for c in members), []


CHECKS = {"unit_or_scale": check_unit_or_scale, "counting_method": check_counting_method,
          "different_period": check_different_period, "different_scope": check_different_scope,
          "arithmetic_error": check_arithmetic_error}


# --- severity ---------------------------------------------------------------------

def severity(f: Finding) -> str:
    rules = cfg()["severity"]
    pair = worst_pair(f)
    level = "low"
    if pair:
        a, b = pair
        if a["signed"] and b["signed"] and a["value"] * b["value"] < 0:
            level = rules["sign_differs"]
        elif a["kind"] in PERCENT_KINDS:
            diff = abs(abs(a["value"]) - abs(b["value"]))
            level = ("high" if diff >= rules["high_points"] else
                     "medium" if diff >= rules["medium_points"] else "low")
        else:
            scale = max(abs(a["value"]), abs(b["value"])) or 1.0
            rel = abs(abs(a["value"]) - abs(b["value"])) / scale
            level = ("high" if rel >= rules["high_relative_gap"] else
                     "medium" if rel >= rules["medium_relative_gap"] else "low")
    cap = rules.get("cap", {}).get(f.cause)
    if cap and SEVERITY_ORDER.index(cap) > SEVERITY_ORDER.index(level):
        level = cap
    if pair and _open_alike(*pair):
        level = "low"  # ("more than 18 million" / "more than 19M": both may hold)
    return level


def _open_alike(a: dict, b: dict) -> bool:
    """Two floors ("more than 18 million", "more than 19M"; "fell more than
    5%" and "more than 20%"): neither contradicts the other, so their gap
    is never more than a low-severity difference. Sizes are compared unless
    both entries are signed (compare.compared_intervals)."""
    (alo, ahi), (blo, bhi) = compared_intervals(a, b)
    return math.isinf(ahi) and math.isinf(bhi) or math.isinf(alo) and math.isinf(blo)


# --- words --------------------------------------------------------------------------

def template(section: str, name: str, **fields) -> str:
    text = cfg()["wording"][section][name]
    return text.format_map(defaultdict(str, fields)).strip()


def describe(e: dict | None) -> str:
    """'about 29.2 million', '19% (down)', 'derived -43.4%'."""
    if not e:
        return ""
    if e["role"] == DERIVED:
        return fmt_number(e["value"], e["kind"],
                          signed=e["kind"] in cfg()["compare"]["signed_kinds"])
    text = " ".join(str(e["text"]).split())
    if e["signed"] and e["kind"] in cfg()["compare"]["signed_kinds"] and e["value"]:
        text += " (down)" if e["value"] < 0 else " (up)"
    return text


def figures(f: Finding, roles=(STATED,)) -> str:
    """'about 29.2 million (000_x), 20.5 million (004_y)': one figure per source."""
    seen: dict[str, list[str]] = defaultdict(list)
    for e in f.values:
        if e["role"] in roles and describe(e) not in seen[e["source_id"]]:
            seen[e["source_id"]].append(describe(e))
    if len(seen) <= cfg()["causes"]["max_quoted_sources"]:
        return "; ".join(f"{' / '.join(ds)} ({source_name(s)})" for s, ds in seen.items())
    same: dict[str, list[str]] = defaultdict(list)  # many sources: one entry per wording
    for s, ds in seen.items():
        same[" / ".join(ds)].append(s)
    return "; ".join(f"{d} ({name_sources(ss)})" for d, ss in same.items())


def name_sources(ids: list[str]) -> str:
    """'a, b, c' or, past the data's max_named_sources, 'a, b, c and 297 more'."""
    limit = cfg()["causes"]["max_named_sources"]
    more = len(ids) - limit
    return ", ".join(map(source_name, ids[:limit])) + (f" and {more} more" if more > 0 else "")


def camps(f: Finding) -> list[list[dict]]:
    """Stated figures grouped with the ones they agree with (largest first)."""
    out: list[list[dict]] = []
    for e in (e for e in f.values if e["role"] == STATED):
        for camp in out:
            if gap(camp[0], e) <= 0 and camp[0]["kind"] == e["kind"]:
                camp.append(e)
                break
        else:
            out.append([e])
    return sorted(out, key=lambda c: -len({e["source_id"] for e in c}))


def most_precise(f: Finding) -> dict | None:
    stated = [e for e in f.values if e["role"] == STATED]
    return min(stated, key=lambda e: (_width(e), e["source_id"]), default=None)


def _sources(entries: list[dict]) -> str:
    return name_sources(sorted({e["source_id"] for e in entries}))


def cue_summary(support: list[Evidence]) -> str:
    by_source: dict[str, list[str]] = defaultdict(list)
    for e in support:
        if e.cue and e.cue.lower() not in by_source[e.source_id]:
            by_source[e.source_id].append(e.cue.lower())
    return " ".join(f"{source_name(s)} says “{'”, “'.join(cues)}”." for s, cues in by_source.items())


def about(f: Finding) -> str:
    """'NCMEC report in 2024': what the finding is about."""
    what = " ".join(x for x in (f.subject, f.metric) if x)
    return what + (f" in {f.period}" if f.period else "")


def explanation(f: Finding, members: list[Claim], support: list[Evidence]) -> str:
    if f.basis == DERIVED:
        lead = derived_lead(f)
    else:
        lead = f"For {about(f)}, the sources give different figures: {figures(f)}."
        pair = worst_pair(f)
        if pair and f.cause != "unit_or_scale":
            lead += f" They differ by {difference(*pair)}."
    summary = cue_summary(support)
    ids = set(f.claims)
    nouns = counted_nouns([c for c in members if c.claim_id in ids])
    if f.cause == "counting_method" and len(nouns) > 1:
        summary = ("They count different things: " + "; ".join(
            f"“{n}” ({name_sources(sorted(s))})" for n, s in sorted(nouns.items())) + ". "
                   + summary)
    fields = dict(cue_summary=summary.strip(), factor=_factor_text(f),
                  source=source_name(f.sources[0]) if f.sources else "", derivation=f.derivation,
                  stated=stated_summary(f))
    return f"{lead} {template('explanation', f.cause, **fields)}".strip()


def _factor_text(f: Finding) -> str:
    factor = scale_factor(f)
    return f"{factor:,.0f}" if factor else ""


def difference(a: dict, b: dict) -> str:
    """'8.7M (30%)' or '24.4 points'."""
    diff = abs(a["value"] - b["value"])
    if a["kind"] in PERCENT_KINDS:
        return f"{fmt_plain(diff, 1)} percentage points"
    rel = diff / max(abs(a["value"]), abs(b["value"]), 1e-12)
    return f"{fmt_number(diff, a['kind'])} ({rel:.0%})"


def derived_lead(f: Finding) -> str:
    """'c_site gives 36.2 million (2023) and 20.5 million (2024), which implies
    -15.7M (20.5M - 36.2M) and -43.4% (...); a_wire, b_blog state ...'"""
    premises = first_premises(f)
    derived = [e for e in f.values if e["role"] == DERIVED]
    first = premises[0]["source_id"] if premises else ""
    source = source_name(first) if premises else ""
    others = {e["source_id"] for e in f.values if e["role"] == "premise"} - {first}
    if others:
        source += f" (and {len(others)} other sources with the same figures)"
    given = " and ".join(f"{describe(e)} ({e['period']})" for e in premises)
    implies = " and ".join(f"{describe(e)} ({e['text'].rsplit(' = ', 1)[0]})" for e in derived)
    stated = [e for e in f.values if e["role"] == STATED]
    verb = "states" if len({e["source_id"] for e in stated}) < 2 else "state"
    return (f"{source} gives {given}, which implies {implies}; "
            f"{_sources(stated)} {verb} {stated_summary(f)}.")


def first_premises(f: Finding) -> list[dict]:
    """The premises of the first article a derived finding names (others that
    give the same figures are listed in its values)."""
    premises = [e for e in f.values if e["role"] == "premise"]
    return [e for e in premises if e["source_id"] == premises[0]["source_id"]]


def stated_summary(f: Finding) -> str:
    """The most precise stated figure of each kind: '7 million (down) and 19% (down)'."""
    best: dict[str, dict] = {}
    for e in sorted((e for e in f.values if e["role"] == STATED),
                    key=lambda e: (not e["signed"], _width(e), e["source_id"])):
        best.setdefault(e["kind"], e)
    return " and ".join(describe(e) for e in best.values())


def _width(e: dict) -> float:
    return (e["high"] - e["low"]) / (abs(e["value"]) or 1.0)


def suggestion(f: Finding) -> str:
    groups = camps(f)
    first = groups[0] if groups else []
    rest = [e for g in groups[1:] for e in g]
    fields = dict(figures=figures(f, (STATED, DERIVED)), pick=describe(first[0]) if first else "",
                  pick_sources=_sources(first), other=describe(rest[0]) if rest else "",
                  other_sources=_sources(rest), source=source_name(f.sources[0]) if f.sources else "",
                  derived=" / ".join(describe(e) for e in f.values if e["role"] == DERIVED),
                  stated=stated_summary(f), factor=_factor_text(f),
                  premises=" and ".join(describe(e) for e in first_premises(f)),
                  stated_sources=_sources([e for e in f.values if e["role"] == STATED]))
    majority = len(groups) > 1 and (len({e["source_id"] for e in first}) >
                                    len({e["source_id"] for e in groups[1]}))
    name = f.cause
    if f.cause == "rounding":
        p = most_precise(f)
        fields.update(pick=describe(p), pick_sources=source_name(p["source_id"]) if p else "")
    elif f.cause == "counting_method":
        name = ("counting_method_derived" if f.basis == DERIVED else
                "counting_method_majority" if majority else "counting_method_tie")
    elif f.cause == "unexplained":
        name = "unexplained_majority" if majority and f.basis == STATED else "unexplained_tie"
    return template("suggestion", name, **fields)
