"""Stage 4, normalize: what each number is about.

:func:`attribute` turns one article's raw claim dicts (from extract.py) into
:class:`~pipeline.model.Claim` records with ``subject``, ``metric``,
``unit``, ``period``, ``base_period`` and ``confidence`` filled in. It only
looks at its own article, so its results can be cached per article.
:func:`canonicalize` then aligns names and metric keys across the article
set ("National Center for Missing & Exploited Children" -> "NCMEC").

The work is split by question in :mod:`pipeline.attribution` (subject,
metric, period, canonical); knowledge lives in ``data/attribution.toml`` and
``data/synonyms.toml``.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a cached run never imports spaCy
    from spacy.tokens import Doc

from .attribution import canonical, context, metric, period, subject, table
from .attribution.context import attr
from .cues import reference_after
from .extract import converted, doc_text
from .knowledge import load, measure_units
from .model import Article, Claim

_NAME_LABELS = ("ORG", "ORG?", "PERSON", "PRODUCT", "FAC")


#: Hex digits of the hash in a claim id (``000-8f3a21``), and in the longer
#: id a claim gets when its short one is shared in a run (:func:`unique_ids`).
ID_DIGITS = 6
LONG_ID_DIGITS = 12


def claim_id(article: Article, start: int, end: int) -> str:
    """Stable id: same article text and same span give the same id. The first
    part of the source id (up to its first ``_``, at most 12 characters), a
    dash, and :data:`ID_DIGITS` hex digits of the sha1
    of the text's sha256 and the span."""
    return _claim_id(article.source_id, article.sha256, start, end, ID_DIGITS)


def _claim_id(source_id: str, sha256: str, start: int, end: int, digits: int,
              salt: str = "") -> str:
    prefix = source_id.split("_")[0][:12] or "src"
    digest = hashlib.sha1(f"{salt}{sha256}:{start}:{end}".encode()).hexdigest()
    return f"{prefix}-{digest[:digits]}"


def unique_ids(claims: list[Claim], articles: list[Article]) -> list[Claim]:
    """``claims`` with every id unique in the run. A claim keeps its id unless
    a claim at another span (of its article, or of another article whose
    source id starts alike) has the same one; then each of them gets
    :data:`LONG_ID_DIGITS` hex digits of the same hash (the short id's
    digits, then more), still a function of its own text and span, so
    stable while the clash lasts. Should those clash too (the same text and
    span under two source ids), the hash takes the source id in. Linear in
    claims; ids that do not clash (the golden files', those editors' verdicts
    refer to) stay exactly as they were."""
    sha = {a.source_id: a.sha256 for a in articles}
    out = list(claims)
    for salted in (False, True):
        spans: dict[str, set] = {}
        for c in out:
            spans.setdefault(c.claim_id, set()).add((c.source_id, c.start_char, c.end_char))
        clashing = [i for i, c in enumerate(out) if len(spans[c.claim_id]) > 1]
        if not clashing:
            break
        for i in clashing:
            c = out[i]
            out[i] = replace(c, claim_id=_claim_id(
                c.source_id, sha[c.source_id], c.start_char, c.end_char, LONG_ID_DIGITS,
                salt=f"{c.source_id}:" if salted else ""))
    return out


def combine(articles: list[Article], per_article: dict[str, list[Claim]]) -> list[Claim]:
    """Every article's claims in article order, with ids unique across them
    (:func:`unique_ids`), canonicalized (:func:`canonicalize`)."""
    claims = [c for a in articles for c in per_article[a.source_id]]
    return canonicalize(unique_ids(claims, articles))


def attribute(article: Article, doc: Doc, raw: list[dict]) -> list[Claim]:
    """Claims with subject, metric, unit and period for one parsed article."""
    raw = sorted(raw, key=lambda r: r["start_char"])
    ctx = context.build(article, doc)
    years = period.Years(ctx)
    finder = subject.SubjectFinder(ctx)
    name_chars = _name_chars(doc, finder)
    metrics = metric.MetricFinder(ctx, name_chars)
    metrics.set_figures(raw)
    conf = attr()["confidence"]

    sents = [doc.char_span(r["sent_start"], r["sent_end"], alignment_mode="expand") for r in raw]
    sents = [ctx.sent_of(s.start) if s is not None and len(s) else ctx.sentence_at(r["start_char"])
             for s, r in zip(sents, raw)]
    by_sent: dict[int, list[dict]] = {}
    for r in raw:
        by_sent.setdefault(r["sent_start"], []).append(r)

    # subjects: in the clause, else an earlier sentence of the paragraph, else the main subject
    subjects: list[tuple[list[str], str]] = [finder.for_claim(r) for r in raw]
    finder.owned_told(raw, subjects)
    # a clause scoped to a wider place ("across the state"), or whom an
    # amount is for ("$17 billion for Israel"), names whose figure it is,
    # not what the article is about
    main = finder.main_subject([(names[0], r["sent_start"]) for (names, how), r in zip(subjects, raw)
                                if len(names) == 1 and how != "scope"],
                               scoped={n for names, how in subjects if how == "scope" for n in names})
    subjects = [(names, "in_sentence" if how == "scope" else how) for names, how in subjects]
    for i, (names, how) in enumerate(subjects):
        if names:
            continue
        # (not whoever tells this figure: "According to Berkeley Earth, the
        # average global temperature ... was 1.54C" is no figure of Berkeley
        # Earth's, though the article may name it most)
        fallback = ([main], "fallback") if main and main != finder.according_to(raw[i]) \
            else ([], "none")
        if how == "source":             # the clause names who published it
            subjects[i] = fallback
            continue
        for prev in ctx.previous_sentences(sents[i]):
            found = finder.for_sentence(prev)
            if found:
                subjects[i] = (found, "from_context")
                break
        else:
            subjects[i] = fallback

    _alternatives(ctx.text, raw, subjects)
    guesses = [metrics.guess(r) for r in raw]
    _converted_twins(ctx.text, raw, guesses)
    _borrow_metrics(ctx, raw, sents, guesses, metrics)
    _list_leads(raw, sents, guesses, metrics, finder)
    _unify_restatements(raw, guesses, subjects)
    _mark_moments(ctx.text, raw, guesses)
    for r, g in zip(raw, guesses):
        # a figure sought or only possible is not the figure that came to be
        if g.key and not metric.mood_of(g.key) and (m := metric.mood(doc, r)):
            g.key = f"{g.key} ({m})"   # (once, if two figures share one guess)

    cells = table.cells(article.text) if any(
        sep in article.text for sep in ("|", "\t")) else {}
    starts = sorted(cells)
    reach = attr()["baseline_reach"]
    claims = []
    block_starts = [b.start for b in article.blocks]  # in text order
    for r, sent, (names, s_how), g in zip(raw, sents, subjects, guesses):
        per, base, p_how = period.periods(ctx, years, sent, r, by_sent[r["sent_start"]])
        cell = table.cell_at(cells, r["start_char"], r["end_char"], starts) if cells else None
        if cell is not None:
            # a figure in a table: the row says what, the column when
            r, g, per, base, p_how = _from_cell(r, g, cell, per, base, p_how)
        s_start, s_end = _within_block(article, r, block_starts)
        s_level = {"in_sentence": "subject_in_sentence", "from_reference": "subject_from_reference",
                   "from_context": "subject_from_context", "fallback": "subject_fallback",
                   "none": "no_subject"}[s_how]
        confidence = conf[s_level] * conf[g.how] * conf[p_how]
        unit = r["unit"]
        if r["kind"] in ("count", "change", "rate", "amount") and not r.get("currency") \
                and unit != _occasion_unit():  # "eight times" counts occasions, not the noun
            # ("to 7 million pounds of deli meat": a unit of measure stays)
            if g.replace_unit and g.unit_noun \
                    and unit.split(" ")[0].lower() not in measure_units():
                unit = metric.unit_with_noun(_unit_suffix(unit), g.unit_noun)
            else:
                unit = metric.unit_with_noun(unit, g.unit_noun)
        claims.append(Claim(
            claim_id=claim_id(article, r["start_char"], r["end_char"]),
            source_id=article.source_id,
            sentence=one_line(article.text[s_start:s_end]),
            start_char=r["start_char"], end_char=r["end_char"], text=r["text"],
            kind=r["kind"], value=r["value"], low=r["low"], high=r["high"],
            qualifier=r["qualifier"], direction=r["direction"], unit=unit,
            metric=g.key, subject=";".join(names), period=per, base_period=base,
            confidence=round(confidence, 2), source=_source(finder, r, names),
            reference=reference_after(
                article.text[r["end_char"]:min(r["sent_end"], r["end_char"] + reach)]),
            sent_start=s_start, sent_end=s_end,
        ))
    return claims


def _within_block(article: Article, r: dict, starts: list[int]) -> tuple[int, int]:
    """The claim's sentence span cut to its block: a sentence the model ran on
    over blanked page furniture ("Check Also ...") quotes only its own
    paragraph's text."""
    start, end = r["sent_start"], r["sent_end"]
    i = bisect.bisect_right(starts, r["start_char"]) - 1
    if i >= 0 and r["start_char"] < article.blocks[i].end:
        return max(start, article.blocks[i].start), min(end, article.blocks[i].end)
    return start, end


def one_line(sentence: str) -> str:
    """A sentence as quoted: stripped, a hard-wrapped one's line breaks as
    spaces (one for one, so offsets within it hold)."""
    return sentence.strip().replace("\r", " ").replace("\n", " ")


def canonicalize(claims: list[Claim]) -> list[Claim]:
    """One name per subject and one key per metric across the article set."""
    return canonical.canonicalize(claims)


def _source(finder: subject.SubjectFinder, r: dict, names: list[str]) -> str:
    """Who states the figure, when that is not its subject."""
    teller = finder.source_of(r)
    return teller if teller and teller not in names else ""


_YEAR_CELL = re.compile(rf"(?:FY\s?)?({period.YEAR})", re.I)


def _from_cell(r: dict, g, cell: table.Cell, per: str, base: str, p_how: str):
    """A table cell's figure takes its metric from the row label, its period
    from a column header that is a year, and its quoted sentence is the row."""
    r = dict(r, sent_start=cell.line_start, sent_end=cell.line_end)
    if not r.get("currency") and not r.get("measure_unit"):
        r["unit"] = ""  # the parser's "counted noun" here is a separator or a label
    what, when = cell.row_label, cell.header
    if _YEAR_CELL.fullmatch(what.strip()) and not _YEAR_CELL.fullmatch(when.strip()):
        what, when = when, what  # years down the side, measures across the top
    label = " ".join(re.findall(r"[\w'&-]+", what.lower()))
    if label:
        g = metric.MetricGuess(key=label, how="metric_from_noun")
    year = _YEAR_CELL.fullmatch(when.strip())
    if year:
        per, base, p_how = year.group(1), "", "period_explicit"
    return r, g, per, base, p_how


@cache
def _occasion_unit() -> str:
    """The unit of a figure that counts occasions ("eight times")."""
    return load("extract")["multiple"]["occasion_unit"]


def _unit_suffix(unit: str) -> str:
    """"crime per day" -> "per day": keep a rate's time part when the noun
    is replaced."""
    i = unit.find("per ")
    return unit[i:] if i >= 0 else ""


def _name_chars(doc: Doc, finder: subject.SubjectFinder) -> set[int]:
    """Token offsets inside names of organisations, people and products."""
    out = set()
    spans = [(m.start, m.end) for m in finder.mentions.items if m.label in _NAME_LABELS]
    spans += [(e.start_char, e.end_char) for e in doc.ents
              if e.label_ in attr()["name_labels"]]
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.update(t.idx for t in span)
    return out


def _borrow_metrics(ctx, raw, sents, guesses, metrics) -> None:
    """Claims whose own words name no quantity take the key of the nearest
    claim in the sentence (one that counts what it counts first: "destroyed
    40 homes in 12 towns and damaged 300" borrows from the homes), else of
    an earlier claim in the paragraph, else of the sentence's subject noun."""
    for i, g in enumerate(guesses):
        if not g.borrow:
            continue
        unit = raw[i]["unit"]
        same = [j for j in range(len(raw)) if j != i and raw[j]["sent_start"] == raw[i]["sent_start"]
                and (j < i or not guesses[j].borrow) and _lends(ctx, raw, guesses, j, i)
                and not (guesses[j].own_in and raw[i].get("currency"))]
        # (an amount "in" its own thing lends it to no other amount beside
        # it: "$60 billion to support Ukraine, ..., $9 billion in humanitarian
        # aid for Gaza" are not both humanitarian aid)
        lasting = metric.counts_time(raw[i]) and bool(g.key)
        if lasting:     # a length of time borrows only from another length
            same = [j for j in same if raw[j]["unit"] == unit]
        same.sort(key=lambda j: (bool(unit) and raw[j]["unit"] != unit, j > i,
                                 abs(raw[j]["start_char"] - raw[i]["start_char"])))
        donor = same[0] if same else None
        if donor is None and lasting:
            guesses[i] = replace(g, borrow=False)   # "over one month to go": a length
            continue
        if donor is None:
            donor = _earlier_donor(ctx, raw, guesses, i)
        if donor is not None:
            d = guesses[donor]
            guesses[i] = metric.MetricGuess(_own_verb(ctx.doc, raw[i], d), d.unit_noun,
                                            "metric_borrowed", replace_unit=g.replace_unit)
            continue
        skip = set(range(raw[i]["token_start"], raw[i]["token_end"]))
        found = metrics.from_sentence(sents[i], skip)
        if found is not None and metric.point_key(found.key, raw[i]):
            found = None
        guesses[i] = found or metric.MetricGuess()


def _own_verb(doc, r: dict, donor: metric.MetricGuess) -> str:
    """The ``donor``'s key with the borrowing figure's own verb, as
    :meth:`metric.MetricFinder.key_for` names one (any verb for people and
    homes, else a verb of change): "cut 500 jobs and added 200" gives the 200
    "job (add)", not "job (cut)"; "... and kept 200" gives "job", as "kept
    200 jobs" does; "destroyed 40 homes and damaged 300", "home (damage)"."""
    key = donor.key
    m = _KEY_VERB.search(key)
    num = doc[r["token_end"] - 1]
    if m is None and num.dep_ == "dobj":
        # "produced 494,989 vehicles and delivered 484,507": the 484,507 are
        # deliveries, not production (synonyms.toml [object_events])
        events = set(metric.object_events().values())
        own, words = metric.object_event(num), key.split()
        if own and words and words[-1] != own:
            # (a donor that names no event takes this figure's: "produced a
            # total of 1,845,985 vehicles and delivered 1,808,581")
            return " ".join((words[:-1] if words[-1] in events else words) + [own])
    if m is None and num.dep_ in ("nsubj", "nsubjpass") and num.head.pos_ == "VERB" \
            and num.head.lemma_ != "be" and metric.counts_people(donor.unit_noun) \
            and key in metric.outcomes():
        # "At least 30 people have died and another 179 have been rushed to
        # hospital": what befell the 179 is their own verb's, not a death
        own = metric.outcome_of(num.head)
        if own != key:
            return own or f"{metric.head_class(donor.unit_noun)} ({num.head.lemma_.lower()})"
    if m is None or num.dep_ != "dobj" or num.head.pos_ != "VERB":
        return key
    verb = num.head.lemma_.lower() if metric.counts_people(donor.unit_noun) \
        and num.head.lemma_ != "be" else metric.flow_verb(num.head)
    return f"{key[:m.start()]} ({verb})" if verb else key[:m.start()]


#: the verb a key names ("job (cut)")
_KEY_VERB = re.compile(r" \(([a-z]+)\)$")


def _list_leads(raw, sents, guesses, metrics, finder) -> None:
    """A list of figures by name counts what its lead names ("deaths from
    Helene by state were: North Carolina, 113 people; South Carolina, 48
    people"): an entry that names only people, or nothing, takes the key
    of the lead's noun."""
    people = metric.people_words()
    in_sentence: dict[int, set[int]] = defaultdict(set)
    for r in raw:
        in_sentence[r["sent_start"]] |= set(range(r["token_start"], r["token_end"]))
    for i, r in enumerate(raw):
        g, (name, list_start) = guesses[i], finder.listed(r)
        # (the entry's own name read as what it counts: "Texas (309)")
        named = name.lower().split()
        if not name or g.key and g.key not in people and not all(
                any(n.startswith(w) for n in named) for w in g.key.split()):
            continue
        lead = metrics.from_lead(sents[i], list_start, in_sentence[r["sent_start"]])
        before = _lead_sentence(sents[i], list_start)
        if lead is None and before is not None:
            lead = metrics.from_lead(before, before.end_char, set())
        if lead is not None and lead.key not in people:
            # the entry's own name is no counted noun: the lead's is
            own = g.unit_noun and any(n.startswith(g.unit_noun.lower()) for n in named)
            guesses[i] = metric.MetricGuess(lead.key, lead.unit_noun if own else g.unit_noun,
                                            lead.how, replace_unit=bool(own) or g.replace_unit)


def _lead_sentence(sent, list_start: int):
    """The sentence before one that opens with its list, when it ends in a
    colon: the model often cuts "deaths by county were: Ashe, 1; Avery, 4"
    after the colon, leaving the list's lead in a sentence of its own."""
    if sent.start == 0 or doc_text(sent.doc)[sent.start_char:list_start].strip():
        return None
    before = sent.doc[sent.start - 1].sent
    return before if before.text.rstrip().endswith(":") else None


def _lends(ctx, raw, guesses, j, i) -> bool:
    """Whether claim ``j``'s key can be lent to claim ``i``: not a key of
    points to a share (:func:`metric.point_key`), nor the people a count
    counts to a sum of money ("Three other Californians won $1 million":
    the money is no Californian)."""
    key = guesses[j].key
    if not key or metric.point_key(key, raw[i]):
        return False
    if raw[i].get("currency") and not raw[j].get("currency") and raw[j]["kind"] == "count":
        head = raw[j].get("head_i", -1)
        noun = guesses[j].unit_noun
        if metric.counts_people(noun) or (head >= 0 and ctx.doc[head].ent_type_ == "NORP"):
            return False
    return True


def _earlier_donor(ctx, raw, guesses, i) -> int | None:
    """The nearest earlier claim with a key in this paragraph, else in the
    paragraph just before (headlines and bullets stand alone)."""
    block = ctx.block_of(raw[i]["start_char"])
    if block[2] in ("headline", "bullet"):
        return None
    start = block[0]
    before = [b for b in ctx.blocks if b[1] <= start and b[2] != "furniture"]
    for lo in (start, before[-1][0] if before and before[-1][2] == "paragraph" else None):
        if lo is None:
            break
        earlier = [j for j in range(i) if lo <= raw[j]["start_char"] < raw[i]["sent_start"]
                   and _lends(ctx, raw, guesses, j, i)]
        if earlier:
            return earlier[-1]
    return None


@cache
def _moment_cues() -> list[tuple[re.Pattern, str]]:
    """Each moment cue word (attribution.toml ``moments``) as a compiled pattern."""
    return [(re.compile(rf"\b{re.escape(w)}\b", re.I), name)
            for name, words in attr()["moments"].items() for w in words]


def _mark_moments(text: str, raw: list[dict], guesses) -> None:
    """"620,000 without power at the peak" vs "85,000 remaining": the
    moment cue nearest a figure, between its neighbours in the sentence,
    goes in front of its metric key."""
    cues = _moment_cues()
    for i, r in enumerate(raw):
        if not guesses[i].key:
            continue
        lo = max([raw[j]["end_char"] for j in range(len(raw)) if raw[j]["sent_start"] == r["sent_start"]
                  and raw[j]["end_char"] <= r["start_char"]], default=r["sent_start"])
        hi = min([raw[j]["start_char"] for j in range(len(raw)) if raw[j]["sent_start"] == r["sent_start"]
                  and raw[j]["start_char"] >= r["end_char"]], default=r["sent_end"])
        found = []
        for pattern, name in cues:
            for m in pattern.finditer(text[lo:hi]):
                at = lo + m.start()
                found.append((min(abs(at - r["start_char"]), abs(at - r["end_char"])), name))
        if found:
            name = min(found)[1]
            if not guesses[i].key.startswith(name + " "):
                guesses[i].key = f"{name} {guesses[i].key}"


@cache
def _restating() -> re.Pattern:
    words = "|".join(map(re.escape, load("extract")["listed_items"]["restating"]))
    return re.compile(rf",?\s+(?:{words})\s+", re.I)


def _alternatives(text: str, raw: list[dict], subjects: list[tuple[list[str], str]]) -> None:
    """"the Dow Jones Industrial Average 1.6% or 543 points", "rose $2
    billion, or 5%": a figure set after another by "or" (extract.toml
    [listed_items] restating) restates it in another unit, and is whose that
    one is."""
    for i in range(1, len(raw)):
        prev, r = raw[i - 1], raw[i]
        if prev["sent_start"] == r["sent_start"] and subjects[i - 1][0] \
                and _restating().fullmatch(text, prev["end_char"], r["start_char"]):
            subjects[i] = subjects[i - 1]


def _converted_twins(text: str, raw: list[dict], guesses) -> None:
    """A figure converted in brackets right after another measures what
    that one does: the one whose own words name it lends its key to the
    other ("2.39 trillion yuan ($333 billion) in liabilities": the parse
    hangs "in liabilities" on the yuan; "more than US$300 billion (S$402.3
    billion) of total liabilities": on the Singapore dollars). When both
    name something, the first figure's stands."""
    for i in range(1, len(raw)):
        if raw[i - 1]["kind"] != raw[i]["kind"] or not converted(text, raw[i - 1], raw[i]):
            continue
        a, b = guesses[i - 1], guesses[i]
        if a.key and not a.borrow:
            guesses[i] = replace(a, replace_unit=b.replace_unit)
        elif b.key and not b.borrow:
            guesses[i - 1] = replace(b, replace_unit=a.replace_unit)


def _unify_restatements(raw, guesses, subjects) -> None:
    """The same exact figure stated twice in one article (a summary bullet
    repeating the body) counts the same quantity: give it one key. For
    counts and rates the two keys become one everywhere in the article; an
    amount stated twice in one currency ("its 5-day domestic debut of $221
    Million", then "$221M over 5 days") only has its own claims take the article's
    more used key of the two (another figure keyed like one of them keeps
    its key: one article's "$68 million a year" deferred and its "$68
    million in the lottery" must not re-key the "$70 million" beside the
    first)."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    groups: dict[tuple, list[int]] = {}
    amounts: dict[tuple, list[int]] = {}
    for i, r in enumerate(raw):
        if r["kind"] in ("count", "rate") and r["value"] >= 1000 and guesses[i].key:
            groups.setdefault((r["value"], r["kind"], tuple(subjects[i][0])), []).append(i)
        elif r["kind"] == "amount" and r["value"] >= 1000 and guesses[i].key:
            amounts.setdefault((r["value"], r["unit"], tuple(subjects[i][0])),
                               []).append(i)
    used = Counter(g.key for g in guesses if g.key)
    for members in amounts.values():
        if len({guesses[i].key for i in members}) > 1:
            chosen = max(sorted({guesses[i].key for i in members}),
                         key=lambda k: (used[k], -len(k)))
            for i in members:
                guesses[i].key = chosen
    for members in groups.values():
        keys = {guesses[i].key for i in members}
        first = sorted(keys)[0]
        for k in keys:
            parent[find(k)] = find(first)
    if not parent:
        return
    counts = Counter(g.key for g in guesses if g.key)
    best: dict[str, str] = {}
    for k in counts:
        root = find(k)
        if root not in best or (counts[k], -len(k)) > (counts[best[root]], -len(best[root])):
            best[root] = k
    for g in guesses:
        if g.key:
            g.key = best[find(g.key)]
