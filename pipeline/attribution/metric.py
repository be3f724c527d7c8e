"""What a number counts: a metric key built from the parse.

The key is the counted noun mapped through the synonym classes
(``data/synonyms.toml``), preceded by the modifiers that narrow it
("sex trafficking report", "ai-generated abuse material report"). Modifiers
that only restate the article's topic (words of its title), generic words
("total", "suspected") and names of organisations ("CyberTipline reports")
do not narrow what is counted. Counts of people are scoped by their verb
("child (teach)"). Percentages, changes and multiples take the key of the
quantity they describe ("a 55% increase in reports of X", "reports of X
went up 55%"); when the parse names none, the key is borrowed from the
nearest claim in the sentence or paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from rapidfuzz import fuzz, process
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a cached run never imports spaCy
    from spacy.tokens import Span, Token

from ..extract import moved_before, name_before, token_after
from ..keys import cfg, time_units
from ..knowledge import load
from .context import ArticleContext, attr, lower_words, syn

_MOD_DEPS = ("compound", "amod", "nmod", "npadvmod", "advmod")
_SKIP_POS = ("DET", "PRON", "PUNCT", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "ADV", "AUX",
             "SPACE", "SYM", "X", "INTJ")


@cache
def synonym_classes() -> dict[str, str]:
    """Each word of synonyms.toml [classes] -> its class (the canonical word)."""
    out = {}
    for canonical, words in syn()["classes"].items():
        for w in words:
            out[w] = canonical
        out[canonical] = canonical
    return out


@cache
def _sets() -> dict[str, frozenset]:
    s = syn()
    return {k: frozenset(s["words"][k]) for k in ("people", "empty_heads", "change_nouns",
                                          "singular_empty_heads", "counted_plural_heads",
                                          "scope_preps", "population_preps", "anaphoric_dets",
                                          "reporting_verbs",
                                          "share_verbs", "dimension_nouns",
                                          "compass_words", "distance_units",
                                          "payment_forms", "payment_verbs",
                                          "scope_nouns", "stock_plurals",
                                          "particle_heads", "list_verbs",
                                          "located_preps", "population_heads",
                                          "population_not_of")} | {
        "ignore": frozenset(s["modifiers"]["ignore"])}


@cache
def _owner_labels() -> frozenset[str]:
    """Entity labels of whose figure it is that a figure never counts
    (attribution.toml subject_labels less counted_labels)."""
    return frozenset(attr()["subject_labels"]) - frozenset(attr()["counted_labels"])


@cache
def _percent_words() -> frozenset[str]:
    """The words of numbers.toml's percent signs ("per", "cent", "pct")."""
    return frozenset(w.lower() for p in load("numbers")["percent"]["percent"]
                     for w in re.split(r"[\s-]+", p) if w.isalpha())


@cache
def _telling_verbs() -> frozenset[str]:
    """Verbs that tell or count a figure (synonyms.toml reporting_verbs,
    attribution.toml source_verbs): "confirmed 146 buildings destroyed"."""
    return _sets()["reporting_verbs"] | frozenset(attr()["source_verbs"])


def _telling(verb: Token) -> bool:
    return verb.lemma_.lower() in _telling_verbs()


def _glued_to_figure(tok: Token) -> bool:
    """A letter or two written right after a figure with no space: a scale
    ("3.13M", "5bn"), not a word."""
    before = tok.doc[tok.i - 1] if tok.i else None
    return before is not None and before.like_num and not before.whitespace_ \
        and tok.is_alpha and len(tok) <= 2


def _forecasting(verb: Token) -> bool:
    """A verb that says a figure is expected (attribution.toml forecast_verbs)."""
    return verb.lemma_.lower() in attr()["forecast_verbs"]


@cache
def time_words() -> frozenset[str]:
    """Month and weekday names and time units (synonyms.toml [words] time)."""
    return frozenset(syn()["words"]["time"]) | frozenset(load("extract")["not_claims"]["months"])


def counts_time(r: dict) -> bool:
    """A figure that counts units of time ("ran for three months", "with
    over one month to go"): a length of time is what it measures, not a
    figure near it ("its five-day opening" is the opening's: the time
    describes another noun)."""
    unit = str(r.get("unit") or "").strip().lower()
    return r["kind"] == "count" and unit in time_units() and "-" not in str(r.get("text") or "")


def _lasts(tok: Token, r: dict) -> bool:
    """``tok`` is the time unit a figure counts ("a sentence of 50 years"):
    a unit of how long something lasts, not what is measured, as "mph" is
    not the winds."""
    return counts_time(r) and only_time_words(tok.lemma_.lower())


def point_key(key: str, r: dict) -> bool:
    """A percentage's key that names only points ("point" of "by 6 points,
    48% to 42%"; explain.toml [causes] point_units): what two percentages
    differ by, or a score, never what a share is of."""
    return r["kind"] in cfg()["compare"]["percent_kinds"] and r.get("unit") == "%" \
        and key.rstrip("s") in cfg()["causes"]["point_units"]


def stock_plural(tok: Token) -> bool:
    """"Shares" (synonyms.toml stock_plurals, in the plural): a company's
    stock, not "a share of" a whole."""
    return tok.tag_ == "NNS" and tok.lemma_.lower() in _sets()["stock_plurals"]


def only_time_words(key: str) -> bool:
    """A key made only of words of time (:func:`time_words`: "year", "noon",
    "june"): it says when or how long, not what."""
    words = re.findall(r"[a-z]+", key.lower())
    return bool(words) and all(w in time_words() for w in words)


@cache
def _measure_units() -> frozenset[str]:
    """The one-word units of measure in numbers.toml ("mph", "miles"), the
    words before the last of a unit of several words when that last is a
    unit itself ("cubic" of "cubic metres"; "micrograms", "per" of
    "micrograms per cubic metre"), and the currency words that are weights
    too ("pounds" of meat)."""
    n = load("numbers")
    one_word = {key.lower() for key in [*n["units"], *n["currency"]["weights"]["words"]]
                if " " not in key}
    # the words before a unit that make a unit of two ("cubic metres",
    # "nautical miles", "square feet"), never what is measured
    leading = {w for key in n["units"] if " " in key and key.split()[-1].lower() in one_word
               for w in key.lower().split()[:-1]}
    return frozenset(one_word | leading)


@cache
def _currency_words() -> frozenset[str]:
    """The currency words of numbers.toml ("dollars", "euros")."""
    return frozenset(w.lower() for w in load("numbers")["currency"]["words"])


@cache
def _currency_marks() -> frozenset[str]:
    """The currency marks of numbers.toml written as letters before a
    figure, as written ("Rs", "RM", "USD"; not "rs" of "RS models")."""
    return frozenset(w for w in load("numbers")["currency"]["symbols"] if w.isalpha())


#: a hyphen or an en dash standing as a token between two words
_HYPHENS = ("-", "–")


@cache
def _narrow_unless_after() -> dict[str, frozenset[str]]:
    return {w: frozenset(after) for w, after
            in syn()["modifiers"].get("narrow_unless_after", {}).items()}


def _narrows(tok: Token) -> bool:
    """An ignore-word that narrows the metric here (synonyms.toml
    [modifiers] narrow_unless_after): "Adjusted gross margin", not
    "seasonally adjusted rate"."""
    after = _narrow_unless_after().get(tok.lower_)
    if after is None:
        return False
    k = tok.i - 1
    if k > 0 and tok.doc[k].text in _HYPHENS:
        k -= 1  # "seasonally-adjusted"
    return (tok.doc[k].lower_ if k >= 0 else "") not in after


def _is_unit(tok: Token) -> bool:
    units = _measure_units()
    return tok.lower_ in units or tok.lemma_.lower() in units


def _population_of(noun: Token, mods: list[Token]) -> Token | None:
    """The common noun right before a head of synonyms.toml population_heads
    that says what it counts ("tiger population"), or None."""
    if noun.lemma_.lower() not in _sets()["population_heads"] or not noun.i:
        return None
    before = noun.doc[noun.i - 1]
    if before in mods and before.pos_ == "NOUN" and before.dep_ == "compound" \
            and before.lemma_.lower() not in _sets()["population_not_of"] \
            and not (before.i and noun.doc[before.i - 1].text in _HYPHENS):
        return before
    return None


def head_class(lemma: str) -> str:
    classes = synonym_classes()
    if lemma in classes:
        return classes[lemma]
    best = process.extractOne(lemma, list(classes), scorer=fuzz.ratio,
                              score_cutoff=syn()["fuzzy"]["metric_threshold"])
    return classes[best[0]] if best else lemma


def outcome_of(verb: Token) -> str:
    """What happening to people makes them a quantity of their own ("23
    people have died", "41 people are confirmed dead" -> death), from
    [people_outcomes] in synonyms.toml; "" if nothing does."""
    outcomes = syn().get("people_outcomes", {})
    if _negated(verb):
        return ""  # "27.5 million did not vote", "five people did not die": nothing
        # befell them (a negation on the verb only: "None of the 300 died" is not read)
    # (not a verb joined with a subject of its own: "350 Pakistanis were on
    # the boat ... and many may have died" counts who was aboard)
    words = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp", "conj")
                      and not (c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass")
                                                        for g in c.children))]
    for w in words:
        for form in (w.lemma_.lower(), w.lower_):
            if form in outcomes:
                return outcomes[form]
    # "52 people lost their lives"
    return next((o for c in verb.children if c.dep_ == "dobj"
                 and (o := _noun_outcome(c, verb))), "")


def _negated(verb: Token) -> bool:
    """The verb is negated ("did not vote", "never arrived")."""
    return any(c.dep_ == "neg" for c in verb.children)


def outcomes() -> frozenset[str]:
    """Every outcome a count of people may name ("death", "injury", ...:
    synonyms.toml [people_outcomes] values)."""
    return frozenset(syn().get("people_outcomes", {}).values())


def _relative_subject(clause: Token) -> bool:
    """A relative clause whose subject is its relative pronoun and whose verb
    takes no object ("people who died", "who are presumed dead", "who were
    injured"), so it says what befell the noun it hangs on; not what the noun
    did to others ("two men who killed five people")."""
    return any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ in attr()["relative_pronouns"]
               for k in clause.children) \
        and not any(k.dep_ == "dobj" for k in clause.children)


def _noun_outcome(noun: Token, verb: Token) -> str:
    """The outcome a noun counts when ``verb`` takes it ("claimed 140
    lives": death; synonyms.toml [noun_outcomes]), or ""."""
    idiom = syn().get("noun_outcomes", {}).get(noun.lemma_.lower())
    return idiom["outcome"] if idiom and verb.lemma_.lower() in idiom["verbs"] else ""


def _outcome_word(tok: Token) -> str:
    """The outcome one word names by itself ("unemployed", "dead"), or ""."""
    outcomes = syn().get("people_outcomes", {})
    return outcomes.get(tok.lower_, outcomes.get(tok.lemma_.lower(), ""))


def _measures(tok: Token) -> bool:
    """A reference word that also names a measure in synonyms.toml
    [classes] ("the economy shrank 0.4%": its output)."""
    return tok.lemma_.lower() in synonym_classes()


def _verb_of(tok: Token) -> Token:
    """The verb ``tok`` is the subject or object of, past an auxiliary the
    parse may hang it on ("and two are missing": "two" under "are")."""
    head = tok.head
    return head.head if head.dep_ in ("aux", "auxpass") else head


def _people_named_by_outcome(tok: Token) -> bool:
    """"the missing", "the dead", "the injured": people named by what befell
    them (an outcome word of [people_outcomes] after "the", not a noun)."""
    return tok.pos_ != "NOUN" and bool(_outcome_word(tok)) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _outcome_word_text(word: str) -> str:
    return syn().get("people_outcomes", {}).get(word, "")


def _moves_a_level(verb: Token) -> bool:
    """A verb that gives the level of its subject ("fell to", "stood at",
    "reached"): direction verbs from extract.toml and synonyms.toml's
    level_verbs."""
    return _verb_in(verb, _level_words())


def _list_colon(tok: Token, r: dict) -> Token | None:
    """The colon between ``tok`` and the figure, when it ends a clause
    that leads a list of figures ("the ministry broke the deaths down by
    area: 1,293 in Al Haouz, 452 in ..."): the parse hung a listed figure on
    a word of the lead. Not a label's colon ("EPS: $0.99", "consensus:
    $1.41B": the label is what is counted) nor a title's ("Star Wars: The
    Force Awakens")."""
    if tok.i >= r["token_start"]:
        return None
    doc = tok.doc
    colon = next((t for t in reversed(doc[tok.i:r["token_start"]]) if t.text == ":"), None)
    if colon is None or colon.i + 1 >= len(doc):
        return None
    after = doc[colon.i + 1]
    if not (after.like_num or after.is_currency):
        return None
    start = max((t.i + 1 for t in doc[tok.sent.start:colon.i] if t.text in ":;(["),
                default=tok.sent.start)
    return colon if any(t.pos_ in ("VERB", "AUX") for t in doc[start:colon.i]) else None


@cache
def _extremes() -> frozenset[str]:
    return frozenset(load("extract")["direction"]["extremes"])


def _extreme(tok: Token) -> bool:
    """A noun that names an extreme rather than a quantity ("a record
    high", "a peak", "a record"; extract.toml [direction] extremes)."""
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in _extremes() or tok.lower_ in _extremes())


def _reached_extreme(tok: Token) -> Token | None:
    """The level verb that reaches ``tok``, an extreme, as its object or
    through "to"/"at" ("reached a record high of", "climbed to an all-time
    high of"); else None."""
    if not _extreme(tok):
        return None
    if tok.dep_ in ("dobj", "attr") and _moves_a_level(tok.head):
        return tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at") and _moves_a_level(tok.head.head):
        return tok.head.head
    return None


def _states_a_level(verb: Token) -> bool:
    """A verb that states its subject's level or measure with no movement
    ("stood at", "reached", "measured"; synonyms.toml level_verbs,
    attribution.toml measure_verbs), not one of change ("lost", "rose")."""
    return _verb_in(verb, _stating_verbs())


@cache
def _stating_verbs() -> frozenset[str]:
    return frozenset(syn()["words"]["level_verbs"]) | frozenset(attr()["measure_verbs"])


def moves(verb: Token) -> bool:
    """A verb of change ("rose", "fell"; extract.toml's direction verbs):
    only after one does "from 10" give an earlier level."""
    return _verb_in(verb, _flow_cues())


def _verb_in(verb: Token, words: frozenset[str]) -> bool:
    return verb.lemma_.lower() in words or verb.lower_ in words


@cache
def _level_words() -> frozenset[str]:
    return _flow_cues() | frozenset(load("extract")["direction"]["level"]) \
        | frozenset(syn()["words"].get("level_verbs", []))


@cache
def _flow_cues() -> frozenset[str]:
    d = load("extract")["direction"]
    return frozenset(d["increase"]) | frozenset(d["decrease"])


@cache
def _unit_measures() -> dict[str, str]:
    return load("numbers")["unit_measures"]


@cache
def _unit_measures_always() -> frozenset[str]:
    return frozenset(load("numbers")["unit_measures_always"]["units"])


def _unit_measure(r: dict) -> str:
    """What a figure's unit of measure measures ("degC" -> temperature), or
    "" for counts, money and units not listed."""
    if not r.get("measure_unit") or r.get("currency"):
        return ""
    return _unit_measures().get(str(r.get("unit") or "").split(" ")[0], "")


def _only_unit_words(key: str, r: dict) -> bool:
    """The key is made only of the figure's own unit words ("c" of "1.55°C",
    "degree" of "1.6 degrees Celsius")."""
    own = {w.rstrip("s") for w in re.findall(r"[a-z]+", r["text"].lower())}
    return all(w.rstrip("s") in own for w in key.split()) and bool(key.split())


@dataclass
class MetricGuess:
    key: str = ""
    unit_noun: str = ""      # the noun the article used ("incident")
    how: str = "metric_missing"
    borrow: bool = False     # take the key of a nearby claim
    replace_unit: bool = False  # the extractor's noun was not what is counted
    own_in: bool = False     # an amount "in" its own thing ("$9 billion in humanitarian aid")


class MetricFinder:
    def __init__(self, ctx: ArticleContext, name_chars: set[int]):
        self.ctx = ctx
        self.name_chars = name_chars   # character offsets inside organisation names
        # words of those names, so a name word elsewhere (a headline the
        # tagger parsed differently: "Hurricane Marisol death toll") is one too
        starts = ctx.doc.to_array("IDX")
        inside = np.flatnonzero(np.isin(starts, list(name_chars))) if name_chars else []
        self.name_words = {t.lower_ for t in (ctx.doc[int(i)] for i in inside)
                           if t.pos_ == "PROPN" and len(t) > 2}
        self.topic = ctx.topic_words
        self._extra: list[Token] = []
        self.reference_words = {w for words in attr()["references"].values() for w in words}
        self._figures: set[int] = set()

    def set_figures(self, raw: list[dict]) -> None:
        """The article's figures (raw claims): the words of their numbers
        (the "M" of "$2579M", not a unit after it: "47,300 acres"), and a
        money figure's currency written after it ("200 billion US dollars"),
        are never what another figure measures."""
        doc = self.ctx.doc
        self._figures = {i for r in raw for i in range(
            r["token_start"], token_after(doc, r["token_end"], r["end_char"]) if r.get("currency")
            else r["token_end"])}   # ("US dollars" of "200 billion US dollars": the figure's)

    def _figure_word(self, tok: Token, r: dict | None = None) -> bool:
        """A word of some figure's number, or, for a money figure, a word
        of its currency ("$221 million dollars")."""
        return tok.i in self._figures or bool(r and r.get("currency")) \
            and (tok.lower_ in _currency_words() or tok.text in _currency_marks())

    # -- the noun a claim describes -----------------------------------
    def guess(self, r: dict) -> MetricGuess:
        g = self._guess(r)
        if self._distance(r):
            return MetricGuess(key=syn()["words"]["distance_metric"], unit_noun=g.unit_noun,
                               how="metric_from_noun", replace_unit=g.replace_unit)
        if (not g.key or g.borrow or _only_unit_words(g.key, r)) \
                and (dimension := self._dimension(r)):
            # (only when nothing else is named: "Mount Marapi is 2,891 metres
            # high" and "ash 5,000 metres high" measure two things)
            return MetricGuess(key=dimension, unit_noun=g.unit_noun, how="metric_from_noun",
                               replace_unit=g.replace_unit)
        if g.key and only_time_words(g.key) and not counts_time(r):
            # "a 2.7% annual rate in June", "its five-day opening": a time
            # says when or how long, never what is measured
            g = MetricGuess(borrow=True, replace_unit=g.replace_unit)
        elif g.key and point_key(g.key, r):
            # "leads by 6 points, 48% to 42%": points are what two shares
            # differ by, never what a share is of; borrowed, from a figure
            # that names more than points (normalize._borrow_metrics)
            g = MetricGuess(borrow=True, replace_unit=g.replace_unit)
        elif g.key and only_time_words(g.key):
            # "which lasted 57 days in 2008" after "At 53 days, the strike":
            # a length of time takes what lasts from a length in the same
            # unit in its sentence, else stays a length of time
            # (normalize._borrow_metrics)
            g = MetricGuess(key=g.key, unit_noun=g.unit_noun, how=g.how, borrow=True)
        measure = _unit_measure(r)
        always = str(r.get("unit") or "").split(" ")[0] in _unit_measures_always()
        if measure and (not g.key or g.borrow or _only_unit_words(g.key, r) or always):
            # "1.55°C above ...", "1.6 degrees Celsius": the unit's own words
            # ("c", "degree") are not what is measured; its dimension is
            g = MetricGuess(key=measure, unit_noun=g.unit_noun, how="metric_from_noun",
                            replace_unit=g.replace_unit)
        return g

    def _guess(self, r: dict) -> MetricGuess:
        doc = self.ctx.doc
        start = r["token_start"]
        if name_before(doc, start, r["end_char"]) is not None and (
                not moved_before(doc, start) or any(
                    t.like_num and moved_before(doc, t.i)
                    for t in doc[doc[start].sent.start:start])):
            # "Texas reported 309 cases, New Mexico 42": the name before a
            # listed figure is whose; what it counts is the list's first
            # item's ("with Europe up 3% and Asia up 2%" too; not "inflation
            # was 3.4%, with the Dow up 1%": a clause of its own)
            return MetricGuess(borrow=True)
        noun = None
        rejected = False
        if r["kind"] in ("count", "change", "rate", "amount") and r["head_i"] >= 0:
            cand = doc[r["head_i"]]
            if _list_colon(cand, r) is not None:
                rejected = True  # "the ministry broke the deaths down by area: 1,293 in
                # Al Haouz" (the parse hangs a listed figure across the colon)
            elif self._measured_noun(cand, r):
                pass  # "winds of 140 mph": the unit stays the unit, the winds are measured
            elif self._figure_word(cand, r):
                rejected = True  # "Revenue: $3866M, $2579M": another figure's "M"
            elif cand.pos_ in ("NOUN", "PROPN") and not self._empty(cand) \
                    and self._counts(cand, r) and not self._set_beside(cand, r) \
                    and not (cand.pos_ == "PROPN" and r.get("currency") and self._money_event(r)) \
                    and not self._allotted_beside(cand, figure_top(self.ctx.doc, r), r):
                # (not the one fined: "fined Orbix 1.84 billion euros")
                noun = cand
            else:
                rejected = True
        elif r["kind"] == "count":
            # "a total of 378 confirmed measles cases": the parse hung the
            # figure on "total", the noun right after it is what it counts
            noun = self._noun_after(r)
        self._extra = []
        level = self._level_subject(r) if r["kind"] in ("count", "rate", "amount") else None
        if level is not None and self._sized_name(level, r) and (unit := self._unit_word(r)):
            # "put the fire at 47,300 acres": acres, as "burned 47,300 acres"
            return self.key_for(unit, "metric_from_noun", flow=False)
        if level is not None and _people_named_by_outcome(level):
            return MetricGuess(_outcome_word(level), "people", "metric_from_noun",
                               replace_unit=True)
        if level is not None:
            # "Violent crime dropped to about 1,200 incidents": what is counted is
            # the subject; the article's noun stays the unit
            g = self.key_for(level, "metric_from_noun", flow=False, level=True)
            g.unit_noun = noun.lemma_.lower() if noun is not None else g.unit_noun
            g.replace_unit = rejected or noun is not None
            return g
        own = noun is not None
        after = doc[r["token_end"]] if r["token_end"] < len(doc) else None
        if after is not None and after.tag_ in ("VBN", "RB") and not _outcome_word(after) \
                and after.i + 1 < len(doc) and doc[after.i + 1].tag_ == "JJ" \
                and _outcome_word(doc[after.i + 1]):
            after = doc[after.i + 1]  # "over 5,300 presumed dead", "six feared dead"
        on_figure = after is not None and after.head.i == after.i - 1
        if r["kind"] == "count" and after is not None \
                and (after.tag_ in ("JJ", "VBN") or on_figure and after.tag_ == "VBG") \
                and (after.dep_ not in ("amod", "compound") or on_figure) \
                and _outcome_word(after):
            # "At least 367 dead in ... quake", "367 dead", "and 10,000 missing"
            # (the parse may hang it on the figure): the outcome right after a
            # figure is what it counts (people), not a noun further on
            return MetricGuess(_outcome_word(after), "people", "metric_from_noun",
                               replace_unit=True)
        if noun is None and r["kind"] == "count":
            # "killing 367 people and injuring 1,881": a figure the verb of
            # an outcome takes as its object counts that outcome
            num = doc[r["token_end"] - 1]
            if rejected and num.dep_ == "nummod":
                num = num.head  # "injured nearly 2,000, flattening homes" (a misparse)
            outcome = outcome_of(_verb_of(num)) if num.dep_ in ("dobj", "nsubj", "nsubjpass") \
                else ""
            if outcome:
                return MetricGuess(outcome, "people", "metric_from_noun", replace_unit=rejected)
        if noun is None and r.get("currency") \
                and self._money_in(r, r["token_end"]) is None \
                and (event := self._money_event(r)):
            # "A judge fined Trump $355 million": an amount a verb of imposing
            # money takes names what it is by the verb (a fine), not by the
            # verb's subject; unless it is "in" a thing ("fined $5 million in
            # damages")
            return MetricGuess(key=event, how="metric_from_noun", replace_unit=rejected)
        own_in = False
        if noun is None:
            noun = self.described(r)
            own_in = bool(r.get("currency")) and noun is not None and not isinstance(noun, str) \
                and noun == self._money_in(r, r["token_end"])
            if noun is not None and not isinstance(noun, str) and self._sized_name(noun, r):
                noun = self._unit_word(r) or noun
            if r["kind"] == "count" and self._place_of_size(noun, r):
                # "a city of 7.3 million": the people who live there
                people = attr()["place_size"]
                return MetricGuess(people["metric"], people["unit"], "metric_from_noun",
                                   replace_unit=True)
        if noun == "borrow" or noun is None:
            return MetricGuess(borrow=True, replace_unit=rejected)
        if own and not (noun.head.pos_ == "VERB" and outcome_of(noun.head)):
            # (not the cause of an outcome a participle states: "the
            # controlled release ... affected local waterways, killing about
            # 3,500 fish" counts fish, not controlled ones)
            self._scope_from_subject(self._clause_verb(noun))
        g = self.key_for(noun, "metric_from_noun", flow=own)
        g.replace_unit = rejected
        g.own_in = own_in
        if own and (holder := self._located_thing(noun)) is not None:
            # "Twenty-two other tickets in 16 states won $1 million": the
            # states the tickets were in, not the 45 states the game is
            # played in
            g.key = f"{g.key} ({holder.lemma_.lower()})"
        return g

    def _located_thing(self, noun: Token) -> Token | None:
        """The thing a count of places locates, when the places are the
        object of "in"/"across" on a noun ("tickets in 16 states", "cases
        across 13 countries"); else None (a verb's places stay plain: "played
        in 45 states", "killed 227 across six states")."""
        if noun.lemma_.lower() not in attr()["jurisdiction"]["place_words"] \
                or noun.dep_ != "pobj" or noun.head.lower_ not in _sets()["located_preps"]:
            return None
        holder = noun.head.head
        lemma = holder.lemma_.lower()
        # (not a time: "over the weekend in four states")
        return holder if holder.pos_ == "NOUN" and not self._empty(holder) \
            and lemma not in attr()["jurisdiction"]["place_words"] \
            and lemma not in time_words() else None

    def _money_in(self, r: dict, end: int) -> Token | None:
        """What money is an amount of when it is "in" a thing ("$4.28 billion
        in student debt", "$78 billion in relief", "sitting on $325 billion in
        cash") or "of" it ("US$110 million of Evergrande's liabilities"); not
        the form of a payment, synonyms.toml payment_forms after
        payment_verbs: "buy U.S. Steel for $14.1 billion in cash"; not a
        thing "in" with its determiner, which says where or when ("won $1
        million in the drawing", "earned $300m in his career"); else None."""
        doc = self.ctx.doc
        root = doc[r["token_start"]:end].root
        sets = _sets()
        if root.head.i == r["head_i"] and (_is_unit(root.head)
                                          or root.head.lower_ in _currency_words()):
            root = root.head  # "100 billion yuan": the currency word the parse makes the head
        preps = list(root.children)
        if root.dep_ == "dobj" and root.head.pos_ in ("VERB", "AUX"):
            # "which has 2.39 trillion yuan ($333 billion) in liabilities":
            # the parse hangs "in" on the verb past the bracket (only right
            # past it: "ordered Trump to pay $355M in a civil fraud ruling"
            # says where, as the parse has it)
            after = max(end, root.i + 1)
            closing = next((t.i for t in doc[after:root.sent.end] if t.text in ")]"), None) \
                if doc[after:after + 1].text in ("(", "[") else None
            preps += [c for c in root.head.children if closing is not None and c.i == closing + 1]
        for prep in preps:
            if prep.dep_ == "prep" and prep.i >= end and (
                    prep.lower_ == "in" or prep.lower_ == "of" and prep.head.i == root.i):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ == "NOUN" and not obj.ent_type_ \
                        and not self._empty(obj) and not _is_unit(obj) \
                        and not (prep.lower_ == "in" and any(
                            c.dep_ in ("det", "poss") for c in obj.children)) \
                        and not (obj.lemma_.lower() in sets["payment_forms"]
                                 and _verb_lemma(_paying_verb(root)) in sets["payment_verbs"]):
                    return obj
        return None

    def _money_event(self, r: dict) -> str:
        """The noun of the verb of imposing money (synonyms.toml
        [money_events]) whose direct object the amount is ("It fined Trump
        $350 million", "has been fined $354.8 million"), or of buying
        ([money_for_events]) that takes it through "for", mapped through the
        synonym classes; else ""."""
        num = self.ctx.doc[r["token_start"]:r["token_end"]].root
        verb = _paying_verb(num)
        if verb is None and (top := figure_top(self.ctx.doc, r)) is not num:
            # "fined Orbix 1.84 billion euros": the figure under the currency
            # word the parse makes the object (or hangs on the first object)
            num, verb = top, _paying_verb(top)
        if verb is None:
            return ""
        events = money_events("money_for_events" if num.dep_ == "pobj" else "money_events")
        event = events.get(_verb_lemma(verb), "")
        if event and any(c.dep_ in ("advcl", "xcomp") and c.i > num.i
                         and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                         for c in verb.children):
            return ""  # "agreed to pay $700 million to settle a lawsuit": its purpose says
        return synonym_classes().get(event, event)

    def _place_of_size(self, noun, r: dict) -> bool:
        """A bare figure that sizes a place ("a city of 7.3 million", "the
        nation of 1.4 billion"): the place word (attribution.toml
        [jurisdiction] place_words) takes it through "of"."""
        if noun is None or isinstance(noun, str) \
                or noun.lemma_.lower() not in attr()["jurisdiction"]["place_words"]:
            return False
        num = self.ctx.doc[r["token_start"]:r["token_end"]].root
        return num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.i == noun.i

    @staticmethod
    def _clause_verb(noun: Token) -> Token:
        """The verb whose subject says whose part this is: "Health care added
        48,000 jobs"; "Health care remained the engine, adding 48,000 jobs"."""
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if not any(c.dep_ == "nsubj" for c in verb.children) \
                and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
        return verb

    def _dimension(self, r: dict) -> str:
        """The dimension a length states by an adjective ("2,891 metres high",
        "as deep as 4,000 meters": synonyms.toml [dimension_adjectives]), or
        "". The metric only of a length that names nothing else it measures."""
        if r["kind"] != "amount" or str(r.get("unit") or "") not in _sets()["distance_units"]:
            return ""
        adjectives = syn()["dimension_adjectives"]
        doc = self.ctx.doc
        after = token_after(doc, r["token_end"], r["end_char"])  # past the unit ("300 metres")
        if after < len(doc) and doc[after].lower_ in adjectives and doc[after].pos_ == "ADJ":
            return adjectives[doc[after].lower_]
        first = r["token_start"]
        before = [t.lower_ for t in doc[max(0, first - 3):first]]
        if len(before) == 3 and before[0] == "as" and before[2] == "as" \
                and before[1] in adjectives:
            return adjectives[before[1]]
        return ""

    def _distance(self, r: dict) -> bool:
        """A length a compass direction "of" a place ("about 80 kilometers
        southwest of Marrakech", "72 kilometers (45 miles) southwest of"):
        how far, not a "southwest" (synonyms.toml distance_units,
        compass_words)."""
        if r["kind"] != "amount" or str(r.get("unit") or "") not in _sets()["distance_units"]:
            return False
        doc = self.ctx.doc
        after = r["token_end"]
        while after < len(doc) and doc[after].idx < r["end_char"]:
            after += 1  # past the unit ("77 kilometers")
        if after < len(doc) and doc[after].text == "(":  # past "(45 miles)"
            after = next((t.i + 1 for t in doc[after:after + 8] if t.text == ")"), after)
        return after + 1 < len(doc) and doc[after].lower_ in _sets()["compass_words"] \
            and doc[after + 1].lower_ == "of"

    def _level_subject(self, r: dict) -> Token | None:
        """The subject of "X fell to 31", "X stood at 7.4 million cases",
        "X rose from 10": the quantity whose level the figure gives."""
        tok = self.ctx.doc[r["token_end"] - 1]
        of = None  # the "of" the figure came up through, if any
        for _ in range(4):
            if tok.head.i == tok.i:
                return None
            if tok.dep_ == "prep" and tok.lower_ == "of":
                of = tok
            if not self._own_noun(r) and tok.dep_ in ("dobj", "attr") \
                    and _reached_extreme(tok) is not None:
                # "the rate reached a record high of 20.4 per cent", "hit a
                # record 20.4 per cent": the extreme is the subject's level
                return self._subject_of_level(tok.head)
            if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "from", "at") \
                    and tok.head.head.pos_ in ("VERB", "AUX"):
                if of is not None and of.head.i == tok.i \
                        and tok.lemma_.lower() in _sets()["dimension_nouns"]:
                    return None  # "its source was at a depth of 10 km": the depth's
                    # (not "rose to an all-time high of $2,500 an ounce": gold's)
                verb = tok.head.head
                if tok.head.lower_ == "to" and verb.dep_ == "acl" and verb.tag_ == "VBN" \
                        and verb.head.pos_ == "NOUN" and not self._empty(verb.head) \
                        and outcome_of(verb):
                    # "brings the total number of people hospitalized to 57"
                    # (the parse hangs "to 57" on the participle): the people
                    return verb.head
                if r["head_i"] < 0 and tok.head.lower_ == "to" and verb.dep_ == "acl" \
                        and verb.tag_ == "VBN" \
                        and self._empty(verb.head) and not self._refers(verb.head) \
                        and (counted := self._of_object(verb.head)) is not None \
                        and not self._is_name(counted):
                    # "takes the total number of deaths reported so far to 922"
                    return counted
                # a passive with "at" gives a level when it measures ("the
                # toll was put at 300", "the missing are estimated at 10,000")
                # or the figure counts nothing of its own; not "matches are
                # being played at 10 venues" (where)
                estimated_at = tok.head.lower_ == "at" \
                    and any(c.dep_ == "auxpass" for c in verb.children) \
                    and (r["head_i"] < 0 or verb.lemma_.lower() in _sets()["reporting_verbs"]
                         or verb.lemma_.lower() in attr()["measure_verbs"])
                if verb.lemma_.lower() in _sets()["reporting_verbs"] and not estimated_at:
                    return None  # (but a passive with "at" gives its subject's level:
                    # "the missing are estimated at 10,000", "the toll was put at 300")
                if r["head_i"] >= 0 and not _moves_a_level(verb) and not estimated_at:
                    return None  # "the outbreak has led to 31 hospitalizations"
                if tok.head.lower_ == "from" and not moves(verb):
                    return None  # "cases come from 18 jurisdictions": where, not a level
                # (an object after the figure is a misparse: "stood at Rs 615
                # crore, less than half the budget of ...")
                obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i), None)
                if obj is not None and self._empty(obj) and not self._refers(obj):
                    # "brought the number of deaths to 922": the object's "of"
                    obj = self._of_object(obj) or obj
                if obj is not None:
                    # "the mapping flight put the fire at 47,300 acres": the
                    # object's level, not the subject's (who measured it)
                    return None if obj.pos_ not in ("NOUN", "PROPN") or self._empty(obj) \
                        or self._refers(obj) or self._is_name(obj) else obj
                return self._subject_of_level(verb, climb=not self._own_noun(r))
            tok = tok.head
        return None

    def _own_noun(self, r: dict) -> bool:
        """The figure counts a noun of its own ("7 million visitors"), not
        only a unit ("$2,500 an ounce")."""
        if r["head_i"] < 0:
            return False
        head = self.ctx.doc[r["head_i"]]
        return not (_is_unit(head) or head.lower_ in str(r.get("unit") or "").lower().split())

    def _subject_of_level(self, verb: Token, climb: bool = False) -> Token | None:
        """The subject of a verb that gives its level, when it names a
        quantity (not a name, a pronoun, an empty head or a change); with
        ``climb`` (a figure with no noun of its own), for a participle with
        no subject of its own, the subject of the clause it hangs on ("Cargo
        tonnage followed the same pattern, rising from 1.207 billion tons ...
        before falling to 525 million tons"; not "the event set a record,
        peaking at 65 million concurrent streams": the streams')."""
        for _ in range(3):
            for c in verb.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") \
                        and not self._empty(c) and not self._refers(c) \
                        and not self._is_name(c) and c.lemma_.lower() not in \
                        _sets()["change_nouns"]:
                    return c
                if c.dep_ in ("nsubj", "nsubjpass") and _people_named_by_outcome(c):
                    return c  # "the missing are estimated at more than 10,000"
            if not climb or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children) \
                    or verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "pcomp"):
                return None
            verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # (through "before")
            if verb.pos_ not in ("VERB", "AUX"):
                return None
        return None

    @staticmethod
    def _counts(noun: Token, r: dict) -> bool:
        """The noun really is what the figure counts: the figure hangs on it,
        or it follows the figure closely ("nearly 100 ... reports")."""
        doc = noun.doc
        num = doc[r["token_end"] - 1]
        after = doc[num.i + 1] if num.i + 1 < len(doc) else None
        if after is not None and after.text == "," and noun.i > after.i \
                and not (after.i + 1 < len(doc) and doc[after.i + 1].like_num):
            return False  # "injured nearly 2,000, flattening homes": not across a comma
        if noun in num.ancestors:
            return True
        between = doc[r["token_end"]:noun.i]
        return 0 <= noun.i - r["token_end"] < 4 and not any(t.is_punct for t in between)

    def _noun_after(self, r: dict) -> Token | None:
        """The noun right after a figure with no head of its own, when only
        its modifiers stand between them ("378 confirmed measles cases")."""
        doc = self.ctx.doc
        end = r["token_end"]
        for tok in doc[end:min(len(doc), end + 4)]:
            if tok.ent_type_ in ("DATE", "TIME") or only_time_words(tok.lemma_.lower()):
                return None  # "41,577 last year": when, not what
            if tok.pos_ == "NOUN" and not self._empty(tok) and all(
                    t.head.i == tok.i or t.head.i in range(t.i + 1, tok.i + 1)
                    for t in doc[end:tok.i]) and self._counts(tok, r):
                return tok
            if tok.is_punct or tok.pos_ not in ("ADJ", "VERB", "NOUN", "PROPN"):
                return None
        return None

    def _measured_noun(self, tok: Token, r: dict) -> bool:
        """``tok`` is a unit of measure (numbers.toml [units]: "mph", "miles",
        "degrees") and the figure describes a noun of its own: "maximum
        sustained winds of 140 mph", "140 mph winds". What is measured is
        that noun, not the unit."""
        if not (_is_unit(tok) or _lasts(tok, r)):
            return False
        noun = self.described(r)
        return noun is not None and not isinstance(noun, str) and not _is_unit(noun) \
            and not _lasts(noun, r)

    def _set_beside(self, name: Token, r: dict) -> bool:
        """The figure is set beside ``name`` in apposition ("Chandrayaan-3
        ($75M)", "the film Interstellar ($165M)"): the name is whose figure
        it is, not what it counts."""
        root = figure_top(self.ctx.doc, r)
        return (name.pos_ == "PROPN" or name.text[:1].isupper() and not name.is_sent_start) \
            and root.dep_ == "appos" and root.head.i == name.i \
            and self.ctx.text[:r["start_char"]].rstrip().endswith("(")
        # (not a list of figures by name, "Ashe, 1; Avery, 4": those the list reads)

    @staticmethod
    def _allotted_beside(name: Token, root: Token, r: dict) -> bool:
        """An amount (``root``, or the amount it is listed with) the parse
        sets beside ``name`` in apposition while it names whom it is for
        itself ("$60 billion to support Ukraine, $17 billion for Israel"):
        the name is another amount's recipient, not what this one measures
        (attribution.toml allotment_preps)."""
        return bool(r.get("currency")) and name.pos_ == "PROPN" \
            and name.ent_type_ in _owner_labels() \
            and root.dep_ == "appos" and root.head.i == name.i \
            and any(c.dep_ == "prep" and c.lower_ in attr()["allotment_preps"]
                    for c in root.children)

    def _unit_word(self, r: dict) -> Token | None:
        """The figure's unit as written ("acres" of "47,300 acres"), or None."""
        span = self.ctx.doc.char_span(r["start_char"], r["end_char"], alignment_mode="expand")
        return next((t for t in reversed(span) if t.is_alpha), None) if span is not None else None

    def _sized_name(self, noun: Token, r: dict) -> bool:
        """A figure in a unit of measure gives the size of ``noun``, a thing
        the story names ("the fire" where it names "the Cedar Flat Fire"):
        what is measured is the unit ("put the fire at 47,300 acres"
        measures acres, as "has burned 18,650 acres" does)."""
        return bool(r.get("measure_unit")) and not r.get("currency") and noun.pos_ == "NOUN" \
            and noun.lower_ in self.name_words \
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)

    def _empty(self, tok: Token) -> bool:
        """A head that names no quantity by itself ("the numbers", "a
        total"); "the unemployment rate" names one through its modifier."""
        sets = _sets()
        if tok.lemma_.lower() not in sets["empty_heads"] and tok.lower_ not in sets["empty_heads"] \
                and tok.lower_ not in sets["singular_empty_heads"]:
            return False
        if tok.tag_ == "NNS" and any(c.dep_ == "poss" for c in tok.children):
            return False  # "Its shares were down 3 percent": an owner's shares, its stock
        if tok.tag_ == "NNS" and tok.lemma_.lower() in sets["counted_plural_heads"] \
                and any(c.dep_ == "nummod" and c.like_num for c in tok.children):
            return False  # "matched all six numbers": numbers, counted
        if stock_plural(tok) \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return False  # "Shares rose 6% in extended trading": a stock
        return not any(c.dep_ in ("compound", "amod") and c.lower_ not in sets["ignore"]
                       and any(ch.isalpha() for ch in c.text) for c in tok.children)

    def _needs_modifier(self, mod: Token) -> bool:
        """"unemployment" in "unemployment rate" stays even when it is the
        article's topic: "rate" alone counts nothing; nor does "up" of
        "sign-ups" (synonyms.toml particle_heads)."""
        head = mod.head
        while head.dep_ in ("compound", "amod") and head.head.i != head.i:
            head = head.head
        sets = _sets()
        return any(w in sets["empty_heads"] or head.pos_ == "NOUN" and w in sets["particle_heads"]
                   for w in (head.lemma_.lower(), head.lower_))

    def _of_object(self, tok: Token) -> Token | None:
        """"the number of people" -> people."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                        return obj
        return None

    def _anaphoric(self, tok: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in _sets()["anaphoric_dets"]
                   for c in tok.children)

    def described(self, r: dict):
        """The noun a percentage, change or multiple is about, "borrow" when
        it points back ("of those kids"), or None."""
        doc = self.ctx.doc
        end = r["token_end"]
        while end < len(doc) and doc[end].idx < r["end_char"] \
                and doc[end].lower_ in _percent_words():
            end += 1  # the percent sign's words after the number: "20 per cent"
        inside = range(r["token_start"], end)
        tok = doc[end - 1]
        sets = _sets()
        if r.get("currency") and (obj := self._money_in(r, end)) is not None:
            return "borrow" if self._anaphoric(obj) else obj
        came_to = False  # the figure reached the verb through "to"
        came = None      # the token the walk came up from
        beside = False   # past a name the figure is set beside in brackets
        for _ in range(8):
            lemma = tok.lemma_.lower()
            came_to = came_to or tok.dep_ == "prep" and tok.lower_ == "to"
            if came is not None and came.dep_ == "appos" and self._set_beside(tok, r):
                # "India's budget for Chandrayaan-3 ($75M)": the name the figure
                # is set beside is whose, what it measures is further up
                beside = True
            elif beside and tok.pos_ == "PROPN":
                return None  # (a list of names with figures: "Texas (309), New Mexico (42)")
            elif (verb := _reached_extreme(tok)) is not None \
                    and self._subject_of_level(verb) is not None:
                pass  # "the rate reached a record high of 20.4 per cent": the rate's
            elif tok.pos_ in ("NOUN", "PROPN") and (colon := _list_colon(tok, r)) is not None:
                # a listed figure counts what the list's lead names
                return self._lead_noun(doc[tok.sent.start:colon.i], colon.idx, set(inside))
            elif tok.pos_ in ("NOUN", "PROPN") and tok.i not in inside \
                    and not self._figure_word(tok, r):
                if _is_unit(tok) or _lasts(tok, r):
                    # "winds of 140 mph", "140 mph winds", "a sentence of 50
                    # years": the unit of measure or of time;
                    # what is measured is further up, or after "of" ("10 inches of rain")
                    obj = self._prep_object(tok, ("of",), inside)
                    if obj is not None and not _is_unit(obj) and not _lasts(obj, r):
                        return "borrow" if self._anaphoric(obj) else obj
                elif lemma in sets["change_nouns"] or self._empty(tok):
                    obj = self._prep_object(tok, ("in", "of", "among", "for"), inside)
                    if obj is None and lemma in sets["change_nouns"]:
                        # "a 12% pay rise", "a 5% price increase": what changes
                        obj = next((c for c in tok.children if c.dep_ == "compound"
                                    and c.pos_ == "NOUN" and c.i not in inside
                                    and not self._empty(c)), None)
                    if obj is not None:
                        return "borrow" if self._anaphoric(obj) else obj
                elif not self._is_name(tok) and not (
                        came is not None and self._allotted_beside(tok, came, r)):
                    return "borrow" if self._anaphoric(tok) else tok
            elif tok.pos_ == "NOUN" and self._empty(tok):      # "%", "times" inside the span
                obj = self._prep_object(tok, ("of",), inside)
                if obj is not None:
                    return "borrow" if self._anaphoric(obj) else obj
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in sets["reporting_verbs"]:
                return None
            if tok.pos_ in ("VERB", "AUX") and counts_time(r):
                # a length of time lasts what the verb's subject does, when the
                # length hangs on that verb ("the strike shut the plants for 52
                # days", "the show ran for three months"), never its object;
                # not when the figure reaches the verb through "to" past an
                # object ("the judge sentenced him to 25 years": who acts does
                # not last) nor from another clause ("with over one month to go,
                # organizers have sold 8.7 million tickets")
                preps = syn()["words"]["duration_preps"]
                if came is None or came.head.i != tok.i \
                        or came.dep_ not in ("prep", "npadvmod", "dobj", "advmod") \
                        or came.dep_ == "prep" and came.lower_ not in preps \
                        or came_to and any(c.dep_ == "dobj" for c in tok.children):
                    return None
                subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                                and c.pos_ == "NOUN" and not self._empty(c)), None)
                if subject is None:
                    return None
                return "borrow" if self._anaphoric(subject) else subject
            if self._describes_level(tok, came, r):
                # "liabilities exceeding $325 billion", "losses totalling $4
                # billion", "a debt amounting to $2 billion", "his career
                # earnings, which totaled over $400 million": the noun a
                # participle or relative clause of a level describes is what
                # the figure measures
                return "borrow" if self._anaphoric(tok.head) else tok.head
            if tok.pos_ in ("VERB", "AUX"):
                # transitive first: "increased revenue by 12%"; then "reports went up"
                # (not the unit a verb of a level or of measuring takes from
                # its subject: "sea ice extent measured 1.79 million square
                # kilometers" measures the extent; "burned 47,300 acres" the
                # acres, "the grid lost 15 gigawatts" power, "drivers
                # exceeding 70 mph" speed)
                order = {"dobj": 0, "nsubjpass": 1, "nsubj": 2}
                for child in sorted((c for c in tok.children if c.dep_ in order),
                                    key=lambda c: order[c.dep_]):
                    child = _gerund_object(child) or child  # "Gaming revenue ... grew 26%"
                    # a place or group subject ("Louisiana accounted for ...")
                    # says whose figure it is, not what is counted
                    if child.pos_ not in ("NOUN", "PROPN") or self._is_name(child) \
                            or child.dep_ == "dobj" and _reached_extreme(child) is not None \
                            and self._subject_of_level(tok) is not None \
                            or child.ent_type_ in attr()["subject_labels"] \
                            or child.i in inside or self._figure_word(child, r) \
                            or came is not None and child.i == came.i and child.dep_ == "dobj" \
                            and _is_unit(child) and _states_a_level(tok) \
                            and any(c.dep_ == "nsubj" for c in tok.children) \
                            or self._refers(child) and not _measures(child) \
                            or child.lemma_.lower() in sets["change_nouns"]:
                        continue
                    if self._empty(child):
                        child = self._of_object(child)
                        if child is None:
                            continue
                    if self._anaphoric(child):
                        return "borrow"
                    if child.dep_ == "dobj":
                        self._scope_from_subject(tok)
                    return child
                return None
            if tok.head.i == tok.i:
                return None
            came, tok = tok, tok.head
        return None

    def _describes_level(self, verb: Token, came: Token | None, r: dict) -> bool:
        """``verb``, a verb of a level an amount of money is the object of
        (or reaches through "to"/"at"), describes the noun it hangs on: as a
        participle right after it ("liabilities exceeding"), or as a
        relative clause whose subject is the relative pronoun ("earnings,
        which totaled"). Not a noun of people or things counted (synonyms.toml
        people): "homes topping $1 million" are homes each worth that, not
        a sum; nor a measure other than money ("drivers exceeding 70 mph")."""
        if not r.get("currency") or verb.pos_ != "VERB" or came is None or not (
                came.dep_ == "dobj" or came.dep_ == "prep" and came.lower_ in ("to", "at")) \
                or not _moves_a_level(verb):
            return False
        if verb.dep_ == "acl":
            # (not a verb the parse hangs far off: "Core inflation, a gauge
            # that leaves out food ..., increased by ... to 2.9%")
            if verb.tag_ not in ("VBG", "VBN") or not 0 < verb.i - verb.head.i <= 2:
                return False
        elif verb.dep_ != "relcl" or not any(
                c.dep_ == "nsubj" and c.lower_ in attr()["relative_pronouns"]
                for c in verb.children):
            return False
        noun = verb.head
        return noun.pos_ == "NOUN" and not self._empty(noun) and not self._is_name(noun) \
            and noun.lemma_.lower() not in _sets()["change_nouns"] \
            and noun.lemma_.lower() not in _sets()["people"]

    def _scope_from_subject(self, verb: Token) -> None:
        """"Its snack division increased revenue by 12%": a common-noun
        subject's modifiers narrow the object's metric; not the cause of an
        outcome ("A strong earthquake killed 367 people": deaths, not strong
        ones)."""
        if outcome_of(verb):
            return
        for c in verb.children:
            if c.dep_ != "nsubj" or self._refers(c):
                continue
            common = c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.lower_ in lower_words(self.ctx))
            if common and verb.lemma_.lower() in _sets()["share_verbs"]:
                # "Pedestrians accounted for 41 of the deaths": pedestrian deaths
                self._extra = [c] + [m for m in c.children if m.dep_ in ("compound", "amod")]
            elif c.pos_ == "NOUN" and not self._is_name(c):
                self._extra = [m for m in c.children if m.dep_ in ("compound", "amod")]

    def _prep_object(self, tok: Token, preps: tuple[str, ...], inside) -> Token | None:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                if any(t.i in inside for t in child.subtree):
                    continue
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN") \
                            and not self._empty(obj) \
                            and not (child.lower_ == "in" and obj.ent_type_ in ("GPE", "LOC")):
                        return obj  # (not "3% in France": where, not what)
        return None

    def _refers(self, tok: Token) -> bool:
        """"the organization": a reference to a subject, not a quantity."""
        return tok.lemma_.lower() in self.reference_words

    def _is_name(self, tok: Token) -> bool:
        if tok.idx in self.name_chars:
            return True
        if tok.pos_ != "PROPN":
            return False
        # a proper noun in a chain with a known name word ("Hurricane Marisol")
        chain = [tok] + [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            chain.append(tok.head)
        return any(t.lower_ in self.name_words for t in chain)

    # -- noun -> key ----------------------------------------------------
    def key_for(self, noun: Token, how: str, flow: bool = True,
                level: bool = False) -> MetricGuess:
        lemma = noun_lemma(noun)
        if noun.dep_ == "dobj" and (outcome := _noun_outcome(noun, noun.head)):
            return MetricGuess(key=outcome, unit_noun=lemma, how=how)  # "claimed 140 lives"
        head = head_class(lemma)
        # (not a scale letter glued to its figure: the "M" of "3.13M passengers")
        mods = sorted({t for t in set(self._extra) | set(self.modifiers(noun))
                       if not _glued_to_figure(t)}, key=lambda t: t.i)
        # two-word nouns in the synonym classes ("waiting list" -> backlog)
        before = noun.doc[noun.i - 1] if noun.i else None
        if before is not None and before in mods:
            phrase = f"{before.lower_} {lemma}"
            if phrase in synonym_classes():
                head = synonym_classes()[phrase]
                mods = [m for m in mods if m is not before]
        counted = _population_of(noun, mods)
        if counted is not None:     # "tiger population": tigers
            head, mods = head_class(noun_lemma(counted)), [m for m in mods if m is not counted]
        self._extra = []
        # words that only repeat the head ("jobless" beside "unemployment rate")
        classes = synonym_classes()
        words = [w for w in self._words(mods) if w not in head.split()
                 and classes.get(w) != head and classes.get(f"{w} {lemma}") != head]
        key = " ".join(words + [head])
        nationality = noun.ent_type_ == "NORP"  # "Americans": people
        if head in _sets()["people"] or lemma in _sets()["people"] or nationality:
            verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None
            owner = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
            if verb is None and owner is not None and owner.dep_ in ("nsubj", "nsubjpass") \
                    and owner.lemma_.lower() in _sets()["empty_heads"]:
                verb = owner.head  # "a total of 94 people died"
            if verb is None:  # "With 55 million Americans expected to travel ..."
                verb = next((c for c in noun.children if c.dep_ == "acl"
                             and _forecasting(c)), None)
            if verb is not None and (_telling(verb) or _forecasting(verb)) \
                    and not outcome_of(verb):
                # "inspectors confirmed 146 buildings destroyed": the telling
                # verb says nothing of what is counted; a verb on the noun does
                # (so with a forecast: "55 million Americans are expected to
                # travel" counts travellers, as "49 million will drive" drivers)
                verb = next((c for c in [*noun.children, *verb.children]
                             if c.dep_ in ("acl", "relcl", "oprd", "xcomp", "ccomp")
                             and c.pos_ == "VERB" and c.i > noun.i and c != verb), verb)
            outcome = outcome_of(verb) if verb is not None else ""
            for c in noun.children:  # "the people killed in crashes"
                if not outcome and (c.dep_ == "acl" or c.dep_ == "relcl" and not nationality
                                    and _relative_subject(c)):
                    # (and "six people who are presumed dead"; not "658
                    # Egyptians who died", a nationality's part of all deaths)
                    outcome = outcome_of(c)
            before = [m for m in mods if m.dep_ == "amod" and _outcome_word(m)]
            if not outcome and before:  # "unemployed Americans"
                outcome = _outcome_word(before[0])
                words = [w for w in words if _outcome_word_text(w) != outcome]
            if outcome:
                # "people died" -> death; "teenage boys died" -> teenage boy death
                plain = head == "person" or nationality
                key = " ".join(words + ([] if plain else [head]) + [outcome])
            elif verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lemma_ != "be" \
                    and not (level and _moves_a_level(verb)):
                # (not the verb that moves a level the figure gives: "the
                # population rose to 3,167" is the population's level; and
                # "19,333,865 did not vote" counts who did not)
                key += f" ({'not ' if _negated(verb) else ''}{verb.lemma_.lower()})"
        elif flow and self._flow_verb(noun):
            key += f" ({self._flow_verb(noun)})"
        elif (event := object_event(noun)) and event not in key.split():
            key += f" {event}"  # "delivered 484,507 vehicles": vehicle delivery
        return MetricGuess(key=key, unit_noun=lemma, how=how)

    @staticmethod
    def _flow_verb(noun: Token) -> str:
        """A verb that turns a stock into a flow ("added 151,000 jobs",
        "the jobs cut"): direction cue verbs from extract.toml."""
        cands = [noun.head] if noun.dep_ in ("dobj", "nsubjpass") else []
        cands += [c for c in noun.children if c.dep_ == "acl"]
        return next((verb for v in cands if (verb := flow_verb(v))), "")

    def modifiers(self, noun: Token) -> list[Token]:
        sets = _sets()
        out: list[Token] = []

        def take(tok: Token, depth: int):
            for child in tok.children:
                if child.dep_ in _MOD_DEPS:
                    out.extend(_no_prep_subtree(child))
                elif depth < 2 and (child.dep_ == "prep" and child.lower_ in sets["scope_preps"]
                                    or child.dep_ == "prep" and tok.dep_ == "acl"):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN", "ADJ") \
                                and obj.ent_type_ not in ("GPE", "LOC", "DATE"):
                            if obj.lemma_.lower() not in sets["empty_heads"]:
                                out.append(obj)  # (not "GDP of the equivalent of $4.5 trillion")
                            take(obj, depth + 1)
                elif depth < 2 and child.dep_ == "prep" and child.lower_ in sets["population_preps"]:
                    for obj in child.children:
                        if obj.dep_ == "pobj" and (obj.ent_type_ == "NORP"
                                                   or counts_people(obj.lemma_.lower())):
                            out.append(obj)
                            take(obj, depth + 1)
                elif depth < 2 and child.dep_ == "acl" and (
                        child.lemma_.lower() in sets["scope_preps"]
                        or child.lower_ in sets["scope_preps"]):
                    take(child, depth + 1)

        take(noun, 0)
        if noun.dep_ in ("dobj", "nsubjpass"):
            # "sold 242,766 vehicles in export markets": a part of a business
            # the verb puts the count in (synonyms.toml scope_nouns)
            for prep in noun.head.children:
                if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i > noun.i:
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and obj.lemma_.lower() in sets["scope_nouns"]:
                            out.extend(_no_prep_subtree(obj))
        if noun.dep_ == "dobj" and _gerund_object(noun.head) == noun:
            out.append(noun.head)  # "Gaming revenue of $1.65bn": the gaming revenue
        return sorted(set(out), key=lambda t: t.i)

    def _words(self, toks: list[Token]) -> list[str]:
        sets = _sets()
        kept: list[Token] = []
        for t in toks:
            low = t.lower_
            lemma = t.lemma_.lower()
            if t.pos_ in _SKIP_POS and not (t.pos_ == "ADV" and t.dep_ == "npadvmod"):
                continue
            if not any(ch.isalpha() for ch in t.text) or t.like_num or _is_unit(t) \
                    or self._figure_word(t) \
                    or low in _currency_words() and t.i - 1 in self._figures:
                continue  # a figure, its unit of measure ("140 mph winds") or its
                # currency written after it ("$221 million dollars"; "the dollar
                # index" keeps its word)
            if (low in sets["ignore"] or lemma in sets["ignore"]) and not _narrows(t):
                continue
            if (low in self.topic or lemma in self.topic) and not self._needs_modifier(t):
                continue
            if self._is_name(t) or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
                continue
            if lemma in time_words() and any(c.dep_ == "det" for c in t.children):
                continue  # ("1,300 flights that day": when, not which flights)
            # a place says whose figure it is (the subject), not what is
            # counted; "AI-generated" (tagged as a place) stays a modifier
            if t.ent_type_ in ("GPE", "LOC") and not (
                    t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in _HYPHENS):
                continue
            kept.append(t)
        words: list[str] = []
        prev: Token | None = None
        for t in kept:
            w = t.lemma_.lower() if t.pos_ in ("NOUN", "PROPN") else t.lower_
            w = _lemma_fix(t.lower_, w)
            doc = t.doc
            if prev is not None and prev.i == t.i - 2 and doc[t.i - 1].text in _HYPHENS \
                    and not prev.whitespace_ and not doc[t.i - 1].whitespace_:
                words[-1] = f"{words[-1]}-{w}"
            else:
                words.append(w)
            prev = t
        return list(dict.fromkeys(words))

    def from_lead(self, sent: Span, end_char: int, skip: set[int]) -> MetricGuess | None:
        """What a list's lead (the words before ``end_char``) counts: its
        first subject, object or head noun, or the noun it breaks down "by"
        something ("Confirmed cases by state: Texas (309), ..."); what a verb
        breaks down or lists (synonyms.toml list_verbs) is its object before
        its subject ("the ministry broke the deaths down by area: 1,293 in
        ...": deaths; not "Deaths outpaced rescues in every province: ...")."""
        first = self._lead_noun(sent, end_char, skip)
        return self.key_for(first, "metric_from_sentence") if first is not None else None

    def _lead_noun(self, sent: Span, end_char: int, skip: set[int]) -> Token | None:
        """The noun of :meth:`from_lead`."""
        cands = [tok for tok in sent if tok.idx < end_char and tok.pos_ == "NOUN"
                 and tok.i not in skip and not self._empty(tok) and not self._figure_word(tok)
                 and (tok.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT")
                      or any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children))
                 and tok.lemma_.lower() not in _sets()["change_nouns"]
                 and tok.ent_type_ not in ("DATE", "TIME") and not self._is_name(tok)]
        objects = [t for t in cands if t.dep_ == "dobj"
                   and t.head.lemma_.lower() in _sets()["list_verbs"]]
        return objects[0] if objects else cands[0] if cands else None

    def from_sentence(self, sent: Span, skip: set[int]) -> MetricGuess | None:
        """Last resort: the first counted-looking subject or object noun of
        the sentence ("Since the reports began ..., the numbers rose")."""
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and tok.pos_ == "NOUN" \
                    and self._empty(tok) and self._of_object(tok) is not None:
                tok = self._of_object(tok)
            if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and tok.pos_ == "NOUN" \
                    and tok.i not in skip and not self._empty(tok) and not self._figure_word(tok) \
                    and tok.lemma_.lower() not in _sets()["change_nouns"] \
                    and tok.ent_type_ not in ("DATE", "TIME") and not self._is_name(tok):
                return self.key_for(tok, "metric_from_sentence")
        return None


def figure_top(doc, r: dict) -> Token:
    """The figure's top token, past the word right after it that the parse
    hangs it on ("1.84 billion euros": "euros")."""
    root = doc[r["token_start"]:r["token_end"]].root
    while root.dep_ in ("nummod", "compound", "quantmod") and root.head.i > root.i \
            and root.head.i < r["token_end"] + 1:
        root = root.head
    return root


def _gerund_object(tok: Token) -> Token | None:
    """The noun right after a gerund the parse made a clause's subject, when
    it is the gerund's only dependent: "Gaming revenue of $1.65bn grew" is
    a noun with its modifier ("gaming revenue"), misparsed as "gaming (the)
    revenue"; else None."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("nsubj", "nsubjpass", "csubj") \
            or tok.i + 1 >= len(tok.doc):
        return None
    obj = tok.doc[tok.i + 1]
    kids = list(tok.children)
    if obj.dep_ == "dobj" and obj.head.i == tok.i and obj.pos_ == "NOUN" and kids == [obj]:
        return obj
    return None


def flow_verb(verb: Token) -> str:
    """``verb``'s lemma when it turns a stock into a flow (a direction cue
    verb from extract.toml: "added", "cut"), else ""."""
    cues = _flow_cues()
    if verb.pos_ == "VERB" and (verb.lower_ in cues or verb.lemma_.lower() in cues):
        return verb.lemma_.lower()
    return ""


def object_events() -> dict[str, str]:
    """synonyms.toml [object_events]: verb lemma -> the event's noun."""
    return syn().get("object_events", {})


def object_event(noun: Token) -> str:
    """What a verb done to counted things makes of them (synonyms.toml
    [object_events]): "delivered 484,507 vehicles", "1.8 million vehicles
    were delivered", "the vehicles delivered" count deliveries, as "484,507
    deliveries" does; "produced 494,989 vehicles" and "produced a total of
    1,845,985 vehicles" count production."""
    events = object_events()
    # "produced a total of 1,845,985 vehicles": through an empty head
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" \
            and noun.head.head.lemma_.lower() in _sets()["empty_heads"]:
        noun = noun.head.head
    verbs = [noun.head] if noun.dep_ in ("dobj", "nsubjpass") else []
    verbs += [c for c in noun.children if c.dep_ == "acl"]
    return next((events[v.lemma_.lower()] for v in verbs
                 if v.pos_ == "VERB" and v.lemma_.lower() in events), "")


def _paying_verb(num: Token) -> Token | None:
    """The verb an amount is the direct object of ("fined Trump $350
    million") or that takes it through "for" ("buy U.S. Steel for $14.1
    billion"); else None."""
    verb = num.head
    if num.dep_ == "pobj" and verb.lower_ == "for":
        verb = verb.head
    elif num.dep_ == "appos" and verb.dep_ == "dobj":
        verb = verb.head  # "fined Orbix 1.84 billion euros": the parse hangs
        # the second object on the first
    elif num.dep_ != "dobj":
        return None
    return verb if verb.pos_ == "VERB" else None


@cache
def _modality() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in syn()["modality"].items()}


_MOOD = re.compile(r" \((proposed|possible|expected)\)$")


def mood_of(key: str) -> str:
    """The mood a metric key carries (:func:`mood`: "proposed",
    "possible", "expected"), or ""."""
    m = _MOOD.search(str(key or ""))
    return m.group(1) if m else ""


def mood(doc, r: dict) -> str:
    """"proposed" when the figure is asked for or recommended by someone,
    "possible" when only a modal verb states it, "expected" when a noun it
    belongs to is what someone forecast ("the 30% the government had
    forecast"; attribution.toml forecast_verbs), else "" (synonyms.toml
    [modality]). Read up the parse from the figure: the nouns it belongs to
    ("a request for", "the 105 years recommended by"), the first verb above
    it and, through complement clauses that ask no question, the verbs those
    complete ("recommended that Bankman-Fried receive 40 to 50 years")."""
    m = _modality()
    tok = doc[r["token_start"]:r["token_end"]].root
    if tok.dep_ == "appos":
        return ""  # "recommended that Bankman-Fried, 32, receive ...": his age
    came = None
    for _ in range(10):
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN":
            if lemma in m["proposed_nouns"]:
                return "proposed"
            if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in m["proposed_verbs"]
                   for c in tok.children):
                return "proposed"
            if any(c.dep_ in ("acl", "relcl") and _forecasting(c) for c in tok.children):
                return "expected"  # "below the 30% the government had forecast"
            known = any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in m["known_dets"]
                        for c in tok.children)
            if known and came is not None and came.dep_ in ("nummod", "compound", "quantmod",
                                                             "amod"):
                # a thing the sentence takes as known, the figure its own
                # ("Ohtani's camp may be able to call the $700 million deal the
                # richest"): the verbs above speak of it, not of whether it is
                # so (not "sought the maximum sentence of 50 years")
                return ""
        if tok.pos_ in ("VERB", "AUX"):
            # (a copula too: "the toll could be as high as 300")
            if tok.pos_ == "VERB" and lemma in m["proposed_verbs"]:
                return "proposed"
            if tok.pos_ == "VERB" and lemma in m["proposed_object_verbs"] \
                    and came is not None and came.dep_ == "dobj":
                return "proposed"  # "the union wants 12%"
            if any(c.dep_ == "aux" and c.lower_ in m["possible_modals"] for c in tok.children):
                return "possible"
            if tok.dep_ not in ("ccomp", "xcomp") or any(
                    c.lower_ in m["question_words"] for c in tok.children
                    if c.dep_ in ("mark", "advmod", "nsubj", "dobj") and c.i < tok.i):
                return ""   # ("asked why 300 people died": a question, not a request)
        if tok.head.i == tok.i:
            return ""
        came, tok = tok, tok.head
    return ""


def _verb_lemma(verb: Token | None) -> str:
    """A verb's lemma as synonyms.toml [lemma_fixes] corrects it ("fined"
    -> "fine", not the model's "fin"); "" for none."""
    return _lemma_fix(verb.lower_, verb.lemma_.lower()) if verb is not None else ""


@cache
def money_events(table: str = "money_events") -> dict[str, str]:
    """synonyms.toml [money_events] (an amount the verb takes as its
    object) or [money_for_events] (one it takes through "for"): verb lemma
    -> what the amount is."""
    return dict(syn().get(table, {}))


def counts_people(noun: str) -> bool:
    """Whether a counted noun's lemma counts people or their homes
    (synonyms.toml [words] people), whose counts key what befell them."""
    return noun in _sets()["people"] or head_class(noun) in _sets()["people"]


def people_words() -> frozenset[str]:
    """Nouns that count people (synonyms.toml [words] people)."""
    return _sets()["people"]


def empty_heads() -> frozenset[str]:
    """Nouns that name no quantity of their own ("a total of", "the
    equivalent of"; synonyms.toml [words] empty_heads)."""
    return _sets()["empty_heads"]


def _lemma_fix(word: str, lemma: str) -> str:
    """``lemma`` as synonyms.toml [lemma_fixes] corrects it ("doses" ->
    "dose", not "dos"; "data" stays "data")."""
    fixes = syn().get("lemma_fixes", {})
    return fixes.get(word, fixes.get(lemma, lemma))


def noun_lemma(tok: Token) -> str:
    """The noun's lemma; a capitalised common noun the tagger took for a
    proper noun ("Burglaries climbed") is lemmatised by its plural ending."""
    lemma = tok.lemma_.lower()
    fixes = syn().get("lemma_fixes", {})
    if lemma in fixes or tok.lower_ in fixes:  # "doses" -> "dos" from the model
        return _lemma_fix(tok.lower_, lemma)
    if tok.pos_ != "PROPN" or lemma != tok.lower_:
        return lemma
    for plural, singular in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh")):
        if lemma.endswith(plural) and len(lemma) > len(plural) + 2:
            return lemma[: -len(plural)] + singular
    if lemma.endswith("s") and not lemma.endswith(("ss", "us", "is")) and len(lemma) > 3:
        return lemma[:-1]
    return lemma


def _no_prep_subtree(tok: Token) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ not in ("prep", "relcl", "acl", "appos", "conj", "cc", "poss"):
            out.extend(_no_prep_subtree(child))
    return out


def unit_with_noun(unit: str, noun: str) -> str:
    """The claim's unit with a missing or empty noun filled in: "" ->
    "report", "total per year" -> "report per year"."""
    if not noun:
        return unit
    if not unit:
        return noun
    first, _, rest = unit.partition(" ")
    if first in _sets()["empty_heads"] and first not in ("%",):
        return f"{noun} {rest}".strip()
    if unit.startswith("per "):
        return f"{noun} {unit}"
    return unit
