"""Who a number belongs to.

Mentions are named entities (extended over "and Exploited Children" when
the model stops early), learned acronyms ("... Children (NCMEC)") and the
long names they stand for. A claim's subject is the grammatical subject of
the clause the number hangs on: a name, several names joined by "and", a
definite reference ("the organization", "the company") or a pronoun resolved
to the most recent matching mention. When the sentence has none, an earlier
sentence of the same paragraph may give it; else the article's main subject.
"""
from __future__ import annotations

import re
from functools import cache
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import ORTH

if TYPE_CHECKING:  # annotations only: a cached run never imports spaCy
    from spacy.tokens import Span, Token

from ..extract import doc_text, name_before, numbered_name, token_after
from ..keys import jurisdiction, time_units
from ..knowledge import load
from .context import ArticleContext, attr, title_text
from .context import lower_words as context_lower_words
from .metric import empty_heads, figure_top, moves, stock_plural, time_words

_ACRONYM = re.compile(r"\(\s*(?:[A-Z]{2,8}\s*:\s*)?([A-Z][A-Za-z&]{1,9})\s*\)")
#: a comparison window written as letters ("Y/Y", "Q/Q.", "M/M")
_WINDOW = re.compile(r"[A-Za-z]/[A-Za-z]\.?")
#: a word in capitals that may be initials ("AMTA warns of ...")
_INITIALS = re.compile(r"\b[A-Z][A-Z&]{1,9}\b")
# An entry of a list of figures by name: the name, then a comma, colon,
# bracket or dash and the figure ("North Carolina, 113 people; South
# Carolina, 48", "Texas (309), New Mexico (42)"); before the name, the
# start of the list or of an entry.
_ENTRY_AFTER = re.compile(r"\s*(?:[,:(]|\s[-–—])\s*(?=[$€£]?\d)")
_ENTRY_BEFORE = re.compile(r"(?:^|[;:(]|,|\band)\s*$")
#: an entry of a list: "..., Taroudant (452 deaths), Chichaoua (191 deaths)"
_ENTRY_BRACKET = re.compile(r"(?:[;:]|,|\band|\bby)\s+"
                            r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
                            r"\s*\((?P<figure>[$€£]?\d[\d,.]*)")
#: an entry of a list written figure first: ": 1,293 in Al Haouz, 452 in ..."
_ENTRY_IN = re.compile(r"(?:[;:]|,|\band)\s*(?P<figure>[$€£]?\d[\d,.]*)\s+in\s+"
                       r"(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
                       r"(?=\s*(?:[,;.]|and\b|$))")
_ORG_LIKE = ("ORG", "PRODUCT", "FAC", "NORP")
#: a word shaped as names are and common words are not: a digit beside
#: letters, or a capital after a small letter ("23andMe", "eBay")
_ODD_NAME = re.compile(r"(?=.*[A-Za-z])(?:.*\d|.*[a-z][A-Z])")


@dataclass(frozen=True)
class Mention:
    start: int           # character offsets
    end: int
    name: str            # canonical name within the article
    label: str
    sent: int            # ordinal of its sentence


def norm_name(name: str) -> str:
    """Comparison form of a name: lower case, "&" as "and", no leading
    article, no possessive, no legal-form suffix ("Inc.")."""
    s = name.replace("&", " and ").replace("’", "'")
    s = re.sub(r"'s?$", "", s.strip())
    s = re.sub(r"\s+", " ", s).strip().lower()
    s = re.sub(r"^(the|a|an) ", "", s)
    if re.fullmatch(r"(?:[a-z]\.){2,}", s):
        s = s.replace(".", "")          # "U.S." is "US"
    words = s.replace(",", " ").split()
    suffixes = set(attr()["name_suffixes"])
    while len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    return " ".join(words)


def abbreviates(acr: str, name: str) -> bool:
    """True if ``acr`` can stand for ``name``: its initials ("NCMEC"), or
    letters taken in order from the name's words, starting with the first
    word's initial and using every word's initial, of a name of two words
    or more ("NWF" for "Northwind Foods", "RPD" for "Riverton police
    department", but "CNN" for no "Coronation"); an acronym of three
    letters or more also for the name with its trailing legal-form words
    (attribution.toml name_suffixes), whole or shorn of them one at a time,
    taking letters from the words kept ("TEPCO" for "Tokyo Electric Power
    Company Holdings, Inc.", as for "Tokyo Electric Power Company")."""
    if _abbreviates(acr, name, norm_name(name)):
        return True
    if len(re.sub(r"[^A-Za-z]", "", acr)) < 3:
        return False  # ("BA" is no "Bank of America Corp.", "US" no "Unity Software Inc.")
    words = name.replace(",", " ").split()
    suffixes = set(attr()["name_suffixes"])
    while len(words) > 2 and words[-1].lower() in suffixes:
        if _abbreviates(acr, " ".join(words), " ".join(words)):
            return True
        words = words[:-1]
        if _abbreviates(acr, " ".join(words), " ".join(words)):
            return True
    return False


def _abbreviates(acr: str, name: str, letters_of: str) -> bool:
    """:func:`abbreviates` for one form of the name; ``letters_of``: the
    text whose letters the acronym may take."""
    letters = re.sub(r"[^A-Za-z]", "", acr).upper()
    if name.isupper() and " " not in name.strip():
        return False                            # two acronyms ("NHS", "NHSE")
    full = initials(name)
    if len(letters) < 2 or not full:
        return False
    if full == letters:
        return True
    # "CDC" for "Centers for Disease Control and Prevention": the initials of
    # the name before its last "and"
    head = re.split(r"\s+(?:and|&)\s+", name.strip())
    if len(head) > 1 and len(head[0].split()) > 1 and initials(" and ".join(head[:-1])) == letters:
        return True
    if len(letters) < 3 or letters[0] != full[0] or len(name.split()) < 2:
        return False                            # ("CNN" is no "Coronation")
    it = iter(letters)
    if not all(ch in it for ch in full):        # every initial, in order
        return False
    it = iter(re.sub(r"[^A-Za-z]", "", letters_of).upper())
    return all(ch in it for ch in letters)      # and only letters of the name


def clean_name(name: str) -> str:
    strip = attr()["name_strip"]
    words = name.split("(")[0].replace("\n", " ").split()
    while words and words[0].lower() in strip:
        words = words[1:]
    if words:
        for suffix in ("’s", "'s", "’", "'"):
            if words[-1].endswith(suffix) and len(words[-1]) > len(suffix):
                words[-1] = words[-1][: -len(suffix)]
                break
    return " ".join(words)


@cache
def _not_names() -> re.Pattern:
    """Words shaped as odd names that are not (attribution.toml
    [untagged_names] periods and not_names: a quarter, a fiscal year, a virus)."""
    conf = attr()["untagged_names"]
    return re.compile(f"{conf['periods']}|{conf['not_names']}", re.I)


#: a token written in digits only ("288", "1,100")
_DIGITS_ONLY = re.compile(r"[\d.,]+")


@cache
def _titled() -> re.Pattern:
    """A title (attribution.toml name_titles) and the word after it
    ("President Biden")."""
    titles = "|".join(map(re.escape, attr()["name_titles"]))
    return re.compile(rf"(?i:\b(?:{titles}))\s+(\w[\w'-]*)")


@cache
def _score_first() -> re.Pattern:
    """A share right before " to " ("48% to 42%"): the first of a score
    (its percent marks from numbers.toml [percent])."""
    marks = sorted(load("numbers")["percent"]["percent"], key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in marks)
    return re.compile(rf"\d[\d.,]*\s*(?:{alt})\s+to\s+$", re.I)


@cache
def _score_not_after() -> re.Pattern:
    """Words before a first share that make "N% to M%" a move, not a score
    (attribution.toml [score_rival] not_after: "from", "between")."""
    words = "|".join(map(re.escape, attr()["score_rival"]["not_after"]))
    return re.compile(rf"\b(?:{words})\s*$", re.I)


@cache
def _compare_words() -> frozenset[str]:
    """One-word cues of a figure compared with (attribution.toml [roles] base:
    "against", "than", "versus")."""
    return frozenset(w for w in attr()["roles"]["base"] if " " not in w)


@cache
def _home_pattern() -> re.Pattern:
    """", home to " (attribution.toml home_words) right before a figure."""
    words = sorted(attr()["home_words"], key=len, reverse=True)
    return re.compile(r",\s*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                      + r")\s+$", re.I)


@cache
def _scale_words() -> frozenset[str]:
    """Scale words a figure is written with (numbers.toml [words.multipliers]:
    "million", "billion", "crore")."""
    return frozenset(w.lower() for w in load("numbers")["words"]["multipliers"])


@cache
def _period_name() -> re.Pattern:
    """A quarter, half or fiscal year written as a name ("Q4", "FY2024")."""
    return re.compile(attr()["untagged_names"]["periods"], re.I)


@cache
def _news_agencies() -> frozenset[str]:
    return frozenset(norm_name(n) for n in attr()["news_agencies"])


@cache
def _windows() -> frozenset[str]:
    """Comparison windows in letters ("YOY", "YTD": attribution.toml
    window_words): never a name."""
    return frozenset(attr()["window_words"])


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(attr()["speech_verbs"])


@cache
def _clause_telling_verbs() -> frozenset[str]:
    """Verbs that tell the clause they govern: attribution.toml source_verbs
    and speech_verbs."""
    return frozenset(attr()["source_verbs"]) | _speech_verbs()


def _possessive_name(chain: list[Token]) -> list[Token]:
    """A name written with a possessive inside it ("Boar's Head"): the
    chain of proper nouns widened over "'s" to the whole name, whichever of
    its two runs the chain is (:func:`owned_run_end`)."""
    doc = chain[0].doc
    first, last = chain[0], chain[-1]
    if any(t.ent_type_ for t in chain):
        return chain
    i = first.i - 2     # the owner's run before "'s", when the chain is what it owns
    if i >= 0 and owned_run_end(doc, i) == last.i + 1:
        j = i           # (the owner's whole name: "Papa John's Pizza")
        while j > 0 and doc[j - 1].pos_ == "PROPN" and doc[j - 1].ent_type_ == doc[i].ent_type_ \
                and doc[j - 1].head.i == i:
            j -= 1
        return [doc[k] for k in range(j, last.i + 1)]
    end = owned_run_end(doc, last.i)
    return [doc[k] for k in range(first.i, end)] if end > 0 else chain


def owned_run_end(doc, i: int) -> int:
    """Where a name that ``doc[i]`` owns ends ("Boar" + "'s Head"): the
    end of the run of title-case proper nouns right after "'s" that the
    model names no entity in, ``doc[i]`` modifying that run or a noun after
    it ("Boar's Head deli meat"); -1 if none. A named thing owned ("Google's
    Gemini" is a product, "Texas's Harris County" a place) is not part of the
    owner's name: it has an entity of its own or is no proper noun. The
    whole must be written more than once in the article, as words ("Boeing's
    CEO" once is an owner and a title)."""
    tok = doc[i]
    k = i + 1
    if tok.pos_ != "PROPN" or tok.dep_ != "poss" or k + 1 >= len(doc) \
            or doc[k].dep_ != "case" or doc[k].lower_ not in ("'s", "’s"):
        return -1
    end = k + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ \
            and doc[end].is_title:
        end += 1
    # (what the owner modifies is that run, or a noun it names: "Boar's
    # Head deli meat")
    if end == k + 1 or tok.head.i < end - 1:
        return -1
    name = re.sub("['’]", "['’]", re.escape(doc[tok.i:end].text))  # either apostrophe
    return end if len(re.findall(rf"(?<!\w){name}(?!\w)", doc_text(doc))) > 1 else -1


def _numbered(doc: Doc, text: str, found: tuple[int, int, str, str]
              ) -> tuple[int, int, str, str]:
    """A name and the number the model left out of it ("Nord Stream" + " 2",
    extract.numbered_name; ``text`` is the doc's): the name of one of its
    kind."""
    s, e, t, lab = found
    end = doc.char_span(s, e, alignment_mode="expand")
    if end is None or end.end >= len(doc) or not numbered_name(doc[end.end:end.end + 1], text):
        return found
    nxt = doc[end.end]
    return s, nxt.idx + len(nxt), text[s:nxt.idx + len(nxt)], lab


def initials(name: str) -> str:
    joiners = set(attr()["name_joiners"])
    words = re.findall(r"[A-Za-z][\w'’-]*", name)
    return "".join(w[0].upper() for w in words if w.lower() not in joiners and w[0].isupper())


def _without_suffix(words: list[str]) -> list[str]:
    suffixes = set(attr()["name_suffixes"])
    while len(words) > 1 and words[-1].lower().rstrip(",") in suffixes:
        words = words[:-1]
    return words


def _acronym_sites(text: str, reach: int, word: str):
    """(acronym, its letters, the words before it) for each "Long Name (LN)"
    in ``text``: ``reach`` characters back, words matching ``word``."""
    for m in _ACRONYM.finditer(text):
        acr = m.group(1)
        yield (acr, re.sub(r"[^A-Za-z]", "", acr).upper(),
               re.findall(word, text[max(0, m.start() - reach):m.start()]))


def learn_acronyms(text: str) -> dict[str, str]:
    """{normalized long name: acronym} from "Long Name (LN)" in ``text``."""
    joiners = set(attr()["name_joiners"])
    out: dict[str, str] = {}
    for acr, letters, before in _acronym_sites(text, 160, r"[A-Za-z&][\w'’&-]*"):
        exact = loose = None
        for k in range(1, min(len(before), 14) + 1):
            cand = before[-k:]
            if cand[0].lower() in joiners or not cand[0][0].isupper():
                continue
            if not all(w[0].isupper() or w.lower() in joiners for w in cand):
                break
            core = _without_suffix(cand)
            if initials(" ".join(core)) == letters:
                exact = cand
                break
            if loose is None and abbreviates(acr, " ".join(core)) and \
                    len(initials(" ".join(core))) >= 2:
                loose = cand
        if exact or loose:
            out[norm_name(" ".join(exact or loose))] = acr
    return out


def learn_stand_ins(text: str) -> dict[str, str]:
    """{short form: name} from "Name (SHORT)" where the name is one word
    and the short form is not its initials but letters of it in order,
    starting with its first: a ticker or a short name ("Nvidia (NVDA)",
    "Nvidia's (NASDAQ:NVDA)"). The short form stands for the name, which
    other articles write out."""
    out: dict[str, str] = {}
    conf = attr()["stand_ins"]
    for acr, letters, before in _acronym_sites(text, conf["reach"], r"[A-Za-z][\w'’&-]*"):
        if not before or len(letters) < conf["min_letters"]:
            continue
        word = re.sub(r"['’]s?$", "", before[-1])
        spelled = word.upper()
        if not word[0].isupper() or spelled == letters or letters[0] != spelled[0]:
            continue
        it = iter(spelled)
        if all(ch in it for ch in letters):
            out[acr] = word
    return out


def common_acronyms(text: str) -> set[str]:
    """Acronyms the text defines for a common-noun phrase, "generative
    artificial intelligence (GAI)", "emergency department (ED)": they name a
    thing, not an organisation or place a figure could belong to."""
    out = set()
    for acr, letters, before in _acronym_sites(text, 120, r"[A-Za-z][\w'’-]*"):
        for k in range(2, min(len(before), 8) + 1):
            cand = before[-k:]
            if initials(" ".join(cand)) == letters or "".join(
                    w[0] for w in cand).upper() == letters:
                if all(w[0].islower() for w in cand):
                    out.add(acr)
                break
    return out


@cache
def _place_list_pattern() -> tuple[re.Pattern, dict[str, str]]:
    kinds = attr()["listed_places"]["kinds"]
    plurals = {(k[:-1] + "ies" if k.endswith("y") else k + "es" if k.endswith("sh") else k + "s"): k
               for k in kinds}
    name = r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?"
    return re.compile(rf"\b(?P<names>{name}(?:, {name})*,? (?:and|&) {name}) "
                      rf"(?P<kind>{'|'.join(plurals)})\b"), plurals


def _listed_places(text: str):
    """(start, end, "<Name> <Kind>", "GPE") for each name of a list of
    places written with their kind once ("Pell and Asher counties")."""
    if not any(k in text for k in _place_list_pattern()[1]):
        return
    pattern, plurals = _place_list_pattern()
    for m in pattern.finditer(text):
        kind = plurals[m.group("kind")].title()
        for w in re.finditer(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?", m.group("names")):
            yield (m.start("names") + w.start(), m.start("names") + w.end(),
                   f"{w.group()} {kind}", "GPE")


#: the end of a possessive and the space after it ("North Carolina's Division")
_POSSESSIVE = re.compile(r"['’]s?\s+$")


def _owned_bodies(text: str, found: list[tuple[int, int, str, str]]):
    """A government body named with its place as owner ("North Carolina's
    Division of Public Health") is named as "<place> <body>", so that it
    stands for its place across articles (keys.jurisdiction)."""
    bodies = set(attr()["jurisdiction"]["bodies"])
    out: list[tuple[int, int, str, str]] = []
    for f in found:
        s, e, t, lab = f
        if out and lab in ("ORG", "ORG?") and out[-1][3] in ("GPE", "LOC") \
                and s - out[-1][1] <= 3 and _POSSESSIVE.search(text[max(0, out[-1][1] - 2):s]) \
                and any(w.lower() in bodies for w in t.split()):
            place = out.pop()
            f = (place[0], e, f"{clean_name(place[2])} {clean_name(t)}", lab)
        out.append(f)
    return out


@cache
def _dateline() -> re.Pattern:
    """A dateline opening a line: a place in capitals, an optional state or
    country and wire in brackets, then a dash (attribution.toml dateline)."""
    return re.compile(attr()["dateline"], re.M)


@cache
def publisher_names(raw: str) -> tuple[str, ...]:
    """The outlets a sources.csv publisher field names: "CNN (syndicated by
    Local News 8)" is CNN and Local News 8 (attribution.toml
    publisher_joiners)."""
    if not raw:
        return ()
    joiners = attr()["publisher_joiners"]
    lead = re.compile(rf"^\s*(?:{'|'.join(map(re.escape, joiners))})\b", re.I)
    names = [norm_name(raw)] + [norm_name(lead.sub("", p)) for p in re.split(r"[()\[\],;/]", raw)]
    return tuple(n for n in dict.fromkeys(names) if n)


class Mentions:
    """Every mention of a subject-like name in one article."""

    def __init__(self, ctx: ArticleContext):
        self.ctx = ctx
        doc = ctx.doc
        self.acronyms = learn_acronyms(ctx.text)
        self.stand_ins = learn_stand_ins(ctx.text) if "(" in ctx.text else {}
        labels = set(attr()["subject_labels"])
        found: list[tuple[int, int, str, str]] = []
        # words the article also writes in lower case are common nouns
        self.lower_words = lower_words = context_lower_words(ctx)
        common = common_acronyms(ctx.text) if "(" in ctx.text else set()
        self.datelines = [m.span() for m in _dateline().finditer(ctx.text)]
        for ent in doc.ents:
            if ent.label_ not in labels or self._is_headline_text(ent):
                continue
            if self.in_dateline(ent.start_char):
                continue  # "JUNIPER SPRINGS, Ore. (PWS) —": where the story was filed
            if ent.text.strip() in common:
                continue  # "generative artificial intelligence (GAI)": a thing, not a name
            if len(ent) > 1 and ent[-1].lower_ in attr()["time_zone_words"] \
                    or ent.text.strip() in attr()["time_zones"]:
                continue  # "(Beijing Time)", "10:11 p.m. GMT": when, not who
            if _WINDOW.fullmatch(ent.text.strip()) or ent.text.strip().lower() in _windows():
                continue  # "+50% Y/Y", "Year over year (YOY)": a comparison window, not a name
            if _period_name().fullmatch(ent.text.strip()):
                continue  # "a record 484,507 in Q4": a quarter, not a name
            if len(ent) > 1 and ent[0].like_num and ent[0].dep_ in ("nummod", "quantmod"):
                continue  # "Breach Hits 100M Americans": a figure and what it counts
            if all(_DIGITS_ONLY.fullmatch(t.text) or t.is_punct for t in ent):
                continue  # "put at 288" tagged as a facility: a figure, never a name
                # (not "7-Eleven": a word for a number is part of a name)
            if len(ent) == 1 and (ent[0].tag_ in ("NN", "NNS") or ent.text in lower_words
                                  or ent.text.lower() in lower_words):
                continue  # a common noun NER took for a group: "Pedestrians accounted for"
            span, label = self._extend(ent), ent.label_
            cut = next((t.i for t in span[1:] if t.like_num and t.i + 1 < len(doc)
                        and doc[t.i + 1].lower_ in _scale_words()), None)
            if cut is not None:
                span = doc[span.start:cut]  # "EU fines Orbix 1.8 billion euros": Orbix
            # (the model may take the "'s" into the owner: "Papa John's")
            owned = owned_run_end(doc, span.end - (2 if span[-1].dep_ == "case" else 1))
            if owned > 0:   # "Boar's Head" (the model may call "Boar" a place)
                span, label = doc[span.start:owned], "ORG?"
            found.append((span.start_char, span.end_char, span.text, label))
        # the organisation the article names most is that name wherever the
        # article writes it ("Boeing's machinists ..." tagged, "SEATTLE -
        # Boeing workers on the US West Coast" not)
        found += self._same_names(found, ctx)
        found += self._untagged_names(found, ctx)
        # long names whose acronym was learned, and the acronyms themselves
        for long, acr in self.acronyms.items():
            words = [re.escape(w) for w in long.split()]
            pat = r"\b" + r"\s+".join(w if w != "and" else r"(?:and|&)" for w in words) + r"\b"
            for m in re.finditer(pat, ctx.text, re.I):
                found.append((m.start(), m.end(), m.group(), "ORG"))
            for m in re.finditer(rf"\b{re.escape(acr)}\b", ctx.text):
                found.append((m.start(), m.end(), acr, "ORG"))
        # "Pell and Asher counties": each name is a place of that kind, whatever
        # the model took it for
        listed = list(_listed_places(ctx.text))
        if listed:
            found = [f for f in found if not any(f[0] < e and s < f[1] for s, e, _, _ in listed)]
            found += listed
        found = [_numbered(doc, ctx.text, f) for f in found]
        # overlapping mentions: the longest wins ("the National Center for
        # Missing" inside the learned "National Center for Missing and ...")
        chosen: list[tuple[int, int, str, str]] = []
        for f in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
            if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
                chosen.append(f)
        found = _owned_bodies(ctx.text, sorted(chosen))
        person_multi = {w for s, e, t, lab in found if lab == "PERSON" and len(t.split()) > 1
                        for w in t.split()}
        org_names = {norm_name(t) for s, e, t, lab in found if lab in _ORG_LIKE}
        surnames = {t.split()[-1] for s, e, t, lab in found
                    if lab == "PERSON" and len(t.split()) > 1}
        self.items: list[Mention] = []
        last_end = -1
        for s, e, t, lab in found:
            if s < last_end:
                continue
            name = self.canonical(t)
            if not name:
                continue
            if lab == "PERSON" and (norm_name(t) in org_names
                                    or (len(t.split()) == 1 and t not in person_multi)):
                lab = "ORG?"
            elif lab in ("ORG", "ORG?") and len(t.split()) == 1 and t in surnames:
                lab = "PERSON"  # "Reyes said", after "Dr. Alan Reyes" (NER says ORG)
            tok = doc.char_span(s, e, alignment_mode="expand")
            sent = ctx.sent_no(tok.start) if tok is not None and len(tok) else 0
            self.items.append(Mention(s, e, name, lab, sent))
            last_end = e
        self._surnames(found, ctx)

    def _surnames(self, found: list[tuple[int, int, str, str]], ctx: ArticleContext) -> None:
        """"Harlow was backed by 48 percent" after "Gov. Ana Harlow": a
        surname stands for the one person the article names in full with it,
        tagged or not (the model misses a lone surname it tagged in full; a
        headline may name him first). Not a word the model takes for a place
        and never for a person ("Rep. Jim Jordan ... Jordan hosts refugees"),
        nor one the article also writes after a title ("Hunter Biden ...
        President Biden": two people). (A company named after its founder,
        "Bill Ford ... Ford sold 2 million trucks", is read as him.)"""
        doc = ctx.doc
        single = defaultdict(set)
        for _, _, t, lab in found:
            if len(t.split()) == 1:
                single[t].add(lab)
        other = {t for t, labs in single.items()
                 if "PERSON" not in labs and labs & {"GPE", "LOC", "FAC", "NORP"}}
        full: dict[str, set[str]] = defaultdict(set)
        for m in self.items:
            if m.label == "PERSON" and len(m.name.split()) > 1:
                full[m.name.split()[-1]].add(m.name)
        titles = tuple(attr()["name_titles"])
        ambiguous = {m.group(1) for m in _titled().finditer(ctx.text)}
        alone = {k for k, names in full.items()
                 if len(names) == 1 and k not in other and k not in ambiguous}

        def stands_for(start: int, word: str) -> bool:
            before = ctx.text[max(0, start - 20):start].lower().rstrip()
            return word in alone and not before.endswith(titles)
        if alone:
            taken = [(m.start, m.end) for m in self.items]
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(alone)))
                                 + r")(?![\w-])")
            for hit in pattern.finditer(ctx.text):
                if any(s < hit.end() and hit.start() < e for s, e in taken):
                    continue
                tok = doc.char_span(hit.start(), hit.end())
                if tok is None or len(tok) != 1 or tok[0].pos_ != "PROPN" or tok[0].ent_type_:
                    continue
                self.items.append(Mention(hit.start(), hit.end(), hit.group(), "PERSON",
                                          ctx.sent_no(tok.start)))
            self.items.sort(key=lambda m: m.start)
        self.items = [replace(m, name=next(iter(full[m.name])))
                      if m.label == "PERSON" and stands_for(m.start, m.name) else m
                      for m in self.items]

    @staticmethod
    def _same_names(found: list[tuple[int, int, str, str]], ctx: ArticleContext
                    ) -> list[tuple[int, int, str, str]]:
        """Other places the article writes the organisation it names most
        (tagged at least twice; exactly, as a whole word): the model tags a
        story's company in one sentence and misses it in the next. Only
        that one: a programme named beside its operator ("CyberTipline
        reports" in a story about NCMEC) stays as the model read it.
        (Overlaps are resolved after, the longest mention first.)"""
        counts = Counter(t for _, _, t, lab in found if lab == "ORG" and len(t) > 2)
        if not counts:
            return []
        (name, n), = counts.most_common(1)
        if n < 2 or sum(1 for c in counts.values() if c == n) > 1:
            return []  # no one organisation the article names most
        taken = {(s, e) for s, e, _, _ in found}
        return [(m.start(), m.end(), name, "ORG")
                for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", ctx.text)
                if (m.start(), m.end()) not in taken]

    @staticmethod
    def _untagged_names(found: list[tuple[int, int, str, str]], ctx: ArticleContext
                        ) -> list[tuple[int, int, str, str]]:
        """A one-word proper name of a shape the model's names seldom have
        (digits and letters, a capital inside: "23andMe", "eBay"), never
        tagged as a name but written again and again (read as a number or
        as nothing): attribution.toml [untagged_names]. An organisation
        ("ORG?"). (Title-case words are left to the model: "Head" of "Boar's
        Head", "Bowl" of "Super Bowl" are parts of names it tags.)"""
        conf = attr()["untagged_names"]
        not_names = _not_names()
        doc, taken = ctx.doc, {(s, e) for s, e, _, _ in found}
        tagged = {t for _, _, t, _ in found}
        skip = set(attr()["subject_labels"]) | set(attr()["time_labels"])
        seen: dict[str, list] = defaultdict(list)
        # (only the tokens whose word has the shape: each distinct word is
        # tested once, not each token)
        orths = doc.to_array(ORTH) if len(doc) else np.zeros(0, dtype=np.uint64)
        words = doc.vocab.strings
        odd = [o for o in np.unique(orths).tolist() if len(w := words[o]) >= conf["min_length"]
               and _ODD_NAME.search(w) and not not_names.fullmatch(w)]
        for i in np.flatnonzero(np.isin(orths, np.asarray(odd, dtype=np.uint64))).tolist() \
                if odd else ():
            tok = doc[i]
            if tok.pos_ == "PROPN" and tok.ent_type_ not in skip:
                seen[tok.text].append(tok)
        lower = context_lower_words(ctx)
        out = []
        for text, toks in seen.items():
            inside = sum(not t.is_sent_start for t in toks)
            if len(toks) < conf["min_times"] or inside < conf["min_inside"] or text in tagged \
                    or text.lower() in lower:
                continue
            out += [(t.idx, t.idx + len(t.text), text, "ORG?") for t in toks
                    if (t.idx, t.idx + len(t.text)) not in taken]
        return out

    def in_dateline(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.datelines)

    def _is_headline_text(self, ent: Span) -> bool:
        """Entities that are really a whole headline ("Key Takeaways")."""
        sent = self.ctx.sent_of(ent.start)
        line = self.ctx.text[sent.start_char:sent.end_char].strip()  # Span.text walks tokens
        if any(t.pos_ in ("AUX", "VERB") for t in ent) or ":" in ent.text:
            return True
        return len(ent.text) >= 0.6 * max(1, len(line)) and len(ent) > 1

    def _extend(self, ent: Span) -> Span:
        """Extend a name cut short by the model ("The National Center for
        Missing" + " and Exploited Children")."""
        doc = ent.doc
        joiners = set(attr()["name_joiners"])
        end = ent.end
        # only long institutional names ("Center for Missing") continue over
        # "and": "Microsoft and Amazon" are two names
        if len(ent) < 2 or not any(t.lower_ in joiners for t in ent):
            return ent
        while end < len(doc):
            tok = doc[end]
            if self._name_word(tok):
                end += 1
            elif (tok.lower_ in joiners and end + 1 < len(doc)
                  and self._name_word(doc[end + 1])):
                end += 2
            else:
                break
        return doc[ent.start:end]

    @staticmethod
    def _name_word(tok: Token) -> bool:
        return (tok.is_title and not tok.is_sent_start and tok.pos_ in ("PROPN", "NOUN", "ADJ",
                                                                      "VERB")
                and tok.ent_type_ not in ("DATE", "CARDINAL", "TIME"))

    def canonical(self, text: str) -> str:
        name = clean_name(text)
        if not name:
            return ""
        if name in self.stand_ins:
            return self.stand_ins[name]  # "NVDA" after "Nvidia (NVDA)": Nvidia
        n = norm_name(name)
        if n in self.acronyms:
            return self.acronyms[n]
        for long, acr in self.acronyms.items():
            if n == acr.lower():
                return acr
        return name

    def at(self, tok: Token) -> Mention | None:
        for m in self.items:
            if m.start <= tok.idx < m.end:
                return m
        return None

    def add(self, m: Mention) -> None:
        if any(o.start < m.end and m.start < o.end for o in self.items):
            return
        self.items.append(m)
        self.items.sort(key=lambda o: o.start)

    def before(self, char: int, sent: int, labels: tuple[str, ...], word: str = "",
               skip=lambda name: False) -> Mention | None:
        """The most recent mention before ``char`` of one of ``labels``
        (or whose name holds ``word``), at most ``reference_window``
        sentences back, leaving out names ``skip`` says to."""
        window = attr()["reference_window"]
        cands = [m for m in self.items if m.end <= char and sent - m.sent <= window
                 and not skip(m.name)]
        if word:
            named = [m for m in cands if word in self._long_words(m)]
            if named:
                return named[-1]
        cands = [m for m in cands if m.label in labels]
        return cands[-1] if cands else None

    def _long_words(self, m: Mention) -> set[str]:
        text = self.ctx.text[m.start:m.end]
        words = set(norm_name(text).split())
        for long, acr in self.acronyms.items():
            if acr == m.name:
                words |= set(long.split())
        return words


def _labels_for(kind: str) -> tuple[str, ...]:
    """The mention labels a reference of ``kind`` (attribution.toml
    [references]) may stand for."""
    return {"ORG": ("ORG", "ORG?", "PRODUCT", "FAC"), "GPE": ("GPE", "LOC"),
            "PERSON": ("PERSON",), "OPERATOR": ("ORG", "ORG?")}[kind]


class SubjectFinder:
    def __init__(self, ctx: ArticleContext):
        self.ctx = ctx
        self.mentions = Mentions(ctx)
        a = attr()
        self.refs = {w: k for k, words in a["references"].items() for w in words}
        self.pronouns: dict[str, list[str]] = {}
        for k, words in a["pronouns"].items():
            for w in words:
                self.pronouns.setdefault(w, []).append(k)
        self.subject_deps = set(a["subject_deps"])
        self.list_labels = set(a["subject_labels"]) - {"PERSON"} | {"ORG?"}
        self.owner_labels = set(a["subject_labels"]) | {"ORG?"}
        self._lists: dict[tuple[int, int], dict[int, tuple[str, int]]] = {}
        self.reported_deps = set(a["reported_clause_deps"])
        # figure's start -> the organisation found telling its clause about
        # others' figures (:meth:`_tells_of_others`); see :meth:`owned_told`
        self.told_by: dict[int, str] = {}
        # pronouns that stand only for a person ("she"; not "they")
        self.person_pronouns = {w for w in a["pronouns"]["PERSON"]
                                if all(w not in a["pronouns"][k] for k in a["pronouns"]
                                       if k != "PERSON")}

    def sent_no(self, tok: Token) -> int:
        return self.ctx.sent_no(tok.i)

    # -- one noun phrase -> names -------------------------------------
    def phrase(self, tok: Token) -> tuple[list[str], str]:
        """Names a subject noun phrase stands for, and how they were found
        ("in_sentence" or "from_reference"); ([], "") if it names none."""
        names: list[str] = []
        how = "in_sentence"
        for member in self._members(tok):
            name, h = self._one(member)
            if name:
                names.append(name)
                if h != "in_sentence":
                    how = h
        if names:
            return list(dict.fromkeys(names)), how
        # "Riverton's police department": an institution named by its owner
        compounds = [c for c in tok.children if c.dep_ == "compound"]
        owner = [c for c in tok.children if c.dep_ == "poss" and (self.mentions.at(c)
                                                                   or c.pos_ == "PROPN")]
        if tok.lemma_.lower() in self.refs and compounds and owner:
            words = [clean_name(owner[0].text)] + [t.text for t in compounds] + [tok.text]
            name = self.mentions.canonical(" ".join(words))
            # later references ("the force") can now find it
            kind = self.refs[tok.lemma_.lower()]
            self.mentions.add(Mention(owner[0].idx, tok.idx + len(tok.text), name,
                                      _labels_for(kind)[0], self.sent_no(tok)))
            return [name], "in_sentence"
        # "the U.S. unemployment rate", "officials in Louisiana": a place
        # naming whose figure it is
        places = [c for c in tok.children if c.dep_ in ("compound", "nmod")]
        located = []
        # (a common noun, which the tagger may call a verb: "Traffic crashes")
        if tok.pos_ not in ("PROPN", "PRON"):
            located = [o for c in tok.children if c.dep_ == "prep"
                       and c.lower_ in attr()["place_preps"]
                       for o in c.children if o.dep_ == "pobj"]
        for child in places + located:
            # "cases in Texas and New Mexico": every place joined there;
            # "AMTA buses", "Tesla deliveries": an organisation's own
            labels = ("GPE", "LOC", "ORG", "ORG?") if child.dep_ == "compound" else ("GPE", "LOC")
            found = [m.name for member in self._members(child)
                     if (m := self.mentions.at(member)) is not None and m.label in labels
                     and not (m.label != "GPE" and m.label != "LOC"
                              and (self.is_source_name(m.name) or self.is_publisher(m.name)))]
            if found:
                return list(dict.fromkeys(found)), "in_sentence"
        # "crashes within Vantry city limits": a place owning where they are
        for obj in located:
            found = self._owning_place(obj)
            if found:
                return found, "in_sentence"
        # a common noun phrase: whose? ("Meta's reports", "reports from Meta")
        for child in tok.children:
            if child.dep_ == "poss":
                name, h = self._owner(child)
                if name and h != "source":
                    return [name], h
            if child.dep_ == "prep" and child.lower_ in attr()["agent_preps"]:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        got = [self._one(m) for m in self._members(obj)]
                        got = [g for g in got if g[0] and g[1] == "in_sentence"]
                        if got:
                            return [g[0] for g in got], "in_sentence"
            if child.dep_ == "prep" and child.lower_ in attr()["owner_preps"] \
                    and tok.pos_ == "NOUN" and (tok.lemma_.lower() not in empty_heads()
                                                or stock_plural(tok)):
                # "the cost of India's Chandrayaan-3 lunar mission": the
                # thing the measure is of, by its name or its named owner
                # ("shares of Apple": a company's stock)
                # (not "the number of Egyptians who died", "630 of the 658
                # Egyptians": what is counted)
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    got = [n for m in self._members(obj) if m.ent_type_ != "NORP"
                           and (n := self._one(m))[0] and n[1] == "in_sentence"]
                    if got:
                        return [g[0] for g in got], "in_sentence"
                    owned = next(([name] for c in obj.children if c.dep_ in ("poss", "nmod")
                                  and c.pos_ == "PROPN"
                                  and (name := self._one(c)[0])), None)
                    if owned:
                        return owned, "in_sentence"
        return [], ""

    def _members(self, tok: Token) -> list[Token]:
        out = [tok]
        for child in tok.children:
            if child.dep_ in ("conj", "appos") and (child.pos_ == "PROPN"
                                                    or self.mentions.at(child)):
                out.extend(self._members(child))
        return out

    def _one(self, tok: Token) -> tuple[str, str]:
        m = self.mentions.at(tok)
        if m is not None:
            return m.name, "in_sentence"
        low = tok.lower_
        if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "PRP$"):
            if low in self.pronouns and not self._is_dummy(tok) \
                    and not self._after_common_subject(tok):
                ref = self._subject_reference_before(tok)
                if ref is not None and (found := self._one(ref)[0]):
                    # "the economy shrank 0.4%, though it grew 1.9%": whom
                    # "the economy" refers to, not the name in "according to"
                    return found, "from_reference"
                labels = tuple(lab for k in self.pronouns[low] for lab in _labels_for(k))
                got = self.mentions.before(tok.idx, self.sent_no(tok), labels)
                if got and tok.dep_ in self.subject_deps and not self._is_clause_subject(got):
                    # a pronoun subject stands for the subject before it
                    # rather than a name in a phrase ("BYD, unlike Tesla,
                    # does not build only EVs ... This week it reported")
                    got = self._subject_mention_before(tok, labels) or got
                if got:
                    return got.name, "from_reference"
            return "", ""
        if tok.pos_ == "PROPN" and not (tok.is_sent_start and not tok.ent_type_) \
                and not self.mentions.in_dateline(tok.idx):
            chain = [tok]
            i = tok.i - 1
            while i >= 0 and tok.doc[i].pos_ == "PROPN" and tok.doc[i].head.i in (
                    tok.i, *(c.i for c in chain)):
                chain.insert(0, tok.doc[i])
                i -= 1
            chain = _possessive_name(chain)
            if len(chain) == 1 and tok.lower_ in self.mentions.lower_words:
                return "", ""  # "Pedestrians accounted for ...": a common noun
            if any(t.ent_type_ in attr()["time_labels"] for t in chain) \
                    or len(chain) == 1 and tok.lower_ in _windows():
                return "", ""  # "Thanksgiving offers plenty ...", "YOY, 11 states ...":
                # a time or a comparison window, not an owner
            return self.mentions.canonical(chain[0].doc[chain[0].i:chain[-1].i + 1].text), \
                "in_sentence"
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.refs and any(
                c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det"):
            word = tok.lemma_.lower()
            # ("the government" is not the news agency quoted before it)
            got = self.mentions.before(tok.idx, self.sent_no(tok),
                                       _labels_for(self.refs[word]), word=word,
                                       skip=self.is_publisher)
            if got:
                return got.name, "from_reference"
        return "", ""

    def _is_clause_subject(self, m: Mention) -> bool:
        span = self.ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in self.subject_deps

    def _subject_mention_before(self, pron: Token, labels: tuple[str, ...]) -> Mention | None:
        """The last name before ``pron``, in its sentence or the one before,
        that is a clause's grammatical subject and has one of ``labels``."""
        sent = self.sent_no(pron)
        return next((m for m in reversed(self.mentions.items)
                     if m.end <= pron.idx and sent - 1 <= m.sent <= sent
                     and m.label in labels and self._is_clause_subject(m)), None)

    def _after_common_subject(self, pron: Token) -> bool:
        """"Core inflation moved up from May, when it rose 0.1%": a pronoun
        after its own sentence's subject, a common noun that names nothing
        (not "the agency"), stands for that noun, not for the last name."""
        for tok in pron.sent:
            if tok.i >= pron.i:
                return False
            # (a common noun opening the sentence may be tagged a proper one:
            # "Eggs fell 7.4%, although they were still ...")
            if tok.dep_ in self.subject_deps and (tok.pos_ == "NOUN"
                                                  or tok.pos_ == "PROPN" and tok.is_sent_start) \
                    and tok.lemma_.lower() not in self.refs and self.mentions.at(tok) is None:
                return not self.phrase(tok)[0]
        return False

    def _subject_reference_before(self, pron: Token) -> Token | None:
        """The subject of ``pron``'s sentence before it when that subject is
        a reference of a kind the pronoun may stand for ("the economy", "the
        company"; attribution.toml [references]), else None."""
        kinds = set(self.pronouns.get(pron.lower_, ()))
        for tok in pron.sent:
            if tok.i >= pron.i:
                return None
            if tok.dep_ in self.subject_deps and tok.pos_ == "NOUN" \
                    and any(tok.lemma_.lower() in attr()["references"].get(k, ()) for k in kinds) \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                            for c in tok.children):
                return tok
        return None

    @staticmethod
    def _is_dummy(tok: Token) -> bool:
        """"it" in "it's more than thirteen times higher" stands for the
        quantity, not an organisation."""
        return tok.lower_ in ("it", "this", "that") and tok.head.lemma_ == "be"

    # -- a claim -> names -----------------------------------------------
    def for_claim(self, r: dict) -> tuple[list[str], str]:
        doc = self.ctx.doc
        listed = self.listed(r)[0]
        if listed:
            return [listed], "in_sentence"
        tok = doc[r["token_start"]]
        gapped = self._gapped_subject(doc[r["token_start"]:r["token_end"]].root) \
            or self._gapped_name(r)
        if gapped:
            return [gapped], "in_sentence"
        place = self._place_of_counted(tok) or self._home_of(r)
        if place:
            return place, "in_sentence"
        recipient = self._recipient(r)
        if recipient:
            # (whom an amount is for is whose it is, but not what the
            # article is about: normalize leaves it out of the main subject)
            return recipient, "scope"
        rival = self._score_rival(r)
        if rival:
            return [rival], "in_sentence"
        owner = self._owner_of_counted(r)
        if owner:
            return ([owner[0]] if owner[0] else []), owner[1]
        sized = self._size_owner(r)
        if sized:
            # (nor what the article is about: left out of the main subject,
            # as a recipient is)
            return sized, "scope"
        came_from = None
        for _ in range(12):
            if came_from is not None and came_from.dep_ == "conj" \
                    and came_from.pos_ in ("VERB", "AUX") \
                    and any(c.dep_ in self.subject_deps and c.pos_ != "PRON"
                            for c in came_from.children):
                break  # "Xinhua added that ...; 12,000 houses collapsed": a
                # conjoined clause (and, but, or) with its own subject is not
                # the other conjunct's subject's
                # ("... was held in 1981, and it was won in 2:11": "it" is)
            if tok.pos_ == "VERB" and came_from is not None and came_from.dep_ == "prep" \
                    and came_from.lower_ == "to" and (r.get("percent") or str(
                        r.get("unit") or "").lower() in time_units()):
                # "Judge Kaplan sentenced Bankman-Fried on Thursday to 25
                # years": what the verb brings its named object to is the
                # object's, not the subject's (who acts)
                obj = next((c for c in tok.children
                            if c.dep_ == "dobj" and c.i < came_from.i), None)
                m = self.mentions.at(obj) if obj is not None else None
                if m is not None and m.label in self.owner_labels and m.label != "PRODUCT":
                    # (a length or a share, not a transfer: "sold the iPhone to
                    # 200 million customers")
                    return [m.name], "in_sentence"
            if tok.pos_ in ("VERB", "AUX") or tok.dep_ == "ROOT":
                measured = self._measured_object(tok, came_from)
                if measured is not None:
                    # "the USGS measured the quake at magnitude 6.1": the
                    # subject measures; what it measures may name an owner
                    names, how = self.phrase(measured)
                    teller = next((m for c in tok.children if c.dep_ in self.subject_deps
                                   and (m := self.mentions.at(c)) is not None), None)
                    if teller is not None:
                        self.told_by[r["start_char"]] = teller.name
                        if measured.pos_ == "PRON":
                            # "CNRST measured it at magnitude 7": an object
                            # pronoun never stands for its own clause's subject
                            names = [n for n in names if n != teller.name]
                    return (names, how) if names else ([], "source")
                reported = came_from is not None and came_from.dep_ in self.reported_deps \
                    and tok.lemma_.lower() in _clause_telling_verbs()
                for child in self._subjects_first(tok, r["token_start"]):
                    if child.dep_ in self.subject_deps and not (
                            r["token_start"] <= child.i < r["token_end"]) \
                            and not self._counted_name(child, r):
                        # ("more than a million Americans have received ..."
                        # counts Americans: a name counted is not whose)
                        if reported and self._is_teller(child):
                            return [], "source"  # "..., CNN reported": who tells, not whose
                        if reported and self._tells_of_others(child, came_from, r):
                            self.told_by[r["start_char"]] = self.mentions.at(child).name
                            return [], "source"
                        if tok.dep_ == "relcl" and child.lower_ in attr()["relative_pronouns"]:
                            child = tok.head  # "the Sheep Rock Fire, which scorched 47,900 acres"
                        names, how = self.phrase(child)
                        if self._is_source(tok, child, names if how == "in_sentence" else []):
                            return [], "source"
                        if names:
                            # "Helene has killed 57 people in Buncombe County":
                            # the subject's figure in that place, not its total;
                            # a figure's own place ("Two people in Pennsylvania
                            # and five in New Jersey") stands for the subject's
                            own = self._figure_in_place(r)
                            if own:
                                places = {m.name for m in self.mentions.items
                                          if m.label in ("GPE", "LOC")}
                                names = [n for n in names if n not in places]
                            return names + [p for p in (own or self._in_place(
                                tok, doc[r["token_start"]])) if p not in names], how
                # "Sales rose 5% in Germany, 3% in France": a figure's own
                # place, when the clause names no owner ("Apple's sales rose
                # 5% in China" stays Apple's, in China)
                own = self._figure_in_place(r)
                if own:
                    return own, "in_sentence"
                # "Across the state, fires have burned 201,000 acres": a
                # clause scoped to a place by a preposition belongs to it
                place = self._clause_place(tok, doc[r["token_start"]])
                if place:
                    return place, "scope"
            if tok.head.i == tok.i:
                break
            came_from, tok = tok, tok.head
        own = self._figure_in_place(r)
        return (own, "in_sentence") if own else self._place_of_part(doc[r["token_start"]])

    def _counted_name(self, subj: Token, r: dict) -> bool:
        """A name the figure counts, or one joined to it that another figure
        counts ("37 Democrats and 21 Republicans were opposed"): what is
        counted, not whose figure it is."""
        if self.mentions.at(subj) is None:
            return False
        members = self._members(subj)
        return any(m.i == r.get("head_i", -1) for m in members) \
            or (any(c.dep_ == "nummod" and c.like_num for c in subj.children)
                and any(r["token_start"] <= c.i < r["token_end"]
                        for m in members for c in m.children))

    def _subjects_first(self, verb: Token, figure: int) -> list[Token]:
        """A verb's children; when the parse gives it two subjects (a clause
        it missed: "expected Acme's deal to clear the record held by Trout,
        whose contract is worth $426.5 million"), the one nearest before the
        figure first."""
        kids = list(verb.children)
        if sum(c.dep_ in self.subject_deps for c in kids) > 1:
            kids.sort(key=lambda c: (c.i > figure, abs(figure - c.i)))
        return kids

    @staticmethod
    def _measured_object(verb: Token, came_from: Token | None) -> Token | None:
        """The object a clause's subject measures or tallies, when the figure
        comes to the verb through "at"/"to" (attribution.toml measure_verbs,
        update_verbs with a tally noun): "put the toll at 300", "raised the
        death toll to nine"; else None."""
        a = attr()
        if came_from is None or came_from.dep_ != "prep" \
                or came_from.lower_ not in a["measure_preps"]:
            return None
        lemma = verb.lemma_.lower()
        if lemma not in a["measure_verbs"] and lemma not in a["update_verbs"]:
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or lemma not in a["measure_verbs"] \
                and obj.lemma_.lower() not in a["tally_nouns"]:
            return None
        return obj

    def listed(self, r: dict) -> tuple[str, int]:
        """The name whose entry a raw claim is in a list of figures by name
        (:meth:`_listed`), and where the list starts; ("", -1) if none."""
        entries = self._listed(r["sent_start"], r["sent_end"])
        if r["start_char"] not in entries:
            return "", -1
        return entries[r["start_char"]][0], min(s for _, s in entries.values())

    def _listed(self, start: int, end: int) -> dict[int, tuple[str, int]]:
        """{figure's start: (name, name's start)} for a sentence that lists
        figures by name ("deaths by state were: North Carolina, 113 people;
        South Carolina, 48 people"): each figure is its entry's. At least
        two entries make a list; one name before one figure may be anything
        else."""
        key = (start, end)
        if key not in self._lists:
            text, entries = self.ctx.text, {}
            for m in self.mentions.items:
                if start <= m.start and m.end <= end and m.label in self.list_labels \
                        and (after := _ENTRY_AFTER.match(text, m.end, end)) \
                        and _ENTRY_BEFORE.search(text[max(start, m.start - 8):m.start]):
                    entries[after.end()] = (m.name, m.start)
            # names the model did not tag, in lists written as lists are:
            # "followed by Taroudant (452 deaths), Chichaoua (191 deaths)";
            # "broke the deaths down by area: 1,293 in Al Haouz, 452 in
            # Taroudant and 15 in Marrakech" (figures first, each in its place)
            for pattern in (_ENTRY_BRACKET, _ENTRY_IN):
                for e in pattern.finditer(text, start, end):
                    at = e.start("name")
                    first = e.group("name").split()[0].lower().rstrip(".")
                    if e.start("figure") in entries or first in time_words() \
                            or _period_name().fullmatch(e.group("name")):
                        continue  # ("466,140 in Q2", "135 in February": when, not whose)
                    m = next((m for m in self.mentions.items if m.start == at), None)
                    entries[e.start("figure")] = (m.name if m else e.group("name"), at)
            names = {n for n, _ in entries.values()}
            self._lists[key] = entries if len(names) >= 2 else {}
        return self._lists[key]

    def _gapped_subject(self, num: Token) -> str:
        """"Texas accounted for 12 of them and Oklahoma for five", "puts
        India's population at 1.43 billion and China's slightly lower at
        1.43 billion": in a clause with its verb left out, the name before
        the preposition is the subject of the number after it."""
        if num.dep_ == "nummod" and num.head.i == num.i + 1 and num.ent_type_ \
                and num.head.ent_type_ == num.ent_type_:
            num = num.head  # "with 10.4%": the "%" the figure is written with
        prep = num.head
        if num.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == 0:
            return ""
        # (past what the gapped clause says of the name: "and China's
        # slightly lower at 1.4257 billion")
        k = prep.i - 1
        while k > prep.i - 4 and k > 0 and (self.ctx.doc[k].pos_ in ("ADJ", "ADV")
                                            or self.ctx.doc[k].lower_ in ("'s", "’s")):
            k -= 1
        doc = self.ctx.doc
        m = self.mentions.at(doc[k])
        if m is None and doc[k].pos_ == "PROPN" and doc[k].dep_ == "conj":
            # a name the model did not tag, joined to the clause's subject
            # ("Luis Ortega was second with 27.9% and Pablo Ruiz third with 10.4%")
            name = self._one(doc[k])[0]
            start = k
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == k:
                start -= 1
        elif m is None or m.label not in ("GPE", "LOC", "ORG", "ORG?", "NORP", "PERSON"):
            return ""
        else:
            first = doc.char_span(m.start, m.end, alignment_mode="expand")
            name, start = m.name, first.start if first is not None else 0
        if not name or start == 0:
            return ""
        return name if doc[start - 1].lower_ in ("and", "while", "but", "or") else ""

    def _gapped_name(self, r: dict) -> str:
        """"Apple rose 3%, Microsoft 2% and Amazon 1.5%", "the S&P 500 was
        down 1.8%, the Nasdaq Composite 2%": the name right before a later
        figure of a list whose verb only its first item writes is whose
        that figure is (:func:`extract.name_before`); "" if none."""
        span = name_before(self.ctx.doc, r["token_start"])
        if span is None:
            return ""
        m = self.mentions.at(span[-1])
        if m is not None and m.end > span.end_char:
            # the model's name runs into the figure ("Asia 2", "Kennedy 2%")
            return self.mentions.canonical(span.text) if m.label in self.owner_labels else ""
        if m is not None:
            return m.name if m.label in self.owner_labels else ""
        return self.mentions.canonical(span.text)

    def _is_source(self, verb: Token, subj: Token, named: list[str]) -> bool:
        """"the government puts it at 4.3%", "authorities confirmed 23
        deaths": the clause's subject publishes the figure, it is not whose
        figure it is ("officials in Louisiana" still name the place)."""
        a = attr()
        if verb.lemma_.lower() not in a["source_verbs"]:
            return False
        m = self.mentions.at(subj)
        if m is not None:  # a person saying a figure is quoting it: a source
            return m.label == "PERSON" or self.is_source_name(m.name) \
                or self.is_publisher(m.name)
        if named:
            return False
        return subj.lemma_.lower() in a["source_nouns"] or subj.lower_ in a["source_nouns"]

    def _clause_place(self, verb: Token, num: Token | None = None) -> list[str]:
        """The places a clause is scoped to: by one of attribution.toml's
        scope_preps ("across the state", "throughout Texas"), named or
        referred to ("the state" -> the last state named); by "be in"
        ("41,800 acres are in Alder County"); or by a place owning what the
        verb's place_preps object is ("killed on Vantry's streets"); or the
        named entity of a "For <name>," that opens the clause (attribution.toml
        fronted_owner_preps: "For the Paralympics, ... tickets have been
        sold"). [] if none."""
        preps, fronted = attr()["scope_preps"], attr()["fronted_scope_preps"]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in attr()["fronted_owner_preps"] \
                    and prep.i < verb.i and prep.i == verb.sent.start:
                owners = [m.name for obj in prep.children if obj.dep_ == "pobj"
                          and (m := self.mentions.at(obj)) is not None
                          and m.label in self.owner_labels and not self.is_publisher(m.name)]
                if owners:
                    return owners  # "For the Paralympics, ... tickets have been sold"
        for prep in verb.children:
            if prep.dep_ != "prep" or not (prep.lower_ in preps
                                           or prep.lower_ in fronted and prep.i < verb.i):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                m = self.mentions.at(obj)
                if m is not None and m.label in ("GPE", "LOC"):
                    return [m.name]
                if obj.lemma_.lower() in attr()["references"]["GPE"] and any(
                        c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
                    ref = self.mentions.before(obj.idx, self.sent_no(obj), ("GPE",),
                                               obj.lemma_.lower())
                    if ref is not None:
                        return [ref.name]
        # "41,800 acres are in Alder County": where the figure is, said by "be"
        # (not "19 were in Louisiana and four in Mississippi": four has its own)
        if verb.lemma_ == "be" and not (num is not None and any(
                c.dep_ == "prep" and c.lower_ == "in" for c in num.children)):
            found = self._places_in(verb, verb.i)
            if found:
                return list(dict.fromkeys(found))
        # "were killed on Vantry's streets": a thing the place has, after the verb
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in attr()["place_preps"] and prep.i > verb.i:
                for obj in prep.children:
                    found = self._owning_place(obj) if obj.dep_ == "pobj" else []
                    if found:
                        return found
        return []

    def _in_place(self, verb: Token, num: Token) -> list[str]:
        """Places named by "in <place>" on the clause's verb after it, or on
        the number's own noun ("killed 57 people in Buncombe County")."""
        holders = [verb] + ([num.head] if num.dep_ in ("nummod", "quantmod") else [num])
        return list(dict.fromkeys(p for h in holders for p in self._places_in(h, verb.i)))

    def _places_in(self, holder: Token, after: int) -> list[str]:
        """The places (GPE, LOC) of every "in <place>" on ``holder`` past
        token ``after``, each place joined there ("in Texas and Kansas")."""
        return [p for prep in holder.children
                if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i > after
                for p in self._prep_places(prep)]

    def _prep_places(self, prep: Token) -> list[str]:
        """The places (GPE, LOC) ``prep`` takes, each place joined there."""
        return [m.name for obj in prep.children if obj.dep_ == "pobj"
                for member in self._members(obj)
                if (m := self.mentions.at(member)) is not None and m.label in ("GPE", "LOC")]

    def _owning_place(self, obj: Token) -> list[str]:
        """The places that own or modify a common noun ("Vantry's streets",
        "Vantry city limits"), not the noun's own name."""
        if obj.pos_ != "NOUN" or self.mentions.at(obj) is not None:
            return []
        return list(dict.fromkeys(
            m.name for c in obj.children if c.dep_ in ("poss", "compound", "nmod")
            for member in self._members(c)
            if (m := self.mentions.at(member)) is not None and m.label in ("GPE", "LOC")))

    def is_source_name(self, name: str) -> bool:
        """A name that says it is a publisher of figures ("Bureau of Labor
        Statistics", "Labor Department")."""
        words = set(norm_name(name).split())
        for long, acr in self.mentions.acronyms.items():
            if acr == name:
                words |= set(long.split())
        return bool(words & set(attr()["source_nouns"]))

    def source_of(self, r: dict) -> str:
        """Who states the figure: the named object of "according to", else
        the named subject of a reporting verb above it ("Ortiz said",
        "the Bureau of Labor Statistics reported"); "" if none."""
        if r["start_char"] in self.told_by:
            return self.told_by[r["start_char"]]  # "the USGS measured the quake at 6.1"
        according = self.according_to(r)
        if according:
            return according
        doc = self.ctx.doc
        num = doc[r["token_start"]]
        verbs = set(attr()["source_verbs"])
        tok, came_from = num, None
        for _ in range(12):
            # (a verb of speech only over the clause it tells: "the economy
            # added 150,000 jobs" is no telling)
            if tok.lemma_.lower() in verbs or tok.lemma_.lower() in _speech_verbs() \
                    and came_from is not None and came_from.dep_ in self.reported_deps:
                for child in tok.children:
                    if child.dep_ in self.subject_deps and (m := self.mentions.at(child)) is not None:
                        return m.name
            if tok.head.i == tok.i:
                break
            came_from, tok = tok, tok.head
        return ""

    def according_to(self, r: dict) -> str:
        """The name "according to" gives in the figure's sentence
        ("according to Berkeley Earth", "according to an update from the
        CDC"); "" if none. Read once per sentence (normalize asks for the
        claims without an owner, :meth:`source_of` for every claim)."""
        doc = self.ctx.doc
        sent = doc[r["token_start"]].sent
        key = ("according_to", sent.start)
        if key not in self.ctx.memo:
            self.ctx.memo[key] = next(
                (m.name for tok in sent
                 if tok.lower_ == "according" and tok.i + 1 < sent.end
                 and doc[tok.i + 1].lower_ == "to"
                 for obj in doc[tok.i + 1].children
                 if obj.dep_ == "pobj" and (m := self.mentions.at(obj) or self._issuer(obj))),
                "")
        return self.ctx.memo[key]

    def _issuer(self, doc_noun: Token) -> Mention | None:
        """Who issued a document a common noun names: "an update from the
        CDC", "data by the bureau", "the CDC's latest update"; else None."""
        if doc_noun.pos_ != "NOUN":
            return None
        for child in doc_noun.children:
            if child.dep_ == "poss" and (m := self.mentions.at(child)) is not None:
                return m
            if child.dep_ == "prep" and child.lower_ in attr()["agent_preps"]:
                for obj in child.children:
                    if obj.dep_ == "pobj" and (m := self.mentions.at(obj)) is not None:
                        return m
        return None

    def _is_teller(self, subj: Token) -> bool:
        """A person or the article's own outlet, telling a figure in a
        reported clause ("..., CNN reported"; "..., Ortiz said"). An
        organisation reporting its own figures ("revenue grew 18%, the
        company said") is still their owner."""
        m = self.mentions.at(subj)
        if m is None:  # "..., she said": a pronoun only a person is
            # ("..., Cardona said": a bare name the model found no entity in
            # telling a clause is a person's)
            return subj.lower_ in self.person_pronouns or (
                subj.pos_ == "PROPN" and subj.ent_type_ in attr()["speaker_ent_types"])
        return m.label == "PERSON" or self.is_publisher(m.name)

    def owned_told(self, raw: list[dict], subjects: list[tuple[list[str], str]]) -> None:
        """An organisation that owns figures elsewhere in the article (the
        subject of a clause that is not a report: "NCMEC received 20.5
        million reports") owns what it tells too ("NCMEC said ... there was
        still a disparity of 7 million reports"): those claims get it back
        as their subject, in place, and it is no teller."""
        owners = {names[0] for names, how in subjects
                  if how in ("in_sentence", "from_reference") and len(names) == 1}
        for i, r in enumerate(raw):
            teller = self.told_by.get(r["start_char"])
            if teller in owners and subjects[i] == ([], "source"):
                subjects[i] = ([teller], "in_sentence")
        self.told_by = {k: v for k, v in self.told_by.items() if v not in owners}

    def _tells_of_others(self, subj: Token, clause: Token, r: dict) -> bool:
        """An organisation telling a clause about things it does not own
        ("Xinhua reported that at least 381 people had been killed", "AAA
        said the national average was $3.29"): the clause's own subject
        holds the figure, has an article or is "there". A clause about what
        the teller owns ("Apple said revenue grew 18%", "... its sales
        rose") keeps the teller as owner; a place reporting its own counts
        does too."""
        m = self.mentions.at(subj)
        if m is None or m.label not in attr()["teller_labels"] \
                or jurisdiction(norm_name(m.name)) != norm_name(m.name):
            return False  # (a place's own body tells the place's figures)
        inner = [c for c in clause.children if c.dep_ in self.subject_deps or c.dep_ == "expl"]
        if not inner:
            return False
        head = inner[0]
        if head.dep_ == "expl" or r["token_start"] <= head.i < r["token_end"]:
            return True
        if any(c.dep_ == "nummod" or r["token_start"] <= c.i < r["token_end"]
               for c in head.children):
            return True  # "381 people had been killed"
        return any(t.dep_ == "det" and t.lower_ in attr()["teller_clause_dets"]
                   for t in head.subtree)

    def is_person(self, name: str) -> bool:
        """Whether the article names ``name`` as a person, or ``name`` is a
        word of an office alone ("Chairman": attribution.toml person_titles)."""
        return name.lower() in attr()["person_titles"] \
            or any(m.name == name and m.label == "PERSON" for m in self.mentions.items)

    def is_group(self, name: str) -> bool:
        """Whether the article names ``name`` only as a group of people (a
        party, faith or nationality: "Democrats", "Palestinians")."""
        labels = {m.label for m in self.mentions.items if m.name == name}
        return labels == {"NORP"}

    def is_publisher(self, name: str) -> bool:
        """The outlet that published the article ("CNN", "Reuters"), from
        sources.csv, or a news agency any outlet quotes (attribution.toml
        news_agencies): it reports figures, they are not its own."""
        own = norm_name(name)
        # one word must be the whole name: outlets are named after their
        # city ("The Vantry Gazette"), and the city is not the outlet
        return bool(own) and (own in _news_agencies() or any(
            own == p or (" " in own and p.startswith(own + " "))
            for p in publisher_names(self.ctx.article.publisher or "")))

    def _place_of_counted(self, num: Token) -> list[str]:
        """"78.4% of Marston County kindergartners", "3,100 Alder County
        homes": a place modifying what the number counts says whose figure
        it is, before any clause subject does ("six US states" counts
        places: there it only classifies them)."""
        nouns = [num.head] if num.dep_ in ("nummod", "quantmod") else [num]
        for noun in list(nouns):
            nouns += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj"]
        counted_places = attr()["jurisdiction"]["place_words"]
        for noun in nouns[1:] if nouns[0] is num else nouns:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() in counted_places:
                continue  # "six US states" counts states
            found = [m.name for c in noun.children if c.dep_ in ("compound", "nmod")
                     for member in self._members(c)
                     if (m := self.mentions.at(member)) is not None and m.label in ("GPE", "LOC")]
            if found:
                return list(dict.fromkeys(found))
        return []

    def _figure_in_place(self, r: dict) -> list[str]:
        """"Sales rose 5% in Germany, 3% in France and 2% in Italy": a
        figure the parse gives its own "in <place>" (on the figure itself,
        not on a noun it counts) is that place's, not the first place's of
        its clause; [] if the figure has no such place."""
        root = self.ctx.doc[r["token_start"]:r["token_end"]].root
        if root.dep_ in ("nummod", "compound") and root.head.i > root.i \
                and root.head.idx < r["end_char"]:
            root = root.head  # "5%": the sign the figure is written with
        found = self._places_in(root, -1)
        doc = self.ctx.doc
        after = token_after(doc, root.i + 1, r["end_char"])  # past "5 per cent"
        if not found and after < len(doc) and doc[after].lower_ == "in" \
                and doc[after].dep_ == "prep" and doc[after].head in root.ancestors:
            # "rose 5% in Germany, 3% in France", "fell to 4.1% in Ohio": a
            # place right after the figure, hung on a word above it
            found = self._prep_places(doc[after])
        return list(dict.fromkeys(found))

    def _size_owner(self, r: dict) -> list[str]:
        """"found the bodies of 35-year-old Alejandro Hernandez Fuentes",
        "the 9,480-foot Marapi volcano": a size or age set before a named
        thing (the noun or its compound, not a nationality) is that thing's,
        not its clause subject's, when the noun is not the clause's subject;
        else []. Money is not a size: "signed a $700 million contract" is the
        signer's."""
        if r.get("currency") or not r.get("measure_unit") \
                or not re.search(r"\d\s*-\s*[a-z]", r.get("text", ""), re.I):
            return []
        tok = self.ctx.doc[r["token_start"]:r["token_end"]].root
        while tok.dep_ in ("nummod", "compound", "npadvmod", "amod", "nmod", "quantmod") \
                and tok.head.i != tok.i and tok.head.i > tok.i:
            tok = tok.head
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i < r["token_end"] \
                or tok.dep_ in self.subject_deps or tok.dep_ == "ROOT":
            return []  # (a root noun is a misparse: "The 19-year-old joined Dortmund")
        named = [m.name for t in [tok] + [c for c in tok.children if c.dep_ in ("compound", "nmod")]
                 if (m := self.mentions.at(t)) is not None
                 and m.label in self.owner_labels and m.label != "NORP"]
        return list(dict.fromkeys(named))

    def _recipient(self, r: dict) -> list[str]:
        """"$17 billion for Israel", "$8 billion for allies in the
        Indo-Pacific": whom an amount is for, named after it by one of
        attribution.toml allotment_preps (on the amount, on what it is in,
        or on a verb of granting, grant_verbs), is whose amount it is (not
        who grants it: the clause's subject)."""
        if not r.get("currency"):
            return []
        doc = self.ctx.doc
        a = attr()
        root = figure_top(doc, r)  # "1.84 billion euros": past the currency word
        # ("$60 billion in aid for Ukraine": through what the amount is in,
        # or a verb of granting it is the object of, up to the next figure;
        # grant_verbs holds no verb of paying: "paid $14 billion for Harlow
        # Motors" is a price)
        holders = [root] + [o for c in root.children if c.dep_ == "prep" and c.lower_ == "in"
                            and c.i >= r["token_end"] for o in c.children if o.dep_ == "pobj"]
        if root.dep_ == "dobj" and root.head.lemma_.lower() in a["grant_verbs"]:
            holders.append(root.head)
        for prep in (c for h in holders for c in h.children):
            if prep.dep_ != "prep" or prep.lower_ not in a["allotment_preps"] \
                    or prep.i < r["token_end"] \
                    or any(t.like_num for t in doc[r["token_end"]:prep.i]):
                continue
            for obj in prep.children:
                # (not another figure's owner: "raised $361 million to Trump's
                # $130 million")
                if obj.dep_ == "pobj" and not obj.like_num and not any(
                        t.tag_ == "$" or t.ent_type_ == "MONEY"
                        for t in doc[obj.left_edge.i:obj.i + 1]):
                    names, how = self.phrase(obj)
                    if names and how == "in_sentence":
                        return names
        return []

    def _home_of(self, r: dict) -> list[str]:
        """"On the Iberian Peninsula, home to about 60 million people": the
        place a "home to" set beside it names is where the figure lives
        (attribution.toml home_words), whatever the clause is about."""
        m = _home_pattern().search(self.ctx.text, max(0, r["start_char"] - 60), r["start_char"])
        if m is None:
            return []
        doc = self.ctx.doc
        span = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return []
        place = self.mentions.at(doc[span.start - 1])
        return [place.name] if place is not None and place.label in ("GPE", "LOC") else []

    def _owner_of_counted(self, r: dict) -> tuple[str, str] | None:
        """The owner of the noun a figure quantifies ("Mike Trout's $426.5
        million contract", "Mahomes, whose $450m deal", "the $450 million
        extension Mahomes signed"; an audience's, what it watched: "26.5
        million viewers who watched Queen Elizabeth II's funeral", unless a
        named subject drew it): whose figure it is, before any clause
        subject ("Ohtani's deal goes past Mahomes' $503 million deal" is
        Mahomes'); ("", "source") for an outlet's ("Reuters' estimate"); None
        when the noun has no named owner."""
        doc = self.ctx.doc
        root = doc[r["token_start"]:r["token_end"]].root
        if root.dep_ == "appos" and (m := self.mentions.at(root.head)) is not None \
                and m.label in self.owner_labels:
            return m.name, "in_sentence"  # "Bankman-Fried, 32,": his
        owned = self._owned_figure(root, r)
        if owned is not None:
            return owned
        noun = root.head
        if root.dep_ not in attr()["quantifying_deps"] or noun.i < r["token_end"] \
                or noun.pos_ != "NOUN":
            return None
        owned = self._possessed(noun, r)
        if owned is not None:
            return owned
        # "the $450 million extension Patrick Mahomes signed": the name that
        # takes the noun for its own by what a relative clause on it says
        # (attribution.toml owner_verbs; not "the fine the SEC imposed")
        for clause in noun.children:
            if clause.dep_ == "relcl" and clause.i > noun.i \
                    and clause.lemma_.lower() in attr()["owner_verbs"]:
                for child in clause.children:
                    if child.dep_ == "nsubj" and (m := self.mentions.at(child)) is not None \
                            and m.label in self.owner_labels:
                        return m.name, "in_sentence"
            # "26.5 million viewers who watched Queen Elizabeth II's
            # funeral": what the counted watched, by its name or its owner's
            if clause.dep_ == "relcl" and clause.i > noun.i \
                    and clause.lemma_.lower() in attr()["audience_verbs"] \
                    and not self._drawn_by_name(noun):
                for obj in clause.children:
                    if obj.dep_ != "dobj":
                        continue
                    named = [m for t in [obj, *(c for c in obj.children if c.dep_ == "poss")]
                             if (m := self.mentions.at(t)) is not None
                             and m.label in self.owner_labels]
                    if named:
                        return named[0].name, "in_sentence"
        return None

    def _drawn_by_name(self, noun: Token) -> bool:
        """"Fox News drew 4.2 million viewers who watched Trump's speech": the
        noun is the object of a verb whose subject is a name, the audience's
        owner before what it watched."""
        return noun.dep_ == "dobj" and any(
            c.dep_ == "nsubj" and (m := self.mentions.at(c)) is not None
            and m.label in self.owner_labels for c in noun.head.children)

    def _possessed(self, noun: Token, r: dict, named: bool = False) -> tuple[str, str] | None:
        """Whose ``noun`` is by a possessive written before the figure (only
        a name, not a pronoun, when ``named``); ("", "source") for an
        outlet's; None without one."""
        for child in noun.children:
            if child.dep_ == "poss" and child.i < r["token_start"] \
                    and not (named and child.pos_ == "PRON"):
                name, how = self._owner(child)
                if how == "source":  # "Reuters' 1.7 million estimate": who tells it
                    self.told_by[r["start_char"]] = name
                    return "", "source"
                return (name, how) if name else None
        return None

    def _score_rival(self, r: dict) -> str:
        """The second share of a score ("Harlow leads Benton 49% to 42%",
        "... by 6 points, 48% to 42%") is the rival's: a name after one of
        attribution.toml [score_rival] preps ("chose Moreno 50% to 46% over
        Brown", "a lead over Benton"), else the object of one of its verbs
        (lead, beat: not "prefer Harris 48% to 40%", whose object has the
        first). "" when the text is no score (a "from ... to" move: its
        not_after words; a verb of a move) or names no rival."""
        text = self.ctx.text
        before = text[max(r["sent_start"], r["start_char"] - 40):r["start_char"]]
        m = _score_first().search(before)
        if m is None or not r.get("percent") or _score_not_after().search(before[:m.start()]):
            return ""
        doc = self.ctx.doc
        verb = doc[r["token_start"]]
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or moves(verb):
            return ""     # "rose 2% to 4.1%": a level reached, not a rival's
        conf = attr()["score_rival"]
        rivals = [o for p in verb.subtree if p.dep_ == "prep" and (
                      p.lower_ in conf["preps"] or p.lower_ == "of"
                      and p.head.lower_ in conf["of_heads"])
                  for o in p.children if o.dep_ == "pobj"]
        if verb.lemma_.lower() in conf["verbs"]:
            rivals += [c for c in verb.children if c.dep_ == "dobj"]
        for obj in rivals:
            m = self.mentions.at(obj)
            if m is not None and m.label in self.owner_labels:
                return m.name
        return ""

    def _owned_figure(self, root: Token, r: dict) -> tuple[str, str] | None:
        """Whose a figure is by what it is written with: a possessive on the
        figure itself ("against Germany's $4.4 trillion, or $4.5 trillion": the
        second too, joined to the first), a name after "for" on a figure compared
        with ("against $4.5 trillion for Germany"), or the owner of the noun it
        is the value of ("Germany's
        GDP of the equivalent of 4.5 trillion dollars", through empty heads
        such as "the equivalent", "a total")."""
        # the figure's own top token: "4.5 trillion dollars" ends at "dollars"
        while root.dep_ in ("nummod", "compound", "quantmod") and root.ent_type_ \
                and root.head.ent_type_ == root.ent_type_ and root.head.i > root.i:
            root = root.head
        figures = [root] + ([root.head] if root.dep_ == "conj" and root.head.ent_type_
                            and root.head.ent_type_ == root.ent_type_ else [])
        for fig in figures:
            # (a name: "the average of his $460.8 million" is left to the clause)
            owned = self._possessed(fig, r, named=True)
            if owned is not None:
                return owned
        compared = root.dep_ == "pobj" and (root.head.lower_ in _compare_words() or (
            root.head.lower_ in ("with", "to") and root.head.head.lower_ == "compared"))
        doc = root.doc
        end = max(r["token_end"], root.i + 1)   # (past a "%" the span leaves out)
        after = [doc[end]] if compared and end < len(doc) else []
        for child in after:
            # ("Congress approved $61 billion for Ukraine": for whom it is, not
            # whose; the parse may hang the "for" on the verb: "won 59.8% ...
            # against 27.5% for Luis Ortega")
            if child.dep_ == "prep" and child.lower_ == "for":
                for obj in child.children:
                    m = self.mentions.at(obj) if obj.dep_ == "pobj" else None
                    if m is not None and m.label in self.owner_labels:
                        return m.name, "in_sentence"
        empty = empty_heads()
        tok = root
        while tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head.head
            owned = self._possessed(noun, r)
            if owned is not None or noun.lemma_.lower() not in empty:
                return owned
            tok = noun
        return None

    def _owner(self, poss: Token) -> tuple[str, str]:
        """Who a possessive names as owner, and how it was found; (name,
        "source") for a news outlet ("Reuters' 1.7 million estimate": it
        tells the figure, the figure is not its own). An agency owns what it
        runs ("its system carried 48.2 million trips")."""
        name, how = self._one(self._owner_token(poss))
        if name and self.is_publisher(name):
            return name, "source"
        return name, how

    def _owner_token(self, poss: Token) -> Token:
        """Who a possessive stands for: itself, or for "whose" the name
        written before it ("Mike Trout, whose contract"; "Patrick Mahomes of
        the Kansas City Chiefs, whose deal": the person the "of" phrase
        describes). The parse does not always hang the clause on it."""
        if poss.lower_ != "whose" or poss.i == poss.sent.start:
            return poss  # ("Whose deal was bigger?": no name before it)
        i = poss.i - 1
        while i > poss.sent.start and (poss.doc[i].is_punct or poss.doc[i].is_space):
            i -= 1
        tok = poss.doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "PROPN":
            tok = tok.head.head
        return tok

    def _place_of_part(self, num: Token) -> tuple[list[str], str]:
        """"Nineteen of the deaths were in Louisiana and four in Mississippi":
        a part of a total, or a number with its own "in <place>", belongs to
        that place."""
        partitive = any(c.dep_ == "prep" and c.lower_ == "of" and any(
            o.dep_ == "pobj" and any(d.dep_ == "det" for d in o.children) for o in c.children)
            for c in num.children)
        holders = [num] + ([num.head] if partitive and num.dep_ in self.subject_deps else [])
        for h in holders:
            for prep in h.children:
                if prep.dep_ != "prep" or prep.lower_ != "in":
                    continue
                for obj in prep.children:
                    m = self.mentions.at(obj) if obj.dep_ == "pobj" else None
                    if m is not None and m.label in ("GPE", "LOC"):
                        return [m.name], "in_sentence"
        return [], ""

    def for_sentence(self, sent: Span) -> list[str]:
        """The names a sentence is about: its first named grammatical
        subject, else its first organisation not inside a prepositional
        phrase (the parse sometimes misses the subject)."""
        for tok in sent:
            if tok.dep_ in self.subject_deps and not self._is_source(tok.head, tok, []) \
                    and not self._tells_after(tok):
                # (not who tells the clause before it: "..., the Hespress
                # publication reports"; "Apple said that iPhone sales rose"
                # is still about Apple)
                names, _ = self.phrase(tok)
                # a person, or a group of people by party, faith or nation,
                # named as a sentence's subject is who acts or speaks there;
                # the next sentence's figures are the place's or the story's,
                # not theirs ("Sheriff Delgado lifted orders. About 7,700
                # people remain ...", "Progressive Democrats have voiced
                # anger. ... 21 Republicans were opposed")
                names = [n for n in names if not self.is_person(n) and not self.is_group(n)]
                if names:
                    return names
        for m in self.mentions.items:
            if sent.start_char <= m.start < sent.end_char and m.label in ("ORG", "ORG?") \
                    and not self.is_source_name(m.name):
                tok = self.ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
                if tok is not None and not any(t.dep_ == "pobj" for t in tok) \
                        and not self._in_prep_phrase(tok.root) and not self._tells_after(tok.root):
                    return [m.name]
        return []

    @staticmethod
    def _in_prep_phrase(tok: Token) -> bool:
        """A name modifying the object of a preposition ("according to the
        city's annual Vision Zero report"): not what the sentence is about."""
        while tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.i != tok.i:
            tok = tok.head
        return tok.dep_ == "pobj"

    def _speakers(self) -> set[str]:
        """People the article quotes: a person as the subject of a source verb
        ("Feld said", "Reyes told reporters"), or of a verb of speech over
        the clause it tells ('"...," Cardona added'; not "Swift wrote a song")."""
        verbs = set(attr()["source_verbs"])
        doc = self.ctx.doc
        out = set()
        subjects = np.flatnonzero(doc.to_array("DEP") == doc.vocab.strings["nsubj"]) \
            if len(doc) else []
        for i in subjects:
            tok = doc[int(i)]
            verb = tok.head
            if verb.lemma_.lower() in verbs or verb.lemma_.lower() in _speech_verbs() and any(
                    c.dep_ in self.reported_deps for c in verb.children):
                m = self.mentions.at(tok)
                if m is not None and m.label == "PERSON":
                    out.add(m.name)
        # "Gloria Mendez has ridden the bus ... Mendez said": one speaker
        surnames = {n.split()[-1] for n in out}
        out |= {m.name for m in self.mentions.items
                if m.label == "PERSON" and m.name.split()[-1] in surnames}
        return out

    def _title_heads(self) -> list[str]:
        """Names the article's headline is about, in the order it names
        them: its mentions there, but not a place that modifies a common
        noun ("Moana 2 leads ...", "Helene death toll rises ...", not the
        "Oregon" of "Oregon wildfire nears 50,000 acres": a place there says
        where the thing is)."""
        block = next((b for b in self.ctx.article.blocks if b.kind == "headline"), None)
        title = title_text(self.ctx.article)
        if block is None and not title:
            return []
        places = ("GPE", "LOC", "NORP")
        # a name the body gives that the title writes too (the model does not
        # always find names in a headline's few words)
        at: dict[str, int] = {}
        for m in self.mentions.items:
            if m.label not in places and m.name not in at \
                    and (hit := re.search(rf"(?<!\w){re.escape(m.name)}(?!\w)", title)):
                at[m.name] = hit.start()
        at = {n: i for n, i in at.items() if not any(n != o and n in o for o in at)}  # "Moana 2"
        doc = self.ctx.doc
        for m in self.mentions.items if block is not None else ():
            if block.start <= m.start and m.end <= block.end:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                root = span.root if span is not None and len(span) else None
                if root is not None and (self._subordinate(root) or self._tells_clause(root)):
                    # "... as the Fed weighs when to cut rates"; "..., CDC says"
                    at.pop(m.name, None)
                elif root is not None and not (m.label in places
                                               and root.dep_ in ("compound", "amod", "nmod")
                                               and root.head.pos_ == "NOUN"):
                    at.setdefault(m.name, m.start - block.start)
        return sorted(at, key=at.get)

    def _tells_after(self, tok: Token) -> bool:
        """The subject of a verb telling a clause written before it ("The
        toll has risen to 2012, the Hespress publication reports")."""
        return self._tells_clause(tok) and any(
            c.dep_ in self.reported_deps and c.i < tok.head.i for c in tok.head.children)

    def _tells_clause(self, tok: Token) -> bool:
        """The subject of a verb telling a clause (a headline's "... bring
        toll to nine, CDC says"): who reports the news, not what it is about."""
        verb = tok.head
        return tok.dep_ in self.subject_deps and verb.lemma_.lower() in _clause_telling_verbs() \
            and any(c.dep_ in self.reported_deps for c in verb.children)

    @staticmethod
    def _subordinate(tok: Token) -> bool:
        """Inside a clause that only sets the scene for the headline's own
        ("Moana 2 leads ... as Wicked holds strong"): an adverbial clause
        (attribution.toml subordinate_deps) on the way up to the root."""
        deps = attr()["subordinate_deps"]
        while tok.head.i != tok.i:
            if tok.dep_ in deps:
                return True
            tok = tok.head
        return False

    def _affiliation(self, m: Mention) -> bool:
        """An organisation that says where a person works ("Peking University
        professor Zhang Dandan", "Zhang Dandan of Peking University"): a
        compound, maybe through a title noun, of a person's name, or the object
        of one of attribution.toml affiliation_preps after one; not what an
        article is about."""
        if m.label not in ("ORG", "ORG?"):
            return False  # ("Texas Gov. Greg Abbott": the place a governor serves)
        span = self.ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.lower_ in attr()["affiliation_preps"] \
                and tok.head.head.ent_type_ == "PERSON":
            return True
        for _ in range(3):
            if tok.dep_ != "compound" or tok.head.i == tok.i:
                return False
            tok = tok.head
            if tok.ent_type_ == "PERSON":
                return True
        return False

    def main_subject(self, found: list[tuple[str, int]],
                     scoped: frozenset[str] | set[str] = frozenset()) -> str:
        """The article's main subject: of the names that own its claims
        (``found``: name and the start of the claim's sentence; not a person
        it quotes), one its title names first, then the one that owns claims
        in most sentences (a sentence listing ten figures is one statement),
        then the one named first (news names its subject early). Else the
        organisation or place it mentions most, one named in its title
        first, but not a name only ``scoped`` claims give (a recipient, a
        clause's place)."""
        # a person quoted in the article is not what the whole article is about
        speakers = self._speakers()
        named = [(n, s) for n, s in found if n not in speakers and not self.is_publisher(n)]
        if named:
            title = self._title_heads()
            sentences: dict[str, set[int]] = defaultdict(set)
            for n, s in named:
                sentences[n].add(s)
            # the headline may use the short form ("AMTA warns of ...")
            short = set(_INITIALS.findall(title_text(self.ctx.article)))
            headlined = {n for n in sentences if n in title or any(
                abbreviates(t, n) for t in short | {t for t in title if t.isupper()})}
            heads = [h for h in title if not self.is_person(h)
                     and not any(h.lower() in n.lower() for n in sentences)]
            if heads and not headlined:
                # the first name the headline is about, though no sentence
                # names it beside a figure ("Helene death toll rises to 227",
                # "Halvard Airways crash set to be the worst ... in Rivaland's
                # history": Halvard Airways);
                # not a short form of a name that does ("NHS" for "NHSE")
                return heads[0]
            return min(sentences, key=lambda n: (n not in headlined, -len(sentences[n]),
                                                 min(sentences[n])))
        # else the organisation or place it names most, one in its title
        # first; a publisher of figures only when nothing else is named
        # (across articles, canonicalize may still give the place the figures
        # describe)
        title = title_text(self.ctx.article).lower()
        # (nor a name only figures' places or recipients give, ``scoped``:
        # "$26 billion for Norland" does not make the package Norland's)
        orgs = Counter(m.name for m in self.mentions.items
                       if m.label in ("ORG", "ORG?", "GPE", "LOC") and not self.is_publisher(m.name)
                       and m.name not in scoped and not self._affiliation(m))
        tellers = set(self.told_by.values())
        ranked = sorted(orgs, key=lambda n: (n in tellers, self.is_source_name(n),
                                             n.lower() not in title, -orgs[n]))
        if ranked:
            return ranked[0]
        return Counter(n for n, _ in found).most_common(1)[0][0] if found else ""
