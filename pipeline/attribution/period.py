"""When a number holds (``period``) and what a change is measured against
(``base_period``).

Time expressions are found in the claim's sentence (years, year ranges,
half-years, quarters, month spans, "this year", "the year before"), each
with a role taken from the cue before it ("than in 2023", "compared with",
"from", "since"). A claim takes the nearest expression in its sentence;
else the period of an earlier sentence in the same paragraph; else the
year the article is about, with lower confidence.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a cached run never imports spaCy
    from spacy.tokens import Span, Token

from ..cues import baseline_after, baseline_end
from ..knowledge import load
from ..numwords import counts_after_year, lead
from .context import ArticleContext, attr, title_text

YEAR = r"(?:19|20)\d\d"  # a calendar year, as a pattern
CHANGE_KINDS = ("change", "pct_change", "multiple")


@dataclass(frozen=True)
class Time:
    start: int          # character offsets in the article
    end: int
    period: str         # resolved period, or "" for an anchored expression
    offset: int = 0     # for anchored expressions ("the year before" -> -1)
    months: int = 0     # for anchored month expressions ("the month before" -> -1)
    anchored: bool = False
    cue: str = ""       # the role cue before it ("than", "from", "since", ...)
    relative: bool = False
    focus: str = ""     # "the quarter": the quarter in focus ("Q", "H", "-")
    from_to: bool = False  # "from 2019 to 2024": a change's base, then its period

    def resolve(self, anchor: str) -> str:
        if not self.anchored:
            return self.period
        if self.months:
            if self.months % 3 == 0 and re.fullmatch(rf"{YEAR}-\d\d", anchor or ""):
                # a move by whole quarters ("the previous quarter") from a month:
                # from the month's quarter
                anchor = f"{anchor[:4]}-Q{(int(anchor[5:]) - 1) // 3 + 1}"
            return shift(anchor, months=self.months) if anchor else ""
        return shift(anchor, self.offset) if anchor else ""


def shift(period: str, years: int = 0, months: int = 0) -> str:
    """``period`` moved by ``years`` ("2024-H1", -1 -> "2023-H1") or, for a
    month, quarter or half, by ``months`` ("2025-01", months=-1 -> "2024-12";
    "2025-Q1", months=-3 -> "2024-Q4"; a quarter moved by part of one is "")."""
    m = re.match(rf"^({YEAR})(.*)$", period)
    if not m or ".." in period:
        return ""
    mm = re.fullmatch(r"-(\d\d)", m.group(2))
    if mm and months:
        total = int(m.group(1)) * 12 + int(mm.group(1)) - 1 + months
        return f"{total // 12}-{total % 12 + 1:02d}"
    # a quarter or half moved by whole quarters or halves ("2020-Q2", -3 -> "2020-Q1")
    part = re.fullmatch(r"-([QH])([1-4])", m.group(2))
    if part and months:
        size = 3 if part.group(1) == "Q" else 6
        if months % size:
            return ""
        per_year = 12 // size
        total = int(m.group(1)) * per_year + int(part.group(2)) - 1 + months // size
        return f"{total // per_year}-{part.group(1)}{total % per_year + 1}"
    if months:
        return ""
    return f"{int(m.group(1)) + years}{m.group(2)}"


@cache
def compared_cues() -> frozenset[str]:
    """Cues that make a time the one a figure is compared with ("from",
    "than", "since", ...; attribution.toml [roles]), not the figure's own."""
    roles = attr()["roles"]
    return frozenset(roles["base"]) | frozenset(roles["change_only"])


def _months(period: str) -> tuple[int, int] | None:
    """First and last month of ``period`` as month numbers since year 0
    ("2025" -> Jan..Dec 2025, "2025-06", "2025-Q2", "2025-H1"); None for a
    span or anything else."""
    m = re.fullmatch(rf"({YEAR})(?:-(\d\d)|-Q([1-4])|-H([12]))?", period or "")
    if not m:
        return None
    base = int(m.group(1)) * 12
    if m.group(2):
        first, size = int(m.group(2)) - 1, 1
    elif m.group(3):
        first, size = (int(m.group(3)) - 1) * 3, 3
    elif m.group(4):
        first, size = (int(m.group(4)) - 1) * 6, 6
    else:
        first, size = 0, 12
    return base + first, base + first + size - 1


def _first_month(part: str) -> int:
    """The month a part of a year begins ("Q4" -> 10, "H2" -> 7; attribution.toml
    [part_of_year] names only quarters and halves, anything else begins in
    January)."""
    size = {"Q": 3, "H": 6}.get(part[:1])
    return (int(part[1]) - 1) * size + 1 if size and part[1:2].isdigit() else 1


def closed_by(period: str, date: str) -> bool:
    """``period`` ended before the month of ``date`` (YYYY-MM-DD): a count
    for 2026 published in February 2027 no longer grows."""
    p, m = _months(period), re.match(rf"({YEAR})-(\d\d)", date or "")
    return bool(p and m) and p[1] < int(m.group(1)) * 12 + int(m.group(2)) - 1


def before_lead(period: str, lead: str) -> bool:
    """``period`` ends before ``lead`` begins: "2025-05" in a story whose
    headline is about June 2025 is a background month."""
    p, q = _months(period), _months(lead)
    return bool(p and q) and p[1] < q[0]


@cache
def _patterns() -> dict:
    """The time patterns, compiled once. Each opens with a :func:`lead`
    lookahead for the characters its matches begin with (speed only)."""
    a = attr()
    months = a["months"]
    rel_ref = a["relative_years"]["reference"]
    rel_anch = a["relative_years"]["anchored"]
    parts = a["part_of_year"]

    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    month = alt(months)
    part_alt = "|".join(r"[\s-]+".join(re.escape(w) for w in p.split())
                        for p in sorted(parts, key=len, reverse=True))
    rm_ref = a["relative_months"]["reference"]
    rm_anch = a["relative_months"]["anchored"]
    month_preps = a["month_preps"]
    cues = sorted(set(a["roles"]["base"]) | set(a["roles"]["change_only"])
                  | {"from", "between", "to", "and", "in", "since"}, key=len, reverse=True)
    return {
        "relative": re.compile(rf"{lead(words=list(rel_ref) + list(rel_anch))}"
                               rf"\b({alt(list(rel_ref) + list(rel_anch))})\b", re.I),
        "part": re.compile(rf"{lead('t', parts)}\b(?:the\s+)?({part_alt})\b"
                           rf"(?:\s+(?:of\s+)?({YEAR}))?", re.I),
        "part_after": re.compile(
            rf"{lead('12')}\b({YEAR})\s*({alt([p for p in parts if len(p) == 2])})\b", re.I),
        "month_span": re.compile(
            rf"{lead(words=months)}\b({month})\.?\s*(?:to|through|until|-|–|and)\s*({month})"
            rf"\.?(?:,?\s+({YEAR}))?\b", re.I),
        "rel_month": re.compile(rf"{lead(words=list(rm_ref) + list(rm_anch))}"
                                rf"\b({alt(list(rm_ref) + list(rm_anch))})\b", re.I),
        "month_alone": re.compile(
            rf"{lead(words=month_preps)}\b(?:{alt(month_preps)})\s+({month})\b(?!\.?\s*\d)",
            re.I),
        # (a capitalised month only: "could mar sales", "may tally" name none)
        "month_noun": re.compile(
            rf"{lead(words=months)}\b({alt([m.capitalize() for m in months])})"
            rf"\s+(?:{alt(a['month_nouns'])})\b"),
        "month_year": re.compile(rf"{lead(words=months)}\b({month})\.?,?\s+({YEAR})\b", re.I),
        # "as of March 18", "on Oct. 5": a day of the reference year (its
        # year only: two readings of a running count on two days are one
        # quantity, told apart by frames.toml's moment dimension)
        "month_day": re.compile(rf"{lead(words=months)}\b({month})\.?\s*(\d{{1,2}})"
                                rf"(?:st|nd|rd|th)?\b(?!,?\s*\d)", re.I),
        "year_range": re.compile(rf"{lead('12')}\b({YEAR})\s*(?:-|–|/)\s*(\d\d(?:\d\d)?)\b"),
        # "between 2017 and 2021" (not "in 2017 and 2021": two years; nor "from
        # 2019 to 2023", which a change reads as its base and its period)
        "year_span": re.compile(rf"{lead('12')}(?<=between )({YEAR})\s+and\s+({YEAR})\b",
                                re.I),
        # "from 2019 to 2024": a total's span; a change reads its first year
        # as its base and its last as its period (periods)
        "year_from_span": re.compile(
            rf"{lead('12')}(?<=from )({YEAR})\s+(?:to|through|until)\s+({YEAR})\b(?![\d%])", re.I),
        "year": re.compile(rf"{lead('12')}(?<![\d,.])({YEAR})(?![\d%])"),
        # (and "since an eruption in January", "since the outbreak in March":
        # a time in the object of "since" is a start too: start_preps)
        "start": re.compile(rf"\b(?:{alt(a['start_verbs'])})\s+(?:in|on|around|during)?\s*"
                            rf"(?:(?:late|early|mid)-?\s*)?$", re.I),
        "start_prep": re.compile(rf"\b(?:{alt(a['start_preps'])})\s+(?:[\w'’-]+\s+){{1,3}}"
                                 rf"(?:in|on|during)\s+(?:(?:late|early|mid)-?\s*)?$", re.I),
        "cue": re.compile(rf"\b({alt(cues)})\s+(?:(?:at\s+)?least\s+|about\s+|in\s+|the\s+|"
                          rf"(?:in\s+)?the\s+same\s+\w+\s+(?:of|in)\s+)?$", re.I),
        "focus": re.compile(rf"{lead('t')}\bthe\s+({alt(a['focus_periods'])})\b", re.I),
        "focus_adj": re.compile(rf"{lead(words=a['focus_adjectives'])}"
                                rf"\b({alt(a['focus_adjectives'])})\b", re.I),
        "focus_adj_words": {k.lower(): v for k, v in a["focus_adjectives"].items()},
        "months_ended": re.compile(
            rf"{lead('st136')}\b(three|six|twelve|3|6|12)[\s-]+months?\s+"
            rf"(?:ended|ending|to|through)\s+"
            rf"({month})\.?(?:\s+\d{{1,2}})?(?:,?\s+({YEAR}))?", re.I),
        "focus_words": {k.lower(): v for k, v in a["focus_periods"].items()},
        "rel_ref": {k.lower(): v for k, v in rel_ref.items()},
        "rm_ref": {k.lower(): v for k, v in rm_ref.items()},
        "rm_anch": {k.lower(): v for k, v in rm_anch.items()},
        "rel_anch": {k.lower(): v for k, v in rel_anch.items()},
        "parts": {k.lower(): v for k, v in parts.items()},
        "months": {k.lower(): v for k, v in months.items()},
        "deadline": re.compile(rf"\b(?:{alt(a['deadline_preps'])})\s+$", re.I),
        "plan": re.compile(rf"\b(?:{alt(a['plan_cues'])})\b", re.I),
    }


def _month_span_period(m1: int, m2: int, year: str) -> str:
    span = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3",
            (10, 12): "Q4", (1, 12): ""}.get((m1, m2))
    if span is not None:
        return f"{year}-{span}" if span else year
    return f"{year}-{m1:02d}..{year}-{m2:02d}"


class Years:
    """The article's years: ``ref`` anchors "this year"/"last year" (the
    publication year, else the year the article is about); ``topic`` is the
    year the article is about, used when a claim names no time at all."""

    def __init__(self, ctx: ArticleContext):
        art = ctx.article
        pub = int(art.published[:4]) if art.published[:4].isdigit() else None
        title_years = [int(y) for y in re.findall(YEAR, title_text(ctx.article))]
        text_years = [int(t.period[:4]) for t in self._plain_years(ctx)
                      if re.match(YEAR, t.period)]
        if pub:
            text_years = [y for y in text_years if y <= pub]
        if title_years:
            topic = Counter(title_years).most_common(1)[0][0]
        elif pub:
            topic = pub
        elif text_years:
            topic = max(text_years)
        else:
            topic = pub
        self.topic = topic
        #: the topic year comes from the title or the publication date
        self.dated = bool(title_years or pub)
        self.ref = pub or topic
        month = art.published[5:7]
        self.pub = (pub, int(month)) if pub and month.isdigit() else None
        self._stated = [_compared_time(ctx, t) for sent in ctx.sents
                        for t in find_times(ctx, sent, self.ref, self.pub) if t.period]
        #: the period the story leads with: the first stated in its headline,
        #: else in its first paragraph ("Inflation climbs to 2.7% in June")
        self.lead = self._lead(ctx)

    def _lead(self, ctx: ArticleContext) -> str:
        compare = compared_cues()
        firsts = {}
        for b in ctx.article.blocks:
            if b.kind in ("headline", "paragraph") and b.kind not in firsts:
                firsts[b.kind] = b
        for kind in ("headline", "paragraph"):
            b = firsts.get(kind)
            found = [t.period for t in self._stated if b is not None and b.start <= t.start < b.end
                     and t.cue not in compare and not t.anchored and ".." not in t.period]
            if found:
                return found[0]
        return ""

    def stated_before(self, char: int) -> str:
        """The latest period the article stated (not compared with) before
        ``char``: what a figure with no time of its own most likely means;
        "" when that period is yet to come."""
        compare = compared_cues()
        found = [t.period for t in self._stated if t.end <= char and t.cue not in compare
                 and not t.anchored and ".." not in t.period]
        # (none when that is one yet to come: "offered 5% this year and 3%
        # next year" says nothing of when the walkout's cost a paragraph later
        # falls; the caller falls back to the story's year)
        return found[-1] if found and not self.after_publication(found[-1]) else ""

    def finer_in_focus(self, char: int, period: str) -> str:
        """The latest month, quarter or half of ``period``'s year stated
        before ``char``, when ``period`` is a bare year; else ``period``."""
        if not re.fullmatch(YEAR, period or ""):
            return period
        compare = compared_cues()
        # not a month that had not begun when the story ran ("sell-by dates
        # into October 2024" in a story of August 2024)
        found = [t.period for t in self._stated if t.end <= char and t.cue not in compare
                 and not t.anchored and t.period.startswith(period + "-")
                 and ".." not in t.period and not self.after_publication(t.period)]
        if found:
            return found[-1]
        # a headline before the story states its month
        later = [t.period for t in self._stated if t.start >= char and t.cue not in compare
                 and not t.anchored and t.period.startswith(period + "-")
                 and ".." not in t.period and not self.after_publication(t.period)]
        return later[0] if later else period

    def after_publication(self, period: str) -> bool:
        """``period`` begins after the month the article was published."""
        months = _months(period)
        return bool(months and self.pub) and months[0] > self.pub[0] * 12 + self.pub[1] - 1

    def in_focus(self, char: int, suffix: str) -> str:
        """The latest period of this kind ("Q", "H", "-") stated before
        ``char``: what "the quarter" refers to."""
        pat = re.compile(rf"^{YEAR}-{suffix}\d+$" if suffix != "-" else rf"^{YEAR}-\d\d$")
        compare = compared_cues()
        found = [t.period for t in self._stated if t.end <= char and pat.match(t.period)
                 and t.cue not in compare]
        if found:
            # "rose 0.3% for the month" after "follows a 2.4% rise in May", in
            # a story about June: the month the story leads with
            lead = getattr(self, "lead", "")
            return lead if pat.match(lead) and before_lead(found[-1], lead) else found[-1]
        # "a rise in quarterly revenue ... For the three months ended Sept. 30"
        later = [t.period for t in self._stated if t.start > char and pat.match(t.period)]
        return later[0] if later else ""

    @staticmethod
    def _plain_years(ctx: ArticleContext) -> list[Time]:
        out = []
        for sent in ctx.sents:
            out.extend(t for t in find_times(ctx, sent, None) if t.period and not t.anchored
                       and ".." not in t.period and not t.relative)
        return out


def find_times(ctx: ArticleContext, sent: Span, ref: int | None,
               pub: tuple[int, int] | None = None) -> list[Time]:
    """Time expressions in ``sent`` (article offsets), in text order.
    Memoized per article: each sentence is asked about many times."""
    key = ("times", sent.start_char, sent.end_char, ref, pub)
    if key not in ctx.memo:
        ctx.memo[key] = _find_times(ctx, sent, ref, pub)
    return list(ctx.memo[key])


#: The patterns :func:`_find_times` reads, in the order it reads them.
_SCANNED = ("month_span", "part", "part_after", "month_year", "rel_month", "month_day",
            "month_alone", "month_noun", "relative", "months_ended", "focus", "focus_adj",
            "year_range", "year_span", "year_from_span", "year")


def _scan(ctx: ArticleContext, sent: Span) -> dict[str, list[re.Match]]:
    """Every time pattern's matches in ``sent``: they do not depend on the
    reference year, so each sentence is scanned once however it is asked."""
    key = ("scan", sent.start_char, sent.end_char)
    if key not in ctx.memo:
        p = _patterns()
        text = ctx.text[sent.start_char:sent.end_char]  # Span.text rebuilds from tokens
        ctx.memo[key] = {name: list(p[name].finditer(text)) if text.strip() else []
                         for name in _SCANNED}
    return ctx.memo[key]


def _find_times(ctx: ArticleContext, sent: Span, ref: int | None,
                pub: tuple[int, int] | None) -> list[Time]:
    p = _patterns()
    text = ctx.text[sent.start_char:sent.end_char]
    base = sent.start_char
    found = _scan(ctx, sent)
    taken: list[tuple[int, int]] = []
    out: list[Time] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(s: int, e: int, period: str, **kw):
        if not free(s, e):
            return
        taken.append((s, e))
        m = p["cue"].search(text[max(0, s - 30):s])
        cue = m.group(1).lower() if m else ""
        before = text[max(0, s - 40):s]
        if p["start"].search(before) or p["start_prep"].search(before):
            # "the outbreak that began in January", "since an eruption in
            # January": a start, not the period
            cue = "since"
        out.append(Time(base + s, base + e, period, cue=cue, **kw))

    def unyeared(first_month: int) -> str:
        # a part of a year written without its year is the publication year's,
        # unless that part has not begun when the article is published: "in the
        # fourth quarter" in a January report is last year's, as a month is
        if not ref:
            return ""
        return str(ref - 1 if pub and ref == pub[0] and first_month > pub[1] else ref)

    for m in found["month_span"]:
        first = p["months"][m.group(1).lower()]
        year = m.group(3) or unyeared(first)
        if year:
            add(m.start(), m.end(), _month_span_period(first, p["months"][m.group(2).lower()],
                                                       year))
    for m in found["part"]:
        suffix = p["parts"][re.sub(r"[\s-]+", " ", m.group(1).lower())]
        year = m.group(2) or unyeared(_first_month(suffix))
        add(m.start(), m.end(), f"{year}-{suffix}" if year else suffix)
    for m in found["part_after"]:
        add(m.start(), m.end(), f"{m.group(1)}-{p['parts'][m.group(2).lower()]}")
    for m in found["month_year"]:
        add(m.start(), m.end(), f"{m.group(2)}-{p['months'][m.group(1).lower()]:02d}")
    for m in found["rel_month"]:
        phrase = re.sub(r"\s+", " ", m.group(1).lower())
        if phrase in p["rm_ref"]:
            if pub:
                add(m.start(), m.end(), shift(f"{pub[0]}-{pub[1]:02d}", months=p["rm_ref"][phrase]),
                    relative=True)
        else:
            add(m.start(), m.end(), "", months=p["rm_anch"][phrase], anchored=True, relative=True)
    # before a month alone: "the three months to December" is a quarter
    for m in found["months_ended"]:
        month = p["months"][m.group(2).lower()]
        year = m.group(3) or unyeared(month)
        if year:
            word = m.group(1).lower()
            span = int(word) if word.isdigit() else int(load("numbers")["words"]["units"][word])
            add(m.start(), m.end(), _month_span_period(month - span + 1, month, str(year))
                if month >= span else "")
    for m in found["month_day"]:
        year = unyeared(p["months"][m.group(1).lower()])
        if year:
            add(m.start(), m.end(), year)
    for m in found["month_alone"] + found["month_noun"]:
        month = p["months"][m.group(1).lower()]
        if p["deadline"].search(text, 0, m.start(1)) and p["plan"].search(text, 0, m.start(1)):
            # "plans to release 31,200 tons through March": a deadline yet to
            # come, not the time the figure holds (as "by 2030" is not)
            taken.append((m.start(), m.end()))
            continue
        year = unyeared(month)
        if year:
            add(m.start(1), m.end(1), f"{year}-{month:02d}")
    for m in found["relative"]:
        phrase = re.sub(r"\s+", " ", m.group(1).lower())
        if phrase in p["rel_ref"]:
            if ref:
                add(m.start(), m.end(), str(ref + p["rel_ref"][phrase]), relative=True)
        else:
            add(m.start(), m.end(), "", offset=p["rel_anch"][phrase], anchored=True,
                relative=True)
    for m in found["focus"]:
        add(m.start(), m.end(), "", focus=p["focus_words"][m.group(1).lower()], relative=True)
    for m in found["focus_adj"]:
        add(m.start(), m.end(), "", focus=p["focus_adj_words"][m.group(1).lower()], relative=True)
    for name in ("year_range", "year_span", "year_from_span"):
        for m in found[name]:
            a, b = m.group(1), m.group(2)
            b = a[:2] + b if len(b) == 2 else b
            if int(b) > int(a):
                add(m.start(), m.end(), f"{a}..{b}", from_to=name == "year_from_span")
    for m in found["year"]:
        if _year_is_name(ctx, base + m.start()) or _year_counts(ctx, base + m.start()) \
                or _future(text[:m.start()]):
            taken.append((m.start(), m.end()))
            continue
        add(m.start(), m.end(), m.group(1))
    out.sort(key=lambda t: t.start)
    return out


def _future(before: str) -> bool:
    words = before.lower().split()
    return bool(words) and words[-1] in attr()["future_cues"]


def _year_is_name(ctx: ArticleContext, char: int) -> bool:
    """A year inside a name: "the PROTECT Act of 2003"."""
    span = ctx.doc.char_span(char, char + 4, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.lower_ in attr()["name_year_preps"]
            and prep.head.pos_ == "PROPN" and prep.head.is_title
            and prep.head.ent_type_ not in ("DATE", "CARDINAL"))


def _year_counts(ctx: ArticleContext, char: int) -> bool:
    """Four digits counting a plural noun right after them ("A further 2059
    people were injured"): a figure, as the extractor reads it, not a year."""
    span = ctx.doc.char_span(char, char + 4, alignment_mode="expand")
    return span is not None and len(span) == 1 \
        and counts_after_year(ctx.doc, span.start, span.end)


def _side(text_before: str) -> str:
    """"A" for the first figure of "from A to B", "B" for the second."""
    tail = text_before[-40:].lower()
    # "from about 4.2%", not "from September and 3.9%" (a second figure)
    if re.search(r"\b(from|between)\s+((?!(?:and|or|to)\b)\S+\s+){0,2}$", tail):
        return "A"
    if re.search(r"\b(to|and)\s+(\S+\s+){0,2}$", tail):
        return "B"
    return ""


@cache
def _days_apart() -> re.Pattern:
    """A day named right after a compared figure (attribution.toml [roles]
    days_apart)."""
    return re.compile(attr()["roles"]["days_apart"], re.I)


@cache
def _time_after_figure() -> re.Pattern:
    """What may stand between a figure and the time it holds ("$0.90 a year
    ago", "$1.47 in the previous quarter", "21,756 at the 2019 World Cup";
    attribution.toml figure_time_preps, figure_time_dets)."""
    preps = "|".join(re.escape(w) for w in attr()["figure_time_preps"])
    dets = "|".join(re.escape(w) for w in attr()["figure_time_dets"])
    return re.compile(rf"\s*(?:(?:{preps})\s+(?:(?:{dets})\s+)?)?", re.I)


@cache
def _figure_end() -> re.Pattern:
    """A figure as written just before a time: digits, then a scale word
    (numbers.toml [words.multipliers]) or a percent sign or word ([percent])."""
    n = load("numbers")
    scales = "|".join(re.escape(w) + "s?" for w in n["words"]["multipliers"])
    signs = "|".join(re.escape(w).replace(r"\ ", r"\s*")
                     for w in sorted(n["percent"]["percent"], key=len, reverse=True))
    return re.compile(rf"\d[\d,.]*(?:\s*(?:{signs}|{scales})(?!\w))?", re.I)


def _after_compared_figure(text_before: str) -> bool:
    """Whether a time right after ``text_before`` (the sentence up to it) is
    a compared figure's ("... was 30,911, up from 21,756 at the 2019 World
    Cup", "up from $30 million at the 2019 World Cup"): then it does not date
    the sentence for the next ones."""
    gap = _time_after_figure()
    for m in _figure_end().finditer(text_before, max(0, len(text_before) - 60)):
        if gap.fullmatch(text_before[m.end():]):
            # (a currency sign before the digits: "from $30 million")
            return _is_compared(re.sub(r"[^\w\s]+$", "", text_before[:m.start()]),
                                from_too=True)
    return False


#: how far back from a figure :func:`_is_compared` reads its cue
_CUE_REACH = 40


def _is_compared(text_before: str, from_too: bool = False) -> bool:
    """The next figure is the compared one: "..., compared with $255 million"
    (and, with ``from_too``, "... from $2.58 billion"). ``text_before`` is
    the sentence up to the figure; only its last :data:`_CUE_REACH`
    characters are read."""
    m = _patterns()["cue"].search(text_before[-_CUE_REACH:])
    return bool(m) and m.group(1).lower() in attr()["roles"]["base"] \
        and m.group(1).lower() not in (("since",) if from_too else ("from", "since"))


def _is_base(t: Time, kind: str) -> bool:
    roles = attr()["roles"]
    if t.cue == "since":
        return kind in CHANGE_KINDS
    if t.cue in attr()["roles"]["change_only"]:
        return kind in CHANGE_KINDS
    return t.cue in roles["base"]


def _base_of(ctx: ArticleContext, t: Time, period: str) -> str:
    """The base a time expression gives; "the same period of 2024" for a
    second-quarter figure is the second quarter of 2024."""
    base = t.resolve(period)
    same = re.search(r"\bsame\s+\w+\s+(?:of|in)\s+$",
                     ctx.text[max(0, t.start - 30):t.start], re.I)
    part = re.match(rf"^{YEAR}(-[HQ]\d)$", period)
    if (same or t.relative) and part and re.fullmatch(YEAR, base):
        # ("up 10 per cent from $0.90 a year ago" for a second-quarter figure:
        # the second quarter a year before)
        base += part.group(1)
    return base


_COMPARED_FIGURE = re.compile(
    r"\b(from|than|compared with|compared to|versus)\s+(?:[^,;.]|\.(?=\d)){1,30}?\s+"
    r"(?:in|(?<!\bas )of)\s+$", re.I)  # ("from 191 as of March 18": the reading's day)


def _compared_time(ctx: ArticleContext, t: Time) -> Time:
    """"down from 7.44 million in January": January is what the sentence
    compares with, not the time it talks about."""
    if t.cue not in ("in", "of", ""):
        return t
    m = _COMPARED_FIGURE.search(ctx.text[max(0, t.start - 50):t.start])
    return replace(t, cue=m.group(1).lower()) if m else t


def _elsewhere(ctx: ArticleContext, char: int, number: int) -> bool:
    """Whether the time at ``char`` sits in a clause of its own apart from
    the number at token ``number``: on its way up to what both hang on, it
    passes a clause coordinated with the number's (conj) or a participle
    modifying another noun (acl; attribution.toml time_apart_deps), or the
    object of "than" (time_apart_preps); or it names a thing coordinated
    with the one the number is in ("the 1987 bombing ..., which killed 115
    people, and the 1989 crash")."""
    doc = ctx.doc
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    above = {t.i for t in doc[number].ancestors} | {number}
    apart = set(attr()["time_apart_deps"])
    after_only = set(attr()["time_apart_after_only"])
    own_subject = set(attr()["time_apart_own_subject"])
    compared_preps = set(attr()["time_apart_preps"])
    tok = span[0]
    thing = tok.head
    if tok.dep_ in ("nummod", "compound", "amod") and thing.dep_ == "conj" \
            and thing.pos_ in ("NOUN", "PROPN") and thing.i not in above \
            and thing.head.i in above:
        # "the 1987 bombing ..., which killed 115 people, and the 1989 crash":
        # the year names the other conjunct of the thing the number is in
        # (not "300 people died in the flood and the 2022 landslide")
        return True
    while tok.i not in above:
        if tok.dep_ == "prep" and tok.lower_ in compared_preps:
            return True  # "more than the sales for the 2019 edition"
        # (a participle on the number's own noun is the number's: "the
        # 190,000 jobs added in December")
        if tok.dep_ in apart and tok.pos_ in ("VERB", "AUX") \
                and not (tok.dep_ in ("acl", "relcl") and tok.head.i in above) \
                and not (tok.dep_ in after_only and tok.i < number) \
                and not (tok.dep_ in own_subject and not _has_subject(tok)):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _later_figures_clause(ctx: ArticleContext, char: int, r: dict,
                          siblings: list[dict]) -> bool:
    """Whether the time at ``char`` comes after a later figure of the
    sentence, in that figure's clause and not in ``r``'s: "1,977,824 fans
    attended the games, beating the previous best attendance of 1,353,506
    in Canada in 2015" dates the previous best, not the 1,977,824."""
    before = [s for s in siblings if r["start_char"] < s["start_char"] and s["end_char"] <= char]
    if not before:
        return False
    doc = ctx.doc
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    nearest = max(before, key=lambda s: s["start_char"])
    verb = _clause_verb(span[0])
    # (a participle or relative clause of comparing, not "profit $1 billion
    # in 2019", a clause gapped after "Sales were $5 billion and", nor "This
    # 19% decrease, representing 7 million fewer reports in 2024": each
    # dates both)
    return verb.dep_ in ("advcl", "acl", "relcl") \
        and verb.lemma_.lower() in attr()["compare_verbs"] \
        and verb.i == _clause_verb(doc[nearest["token_start"]]).i \
        and verb.i != _clause_verb(doc[r["token_start"]]).i


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause ``tok`` is in (or the root)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _in_own_clause(ctx: ArticleContext, char: int, root: int) -> bool:
    """Whether the time at ``char`` sits in a clause (attribution.toml
    time_apart_deps) with a subject of its own below the sentence's
    ``root``: "the $125 million that Frozen 2 earned in 2019"; not a
    participle describing the main clause's words ("This decrease,
    representing 7 million fewer reports in 2024, ...")."""
    doc = ctx.doc
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    apart = set(attr()["time_apart_deps"])
    tok = span[0]
    while tok.i != root and tok.head.i != tok.i:
        if tok.dep_ in apart and tok.pos_ in ("VERB", "AUX") and _has_subject(tok, relative=False):
            return True
        tok = tok.head
    return False


#: the dependencies of a clause's own subject
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")


def _has_subject(verb: Token, relative: bool = True) -> bool:
    """Whether a clause's verb has a subject of its own; with ``relative``
    False, not a relative pronoun ("the game, which drew ...")."""
    skip = () if relative else attr()["relative_pronouns"]
    return any(c.dep_ in _SUBJECT_DEPS and c.lower_ not in skip for c in verb.children)


def _before_base(period: str, base: str) -> bool:
    """Whether ``period`` is in a year before ``base``'s ("2018" and "2023")."""
    return bool(period[:4].isdigit() and base[:4].isdigit() and period[:4] < base[:4])


def _time_of_described(ctx: ArticleContext, r: dict, times: list[Time]) -> Time | None:
    """The time a figure's relative clause takes from the noun it describes
    ("last year's game, which drew 115.1 million viewers"), or None."""
    tok = ctx.doc[r["token_start"]]
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    while tok.dep_ == "conj" and tok.head.i < tok.i:  # "... infected 147 and killed 33"
        tok = tok.head
    if tok.dep_ != "relcl" or tok.head.i > tok.i:
        return None
    noun = tok.head
    lo, hi = noun.left_edge.idx, noun.idx + len(noun.text)
    return next((t for t in times if lo <= t.start < hi and (t.period or t.anchored)), None)


def _from_and_to(t: Time) -> list[Time]:
    """A span "from 2019 to 2024" read by a change: the base it changed
    from, then the period it changed to."""
    if not t.from_to:
        return [t]
    first, _, last = t.period.partition("..")
    return [replace(t, end=t.start + len(first), period=first),
            replace(t, start=t.end - len(last), period=last, cue="to")]


def _sentence_frame(ctx: ArticleContext, sent: Span, years: Years) -> tuple[str, str]:
    """(period, base) a sentence states, for use as context by the next ones:
    not a time in a clause apart from its main one ("topping the $125 million
    that Frozen 2 earned in 2019" says nothing of when the next sentence's
    figures are)."""
    compare = compared_cues()
    times = [_compared_time(ctx, t) for t in find_times(ctx, sent, years.ref, years.pub)
             if not _in_own_clause(ctx, t.start, sent.root.i)
             and not _after_compared_figure(ctx.text[sent.start_char:t.start])]
    times = [replace(t, period=years.in_focus(t.start, t.focus)) if t.focus else t
             for t in times]
    period = next((t.period for t in times if t.period and t.cue not in compare
                   and ".." not in t.period), "")
    base = ""
    for t in times:
        # (not a span's first year: "generated $39.9 billion from 2019
        # through 2024" dates a total, and the next sentence's "61 per cent
        # drop in 2024" is no change since 2019)
        if t.cue in compare and t.cue != "since" and ".." not in t.period:
            base = _base_of(ctx, t, period)
            if base and base != period:
                break
            base = ""
    return period, base


def periods(ctx: ArticleContext, years: Years, sent: Span, r: dict,
            siblings: list[dict]) -> tuple[str, str, str]:
    """(period, base_period, how) for one raw claim; ``how`` names the
    confidence level in attribution.toml."""
    kind = r["kind"]
    times = find_times(ctx, sent, years.ref, years.pub)
    if kind in CHANGE_KINDS:
        times = [part for t in times for part in _from_and_to(t)]
    else:
        # "rose 5% from 2019 to 2024, reaching $3 billion": a span after a
        # change is the change's; the level reached holds its last year
        times = [_from_and_to(t)[-1] if t.from_to and any(
            s["kind"] in CHANGE_KINDS and s["end_char"] <= t.start for s in siblings) else t
            for t in times]
    # "1.6°C above the 1850-1900 average": a baseline is what the figure is
    # measured against, neither its period nor a base period
    after = ctx.text[r["end_char"]:min(sent.end_char, r["end_char"] + attr()["baseline_reach"])]
    baseline = baseline_after(after)
    if baseline is not None:
        b_start, b_end = r["end_char"] + baseline.start(), r["end_char"] + baseline_end(after,
                                                                                    baseline)
        times = [t for t in times if not (b_start <= t.start < b_end)]
    described = _time_of_described(ctx, r, times) if kind not in CHANGE_KINDS else None
    text_before = ctx.text[sent.start_char:r["start_char"]]
    side = _side(text_before)
    if side == "B" and not any(_side(ctx.text[sent.start_char:s["start_char"]]) == "A"
                               for s in siblings if s is not r):
        side = ""
    # a time expression between this claim and the next belongs to this one;
    # one beyond the next claim belongs to that claim ("rose to $310 million,
    # compared with $255 million in the same quarter last year")
    later = [s["start_char"] for s in siblings if s["start_char"] > r["start_char"]]
    earlier = [s["end_char"] for s in siblings if s["end_char"] <= r["start_char"]]
    if side == "A" and _days_apart().search(
            ctx.text[r["end_char"]:later[0] if later else sent.end_char]):
        side = ""  # "up from 21% on Wednesday": a day before, not a year
    # "up 50 per cent from $2.58 billion a year earlier": a time right after
    # another figure, one compared with, is that figure's (and the base of a
    # change that figure is compared with: the 50 per cent's)
    compared = {s["start_char"]: s["end_char"] for s in siblings if s is not r
                and _is_compared(ctx.text[max(sent.start_char, s["start_char"] - _CUE_REACH):
                                          s["start_char"]], from_too=True)}
    own_base = min((s["start_char"] for s in siblings if s["start_char"] > r["start_char"]),
                   default=-1) if kind in CHANGE_KINDS else -1

    def after(t: Time, end: int) -> bool:
        return t.start >= end and bool(_time_after_figure().fullmatch(ctx.text[end:t.start]))
    times = [t for t in times if not any(after(t, e) for s, e in compared.items()
                                         if s != own_base)]
    # "Net income was $4.2 billion, or $1.38 per share, compared with $3.6
    # billion, or $1.17 per share, a year ago": a time past a figure compared
    # with (and the figures restating it) is never a figure's before it
    then = min((s for s in compared if s > r["start_char"] and s != own_base), default=None)
    if then is not None:
        times = [t for t in times if t.start < then]
    based = [replace(t, cue="from") if t.cue not in compared_cues() else t for t in times
             if own_base in compared and after(t, compared[own_base])]
    # "Fares brought in $55.9 million ..., and the rest leans on a tax
    # approved by voters in 2008": a time in another clause joined to this
    # one, or in a participle describing some other thing, is not this one's
    times = [t for t in times if not _elsewhere(ctx, t.start, r["token_start"])
             and not _later_figures_clause(ctx, t.start, r, siblings)]
    # "down from 112 deaths in 2025, a drop of about 16 percent": the time
    # of a figure compared before this one is what this one compares with
    times = [_compared_time(ctx, t) if t.start < r["start_char"] else t for t in times]
    window = [t for t in times if (not later or t.start < later[0])
              and (not earlier or t.start >= earlier[-1] or side != "B")]
    compared_next = later and _is_compared(ctx.text[sent.start_char:later[0]])
    if window or side or compared_next:
        times = window
    times = [t for t in times if all(t.start != b.start for b in based)] + based
    if kind not in CHANGE_KINDS:
        # "from a year earlier", "than the year before" measure a change
        # stated beside this figure, not the time this figure holds
        compare = compared_cues()
        times = [t for t in times if not (t.anchored and t.cue in compare)]
        # "rose 0.3% from September and 3.9% from a year earlier, to $36.42":
        # a compared time before an earlier figure belongs to that figure
        # (not a span before every figure: "From 2019 to 2024, ... 121,902
        # ships ..., carrying 7.154 billion tons" dates each of them; "rose 5%
        # from 2019 to 2024, reaching $3 billion" only the change)
        first = min(s["start_char"] for s in siblings)
        times = [t for t in times if not (t.cue in compare and earlier and t.start < earlier[-1]
                                          and not (t.from_to and t.start < first))]

    times = [replace(t, period=years.in_focus(t.start, t.focus)) if t.focus else t
             for t in times]
    times = [t for t in times if t.period or t.anchored]
    own = [t for t in times if not _is_base(t, kind)]
    bases = [t for t in times if _is_base(t, kind)]
    if described is not None:
        # "grew 7 percent over last year's game, which drew 115.1 million":
        # the time of the thing a relative clause describes is the figure's
        focus = years.in_focus(described.start, described.focus) if described.focus else ""
        own, bases = [replace(described, cue="", period=focus or described.period)], []
    how = "period_explicit"
    period = ""
    nearest = min(own, key=lambda t: abs(t.start - r["start_char"])) if own else None
    if nearest is not None and nearest.cue == "since" and nearest.period:
        # "Since 2021, at least 36 ..." -> 2021..2024; since a month of the
        # reference year ("began in January") -> that year so far
        start = nearest.period.split("..")[0]
        period = f"{start}..{years.ref}" if years.ref and int(start[:4]) < years.ref \
            else start[:4] if years.ref and start[:4] == str(years.ref) else start
        own = []
    ctx_period, ctx_base = "", ""
    if not period and not own or any(t.anchored for t in own):
        block = ctx.block_of(sent.start_char)[0]
        for prev in ctx.previous_sentences(sent, paragraphs=True):
            ctx_period, ctx_base = _sentence_frame(ctx, prev, years)
            if ctx_period and ctx.block_of(prev.start_char)[0] != block \
                    and before_lead(ctx_period, years.lead):
                # a month the paragraph before mentions in passing ("follows a
                # 2.4% increase in May") is not this paragraph's: the story's
                ctx_period, ctx_base = years.lead, ""
            if ctx_period:
                break
        # a bare year ("the end of summer") in a month's story: the month in focus
        ctx_period = years.finer_in_focus(sent.start_char, ctx_period)
    # "a year earlier" counts from the period this sentence states ("in the
    # third quarter ... from $4.31 billion a year earlier" -> a year before Q3)
    anchor = (_sentence_frame(ctx, sent, years)[0] if any(t.anchored for t in times) else "") \
        or ctx_period
    if not period and own:
        t = min(own, key=lambda t: abs(t.start - r["start_char"]))
        period = t.resolve(anchor or (str(years.topic) if years.topic else ""))
        how = "period_relative" if t.relative else how
    if not period and side == "A":
        if bases:
            period = bases[0].resolve(anchor or str(years.topic or ""))
        elif ctx_base:
            period, how = ctx_base, "period_context"
        elif ctx_period:
            period, how = shift(ctx_period, -1), "period_context"
        elif years.topic:
            period, how = str(years.topic - 1), "period_fallback"
    if not period and ctx_period and not (kind in CHANGE_KINDS and bases and _before_base(
            ctx_period, bases[0].resolve(anchor or str(years.topic or "")))):
        # (a change is later than the base it states: "grew 7 percent over
        # last year's game" after a sentence about 2018 is not 2018's)
        period, how = ctx_period, "period_context"
    if not period:
        period, how = years.stated_before(sent.start_char), "period_fallback"
        if before_lead(period, years.lead):
            period = years.lead  # a background period named in passing
        if period[:4].isdigit() and years.dated and years.topic - int(period[:4]) > 1:
            # nothing in the sentence or its paragraph: the year an earlier
            # paragraph named is the story's ("counted 31 homicides last
            # year"), but not a background year far back ("Katrina killed
            # 1,833 people in 2005"): then the year the article is about
            period = str(years.topic)
    if not period and years.topic:
        period, how = str(years.topic), "period_fallback"
    if how == "period_fallback":
        period = years.finer_in_focus(sent.start_char, period)

    base = ""
    if kind in CHANGE_KINDS:
        if bases:
            t = min(bases, key=lambda t: abs(t.start - r["start_char"]))
            base = _base_of(ctx, t, period)
            if t.cue == "since" and ".." in base:
                base = base.split("..")[0]
        if not base and ctx_base and how == "period_context":
            base = ctx_base
        if not base and not ctx_base and period:
            # a context sentence may give the base though this sentence gave the period
            for prev in ctx.previous_sentences(sent, paragraphs=True):
                p2, b2 = _sentence_frame(ctx, prev, years)
                if p2 == period and b2:
                    base = b2
                    break
        if not base and period and baseline is None:
            # "added 142,000 jobs in October": a month's count of change runs
            # from the month before; other changes compare with a year before
            monthly = kind == "change" and re.fullmatch(rf"{YEAR}-\d\d", period)
            base = shift(period, months=-1) if monthly else shift(period, -1)
            how = "period_fallback" if how == "period_explicit" else how
    return period, base, how
