"""explain: one supported cause per conflict, quoted evidence, severity, wording."""
import dataclasses

import pytest

from pipeline import sentences
from pipeline.compare import compare
from pipeline.explain import explain
from pipeline.ingest import make_article
from pipeline.model import CAUSES

from .factories import INF, Story, everything, rising_cases
from .test_compare import hotline_stories


def run(*stories):
    claims, articles = everything(*stories)
    return explain(compare(claims), claims, articles)


def only_conflict(*stories):
    [f] = [f for f in run(*stories) if f.type == "conflict"]
    return f


def test_hotline_conflicts_are_counting_method_with_both_sides_quoted():
    a, b, c = hotline_stories()
    findings = run(a, b, c)
    conflicts = [f for f in findings if f.type == "conflict"]
    assert [(f.basis, f.cause, f.severity) for f in conflicts] == [
        ("derived", "counting_method", "high"), ("stated", "counting_method", "high")]
    stated = conflicts[1]
    causes = [e for e in stated.evidence if e.cue]
    assert {e.source_id for e in causes} == {"a_wire", "c_site"}
    quoted = " ".join(e.sentence for e in causes)
    assert "bundle complaints" in quoted and "counted in total" in quoted
    assert "changed how they count" in quoted
    assert "a_wire" in stated.suggested_wording and "c_site" in stated.suggested_wording
    derived = conflicts[0]
    assert "-43.4%" in derived.suggested_wording and "19%" in derived.suggested_wording


def test_evidence_offsets_slice_the_article():
    stories = hotline_stories()
    texts = {s.article.source_id: s.text for s in stories}
    for f in run(*stories):
        assert f.evidence
        for e in f.evidence:
            assert texts[e.source_id][e.start_char:e.end_char] == e.sentence


def test_evidence_is_found_again_when_sentence_offsets_are_missing():
    stories = hotline_stories()
    claims, articles = everything(*stories)
    bare = [dataclasses.replace(c, sent_start=0, sent_end=0) for c in claims]
    texts = {a.source_id: a.text for a in articles}
    findings = explain(compare(bare), bare, articles)
    assert [[e.start_char for e in f.evidence] for f in findings] == \
        [[e.start_char for e in f.evidence] for f in run(*stories)]
    for f in findings:
        for e in f.evidence:
            assert texts[e.source_id][e.start_char:e.end_char] == e.sentence


def test_agreements_have_no_cause_and_say_what_to_use():
    for f in run(*hotline_stories()):
        if f.type == "agreement":
            assert f.cause == "" and f.suggested_wording.startswith("Safe to use")


def pair(a_sentence, a_qty, b_sentence, b_qty, a_val, b_val, rel=0.005, **kw):
    a, b = Story("one", a_sentence), Story("two", b_sentence)
    a.claim(a_qty, kw.pop("kind", "count"), a_val, a_val * (1 - rel), a_val * (1 + rel), **kw)
    b.claim(b_qty, a.claims[0].kind, b_val, b_val * (1 - rel), b_val * (1 + rel), **kw)
    return a, b


def test_unexplained_when_nothing_supports_a_cause():
    f = only_conflict(*pair("The agency logged 10 million reports in 2024.", "10 million",
                            "The agency logged 12 million reports in 2024.", "12 million",
                            10e6, 12e6))
    assert (f.cause, f.severity) == ("unexplained", "medium")
    assert [e.role for e in f.evidence] == ["figure", "figure"]
    assert "primary source" in f.suggested_wording


def test_unit_or_scale():
    f = only_conflict(*pair("The agency logged 29.2 million reports in 2024.", "29.2 million",
                            "The agency logged 29.2 billion reports in 2024.", "29.2 billion",
                            29.2e6, 29.2e9))
    assert f.cause == "unit_or_scale"
    assert "1,000" in f.explanation


def test_a_hundredfold_count_gap_is_not_a_scale_error():
    # 100x is no scale slip between counts: two quantities, so no conflict
    # at all (compare.sizes), let alone a unit_or_scale one
    assert not [f for f in run(*pair("The agency logged 5 cases in 2024.", "5",
                                     "The agency logged 500 cases in 2024.", "500", 5, 500))
                if f.type == "conflict"]
    f = only_conflict(*pair("The rate was 0.19% in 2024.", "0.19%",
                            "The rate was 19% in 2024.", "19%", 0.19, 19, kind="percent"))
    assert f.cause == "unit_or_scale"


def with_units(a, b, unit_a, unit_b):
    a.claims[0] = dataclasses.replace(a.claims[0], unit=unit_a)
    b.claims[0] = dataclasses.replace(b.claims[0], unit=unit_b)
    return a, b


def test_counting_method_from_different_nouns():
    f = only_conflict(*pair("The agency logged 10 million reports in 2024.", "10 million",
                            "The agency logged 4 million incidents in 2024.", "4 million",
                            10e6, 4e6, unit="report"))
    assert f.cause == "unexplained"  # same noun: nothing says counting differs
    a, b = pair("The agency logged 10 million reports in 2024.", "10 million",
                "The agency logged 4 million cases in 2024.", "4 million", 10e6, 4e6)
    f = only_conflict(*with_units(a, b, "report", "case"))
    assert f.cause == "counting_method"
    assert "“case” (two); “report” (one)" in f.explanation


def test_nouns_of_one_synonym_class_are_no_counting_signal():
    # report/incident and toll/death are one class; people are named by
    # what happened to them, so "people" vs "toll" is no signal either.
    for unit_a, unit_b in [("report", "incident"), ("toll", "deaths"), ("people", "toll")]:
        a, b = pair("The agency logged 10 reports in 2024.", "10",
                    "The agency logged 4 reports in 2024.", "4", 10, 4)
        f = only_conflict(*with_units(a, b, unit_a, unit_b))
        assert f.cause == "unexplained", (unit_a, unit_b)


def test_period_cue_matches_across_hyphens_and_equal_cues_are_no_period_signal():
    f = only_conflict(*pair("Third-quarter revenue grew 18% in 2024.", "18%",
                            "In the third quarter, revenue grew 12% in 2024.", "12%",
                            18, 12, kind="percent"))
    assert f.cause == "unexplained"


def test_the_rest_of_a_whole_is_no_running_count_cue():
    f = only_conflict(*pair("The remaining 42 cases are in two counties.", "42",
                            "In all, 32 cases are in two counties.", "32", 42, 32))
    assert f.cause != "different_period"


def test_running_count_cues_are_period_cues():
    for a_sentence, b_sentence in [
            ("As of Monday evening, 23 people had died.", "In all, 41 people died."),
            ("At the peak, 210 homes lost power.", "Homes without power: 85 in all."),
            ("Power remained out for 85 homes.", "Homes without power: 210 in all.")]:
        qa = next(w for w in a_sentence.split() if w[0].isdigit())
        qb = next(w for w in b_sentence.split() if w[0].isdigit())
        f = only_conflict(*pair(a_sentence, qa, b_sentence, qb, int(qa), int(qb)))
        assert f.cause == "different_period", a_sentence


def test_running_toll_from_different_publication_dates_is_different_period():
    a, b = pair("The storm killed 23 people.", "23", "The storm killed 41 people.", "41",
                23, 41, metric="deaths", period="2026-09")
    assert only_conflict(a, b).cause == "unexplained"  # same day: nothing says why
    a.article = dataclasses.replace(a.article, published="2026-09-14")
    b.article = dataclasses.replace(b.article, published="2026-09-17")
    f = only_conflict(a, b)
    assert f.cause == "different_period"
    assert "published on different dates (2026-09-14 (one); 2026-09-17 (two))" in f.explanation


@pytest.mark.parametrize("a_text,b_text,cause", [
    ("Crews have recovered 4,700 gallons of oil.", "Crews have recovered 5,544 gallons of oil.",
     "different_period"),
    ("So far, 4,700 gallons of oil were skimmed.", "In all, 5,544 gallons of oil were skimmed.",
     "different_period"),
    ("The tanker carried 4,700 gallons of oil.", "The tanker carried 5,544 gallons of oil.",
     "unexplained"),
    # not a running total: a copula, or "in all of"
    ("The plant has been the largest with 4,700 gallons of oil.",
     "The plant has been the largest with 5,544 gallons of oil.", "unexplained"),
    ("Tankers in all of Europe carried 4,700 gallons of oil.",
     "Tankers in all of Europe carried 5,544 gallons of oil.", "unexplained"),
])
def test_a_figure_worded_as_a_running_total_grows_between_publication_dates(a_text, b_text, cause):
    a, b = pair(a_text, "4,700", b_text, "5,544", 4700, 5544, kind="amount", unit="gal",
                metric="oil", period="2021")
    a.article = dataclasses.replace(a.article, published="2021-10-04")
    b.article = dataclasses.replace(b.article, published="2021-10-07")
    assert only_conflict(a, b).cause == cause


def test_a_closed_periods_count_does_not_grow_between_publication_dates():
    """A year's toll published after the year ended is the same on any later
    day: the articles' dates do not explain the gap."""
    a, b = pair("Crashes killed 94 people last year.", "94",
                "Crashes killed 101 people last year.", "101", 94, 101,
                metric="deaths", period="2026")
    a.article = dataclasses.replace(a.article, published="2027-02-10")
    b.article = dataclasses.replace(b.article, published="2027-02-12")
    assert only_conflict(a, b).cause == "unexplained"
    # still open on the first day (a count for the year so far): it may grow
    a.article = dataclasses.replace(a.article, published="2026-12-10")
    assert only_conflict(a, b).cause == "different_period"


def test_a_running_toll_that_falls_between_publication_dates_is_not_a_later_reading():
    """A running total only grows: a lower figure in the later article is
    another way of counting, which the dates do not explain."""
    a, b = pair("The storm killed 57 people.", "57", "The storm killed 42 people.", "42",
                57, 42, metric="deaths", period="2026-09")
    a.article = dataclasses.replace(a.article, published="2026-09-14")
    b.article = dataclasses.replace(b.article, published="2026-09-30")
    assert only_conflict(a, b).cause == "unexplained"
    b.article = dataclasses.replace(b.article, published="2026-09-10")  # the 42 came first
    assert only_conflict(a, b).cause == "different_period"


def test_saying_how_figures_were_classified_is_a_counting_cue():
    f = only_conflict(*pair("The storm killed 57 people.", "57",
                            "Early on, every death was classified as storm-related; the "
                            "storm killed 42 people.", "42", 57, 42, metric="deaths"))
    assert f.cause == "counting_method"


def test_stated_figure_its_own_article_contradicts_is_arithmetic_error():
    other = Story("other", "Cases rose 50% in 2024.", subject="City", metric="cases")
    other.claim("50%", "pct_change", 50, 49.5, 50.5, direction="increase", base_period="2023")
    findings = run(rising_cases("sloppy", 20), other)
    stated = [f for f in findings if f.type == "conflict" and f.basis == "stated"]
    assert stated and all(f.cause == "arithmetic_error" for f in stated)
    assert "sloppy's own figures do not add up ((150 - 100) / 100 = 50%" in stated[0].explanation
    assert stated[0].suggested_wording.startswith("Prefer 50% (up) (other); check sloppy's 20%")


def test_counting_cue_far_away_counts_only_when_it_names_the_metric():
    filler = ["Weather was mild."] * 6
    a = Story("one", "The agency logged 10 million reports in 2024.", *filler,
              "Its new method de-duplicates reports.")
    b = Story("two", "The agency logged 14 million reports in 2024.", *filler,
              "Unique visitors rose.")
    a.claim("10 million", "count", 10e6, 9.5e6, 10.5e6)
    b.claim("14 million", "count", 14e6, 13.5e6, 14.5e6)
    f = only_conflict(a, b)
    assert f.cause == "counting_method"
    assert [e.sentence for e in f.evidence if e.role == "cause"] == [
        "Its new method de-duplicates reports."]


def test_different_period_cue_on_one_side():
    f = only_conflict(*pair("The state spent $4 billion in fiscal 2024.", "$4 billion",
                            "The state spent $5 billion in 2024.", "$5 billion",
                            4e9, 5e9, kind="amount", unit="USD"))
    assert f.cause == "different_period"
    assert [e.cue for e in f.evidence if e.cue] == ["fiscal 2024"]


@pytest.mark.parametrize("metric, b_sentence, cause", [
    ("depth", "The agency put it at 12 in 2024.", "unexplained"),  # a quake's depth
    ("magnitude", "The agency put it at 12 in 2024.", "unexplained"),
    ("long cargo ship", "The agency put it at 12 in 2024.", "unexplained"),
    # a toll is read on a day: "as of Friday" says when
    ("death", "The agency put it at 12 in 2024.", "different_period"),
    # "long-term" is no length (whole words of the metric)
    ("long-term mortgage rate", "The agency put it at 12 in 2024.", "different_period"),
    # each side naming its own day (a river's depth): the days still say why
    ("depth", "As of Tuesday, the agency put it at 12 in 2024.", "different_period"),
])
def test_a_fixed_property_is_explained_by_a_period_only_when_each_side_names_one(
        metric, b_sentence, cause):
    """A depth, a magnitude, a length do not change from day to day
    (explain.toml fixed_measure_words): a period cue on one side is no cause."""
    f = only_conflict(*pair("As of Friday, the agency put it at 10 in 2024.", "10",
                            b_sentence, "12", 10, 12, metric=metric))
    assert f.cause == cause


@pytest.mark.parametrize("a_sentence", [
    "There were 500 cases worldwide in 2024.",
    "There were 500 cases in 2024; the count does not include the territories.",
    "There were 500 cases in 2024, a count that excludes the territories.",
    "There were 500 cases in 2024, according to state data, which include the territories.",
])
def test_different_scope_cue_on_one_side(a_sentence):
    f = only_conflict(*pair(a_sentence, "500",
                            "There were 200 cases in 2024.", "200", 500, 200))
    assert f.cause == "different_scope"


def test_arithmetic_error_in_one_article():
    f = only_conflict(rising_cases("sloppy", 20))
    assert (f.cause, f.severity) == ("arithmetic_error", "high")
    assert "implies +50% ((150 - 100) / 100)" in f.explanation
    assert "100 and 150 imply +50%, not 20% (up)" in f.suggested_wording


def test_rounding_note_is_low():
    f = only_conflict(*pair("It logged 100 cases in 2024.", "100",
                            "It logged 101 cases in 2024.", "101", 100, 101, rel=0.001))
    assert (f.cause, f.severity) == ("rounding", "low")


def test_two_bounds_open_the_same_way_are_at_most_low():
    """"more than 18 million" / "more than 19 million": both may hold, so
    however far apart their floors, the note is low (a bound against a
    figure keeps its severity)."""
    def count(source, text, value, low, high):
        s = Story(source, f"The coronation was watched by {text} viewers in 2023.")
        s.claim(text, "count", value, low, high,
                qualifier="more_than" if high == INF else "exact")
        return s
    f = only_conflict(count("a", "more than 18 million", 18e6, 18e6, INF),
                      count("b", "more than 19 million", 19e6, 19e6, INF))
    assert f.severity == "low"
    f = only_conflict(count("a", "more than 18 million", 18e6, 18e6, INF),
                      count("b", "21 million", 21e6, 20.5e6, 21.5e6))
    assert f.severity != "low"


def test_opposite_directions_are_high():
    a, b = Story("up", "Cases rose 2% in 2024."), Story("down", "Cases fell 3% in 2024.")
    a.claim("2%", "pct_change", 2, 1.5, 2.5, direction="increase", base_period="2023")
    b.claim("3%", "pct_change", 3, 2.5, 3.5, direction="decrease", base_period="2023")
    assert only_conflict(a, b).severity == "high"


def test_a_key_holding_two_quantities_in_one_article_is_only_a_possible_conflict():
    """One article reads "33 hospitalizations and two deaths" under one key:
    the key may hold two quantities, so its disagreement with another
    article is a low-severity possible conflict; a count read twice in one
    article ("rose from 23 to 41") is still a conflict at its own severity."""
    a = Story("one", "The outbreak caused 33 hospitalizations and two deaths in 2024.")
    b = Story("two", "The outbreak caused 33 hospitalizations in 2024.")
    c = Story("three", "The outbreak caused two deaths in 2024.")
    d = Story("four", "The outbreak caused 57 hospitalizations in 2024.")
    for story, n in ((a, "33"), (a, "two"), (b, "33"), (c, "two"), (d, "57")):
        v = 2 if n == "two" else int(n)
        story.claim(n, "count", v, v - 0.5, v + 0.5)
    f = only_conflict(a, b, c, d)
    assert f.severity == "low" and f.explanation.startswith("Possible")
    rose = Story("rose", "The toll rose from 23 to 41 in 2024.")
    early = Story("early", "The toll reached 23 in 2024.")
    late = Story("late", "The toll reached 41 in 2024.")
    for story, v in ((rose, 23), (rose, 41), (early, 23), (late, 41)):
        story.claim(str(v), "count", v, v - 0.5, v + 0.5)
    assert only_conflict(rose, early, late).severity == "high"


def test_every_conflict_cause_is_from_the_contract():
    findings = run(*hotline_stories())
    assert all(f.cause in CAUSES for f in findings if f.type == "conflict")


def test_sentence_splitter_keeps_abbreviations_and_blocks():
    art = make_article("The top U.S. watchdog said so. Mr. Smith agreed!\nNew line here", "x")
    got = [art.text[s:e] for s, e in sentences.split(art)]
    assert got == ["The top U.S. watchdog said so.", "Mr. Smith agreed!", "New line here"]
    assert INF > 0


# --- the per-article memo (a re-check does not rescan every article) ---------------

class DictMemo:
    """pipeline.explain.ArticleMemo in memory, as pipeline.cache keeps it."""

    def __init__(self):
        self.data, self.puts = {}, []

    def get_explain(self, article):
        return self.data.get(article.source_id)

    def put_explain(self, article, data):
        self.puts.append(article.source_id)
        self.data[article.source_id] = data


def as_json(findings):
    return [f.to_json() for f in findings]


def test_memo_gives_the_same_findings_without_splitting_again(monkeypatch):
    claims, articles = everything(*hotline_stories())
    plain = as_json(explain(compare(claims), claims, articles))
    memo = DictMemo()
    assert as_json(explain(compare(claims), claims, articles, memo=memo)) == plain
    assert sorted(memo.data) == sorted(a.source_id for a in articles)
    assert all(d["cues"].get("counting_method") is not None for d in memo.data.values())
    memo.puts.clear()
    monkeypatch.setattr(sentences, "split", lambda a: pytest.fail("split again"))
    assert as_json(explain(compare(claims), claims, articles, memo=memo)) == plain
    assert memo.puts == []  # nothing new to remember


def test_memo_missing_a_cause_or_damaged_is_completed_afresh():
    claims, articles = everything(*hotline_stories())
    plain = as_json(explain(compare(claims), claims, articles))
    memo = DictMemo()
    explain(compare(claims), claims, articles, memo=memo)
    first, second, third = sorted(memo.data)
    memo.data[first]["cues"].clear()  # a cause not looked for last time
    memo.data[second] = {"sentences": "garbled", "cues": None}
    del memo.data[third]
    memo.puts.clear()
    assert as_json(explain(compare(claims), claims, articles, memo=memo)) == plain
    assert sorted(memo.puts) == [first, second, third]
    assert memo.data[first]["cues"]["counting_method"]


@pytest.mark.parametrize("sentence,cue", [
    ("That count treats a journey that involves a transfer - say, from a Route 9 bus to the "
     "Blue Line - as a single trip.", True),
    ("The agency counts each boarding as one trip.", True),
    ("Officials said they recorded the event as two incidents.", True),
    ("The count rose as the storm moved north.", False),
])
def test_counting_as_a_single_unit_is_a_counting_method_cue(sentence, cue):
    from pipeline.cues import first_cue
    assert bool(first_cue("counting_method", sentence)) == cue
