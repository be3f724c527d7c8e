"""Frames and alignment (pipeline/align.py): what the words around a number
state, when two numbers are one quantity, and how compare uses it."""
import dataclasses
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import align
from pipeline.compare import compare
from pipeline.model import Claim


def claim(source, sentence, text, value, kind="pct_change", subject="", metric="", period="2025-06",
          unit="%", low=None, high=None, direction="increase", n=0):
    start = sentence.index(text)
    return Claim(claim_id=f"{source}-{n}{start}", source_id=source, sentence=sentence,
                 start_char=start, end_char=start + len(text), text=text, kind=kind,
                 value=value, low=value if low is None else low,
                 high=value if high is None else high, direction=direction, unit=unit,
                 metric=metric, subject=subject, period=period, confidence=0.8,
                 sent_start=0, sent_end=len(sentence))


@pytest.mark.parametrize("after,before,expect", [
    (" from a year earlier, the agency said.", "Prices rose", {"window": {"year"}}),
    (" in June from the month before", "The index rose", {"window": {"month"}}),
    (" from a year earlier", "Core prices, which strip out food and energy, rose",
     {"measure": {"core"}, "window": {"year"}}),
    (" worldwide.", "The film has taken", {"scope": {"worldwide"}}),
    (" domestically and", "It earned", {"scope": {"domestic"}}),
    (", economists polled by LSEG had forecast.", "A gain of", {"reference": {"forecast"}}),
    (" above the pre-industrial average.", "Temperatures were", {"reference": {"baseline"}}),
    # a span of years named as the baseline
    (" above 1850-1900.", "The year averaged", {"reference": {"baseline"},
                                                 "statistic": {"average"}}),
    # the summary a figure gives: an average (not a baseline's "average") or
    # a peak, right before or after the figure, never elsewhere in its
    # sentence, and not "off-peak"
    (" viewers.", "The coronation drew an average audience of ", {"statistic": {"average"}}),
    (" average viewers across all platforms.", "It delivered ", {"statistic": {"average"}}),
    (" just after midday.", "Viewing peaked at ", {"statistic": {"peak"}}),
    (" visitors, with traffic peaking after totality.", "The state drew ", {}),
    (" visitors, who spent an average of", "The state drew ", {}),
    (" passengers in off-peak hours.", "Trains carried ", {}),
    # a figure for each of several things ("each of the two pipelines held"),
    # not a time ("Each year ...") nor what the next figure is per
    (" cubic metres of gas.", "Nord Stream said each held ", {"measure": {"each"}}),
    (" civilians.", "Russia and Ukraine accused each other of killing ", {}),
    (" deaths.", "Officials in each county said the statewide toll reached ", {}),
    (" each.", "The two lines held ", {"measure": {"each"}}),
    (" apiece in May.", "The tickets sold for $", {"measure": {"each"}}),
    (" trucks each carrying ", "Police found ", {}),
    (" people die", "Each year ", {}),
    (" of gas in the three lines", "There were about ", {}),
    # a yearly rate right after the figure (not a time after an event)
    (" a year.", "The population is growing at a rate of ", {"window": {"year"}}),
    (" a year later.", "It had grown ", {}),
    (" a year after the crash.", "Traffic fell ", {}),
    # a change over several years right after the figure, not a record
    (" in four years.", "India now has 3,682 tigers, a rise of almost ", {"window": {"years"}}),
    (" over the past five years", "Prices are up ", {"window": {"years"}}),
    (" in March, the biggest increase in two years", "Prices rose ", {}),
    (" above the 20th-century average of 57.0F.", "It was", {"reference": {"baseline"}}),
    (" warmer than the 1850-1900 level.", "It was", {"reference": {"baseline"}}),
    (", not seasonally adjusted.", "Gasoline rose", {"method": {"unadjusted"}}),
    (" as of Tuesday.", "The toll stood at", {"moment": {"tuesday"}}),
    # a day with its year, and a month's spellings, are one day
    (" deaths as of July 25, 2024.", "", {"moment": {"jul 25"}}),
    (" deaths as of Aug. 28.", "", {"moment": {"aug 28"}}),
    (" deaths as of August 28.", "", {"moment": {"aug 28"}}),
    (" people have died.", "", {}),
    # an intention is what is to be, like a forecast
    (" of its workforce.", "Intel has announced a plan to cut over", {"reference": {"forecast"}}),
    (" and to suspend its dividend.", "The company has decided to cut its workforce by",
     {"reference": {"forecast"}}),
    (" over the same period.", "Its workforce has grown by", {}),
    (" annual rate.", "Prices rose at a 2.7%", {"window": {"year"}}),
    (".", "The annual inflation rate was", {"window": {"year"}}),
    # a thing that recurs each year is no window of the figure
    (" deaths during the annual pilgrimage.", "", {}),
    (" in its annual report.", "Revenue was", {}),
    # a comparison with the thing right after it, not a bound before it
    (" more than the ", "That is also nearly", {"comparison": {"more"}}),
    (" less than Halvorsen's all-cash offer.", "a share, or", {"comparison": {"less"}}),
    (" of voters backed it.", "More than", {}),
    # ... nor a change's window or reference after "than"
    (" higher than a year earlier.", "Egg prices were nearly", {"window": {"year"}}),
    (" more than in 2023.", "Sales were", {}),
    (" more than expected.", "Sales were", {"reference": {"forecast"}}),
    (" higher than three years ago.", "Prices were", {}),
    (" higher than the 2019 level.", "Prices were", {}),
    (" lower than originally planned.", "Costs were", {}),
    (" higher than usual.", "Prices were", {}),
    (" more than economists had forecast.", "Sales were", {"reference": {"forecast"}}),
    # a share "of the world's" population is a worldwide one, as "global" is
    (" of the world's tiger population.", "India is home to approximately", {"scope": {"worldwide"}}),
    (" of the global tiger population.", "India has about", {"scope": {"worldwide"}}),
    # ... not a description ("the world's largest carmaker")
    (" vehicles in Japan.", "Toyota, the world's largest carmaker, sold", {}),
])
def test_dimensions_a_number_states(after, before, expect):
    got = {d: set(v) for d, v in align.dimensions(after, before).items()}
    assert got == expect


def test_words_after_a_number_win_over_words_before_it():
    # "rose 0.3% from the month before and 2.7% from a year earlier"
    dims = align.dimensions(" from a year earlier", " from the month before and was up")
    assert dims["window"] == {"year"}


def frames_of(*claims):
    return {f.claim.claim_id: f for f in align.frames(list(claims))}


def test_a_dimension_stated_differently_means_different_quantities():
    a = claim("a", "Prices rose 0.3% from the previous month.", "0.3%", 0.3, metric="price")
    b = claim("b", "Prices rose 2.7% from a year earlier.", "2.7%", 2.7, metric="price")
    fs = frames_of(a, b)
    assert align.align(fs[a.claim_id], fs[b.claim_id]) is None


def test_more_than_one_thing_and_less_than_another_never_meet():
    """"60% more than the $35 offer" and "40% less than the all-cash offer"
    compare two prices from opposite ends: two quantities."""
    a = claim("a", "The price is nearly 60% more than the $35-per-share offer.", "60%", 60,
              metric="offer")
    b = claim("b", "The bid was valued at $32.53 a share, or 40% less than the all-cash offer.",
              "40%", 40, metric="offer", direction="decrease")
    fs = frames_of(a, b)
    assert align.align(fs[a.claim_id], fs[b.claim_id]) is None


def test_core_and_headline_never_meet():
    a = claim("a", "Core prices rose 2.9% from a year earlier.", "2.9%", 2.9, metric="price")
    b = claim("b", "Prices rose 2.7% from a year earlier.", "2.7%", 2.7, metric="price")
    fs = frames_of(a, b)
    assert align.align(fs[a.claim_id], fs[b.claim_id]) is None


def test_the_same_frame_is_a_strict_alignment_with_reasons():
    a = claim("a", "Egg prices rose 27.3% from a year earlier, the data showed.", "27.3%", 27.3,
              metric="egg price", subject="US")
    b = claim("b", "Egg prices were nearly 30% higher than a year earlier.", "nearly 30%", 30,
              metric="egg price", subject="US", low=29, high=30)
    fs = frames_of(a, b)
    al = align.align(fs[a.claim_id], fs[b.claim_id])
    assert al is not None and al.strict and al.score >= 0.7
    assert any("both measure" in r for r in al.reasons)
    assert any("window year" in r for r in al.reasons)


def test_one_side_forecast_is_not_strict():
    a = claim("a", "Economists had forecast egg prices would rise 2.6% from a year earlier.",
              "2.6%", 2.6, metric="egg price", subject="US")
    b = claim("b", "Egg prices rose 2.7% from a year earlier.", "2.7%", 2.7, metric="egg price",
              subject="US")
    fs = frames_of(a, b)
    al = align.align(fs[a.claim_id], fs[b.claim_id])
    assert al is None or not al.strict


def test_named_subjects_that_differ_never_meet():
    a = claim("a", "Texas reported 309 cases this year.", "309", 309, kind="count", unit="case",
              metric="case", subject="Texas", period="2025")
    b = claim("b", "New Mexico reported 309 cases this year.", "309", 309, kind="count",
              unit="case", metric="case", subject="New Mexico", period="2025")
    fs = frames_of(a, b)
    assert align.align(fs[a.claim_id], fs[b.claim_id]) is None


@pytest.mark.parametrize("value,digits", [(54.5e6, 3), (2.14, 3), (2.7, 2), (140, 2), (0, 0),
                                          (math.inf, 0), (1_234_000, 4)])
def test_specificity_counts_significant_digits(value, digits):
    c = claim("a", "It was 1.", "1", value)
    assert align.specificity(c) == digits


def test_same_value_does_not_chain_through_loose_figures():
    exact = claim("a", "It was 2.7%.", "2.7%", 2.7, low=2.65, high=2.75)
    loose = claim("b", "It was about 3%.", "about 3%", 3, low=2.5, high=3.5)
    close = claim("c", "It was more than 27%.", "more than 27%", 27, low=27, high=math.inf)
    precise = claim("d", "It was 27.3%.", "27.3%", 27.3, low=27.25, high=27.35)
    assert not align.same_value(exact, loose)
    assert align.same_value(close, precise)
    assert not align.same_value(close, precise, exact_only=True)


@pytest.mark.parametrize("b_sentence, b_period, agree", [
    # a period only inferred (the article's date, a year later) is no evidence
    ("Union opposition has put the $14.1 billion deal at a disadvantage.", "2024-09", True),
    # a period one sentence names, apart from the other's: two figures
    ("In 2024 it paid $14.1 billion for a smaller rival.", "2024", False),
])
def test_the_very_same_specific_value_agrees_unless_named_periods_differ(b_sentence, b_period,
                                                                          agree):
    a = claim("a", "Halvorsen Steel agreed to buy Marlow for $14.1 billion in cash.",
              "$14.1 billion", 14.1e9, kind="amount", unit="USD", metric="price",
              subject="Halvorsen Steel", period="2023", direction="")
    b = claim("b", b_sentence, "$14.1 billion", 14.1e9, kind="amount", unit="USD",
              metric="union deal", subject="Marlow", period=b_period, direction="")
    assert [f.type for f in compare([a, b])] == (["agreement"] if agree else [])


def test_compare_finds_an_agreement_keys_miss():
    """Two outlets word what is measured differently ("egg prices" / "eggs"):
    their keys differ, their frames agree."""
    a = claim("a", "Egg prices climbed 27.3% from a year earlier.", "27.3%", 27.3,
              metric="egg price", subject="US", low=27.25, high=27.35)
    b = claim("b", "Eggs cost 27.3% more than a year ago, the survey showed.", "27.3%", 27.3,
              metric="egg", subject="LSEG", period="2024", low=27.25, high=27.35)
    findings = compare([a, b])
    assert [f.type for f in findings] == ["agreement"]
    assert findings[0].alignment["score"] < 1 and findings[0].alignment["reasons"]


def test_the_same_round_value_measuring_the_same_thing_agrees_on_a_modest_score():
    """"more than 40 teachers have received relief" / "over 40 public school
    teachers got relief": a value with few digits, worded differently
    (alignment score 0.4), measuring the same thing of the same subject."""
    a = claim("a", "Through the loan program, more than 40 teachers have received relief.",
              "more than 40", 40, kind="count", metric="teacher (receive)", unit="teacher",
              subject="Biden", period="2024", high=math.inf, direction="")
    b = claim("b", "He said over 40 public school teachers got relief under the program.",
              "over 40", 40, kind="count", metric="public school teacher", unit="teacher",
              subject="Biden", period="2024", high=math.inf, direction="")
    findings = compare([a, b])
    assert [f.type for f in findings] == ["agreement"]
    assert findings[0].alignment["score"] < 0.45


def test_subjects_guessed_apart_are_a_possible_conflict_unless_each_article_knows_the_other():
    """Neither sentence names its film; the articles' subjects were guessed
    differently. Alone, that is only a possible (low) conflict; when each
    article gives figures of the other's film, they are two films."""
    a = claim("a", "The film has collected $320 million worldwide.", "$320 million", 320e6,
              kind="amount", unit="USD", metric="film", subject="Wicked", period="2024",
              direction="")
    b = claim("b", "It reached a worldwide total of $386.3 million.", "$386.3 million", 386.3e6,
              kind="amount", unit="USD", metric="worldwide total", subject="Moana 2",
              period="2024", direction="")
    [f] = compare([a, b])
    assert f.type == "conflict" and f.alignment["weak"]
    assert any("guessed differently" in r for r in f.alignment["reasons"])
    other = claim("b", "Wicked added $80 million at home.", "$80 million", 80e6, kind="amount",
                  unit="USD", metric="domestic", subject="Wicked", period="2024", direction="",
                  n=1)
    assert not [f for f in compare([a, b, other]) if f.type == "conflict"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_dimensions_and_words_read_any_text(after, before):
    dims = align.dimensions(after, before)
    assert all(isinstance(v, frozenset) and v for v in dims.values())
    assert all(w == w.lower() for w in align.words(after + before))


def test_a_part_and_its_whole_are_not_one_entity():
    a = claim("a", "Texas has reported 309 outbreak cases so far.", "309", 309, kind="count",
              unit="case", metric="outbreak case", subject="Texas", period="2025")
    b = claim("b", "Outbreak cases in Texas and New Mexico rose to 351 so far.", "351", 351,
              kind="count", unit="case", metric="outbreak case", subject="Texas;New Mexico",
              period="2025")
    fs = frames_of(a, b)
    al = align.align(fs[a.claim_id], fs[b.claim_id])
    assert al is None or not al.strict


def test_the_only_figure_of_its_kind_in_each_article_may_conflict_without_named_subjects():
    a = claim("a", "Pedestrian deaths rose to 41 last year.", "41", 41, kind="count",
              unit="death", metric="pedestrian death", subject="Vantry", period="2026",
              direction="")
    b = claim("b", "Pedestrian deaths climbed to 38 last year.", "38", 38, kind="count",
              unit="death", metric="pedestrian death", subject="Vision Zero", period="2026",
              direction="")
    other = claim("b", "Cyclist deaths were 7 last year.", "7", 7, kind="count", unit="death",
                  metric="cyclist death", subject="Vision Zero", period="2026", direction="",
                  n=1)
    findings = compare([a, b, other])
    conflicts = [f for f in findings if f.type == "conflict"]
    assert len(conflicts) == 1 and "the only such figure in each article" in \
        conflicts[0].alignment["reasons"]
    assert conflicts[0].alignment["weak"]  # explain makes it a low "possible conflict"
    # a second pedestrian figure in one article makes the pairing ambiguous
    again = claim("a", "Pedestrian deaths in the city were 29 in 2025.", "29", 29, kind="count",
                  unit="death", metric="pedestrian death", subject="Vantry", period="2026",
                  direction="", n=2)
    assert not [f for f in compare([a, b, other, again]) if f.type == "conflict"
                and f.alignment.get("score", 1) < 1]
    # ... but the same figure restated is still one figure
    restated = claim("a", "Pedestrian deaths in the city were 41 in 2026.", "41", 41,
                     kind="count", unit="death", metric="pedestrian death", subject="Vantry",
                     period="2026", direction="", n=3)
    assert [f for f in compare([a, b, other, restated]) if f.type == "conflict"
            and "the only such figure in each article" in f.alignment["reasons"]]


def test_a_period_is_named_only_by_a_month_word_or_its_year():
    assert align.period_named("2025-12", "Prices rose in December.")
    assert align.period_named("2025-09", "Prices rose in Sept. after a lull.")
    assert not align.period_named("2025-12", "Egg prices declined 7.4%.")
    assert not align.period_named("2025-05", "Prices may rise again.")
    assert not align.period_named("2025-03", "The market rose 2%.")


def test_named_part_and_whole_raise_nothing_even_as_only_figures():
    a = claim("a", "Texas has reported 120 outbreak cases so far.", "120", 120, kind="count",
              unit="case", metric="outbreak case", subject="Texas", period="2025", direction="")
    b = claim("b", "Cases in Texas and New Mexico rose to 150 so far.", "150", 150, kind="count",
              unit="case", metric="outbreak case", subject="Texas;New Mexico", period="2025",
              direction="")
    assert [f for f in compare([a, b]) if f.type == "conflict"] == []


def test_an_open_ended_value_is_no_error():
    c = claim("a", "At least 5% more.", "5%", 5)
    inf = dataclasses.replace(c, value=math.inf, high=math.inf)
    assert align.distinctive(inf) and align.specificity(inf) == 0


@pytest.mark.parametrize("after,before,expect", [
    (" month on month and", "Gasoline rose", {"window": {"month"}}),
    (" quarter on quarter.", "Sales grew", {"window": {"quarter"}}),
])
def test_on_as_well_as_over_states_a_window(after, before, expect):
    assert {d: set(v) for d, v in align.dimensions(after, before).items()} == expect


def test_words_leading_into_the_next_number_are_not_this_ones():
    # "short of the agency's own goal of 82%": the goal is the 82%, not the 78.4%
    s = "AMTA buses were on time 78.4% of the time last year, short of the agency's own goal of 82%."
    a = claim("a", s, "78.4%", 78.4, kind="percent", metric="bus", direction="")
    b = claim("a", s, "82%", 82.0, kind="percent", metric="bus", direction="", n=1)
    fs = frames_of(a, b)
    assert "reference" not in fs[a.claim_id].dims
    assert fs[b.claim_id].dims["reference"] == {"target"}


def test_a_stretch_cut_by_its_length_keeps_whole_words():
    # 90 characters (frames.toml max_before) before the figure fall inside
    # "Officials": no word "ial" of its own
    s = ("Officials said on Monday, according to figures the county published for the whole "
         "region, that 412 people in all were hurt.")
    a = claim("a", s, "412", 412.0, kind="count", unit="people", direction="")
    near = frames_of(a)[a.claim_id].near
    assert "region" in near and not near - align._classed(align.words(s))


def test_a_block_too_common_to_use_still_pairs_one_entitys_figures(monkeypatch):
    """Blocks of a measure word beyond max_block are skipped (the topic's own
    word); within them, claims of one subject still meet, so a conflict
    between two outlets' figures for one entity is not lost."""
    monkeypatch.setitem(align.cfg()["align"], "max_block", 3)
    others = [claim(f"o{i}", f"Region {i} reported {10 + i} cases.", f"{10 + i}", 10 + i,
                    kind="count", unit="case", metric="case", subject=f"Region {i}",
                    period="2025", direction="") for i in range(4)]
    a = claim("a", "Oklahoma reported 4 probable cases.", "4", 4, kind="count", unit="case",
              metric="probable case", subject="Oklahoma", period="2025", direction="")
    b = claim("b", "Oklahoma now counts 5 cases.", "5", 5, kind="count", unit="case",
              metric="case", subject="Oklahoma", period="2025", direction="")
    usable = [*others, a, b]
    lone = {c.claim_id for c in usable}
    pairs = align.candidate_pairs(usable, lone, {}, align.lone_words(usable, lone, usable))
    assert (len(others), len(others) + 1) in pairs
    # the other subjects, in the skipped block, do not meet each other
    assert not any(i < len(others) and j < len(others) for i, j in pairs)



def kelso(source, sentence, text, value, metric="case"):
    """A count of Kelso's measles cases in 2025."""
    return claim(source, sentence, text, value, kind="count", unit="case", metric=metric,
                 subject="Kelso", period="2025", direction="")


def test_one_running_count_read_on_two_days_is_a_conflict_over_the_period():
    """"as of March 18 ... four" / "as of Tuesday, March 25, ... 9": the
    days differ, the count is the same quantity; it may have more than
    doubled in a week (a wider factor than for figures read the same day),
    and the difference is put down to the dates."""
    a = kelso("a", "The state said that as of March 18 there were four measles cases in Kelso.",
              "four", 4, metric="measles case")
    b = kelso("b", "As of Tuesday, March 25, there are 9 measles cases in Kelso, the state said.",
              "9", 9)
    fa, fb = align.frames([a, b])
    al = align.align(fa, fb)
    assert al is not None and al.strict and al.read_apart and al.cause == "different_period"
    conflicts = [f for f in compare([a, b]) if f.type == "conflict"]
    assert len(conflicts) == 1 and conflicts[0].alignment["cause"] == "different_period"
    # read the same day, a factor over conflict_max_ratio is two quantities
    c = kelso("c", "As of March 18 there were 9 measles cases in Kelso, the state said.",
              "9", 9)
    assert not [f for f in compare([a, c]) if f.type == "conflict"]


def test_a_conflict_group_takes_its_reasons_from_an_edge_between_different_values():
    """A group holds agreeing restatements and the disagreement: its reasons
    and cause come from where the values differ, not from the weakest
    agreeing pair."""
    a = kelso("a", "As of March 18 there were four measles cases in Kelso, the state said.",
              "four", 4, metric="measles case")
    b = kelso("b", "As of Tuesday, March 25, there are 9 measles cases in Kelso, the state said.",
              "9", 9)
    c = kelso("c", "Kelso has nine probable cases.",
              "nine", 9, metric="probable case")
    conflicts = [f for f in compare([a, b, c]) if f.type == "conflict"]
    assert len(conflicts) == 1
    assert conflicts[0].alignment["cause"] == "different_period"


def test_a_change_in_counted_things_may_word_its_noun_differently():
    """"Employers added about 142,000 jobs" / "payrolls grew by 142,000":
    one change, counted as jobs and as payrolls; money and units of measure
    stay apart ("$142,000" is no count of jobs)."""
    a = claim("a", "Employers added about 142,000 jobs last month, seasonally adjusted.",
              "about 142,000", 142000, kind="change", unit="job", metric="job (add)",
              subject="US", period="2026-10", low=141500, high=142500)
    b = claim("b", "Seasonally adjusted payrolls grew by 142,000.", "142,000", 142000,
              kind="change", unit="payroll", metric="job", subject="US", period="2026-10")
    assert align.counts_things(a) and align.counts_things(b)
    assert [f.type for f in compare([a, b])] == ["agreement"]
    money = claim("c", "Payroll costs grew by $142,000.", "$142,000", 142000, kind="change",
                  unit="USD", metric="payroll cost", subject="US", period="2026-10")
    acres = claim("d", "The fire grew by 142,000 acres.", "142,000 acres", 142000,
                  kind="change", unit="acre", metric="acre", subject="US", period="2026-10")
    assert not align.counts_things(money) and not align.counts_things(acres)


def test_a_figure_given_as_part_of_a_set_named_before_is_not_the_whole():
    """"Buses accounted for 31.4 million of those trips" is a part; a total
    of trips elsewhere is not the same quantity."""
    part = claim("a", "Buses accounted for 31.4 million of those trips.", "31.4 million",
                 31.4e6, kind="count", unit="trip", metric="trip", subject="AMTA",
                 period="2025", direction="")
    whole = claim("b", "Riders made 36.9 million trips on AMTA buses and trains in 2025.",
                  "36.9 million", 36.9e6, kind="count", unit="trip", metric="trip (make)",
                  subject="AMTA", period="2025", direction="")
    assert align.dimensions(" of those trips.", "Buses accounted for") == \
        {"measure": frozenset({"part"})}
    fa, fb = align.frames([part, whole])
    assert align.align(fa, fb) is None


def test_both_sentences_naming_one_subject_count_as_a_dimension_stated_alike():
    """Two sentences that each name the same place, measure the same thing
    and share few other words are still confidently one quantity."""
    a = claim("a", "Ninety-four people were killed in traffic crashes on Vantry's streets "
              "last year, according to the city's annual report.", "Ninety-four", 94,
              kind="count", unit="people", metric="death", subject="Vantry", period="2026",
              direction="")
    b = claim("b", "Traffic crashes within Vantry city limits killed 101 people in 2026, "
              "according to crash data from the state transportation department.", "101", 101,
              kind="count", unit="people", metric="traffic death", subject="Vantry",
              period="2026", direction="")
    fs = frames_of(a, b)
    al = align.align(fs[a.claim_id], fs[b.claim_id])
    assert al.strict and al.score >= align.cfg()["align"]["conflict_score"]
    # the same two figures with the subject inferred on one side: no bonus
    b2 = dataclasses.replace(b, sentence=b.sentence.replace("Vantry city", "city"),
                             start_char=b.start_char - len("Vantry "),
                             end_char=b.end_char - len("Vantry "))
    fs = frames_of(a, b2)
    assert align.align(fs[a.claim_id], fs[b2.claim_id]).score < al.score


def test_both_sentences_naming_one_period_count_as_a_dimension_stated_alike():
    """Two sentences that each name the year they are about state the
    period alike, as two naming the same subject do; a year inferred on
    one side is not stated."""
    a = claim("a", "Turnout in 2001 fell to 59.4%, the lowest since the war.", "59.4%", 59.4,
              kind="percent", metric="turnout", period="2001", direction="")
    b = claim("b", "Only 59.1% of voters cast a ballot in 2001, a post-war low.", "59.1%", 59.1,
              kind="percent", metric="turnout", period="2001", direction="")
    fs = frames_of(a, b)
    stated = align.align(fs[a.claim_id], fs[b.claim_id])
    assert "period 2001" in " ".join(stated.reasons)
    b2 = dataclasses.replace(b, sentence=b.sentence.replace(" in 2001", " that year"))
    fs = frames_of(a, b2)
    inferred = align.align(fs[a.claim_id], fs[b2.claim_id])
    assert stated.score - inferred.score >= align.cfg()["align"]["weights"]["dimension"] - 1e-9


def test_a_metric_that_narrows_the_measure_states_it_though_the_words_are_far():
    """"Core prices, which strip out ... trend, rose 0.2% from the prior
    month and 2.9% from a year ago": the 2.9% is core by its metric."""
    sentence = ("Core prices, which strip out the more volatile food and energy measurements "
                "to give a clearer picture of the underlying trend, rose 0.2% from the prior "
                "month and 2.9% from a year ago.")
    core = claim("a", sentence, "2.9%", 2.9, metric="core price", kind="percent")
    headline = claim("b", "Prices were up 2.7% from a year ago.", "2.7%", 2.7,
                     metric="price", kind="percent")
    fs = frames_of(core, headline)
    assert fs[core.claim_id].dims["measure"] == {"core"}
    assert align.align(fs[core.claim_id], fs[headline.claim_id]) is None


def test_only_figures_that_measure_the_same_things_in_other_words_are_a_possible_conflict():
    """"27 people have been hospitalized" / "31 hospitalizations": no word in
    common but what they measure, subjects inferred differently, each the
    only such figure in its article: a weak (low) conflict, never a strong one."""
    a = claim("a", "Health officials say 27 people have been hospitalized so far.", "27", 27,
              kind="count", unit="people", metric="hospitalization", subject="Marston County",
              period="2027", direction="")
    b = claim("b", "The outbreak has led to 31 hospitalizations.", "31", 31, kind="count",
              unit="hospitalization", metric="hospitalization", subject="Ohio",
              period="2027", direction="")
    conflicts = [f for f in compare([a, b]) if f.type == "conflict"]
    assert len(conflicts) == 1 and conflicts[0].alignment["weak"]
    assert conflicts[0].alignment["score"] < align.cfg()["align"]["conflict_score"]
    # with a subject named in one sentence and the other's inferred from its
    # article, still only a possible conflict ("Another 1,300 people have
    # been reported injured" / "injuring 1,881 in ... China")
    named = dataclasses.replace(b, sentence="Ohio's outbreak has led to 31 hospitalizations.",
                                start_char=b.start_char + 6, end_char=b.end_char + 6,
                                sent_end=b.sent_end + 6)
    conflicts = [f for f in compare([a, named]) if f.type == "conflict"]
    assert len(conflicts) == 1 and conflicts[0].alignment["weak"]
    # ... and with different subjects named in both, nothing lines them up
    both = claim("a", "Marston County says 27 people have been hospitalized.", "27", 27,
                 kind="count", unit="people", metric="hospitalization", subject="Marston County",
                 period="2027", direction="")
    assert not [f for f in compare([both, named]) if f.type == "conflict"]
    # ... nor when either article holds a second such figure (past the
    # sentences it leads with: there the lead-figure rule may line them up)
    again = claim("a", "Another 12 people were hospitalized in May.", "12", 12, kind="count",
                  unit="people", metric="hospitalization", subject="Marston County",
                  period="2027", direction="", n=1)
    lead = [at(claim("a", f"The county opened {n} clinics.", str(n), n, kind="count",
                     unit="clinic", metric="clinic", subject="Marston County", period="2027",
                     direction=""), 100 * n) for n in (1, 2, 3)]
    assert not [f for f in compare([*lead, at(a, 400), at(again, 500), named])
                if f.type == "conflict"]


def test_a_share_and_a_rate_of_change_agree_in_size_and_never_conflict():
    """"cut 15% of its workforce" / "shrink its workforce by 15 percent" are
    one figure read two ways (no sign to disagree on); "its workforce has
    grown by 10 percent" is another quantity, not a conflict with the 15%."""
    share = claim("a", "Intel will cut 15% of its workforce.", "15%", 15, kind="percent",
                  unit="%", metric="workforce", subject="Intel", period="2024", direction="")
    cut = claim("b", "Intel will shrink its workforce by 15 percent.", "15 percent", 15,
                kind="pct_change", unit="%", metric="workforce", subject="Intel",
                period="2024", direction="decrease")
    grown = claim("c", "Intel's workforce has grown by 10 percent since 2020.", "10 percent", 10,
                  kind="pct_change", unit="%", metric="workforce", subject="Intel",
                  period="2024", direction="increase")
    grown = dataclasses.replace(grown, base_period="2020")
    findings = compare([share, cut])
    assert [f.type for f in findings] == ["agreement"]
    assert not [f for f in compare([share, grown]) if f.type == "conflict"]
    # ... also when the extractor reads the share as the cut it is
    taken = dataclasses.replace(share, kind="pct_change", direction="decrease")
    assert [f.type for f in compare([taken, cut])] == ["agreement"]
    assert not [f for f in compare([taken, grown]) if f.type == "conflict"]


def test_so_far_says_when_not_what():
    assert align.words("So far, 4,700 gallons of oil have been recovered to date.") \
        == {"gallon", "oil", "recovered"}


@pytest.mark.parametrize("sa,sb", [("", ""), ("Texas", "Texas;New Mexico")])
def test_no_guess_or_a_part_and_its_whole_is_not_guessed_apart(sa, sb):
    """Subjects guessed apart need two guesses with no name in common: no
    subject at all, or a place and the pair holding it, never line up so."""
    a = claim("a", "Crews found 40 bodies in the river on Monday.", "40", 40, kind="count",
              unit="body", metric="body", subject=sa, period="2026", direction="")
    b = claim("b", "Crews found 55 bodies in the river on Monday.", "55", 55, kind="count",
              unit="body", metric="body", subject=sb, period="2026", direction="")
    fs = frames_of(a, b)
    al = align.align(fs[a.claim_id], fs[b.claim_id])
    assert al is None or not al.guessed_apart


def test_a_modal_of_what_may_come_is_a_forecast():
    """"a front could bring gusts of 30 mph on Friday" is not the 40 mph that
    blew: one side's forecast keeps the two from a conflict."""
    dims = align.dimensions(" on Friday.", "a dry cold front could bring wind gusts of")
    assert dims["reference"] == {"forecast"}
    assert "reference" not in align.dimensions(" over the weekend.", "wind that gusted past")
    assert "reference" not in align.dimensions(" deaths.", "officials could not confirm")


def test_a_month_lines_up_with_a_year_the_other_side_only_guessed():
    a = claim("a", "Gasoline prices rose 0.4% from May, the agency said.", "0.4%", 0.4,
              metric="gasoline price", subject="US", period="2025-06")
    b = claim("b", "Gasoline prices rose 0.9% month on month, the agency said.", "0.9%", 0.9,
              metric="gasoline price", subject="US", period="2025")
    fs = frames_of(a, b)
    assert fs[a.claim_id].dims["window"] == {"month"}  # "from May" in a June story
    assert align.align(fs[a.claim_id], fs[b.claim_id]).strict
    # a year the sentence states is a different span from one month of it
    c = dataclasses.replace(b, sentence="Gasoline prices rose 0.9% month on month in 2025.",
                            sent_end=len("Gasoline prices rose 0.9% month on month in 2025."))
    fs = frames_of(a, c)
    al = align.align(fs[a.claim_id], fs[c.claim_id])
    assert al is None or not al.strict


@pytest.mark.parametrize("sentence,subject,stated", [
    ("The remaining 42 are in neighboring Pell and Asher counties.", "Pell County;Asher County",
     True),
    ("Officials say 27 people, some from outside the county, were treated at Marston General.",
     "Marston County", False),
])
def test_a_place_named_with_its_kind_once_for_a_list_is_stated(sentence, subject, stated):
    text = next(w for w in sentence.split() if w.isdigit())
    c = claim("a", sentence, text, float(text), kind="count", unit="case", subject=subject,
              period="2027", direction="")
    assert bool(frames_of(c)[c.claim_id].subject_stated) == stated


def test_synonyms_of_what_is_counted_measure_alike():
    """"42 people" / "40 patients" hospitalized: both count persons
    (synonyms.toml [classes])."""
    a = claim("a", "Forty-two people have been hospitalized.", "Forty-two", 42, kind="count",
              unit="people", metric="hospitalization", subject="Texas", period="2025",
              direction="")
    b = claim("b", "So far, 40 patients have been hospitalized.", "40", 40, kind="count",
              unit="patient", metric="hospitalization", subject="Texas", period="2025",
              direction="")
    fs = frames_of(a, b)
    assert fs[a.claim_id].measure == fs[b.claim_id].measure == {"hospitalization", "person"}
    assert align.align(fs[a.claim_id], fs[b.claim_id]).strict


@pytest.mark.parametrize("noun_a,noun_b", [("population", "residents"),
                                           ("inhabitants", "people"), ("newborns", "births")])
def test_words_for_one_counted_thing_are_one_measure(noun_a, noun_b):
    a = claim("a", f"The city has 7.48 million {noun_a}.", "7.48 million", 7.48e6, kind="count",
              unit=noun_a, metric="", subject="Hong Kong", period="2019", direction="")
    b = claim("b", f"The city has 7.3 million {noun_b}.", "7.3 million", 7.3e6, kind="count",
              unit=noun_b, metric="", subject="Hong Kong", period="2019", direction="")
    fs = frames_of(a, b)
    assert fs[a.claim_id].measure == fs[b.claim_id].measure


def test_a_short_name_is_named_only_as_a_whole_word():
    c = claim("a", "Food costs rose 2.4%, pushed up in part by meat.", "2.4%", 2.4, subject="US")
    assert frames_of(c)[c.claim_id].subject_stated == ()
    d = claim("b", "Food costs in the US rose 2.4%.", "2.4%", 2.4, subject="US")
    assert frames_of(d)[d.claim_id].subject_stated == ("us",)


@pytest.mark.parametrize("plural,singular", [
    ("crashes", "crash"), ("losses", "loss"), ("taxes", "tax"), ("businesses", "business"),
    ("buses", "bus"), ("categories", "category"), ("cases", "case"), ("deaths", "death"),
    ("series", "series"), ("headaches", "headache"), ("niches", "niche")])
def test_a_plural_stems_as_its_nouns_lemma(plural, singular):
    """Words next to a number meet the metric, which is a lemma: "buses
    arrived on time" measures what "bus on-time rate" does."""
    assert align.words(plural) == align.words(singular) == {align._stem(singular)}


def test_a_conflict_takes_in_the_other_articles_agreeing_with_one_side():
    """Two articles say 41 pedestrian deaths in Vantry, a third 38: the
    conflict lists every outlet on each side, not only the pair that lined up."""
    def deaths(source, where, value, metric, subject="Vantry"):
        sentence = f"Pedestrian deaths {where} rose to {value} in 2026, the city said."
        return claim(source, sentence, str(value), value, kind="count", unit="death",
                     metric=metric, subject=subject, period="2026", direction="")
    # (each read with its own metric wording: no comparison key lines them up;
    # b's subject was inferred as another name, so b only agrees with the 41)
    a = deaths("a", "in Vantry", 41, "pedestrian death")
    b = deaths("b", "citywide", 41, "pedestrian death city", subject="Marston")
    c = deaths("c", "in Vantry", 38, "death pedestrian vantry")
    conflicts = [f for f in compare([a, b, c]) if f.type == "conflict"]
    assert len(conflicts) == 1 and conflicts[0].sources == ["a", "b", "c"]



def at(c, start):
    """``c`` in a sentence starting at character ``start`` of its article."""
    shift = start - c.sent_start
    return dataclasses.replace(c, sent_start=start, sent_end=c.sent_end + shift,
                               start_char=c.start_char + shift, end_char=c.end_char + shift)


def toll(source, sentence, text, value, subject):
    """A count of deaths whose subject was guessed from its article."""
    return claim(source, sentence, text, value, kind="count", unit="death", metric="death",
                 subject=subject, period="2024", direction="")


def test_the_figures_two_articles_lead_with_may_conflict_at_low_severity():
    """Each article's lead figure of one measure, subjects guessed apart and
    too few words shared for a confident alignment: a possible conflict
    (low severity); the same figures further down their articles, none."""
    a = toll("a", "That takes the number of deaths reported so far to 922, by an agency tally.",
             "922", 922, "Hajj")
    b = toll("b", "Around ten countries have now reported 1,081 deaths during the pilgrimage.",
             "1,081", 1081, "Islam")
    fa, fb = align.frames([a, b])
    al = align.align(fa, fb)
    assert al is not None and not al.strict and al.lead_ok
    conflicts = [f for f in compare([a, b]) if f.type == "conflict"]
    assert len(conflicts) == 1 and conflicts[0].alignment["weak"]
    assert align.reason("lead") in conflicts[0].alignment["reasons"]
    # three earlier sentences with figures: b is no longer a lead figure
    earlier = [at(claim("b", f"Pilgrims walked {n} km on day {n}.", str(n), n, kind="count",
                        unit="km", metric="walk", subject="Islam", period="2024", direction=""),
                  100 * n) for n in (1, 2, 3)]
    late = at(b, 1000)
    other = at(toll("b", "Among the dead were 58 Egyptians.", "58", 58, "Islam"), 1100)
    assert [f for f in compare([a, b, other]) if f.type == "conflict"]
    assert not [f for f in compare([a, *earlier, late, other]) if f.type == "conflict"]


def test_the_very_same_specific_value_agrees_however_the_rest_reads():
    """"$4.28 billion" in two articles whose subjects and metrics were read
    differently is one figure; a round or short value is not enough, nor the
    same value in two different years."""
    a = claim("a", "Officials rolled out another $4.28 billion in handouts.", "$4.28 billion",
              4.28e9, kind="amount", unit="USD", subject="Acme", metric="handout",
              period="2024", direction="")
    b = claim("b", "The approval of $4.28 billion for public servants was announced.",
              "$4.28 billion", 4.28e9, kind="amount", unit="USD", subject="Globex",
              metric="public servant approval", period="2024", direction="")
    [f] = compare([a, b])
    assert f.type == "agreement"
    # two different years, one of them named (two only inferred from the
    # articles' dates are no evidence: test_the_very_same_specific_value_
    # agrees_unless_named_periods_differ)
    c = claim("b", "In 2021 the approval of $4.28 billion for public servants was announced.",
              "$4.28 billion", 4.28e9, kind="amount", unit="USD", subject="Globex",
              metric="public servant approval", period="2021", direction="")
    assert not [f for f in compare([a, c]) if f.type == "agreement"]
    # a short value is too common to show it
    d = claim("a", "Officials rolled out another $4.3 billion in handouts.", "$4.3 billion",
              4.3e9, kind="amount", unit="USD", subject="Acme", metric="handout",
              period="2024", direction="")
    e = claim("b", "The approval of $4.3 billion for public servants was announced.",
              "$4.3 billion", 4.3e9, kind="amount", unit="USD", subject="Globex",
              metric="public servant approval", period="2024", direction="")
    assert not [f for f in compare([d, e]) if f.type == "agreement"]


def test_a_conversion_in_brackets_does_not_cut_its_figures_words():
    """"€133.9m (£115m) if all the add-ons are met": the condition after the
    bracketed conversion is the first figure's too (a total that may come)."""
    s = "The total will reach €133.9m (£115m) if all the add-ons are met."
    eur = claim("a", s, "€133.9m", 133.9e6, kind="amount", unit="EUR", direction="")
    gbp = claim("a", s, "£115m", 115e6, kind="amount", unit="GBP", direction="", n=1)
    frames = {f.claim.text: f for f in align.frames([eur, gbp])}
    assert frames["€133.9m"].dims.get("reference") == {"forecast"}
    assert frames["£115m"].dims.get("reference") == {"forecast"}


def test_agreements_chained_through_rounded_figures_keep_the_exact_ones():
    """"3,133,924" and "about 3,133,924" agree; "3.1 million" in a third
    article also agrees with "3.13 million" and "3.09 million" of a fourth,
    which make the chained group ambiguous: the exact pair still agrees."""
    def count(source, sentence, text, value, low, high, n=0):
        return claim(source, sentence, text, value, kind="count", unit="people",
                     subject="TSA", metric="screened person", period="2025", low=low,
                     high=high, direction="", n=n)
    a = count("a", "The agency screened 3,133,924 people.", "3,133,924", 3133924,
              3133923.5, 3133924.5)
    b = count("b", "Officers screened about 3,133,924 travellers.", "about 3,133,924", 3133924,
              3100000, 3170000)
    s = "It screened 3.13 million people, after 3.09 million a day earlier."
    c1 = count("c", s, "3.13 million", 3.13e6, 3.125e6, 3.135e6)
    c2 = count("c", s, "3.09 million", 3.09e6, 3.085e6, 3.095e6, n=1)
    d = count("d", "Some 3.1 million people were screened.", "3.1 million", 3.1e6, 3.05e6, 3.15e6)
    groups = [{c.claim_id for c in members}
              for members, _, strict in align.aligned_groups([a, b, c1, c2, d]) if not strict]
    assert any({a.claim_id, b.claim_id} <= g for g in groups)


def test_a_short_value_is_met_on_its_own_only_in_the_same_counted_noun():
    """Two articles' "59%" of one vote meet though their metrics were read
    apart ("user", "vote"); "19 states" and "nineteen people" never meet on
    their value alone."""
    a = claim("a", "Machinists approved the new contract, 59% of the union backing it.", "59%", 59,
              kind="percent", subject="Boeing", metric="user", period="2024", direction="")
    b = claim("b", "Machinists approved their new contract, 59% of the union backing it.", "59%", 59,
              kind="percent", subject="IAM", metric="vote", period="2024", direction="", n=1)
    assert [f.type for f in compare([a, b])] == ["agreement"]
    states = claim("c", "The outbreak has now reached 19 states, officials said.", "19", 19,
                   kind="count", unit="state", subject="Acme", metric="state", period="2024",
                   direction="")
    people = claim("d", "Of those interviewed, 19 said the outbreak reached them, officials said.",
                   "19", 19, kind="count", unit="people", subject="Acme", metric="person",
                   period="2024", direction="")
    assert not compare([states, people])


@pytest.mark.parametrize("text,digits", [
    ("$4.28 billion", 3), ("56,640", 4), ("3,000", 1),
    # the first figure only: a range or a bracketed year adds none
    ("between 2,000 and 3,500", 1), ("1.5 million (2024)", 2), ("a third", 0),
])
def test_written_digits_count_the_first_figure(text, digits):
    assert align._written_digits(text) == digits


def test_two_bounds_are_not_one_value():
    """"at least 126,000 gallons" and "up to 144,000 gallons" overlap, but
    two bounds of different values state no one figure (they would chain
    "126,000" to "144,000"); a figure and a bound at its value still agree."""
    def gallons(source, text, value, low, high, qualifier, n=0):
        c = claim(source, f"The spill was put at {text}.", text, value, kind="amount",
                  unit="gal", period="2021", low=low, high=high, direction="", n=n)
        return dataclasses.replace(c, qualifier=qualifier)
    floor = gallons("a", "at least 126,000 gallons", 126000, 126000, math.inf, "at_least")
    ceiling = gallons("b", "up to 144,000 gallons", 144000, 0, 144000, "at_most")
    exact = gallons("c", "126,000 gallons", 126000, 125500, 126500, "exact")
    assert not align.same_value(floor, ceiling)
    assert align.same_value(floor, exact)


def test_a_name_one_sentence_states_and_the_other_writes_is_one_entity():
    # the model tagged no name in a's sentence ("23andMe" untagged) and its
    # article's subject was guessed as the outlet it quotes; b names the
    # company: one entity's figure, not subjects read apart
    a = claim("a", "Hackers stole data of 6.9 million 23andMe customers.", "6.9 million", 6.9e6,
              kind="count", unit="customer", metric="customer", subject="TechCrunch", period="2023")
    b = claim("b", "23andMe said 6.4 million customers were affected in the breach.", "6.4 million",
              6.4e6, kind="count", unit="customer", metric="customer", subject="23andMe",
              period="2023")
    fs = frames_of(a, b)
    al = align.align(fs[a.claim_id], fs[b.claim_id])
    assert al is not None and not al.exact_only
    assert any("writes that name too" in r for r in al.reasons)
    # a sentence that does not write the name stays another entity's figure
    c = dataclasses.replace(a, sentence="Hackers stole data of 6.9 million customers.")
    fs = frames_of(c, b)
    al = align.align(fs[c.claim_id], fs[b.claim_id])
    assert al is None or al.exact_only
    # a name is written as named, capitals and all: "the target" is not Target
    t = claim("t", "Target said sales fell 5.4% in the quarter.", "5.4%", 5.4, subject="Target",
              metric="sale", period="2025-Q2", direction="decrease")
    w = claim("w", "Sales fell 3.1%, missing the target analysts had set.", "3.1%", 3.1,
              subject="Walmart", metric="sale", period="2025-Q2", direction="decrease")
    fs = frames_of(t, w)
    al = align.align(fs[t.claim_id], fs[w.claim_id])
    assert al is None or al.exact_only


def test_two_outcomes_never_meet():
    """"5,300 dead" and "10,000 people are still missing" (a sentence that
    speaks of the toll too): what befell the people differs, so two
    quantities; "wounded" and "injuries" are one outcome."""
    a = claim("a", "More than 5,300 dead in Derna disaster", "5,300", 5300, kind="count",
              subject="Derna", metric="death", period="2023", unit="people", direction="")
    b = claim("b", "The death toll may climb further, with 10,000 people still missing.",
              "10,000", 10000, kind="count", subject="Derna", metric="missing", period="2023",
              unit="people", direction="")
    c = claim("c", "The quake wounded 2,059 people.", "2,059", 2059, kind="count",
              subject="Morocco", metric="injury", period="2023", unit="people", direction="")
    d = claim("d", "The quake caused 2,059 injuries.", "2,059", 2059, kind="count",
              subject="Morocco", metric="injury", period="2023", unit="injury", direction="")
    fs = frames_of(a, b, c, d)
    assert align.align(fs[a.claim_id], fs[b.claim_id]) is None
    assert align.align(fs[c.claim_id], fs[d.claim_id]) is not None


def test_a_figure_asked_for_never_meets_one_that_came_to_be():
    """"asked for a sentence of 30 years" and "received a sentence of 25
    years": their metrics carry a mood ("(proposed)"), and align keeps
    figures of two moods apart as it keeps two outcomes apart."""
    a = claim("a", "Bankman-Fried received a sentence of 25 years on Thursday.", "25", 25,
              kind="count", subject="Bankman-Fried", metric="sentence", period="2024",
              unit="year", direction="")
    b = claim("b", "Prosecutors had asked for a sentence of 30 years for Bankman-Fried.", "30",
              30, kind="count", subject="Bankman-Fried", metric="sentence (proposed)",
              period="2024", unit="year", direction="")
    fs = frames_of(a, b)
    assert align.align(fs[a.claim_id], fs[b.claim_id]) is None


def test_a_peak_and_an_average_never_meet_and_a_peak_on_one_side_is_a_counting_method():
    """Two summaries of one audience ("an average audience of 18.8 million" /
    "viewing peaked at 20.4 million") are two quantities; a peak against a
    figure that states no summary may be the same audience counted another
    way (frames.toml cause_of.statistic)."""
    def uk(source, sentence, text, value):
        return claim(source, sentence, text, value, kind="count", unit="viewer",
                     metric="viewer", subject="UK", period="2023", direction="")
    average = uk("a", "The coronation drew an average audience of 18.8 million viewers.",
                 "18.8 million", 18.8e6)
    peak = uk("b", "Viewing of the coronation peaked at 20.4 million viewers.",
              "20.4 million", 20.4e6)
    plain = uk("c", "The coronation was watched by 19 million viewers.", "19 million", 19e6)
    fs = frames_of(average, peak, plain)
    assert align.align(fs[average.claim_id], fs[peak.claim_id]) is None
    al = align.align(fs[peak.claim_id], fs[plain.claim_id])
    assert al is not None and al.cause == "counting_method"
