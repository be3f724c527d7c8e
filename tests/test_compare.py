"""compare: grouping by key, interval comparison, derived checks, stable ids.

Built on synthetic articles (tests/factories.py), so each test pins one
situation; test_explain adds causes and wording on top.
"""
import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.compare import (assign_ids, compare, entry, finding_digest, finish,
                              join_agreements, make_finding, take_in_agreeing)
from pipeline.keys import acronym_aliases, claim_keys, jurisdiction, norm_metric, norm_subject

from .factories import INF, Story, everything, rising_cases


def by_type(findings):
    return ([f for f in findings if f.type == "conflict"],
            [f for f in findings if f.type == "agreement"])


def hotline_stories():
    """The shape of a real case: two articles count the same year's total
    differently (one bundles), a third agrees with the first on the change."""
    a = Story("a_wire",
              "The Hotline received about 29.2 million complaints in 2024, a drop of roughly "
              "19% from the year before.",
              "In total, it received 7 million fewer complaints.",
              "Acme accounted for most of the decline, filing 6.9 million fewer incidents "
              "than in 2023.",
              "The yearly total had grown to 36.2 million in 2023.",
              "This year, Acme was allowed to bundle complaints, which lowered the total.",
              "When the bundled complaints were counted in total, there was still a gap of "
              "7 million complaints between years.",
              "Beta and Gamma all filed at least 20% fewer complaints than in 2023.",
              subject="Hotline", metric="complaints")
    a.claim("about 29.2 million", "count", 29.2e6, 28.9e6, 29.5e6, qualifier="approx",
            unit="complaint")
    a.claim("roughly 19%", "pct_change", 19, 16, 22, qualifier="approx", direction="decrease",
            unit="%", base_period="2023")
    a.claim("7 million", "change", 7e6, 6.5e6, 7.5e6, direction="decrease", unit="complaint",
            base_period="2023")
    a.claim("6.9 million", "change", 6.9e6, 6.85e6, 6.95e6, direction="decrease",
            unit="incident", subject="Acme", base_period="2023")
    a.claim("36.2 million", "count", 36.2e6, 36.15e6, 36.25e6, period="2023")
    a.claim("7 million", "change", 7e6, 6.5e6, 7.5e6, nth=1, unit="complaint",
            base_period="2023")
    a.claim("at least 20%", "pct_change", 20, 20, INF, qualifier="at_least",
            direction="decrease", unit="%", subject="Beta;Gamma", base_period="2023")
    b = Story("b_blog",
              "This 19% decrease, representing 7 million fewer complaints in 2024, is the "
              "largest decline on record.",
              "Acme saw a reduction of 6.9 million complaints.",
              "A 55% increase in fraud complaints was also seen.",
              subject="Hotline", metric="complaints")
    b.claim("19%", "pct_change", 19, 18.5, 19.5, direction="decrease", unit="%",
            base_period="2023")
    b.claim("7 million", "change", 7e6, 6.5e6, 7.5e6, direction="decrease", unit="complaint",
            base_period="2023")
    b.claim("6.9 million", "change", 6.9e6, 6.85e6, 6.95e6, direction="decrease",
            unit="complaint", subject="Acme", base_period="2023")
    b.claim("55%", "pct_change", 55, 54.5, 55.5, direction="increase", unit="%",
            metric="fraud complaints", base_period="2023")
    c = Story("c_site",
              "The Hotline received fewer complaints in 2024 than in 2023.",
              "The numbers dropped from 36.2 million complaints to 20.5 million.",
              "Part of the drop happened because the Hotline changed how they count complaints.",
              "Fraud complaints went up 55% from 2023.",
              "The Hotline got nearly 100 fraud complaints daily.",
              subject="Hotline", metric="complaints")
    c.claim("36.2 million", "count", 36.2e6, 36.15e6, 36.25e6, period="2023", unit="complaint")
    c.claim("20.5 million", "count", 20.5e6, 20.45e6, 20.55e6)
    c.claim("55%", "pct_change", 55, 54.5, 55.5, direction="increase", unit="%",
            metric="fraud complaints", base_period="2023")
    c.claim("nearly 100", "rate", 100, 97, 100, qualifier="nearly",
            unit="complaint per day", metric="fraud complaints")
    return a, b, c


def test_hotline_case_finds_two_conflicts_and_five_agreements():
    claims, _ = everything(*hotline_stories())
    conflicts, agreements = by_type(compare(claims))
    stated = [f for f in conflicts if f.basis == "stated"]
    derived = [f for f in conflicts if f.basis == "derived"]
    assert len(stated) == 1 and len(derived) == 1
    texts = {c.claim_id: c.text for c in claims}
    assert sorted(texts[i] for i in stated[0].claims) == ["20.5 million", "about 29.2 million"]
    assert set(derived[0].sources) == {"a_wire", "b_blog", "c_site"}
    assert "(20.5M - 36.2M) / 36.2M = -43.4%" in derived[0].derivation
    assert "20.5M - 36.2M = -15.7M" in derived[0].derivation
    seen = sorted((f.subject, f.metric, f.period, f.claims[0].split("-")[0]) for f in agreements)
    assert [(s, m, p) for s, m, p, _ in seen] == [
        ("Acme", "complaints", "2024"), ("Hotline", "complaints", "2023"),
        ("Hotline", "complaints", "2024"), ("Hotline", "complaints", "2024"),
        ("Hotline", "fraud complaints", "2024")]
    assert all(f.basis == "stated" for f in agreements)


def test_different_subjects_and_metrics_are_never_one_quantity():
    claims, _ = everything(*hotline_stories())
    for f in compare(claims):
        subjects = {c.subject for c in claims if c.claim_id in f.claims and c.kind != "count"}
        assert len(subjects) <= 1, f
        assert "Beta;Gamma" not in subjects
    # the at-least-20% of other firms never meets the 19% of the whole
    beta = [c.claim_id for c in claims if c.subject == "Beta;Gamma"][0]
    assert not any(beta in f.claims for f in compare(claims))


def two_sources(a_value, a_low, a_high, b_value, b_low, b_high, kind="count", **kw):
    a = Story("one", "It counted 111 cases in 2024.")
    b = Story("two", "It counted 222 cases in 2024.")
    a.claim("111", kind, a_value, a_low, a_high, **kw)
    b.claim("222", kind, b_value, b_low, b_high, **kw)
    return compare(everything(a, b)[0])


CASES = [
    # (a interval, b interval, kind, expected type, expected cause set by compare)
    ((100, 95, 105), (103, 101, 104), "count", "agreement", ""),
    ((100, 99.5, 100.5), (150, 149.5, 150.5), "count", "conflict", ""),
    ((100, 99.5, 100.5), (101, 100.9, 101.1), "count", "conflict", "rounding"),
    ((19, 18.5, 19.5), (19.8, 19.75, 19.85), "percent", "conflict", "rounding"),
    ((19, 18.5, 19.5), (25, 24.5, 25.5), "percent", "conflict", ""),
    # within half a point, but a fourth of the other is no rounding (0.1% / 0.4%,
    # 2.9% / 3.3%)
    ((0.1, 0.05, 0.15), (0.4, 0.35, 0.45), "percent", "conflict", ""),
    ((2.9, 2.85, 2.95), (3.3, 3.25, 3.35), "percent", "conflict", ""),
    # a floor and a figure far above it: compatible, but no one figure confirmed
    ((20, 20, INF), (50, 49.5, 50.5), "count", None, ""),
    ((20, 0, 20), (50, 49.5, 50.5), "count", "conflict", ""),
    # intervals that only touch: each figure is the other's rounding edge,
    # but two figures written to the same place are no rounding of each other
    ((3.57, 3.565, 3.575), (3.56, 3.555, 3.565), "amount", "conflict", ""),
    ((37000, 36500, 37500), (36000, 35500, 36500), "count", "conflict", ""),
    ((37000, 36500, 37500), (36000, 35950, 36050), "count", "conflict", "rounding"),
    # ... but whole counts stated to the unit ("12 states", "11 states") do not round
    ((12, 11.5, 12.5), (11, 10.5, 11.5), "count", "conflict", ""),
    # ... nor do round figures of one digit, whose intervals meet halfway
    ((3000, 2500, 3500), (2000, 1500, 2500), "count", "conflict", ""),
]


@pytest.mark.parametrize("a,b,kind,found", [
    ((207528, 207527.5, 207528.5), (7.2e6, 7.15e6, 7.25e6), "count", False),  # 35x
    ((20, 0, 20), (500, 499.5, 500.5), "count", False),  # 25x: not one quantity
    ((3.2e6, 3.15e6, 3.25e6), (3.2e9, 3.15e9, 3.25e9), "amount", True),  # a scale slip
    ((100, 99.5, 100.5), (450, 449.5, 450.5), "count", True),  # 4.5x: still compared
    ((0.1, 0.05, 0.15), (1.0, 0.95, 1.05), "percent", True),  # percents are never split
])
def test_a_key_group_is_split_where_sizes_jump(a, b, kind, found):
    assert bool(two_sources(*a, *b, kind=kind)) == found


def test_a_far_outlier_of_one_article_leaves_the_others_finding():
    a = Story("one", "Some 2,100 firefighters were at work.", "It had eight crews.")
    b = Story("two", "About 1,380 firefighters battled the fire.")
    a.claim("Some 2,100", "count", 2100, 2050, 2150)
    a.claim("eight", "count", 8, 7.5, 8.5)
    b.claim("About 1,380", "count", 1380, 1300, 1450)
    [f] = compare(everything(a, b)[0])
    assert f.type == "conflict" and sorted(f.values[i]["text"] for i in range(2)) \
        == ["About 1,380", "Some 2,100"]


def test_interval_case_table():
    for a, b, kind, want_type, want_cause in CASES:
        found = two_sources(*a, *b, kind=kind)
        if want_type is None:
            assert not found, (a, b)
            continue
        [f] = found
        assert (f.type, f.cause) == (want_type, want_cause), (a, b)


def test_a_source_giving_two_values_is_judged_by_the_one_others_share():
    a = Story("one", "Revenue rose to $12 billion from $10 billion in 2024.")
    b = Story("two", "Revenue was $12.1 billion in 2024.")
    a.claim("$12 billion", "amount", 12e9, 11.5e9, 12.5e9, unit="USD")
    a.claim("$10 billion", "amount", 10e9, 9.5e9, 10.5e9, unit="USD")
    b.claim("$12.1 billion", "amount", 12.1e9, 12.05e9, 12.15e9, unit="USD")
    [f] = compare(everything(a, b)[0])
    assert (f.type, len(f.claims)) == ("agreement", 2)


def city_sizes(*others):
    """A key conflict (7.48 million / 7.3 million) and an agreement holding
    its 7.48 million with ``others``: (source, text, value, low, high,
    qualifier) each. Returns (conflict, agreement, the others' claims)."""
    a = Story("one", "Its 7.48 million people marched.")
    b = Story("two", "It is a city of 7.3 million.")
    ca = a.claim("7.48 million", "count", 7.48e6, 7.475e6, 7.485e6)
    cb = b.claim("7.3 million", "count", 7.3e6, 7.25e6, 7.35e6)
    more = [Story(source, f"{text} people live there.").claim(text, "count", v, lo, hi,
                                                               qualifier=q)
            for source, text, v, lo, hi, q in others]
    conflict = make_finding("conflict", "stated", [ca, cb], [entry(ca), entry(cb)], [ca, cb])
    agreement = make_finding("agreement", "stated", [ca, *more],
                             [entry(x) for x in (ca, *more)], [ca, *more])
    conflict.alignment = {"score": 1.0, "reasons": ["same key"]}
    agreement.alignment = {"score": 0.8, "reasons": [], "weak": False}
    return conflict, agreement, more


def test_a_conflict_takes_in_the_articles_agreeing_with_one_side():
    """The conflict names the third article on the side it agrees with; a
    bound agreeing with the shared figure, and a figure agreeing with both
    sides, show no side and join none."""
    conflict, agreement, (cc, cd, ce) = city_sizes(
        ("three", "Around 7.5 million", 7.5e6, 7.45e6, 7.55e6, "approx"),
        ("four", "At least 7.47 million", 7.47e6, 7.47e6, INF, "at_least"),
        ("five", "About 7.4 million", 7.4e6, 7.2e6, 7.6e6, "approx"))
    [f, _] = take_in_agreeing([conflict, agreement])
    assert f.sources == ["one", "three", "two"] and cc.claim_id in f.claims
    assert "three agree with one side's figure and join it" in f.alignment["reasons"]
    assert not f.alignment.get("weak")
    assert cd.claim_id not in f.claims and ce.claim_id not in f.claims


def test_a_conflict_taking_in_agreeing_articles_gives_no_duplicate_camp():
    """The camps of a conflict are read before it takes other articles in:
    the agreement that brought them already says who confirms whom."""
    conflict, agreement, _ = city_sizes(
        ("three", "7.48 million", 7.48e6, 7.475e6, 7.485e6, "exact"),
        ("four", "At least 7.47 million", 7.47e6, 7.47e6, INF, "at_least"))
    findings = finish([conflict], [agreement], [])
    assert [(f.type, f.sources) for f in findings] == [
        ("conflict", ["one", "three", "two"]), ("agreement", ["four", "one", "three"])]


def test_a_value_the_source_says_was_counted_another_way_is_kept():
    """One article gives the unadjusted 4.0% and the adjusted 4.3%, the other
    only 4.3%: the 4.0% is not dropped as ambiguous, and though it is within
    rounding distance it is a conflict (explain then names counting_method)."""
    a = Story("one", "The rate was 4.0% in October on an unadjusted basis.",
              "The seasonally adjusted rate was 4.3% in October.", metric="unemployment rate")
    b = Story("two", "The unemployment rate rose to 4.3% in October.",
              metric="unemployment rate")
    a.claim("4.0%", "percent", 4.0, 3.95, 4.05)
    a.claim("4.3%", "percent", 4.3, 4.25, 4.35)
    b.claim("4.3%", "percent", 4.3, 4.25, 4.35)
    conflict, agreement = compare(everything(a, b)[0])
    assert conflict.type == "conflict" and len(conflict.claims) == 3
    # the adjusted 4.3% both give is also an agreement
    assert (agreement.type, agreement.sources, [v["value"] for v in agreement.values]) == \
        ("agreement", ["one", "two"], [4.3, 4.3])
    # the same figures with no word on how they were counted: judged as before
    a = Story("one", "The rate was 4.0% in October.", "It was 4.3% in October.",
              metric="unemployment rate")
    a.claim("4.0%", "percent", 4.0, 3.95, 4.05)
    a.claim("4.3%", "percent", 4.3, 4.25, 4.35)
    [f] = compare(everything(a, b)[0])
    assert (f.type, len(f.claims)) == ("agreement", 2)


def test_sign_comes_from_direction():
    a = Story("up", "Cases rose 19% in 2024.")
    b = Story("down", "Cases fell 19% in 2024.")
    for s, d in ((a, "increase"), (b, "decrease")):
        s.claim("19%", "pct_change", 19, 18.5, 19.5, direction=d, base_period="2023")
    [f] = compare(everything(a, b)[0])
    assert f.type == "conflict"
    assert sorted(v["value"] for v in f.values) == [-19, 19]


def test_unsigned_change_compares_by_size():
    a = Story("plain", "There was a gap of 7 million reports between years.")
    b = Story("down", "There were 7 million fewer reports.")
    a.claim("7 million", "change", 7e6, 6.5e6, 7.5e6, base_period="2023")
    b.claim("7 million", "change", 7e6, 6.5e6, 7.5e6, direction="decrease", base_period="2023")
    [f] = compare(everything(a, b)[0])
    assert f.type == "agreement"


def test_one_source_alone_makes_no_stated_finding():
    a = Story("solo", "It had 10 cases in 2024.", "Later it said 90 cases in 2024.")
    a.claim("10", "count", 10, 9.5, 10.5)
    a.claim("90", "count", 90, 89.5, 90.5)
    assert compare(a.claims) == []


def test_claims_without_subject_or_low_confidence_are_left_out():
    a = Story("one", "It counted 111 cases in 2024.")
    b = Story("two", "It counted 222 cases in 2024.")
    a.claim("111", "count", 111, subject="")
    b.claim("222", "count", 222)
    assert compare(everything(a, b)[0]) == []
    a.claims[0] = dataclasses.replace(a.claims[0], subject="Agency", confidence=0.1)
    assert compare(everything(a, b)[0]) == []


def test_self_check_flags_numbers_that_do_not_add_up():
    [f] = compare(rising_cases("sloppy", 20).claims)
    assert (f.type, f.basis, f.sources) == ("conflict", "derived", ["sloppy"])
    assert f.derivation == "(150 - 100) / 100 = 50%"


def test_self_consistent_article_is_quiet():
    assert compare(rising_cases("tidy", 50).claims) == []


# Derived checks: (stories as (source, sentence, [(quantity, kind, value, low, high,
# fields)]), expected (type, basis, subject, period, derivation), sources it must not name).
DERIVED_CASES = [
    ("level and change imply the other level",
     [("one", "There were 30 million users in 2024, up 5 million from the year before.",
       [("30 million", "count", 30e6, 29.95e6, 30.05e6, {}),
        ("5 million", "change", 5e6, 4.5e6, 5.5e6,
         {"direction": "increase", "base_period": "2023"})]),
      ("two", "The app had 20 million users in 2023.",
       [("20 million", "count", 20e6, 19.5e6, 20.5e6, {"period": "2023"})])],
     ("conflict", "derived", "Agency", "2023", "30M - 5M = 25M"), []),
    ("a daily rate gives the year",
     [("daily", "The line took about 100 calls a day in 2024.",
       [("about 100", "rate", 100, 97, 103, {"unit": "call per day"})]),
      ("yearly", "The line took 12,000 calls in 2024.",
       [("12,000", "count", 12000, 11999.5, 12000.5, {})]),
      ("yearly2", "The line took 36,500 calls in 2024.",
       [("36,500", "count", 36500, 36499.5, 36500.5, {})])],
     # another article states the 36,500 the rate implies: an agreement; the
     # 12,000 against it is the articles' own (stated) disagreement
     ("agreement", "derived", "Agency", "2024", "100 x 365 = 36,500"), ["yearly"]),
    ("a daily rate gives the year no article states",
     [("daily", "The line took about 100 calls a day in 2024.",
       [("about 100", "rate", 100, 97, 103, {"unit": "call per day"})]),
      ("yearly", "The line took 12,000 calls in 2024.",
       [("12,000", "count", 12000, 11999.5, 12000.5, {})])],
     ("conflict", "derived", "Agency", "2024", "100 x 365 = 36,500"), []),
    ("a share of another subject's total is a count",
     [("share", "Acme made up 60% of the 10 million reports in 2024.",
       [("60%", "percent", 60, 59.5, 60.5, {"subject": "Acme", "unit": "%"}),
        ("10 million", "count", 10e6, 9.5e6, 10.5e6, {})]),
      ("count", "Acme filed 3 million reports in 2024.",
       [("3 million", "count", 3e6, 2.5e6, 3.5e6, {"subject": "Acme"})])],
     ("conflict", "derived", "Acme", "2024", "60% x 10M = 6M"), []),
]


def test_a_change_per_day_is_no_change_of_a_yearly_count():
    """"13,213 vessels in 2024 against 26,434 the previous year" and "raise
    capacity by an additional six to eight vessels per day": levels and a
    change per something else are no two ends of one move, and the change
    is not the levels' difference either."""
    a = Story("one", "Only 13,213 vessels passed in 2024 against 26,434 the previous year. "
              "The works add six to eight vessels per day.", metric="vessel")
    a.claim("13,213", "count", 13213, 13212.5, 13213.5, unit="vessel")
    a.claim("26,434", "count", 26434, 26433.5, 26434.5, unit="vessel", period="2023")
    a.claim("six to eight", "change", 6, 6, 8, qualifier="range", unit="vessel per day",
            direction="increase", base_period="2023")
    b = Story("two", "Traffic fell to 13,000 vessels in 2024.", metric="vessel")
    b.claim("13,000", "count", 13000, 12500, 13500, unit="vessel")
    derived = [f for f in compare(everything(a, b)[0]) if f.basis == "derived"]
    assert not any("6" in f.derivation.split("=")[0] for f in derived), \
        [f.derivation for f in derived]


def test_another_subjects_count_is_no_total_of_a_share():
    """Two candidates' results: her 59% and his 6,189,002 votes are shares
    of one whole, and his count is no total of hers ("p% of the N" names the
    total; nothing else does)."""
    a = Story("tally", "She had 35,833,293 votes, or 59% of the votes cast. "
              "He received 6,189,002 votes.", metric="votes")
    a.claim("35,833,293", "count", 35833293, subject="Sheinbaum")
    a.claim("59%", "percent", 59, 58.5, 59.5, subject="Sheinbaum", unit="%")
    a.claim("6,189,002", "count", 6189002, subject="Maynez")
    assert [f for f in compare(a.claims) if f.basis == "derived"] == []


def test_levels_too_far_apart_imply_no_change():
    """Two levels keyed alike 30,000 times apart ("the estimate of 473,253
    from 14 analysts") are two quantities, not one at two periods
    (explain.toml [compare] key_max_ratio): their "change" is checked
    against nothing."""
    a = Story("wire", "Deliveries grew 11% and beat the estimate of 473,253 from 14 analysts.",
              metric="analyst")
    a.claim("11%", "pct_change", 11, 10.5, 11.5, direction="increase", unit="%",
            base_period="2023")
    a.claim("473,253", "count", 473253, period="2024")
    a.claim("14", "count", 14, period="2023")
    assert [f for f in compare(a.claims) if f.basis == "derived"] == []


def test_a_method_word_of_another_clause_keeps_no_second_value():
    """An article giving the actual figure and the one expected keeps only the
    one others give: the "adjusted" of the earnings-per-share clause says
    nothing of how the revenue after the semicolon was counted."""
    a = Story("wire", "Revenue was $18.4 billion in the quarter.", metric="revenue")
    a.claim("$18.4 billion", "amount", 18.4e9, 18.35e9, 18.45e9, unit="USD")
    b = Story("tv", "Earnings per share were $1.52 adjusted, versus $1.44 expected; revenue "
              "was $18.4 billion, versus $17.9 billion expected.", metric="revenue")
    b.claim("$18.4 billion", "amount", 18.4e9, 18.35e9, 18.45e9, unit="USD")
    b.claim("$17.9 billion", "amount", 17.9e9, 17.85e9, 17.95e9, unit="USD")
    conflicts, agreements = by_type(compare(a.claims + b.claims))
    assert conflicts == [] and len(agreements) == 1


def test_derived_case_table():
    for name, specs, want, absent in DERIVED_CASES:
        stories = []
        for source, sentence, claims in specs:
            story = Story(source, sentence)
            for quantity, kind, value, low, high, fields in claims:
                story.claim(quantity, kind, value, low, high, **fields)
            stories.append(story)
        [f] = [f for f in compare(everything(*stories)[0]) if f.basis == "derived"]
        assert (f.type, f.basis, f.subject, f.period, f.derivation) == want, name
        assert not set(absent) & set(f.sources), name


@pytest.mark.parametrize("count,value,flagged", [
    ("eight", 8, False),            # "topped 3 million a day eight times": two quantities
    ("3,000", 3000, False),         # 12x apart is no misstatement of 36,500 either ...
    ("36.5 million", 36.5e6, True),  # ... but a slip of scale is worth a finding
    ("30,000", 30000, True),        # and so is a plain disagreement
])
def test_a_derived_level_far_from_the_stated_one_is_another_quantity(count, value, flagged):
    daily = Story("daily", "The line took about 100 calls a day in 2024.")
    daily.claim("about 100", "rate", 100, 97, 103, unit="call per day")
    yearly = Story("yearly", f"The line took {count} calls in 2024.")
    yearly.claim(count, "count", value, value - 0.5, value + 0.5)
    derived = [f for f in compare(everything(daily, yearly)[0]) if f.basis == "derived"]
    assert bool(derived) == flagged


def test_a_yearly_rate_restated_as_a_count_is_checked_against_other_articles_only():
    """"1,600 people a year" x 1 is 1,600 in the year: against its own
    article's "about 260" (read with the same key) it would only set two of
    the article's figures against each other; another article's count of the
    year is still checked."""
    own = Story("own", "About 1,600 people fall ill each year and about 260 of them die.")
    own.claim("About 1,600", "rate", 1600, 1550, 1650, unit="people per year")
    own.claim("about 260", "count", 260, 250, 270, qualifier="approx")
    assert not [f for f in compare(everything(own)[0]) if f.basis == "derived"]
    other = Story("other", "Some 1,200 people fell ill in 2024.")
    other.claim("Some 1,200", "count", 1200, 1150, 1250, qualifier="approx")
    lone = Story("lone", "About 1,600 people fall ill each year.")
    lone.claim("About 1,600", "rate", 1600, 1550, 1650, unit="people per year")
    [f] = [f for f in compare(everything(lone, other)[0]) if f.basis == "derived"]
    assert f.sources == ["lone", "other"] and f.type == "conflict"


def test_percent_rise_is_a_multiple():
    a = Story("pct", "Fakes went up by 1,325% in 2024.", metric="fakes")
    a.claim("1,325%", "pct_change", 1325, 1324.5, 1325.5, direction="increase",
            base_period="2023")
    b = Story("times", "Fakes were about 14 times the year before in 2024.", metric="fakes")
    b.claim("about 14", "multiple", 14, 13.5, 14.5, direction="increase", base_period="2023",
            qualifier="approx")
    c = Story("wrong", "Fakes were three times the year before in 2024.", metric="fakes")
    c.claim("three", "multiple", 3, 3, 3, direction="", base_period="2023")
    found = compare(everything(a, b, c)[0])
    verdicts = {(f.type, tuple(f.sources)) for f in found if f.basis == "derived"}
    assert ("agreement", ("pct", "times")) in verdicts
    assert ("conflict", ("pct", "wrong")) in verdicts


def test_fuzzy_wording_groups_but_subsets_do_not():
    a = Story("one", "It counted 111 cases in 2024.")
    b = Story("two", "It counted 222 cases in 2024.")
    c = Story("three", "It counted 333 cases in 2024.")
    a.claim("111", "count", 111, metric="cyber tipline reports")
    b.claim("222", "count", 222, metric="cybertipline reports")
    c.claim("333", "count", 333, metric="reports")
    keys = claim_keys(everything(a, b, c)[0])
    assert keys["one-000011"][1] == keys["two-000011"][1] != keys["three-000011"][1]


def test_acronym_and_possessive_name_the_same_subject():
    assert norm_subject("The World Health Organization’s") == ("world health organization",)
    assert acronym_aliases({"world health organization", "who"}) == {
        "world health organization": "who"}
    assert norm_subject("Google; X") == ("google", "x")
    assert norm_metric("total reports") == norm_metric("report")


def test_finding_ids_are_stable_and_well_formed():
    claims, _ = everything(*hotline_stories())
    first = {f.finding_id: f.claims for f in compare(claims)}
    again = {f.finding_id: f.claims for f in compare(list(reversed(claims)))}
    assert first == again
    assert all(re.fullmatch(r"F-[0-9a-f]{6}", i) for i in first)


def test_colliding_ids_get_longer():
    class F:  # the two fields assign_ids and finding_digest read
        def __init__(self, claims):
            self.claims, self.type, self.basis, self.finding_id = claims, "conflict", "stated", ""
    fs = [F([str(i)]) for i in range(20000)]  # ~12 collisions expected among 6-digit ids
    assign_ids(fs)
    ids = [f.finding_id for f in fs]
    assert len(set(ids)) == len(ids)
    assert any(len(i) > 8 for i in ids)
    assert all(f.finding_id[2:] == finding_digest(f)[:len(f.finding_id) - 2] for f in fs)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["count", "pct_change", "change"]),
                          st.floats(0, 1e9, allow_nan=False),
                          st.sampled_from(["", "increase", "decrease"]),
                          st.sampled_from(["2023", "2024"])), max_size=12))
def test_a_single_source_never_yields_a_cross_source_finding(rows):
    a = Story("only", " ".join(f"Figure {i} here." for i in range(len(rows))))
    for i, (kind, v, d, p) in enumerate(rows):
        a.claim(f"Figure {i} ", kind, v, v * 0.99, v * 1.01, direction=d, period=p,
                base_period="2023" if kind != "count" else "")
    for f in compare(a.claims):
        assert f.basis == "derived" and f.sources == ["only"]


def test_articles_with_the_same_premises_make_one_derived_finding():
    """A second outlet repeating c_site's figures joins its derived finding
    instead of adding another that lists every other source again."""
    a, b, c = hotline_stories()
    copy = Story("d_copy", c.text, subject="Hotline", metric="complaints")
    for claim in c.claims:
        fields = {k: getattr(claim, k) for k in ("unit", "metric", "period", "direction",
                                                 "base_period", "qualifier")}
        copy.claim(claim.text, claim.kind, claim.value, claim.low, claim.high, **fields)
    conflicts, _ = by_type(compare(everything(a, b, c, copy)[0]))
    [derived] = [f for f in conflicts if f.basis == "derived"]
    premises = {e["source_id"] for e in derived.values if e["role"] == "premise"}
    assert premises == {"c_site", "d_copy"}
    assert {"c_site", "d_copy"} <= set(derived.sources)
    assert [e["source_id"] for e in derived.values if e["role"] == "derived"] == ["c_site"] * 2


def test_two_derivations_of_one_self_check_inconsistency_are_one_finding():
    a = Story("sloppy", "Cases rose from 100 in 2023 to 150 in 2024, an increase of 20%.",
              "The 20% rise worried officials.", subject="City", metric="cases")
    a.claim("100", "count", 100, period="2023")
    a.claim("150", "count", 150)
    for n in (0, 1):
        a.claim("20%", "pct_change", 20, 19.5, 20.5, nth=n, direction="increase",
                base_period="2023")
    [f] = compare(a.claims)
    assert f.claims == sorted(c.claim_id for c in a.claims)
    assert f.derivation == "(150 - 100) / 100 = 50%; 150 / (1 + 20%) = 125"
    assert [e["text"] for e in f.values if e["role"] == "derived"] == [
        "(150 - 100) / 100 = 50%", "150 / (1 + 20%) = 125"]


@pytest.mark.parametrize("name,place", [
    ("ohio department of health", "ohio"),
    ("oklahoma state department of health", "oklahoma"),
    ("texas department of state health services", "texas"),
    ("marston county health department", "marston county"),
    ("us department of labor", "us"),
    # a body named after no place, and a name that is no government body
    ("division of public health", "division of public health"),
    ("bureau of labor statistics", "bureau of labor statistics"),
    ("averill metro transit authority", "averill metro transit authority"),
    ("state department", "state department"),
])
def test_a_government_body_named_after_a_place_stands_for_it(name, place):
    assert jurisdiction(name) == place


def test_a_place_and_its_health_department_are_one_subject():
    assert norm_subject("Ohio Department of Health") == norm_subject("Ohio")
    assert norm_subject("Ohio Department of Health;Texas") == ("ohio", "texas")


def test_camps_within_a_conflict_are_agreements_too():
    """Three outlets on one running toll: two say 41, one says 23 (and "at
    least 23", open-ended, which must not join the 41s). The conflict holds
    all three; the two that say 41 also agree."""
    a = Story("a", "Officials said 23 people had died.", "At least 23 people were killed.",
              subject="Storm", metric="deaths")
    a.claim("23", "count", 23, unit="death")
    a.claim("At least 23", "count", 23, 23, INF, qualifier="at_least", unit="death")
    b = Story("b", "The toll rose to 41 on Thursday.", subject="Storm", metric="deaths")
    b.claim("41", "count", 41, unit="death")
    c = Story("c", "Forty-one people have died.", subject="Storm", metric="deaths")
    c.claim("Forty-one", "count", 41, unit="death")
    claims, _ = everything(a, b, c)
    findings = compare(claims)
    conflicts = [f for f in findings if f.type == "conflict"]
    agreements = [f for f in findings if f.type == "agreement"]
    assert len(conflicts) == 1 and conflicts[0].sources == ["a", "b", "c"]
    assert [f.sources for f in agreements] == [["b", "c"]]
    assert agreements[0].alignment == conflicts[0].alignment
    # two outlets that differ leave no camp of two
    assert [f.type for f in compare(everything(a, b)[0])] == ["conflict"]


def test_two_sources_giving_the_same_two_values_agree_on_each():
    """Both articles give 9 cases, 7 of them confirmed, under one key: the
    key's conflict stays, and each value both give is an agreement."""
    a = Story("a", "Kelso counts nine cases, seven of them confirmed.", subject="Kelso",
              metric="cases")
    a.claim("nine", "count", 9, unit="case")
    a.claim("seven", "count", 7, unit="case")
    b = Story("b", "There are 9 cases in Kelso: 7 confirmed.", subject="Kelso", metric="cases")
    b.claim("9", "count", 9, unit="case")
    b.claim("7", "count", 7, unit="case")
    findings = compare(everything(a, b)[0])
    agreed = sorted(tuple(sorted(f.values[0]["value"] for _ in f.sources)) for f in findings
                    if f.type == "agreement")
    assert [f.type for f in findings].count("conflict") == 1
    assert agreed == [(7, 7), (9, 9)]


def test_an_open_ended_floor_does_not_vouch_for_one_of_a_sources_two_figures():
    """One article gives 225 (Friday) and 227 (Saturday) for one key; another
    says 227, a third "at least 30": the floor agrees with no particular
    figure above it, so 225 is left out as the ambiguous reading."""
    a = Story("a", "The toll stood at 225 on Friday.", "It rose to 227 on Saturday.",
              subject="Storm Bo", metric="deaths")
    a.claim("225", "count", 225, 224.5, 225.5)
    a.claim("227", "count", 227, 226.5, 227.5)
    b = Story("b", "The toll reached 227.", subject="Storm Bo", metric="deaths")
    b.claim("227", "count", 227, 226.5, 227.5)
    c = Story("c", "At least 30 people died.", subject="Storm Bo", metric="deaths")
    c.claim("At least 30", "count", 30, 30, INF, qualifier="at_least")
    findings = compare(a.claims + b.claims + c.claims)
    assert not any(e["value"] == 225 for f in findings for e in f.values)


@pytest.mark.parametrize("rest, sound", [(42, False), (32, True)])
def test_the_rest_of_a_whole_is_the_whole_less_its_part(rest, sound):
    """"Marston accounts for 152 of the 184 cases; the remaining 42 are in
    Pell County": 184 - 152 = 32, so 42 is the article's own arithmetic error."""
    a = Story("a", f"Marston accounts for 152 of the 184 cases; the remaining {rest} are in "
              "Pell County.", subject="Ohio", metric="cases")
    a.claim("152", "count", 152, 151.5, 152.5, subject="Marston")
    a.claim("184", "count", 184, 183.5, 184.5)
    a.claim(str(rest), "count", rest, rest - 0.5, rest + 0.5, subject="Pell County")
    b = Story("b", f"Pell County has {rest} cases.", subject="Pell County", metric="cases")
    b.claim(str(rest), "count", rest, rest - 0.5, rest + 0.5)
    derived = [f for f in compare(a.claims + b.claims) if f.basis == "derived"]
    conflicts = [f for f in derived if f.type == "conflict"]
    assert bool(conflicts) != sound
    if conflicts:
        assert "184 - 152 = 32" in [e["text"] for e in conflicts[0].values]


def _pct_story(source, sentence, text, value, low, high, qualifier="exact"):
    s = Story(source, sentence, subject="US", metric="egg prices")
    s.claim(text, "pct_change", value, low, high, qualifier=qualifier, direction="increase",
            unit="%", base_period="2023")
    return s


def test_a_loosely_worded_figure_is_a_rounding_note_and_the_precise_ones_still_agree():
    a = _pct_story("a", "Eggs cost 27.3% more.", "27.3%", 27.3, 27.25, 27.35)
    b = _pct_story("b", "Eggs cost 27.3% more.", "27.3%", 27.3, 27.25, 27.35)
    c = _pct_story("c", "Eggs cost more than 27% more.", "more than 27%", 27, 27, INF,
                   qualifier="at_least")
    d = _pct_story("d", "Eggs cost nearly 30% more.", "nearly 30%", 30, 27, 30,
                   qualifier="nearly")
    conflicts, agreements = by_type(compare(a.claims + b.claims + c.claims + d.claims))
    assert [f.cause for f in conflicts] == ["rounding"]
    # "more than 27%" joins the 27.3s; it does not bridge them to "nearly 30%"
    assert {tuple(f.sources) for f in agreements} == {("a", "b", "c")}


def test_a_floor_met_by_a_different_figure_is_a_conflict_not_a_rounding_note():
    """"at least 367" and "381": the floor holds, but the articles give two
    figures (explain says why); "about 375" and "381" are a rounding."""
    a = _pct_story("a", "Eggs cost at least 367% more.", "at least 367%", 367, 367, INF,
                   qualifier="at_least")
    b = _pct_story("b", "Eggs cost 381% more.", "381%", 381, 380.5, 381.5)
    conflicts, _ = by_type(compare(a.claims + b.claims))
    assert len(conflicts) == 1 and conflicts[0].cause != "rounding"
    c = _pct_story("c", "Eggs cost about 375% more.", "about 375%", 375, 371, 379,
                   qualifier="approx")
    conflicts, _ = by_type(compare(c.claims + b.claims))
    assert [f.cause for f in conflicts] == ["rounding"]


def test_a_floor_of_one_digit_describes_the_figure_above_it():
    """"held over $200 billion in assets" / "$209 billion": a round floor is
    a description of the figure, not a second figure (a floor of more
    digits, "at least 367", still is)."""
    def assets(source, text, value, low, high, qualifier="exact"):
        s = Story(source, f"The bank held {text} in assets.", subject="SVB", metric="asset")
        s.claim(text, "amount", value, low, high, qualifier=qualifier, unit="USD")
        return s
    floor = assets("a", "over $200 billion", 200e9, 200e9, INF, qualifier="more_than")
    exact = assets("b", "$209 billion", 209e9, 208.5e9, 209.5e9)
    conflicts, agreements = by_type(compare(floor.claims + exact.claims))
    assert not conflicts and len(agreements) == 1


def test_a_clock_time_does_not_end_a_clause():
    """explain.toml [compare] clause_marks end a clause only before a space:
    "at 4:05 p.m." keeps "On an adjusted basis" in the figure's clause."""
    from pipeline.compare import own_clause
    s = Story("a", "On an adjusted basis, the company said at 4:05 p.m., it earned $1.52 a "
              "share; revenue was $18.4 billion.")
    assert own_clause(s.claim("$1.52", "amount", 1.52)).startswith("On an adjusted basis")
    assert own_clause(s.claim("$18.4 billion", "amount", 18.4e9)) == " revenue was $18.4 billion."


def test_two_roundings_meeting_at_an_edge_are_two_figures():
    """"about 3%" and "about 4%" of a workforce meet only where one's
    rounding ends and the other's begins, as "3%" and "4%" do: two figures,
    a conflict; "about 3%" and "3.4%" overlap: at most a rounding note."""
    def share(source, text, value, low, high, qualifier):
        s = Story(source, f"The cuts are {text} of its staff.", subject="Corvane",
                  metric="worker")
        return s.claim(text, "percent", value, low, high, qualifier=qualifier, unit="%")
    three = share("a", "about 3%", 3, 2.5, 3.5, "approx")
    conflicts, _ = by_type(compare([three, share("b", "about 4%", 4, 3.5, 4.5, "approx")]))
    assert len(conflicts) == 1
    conflicts, _ = by_type(compare([three, share("c", "3.4%", 3.4, 3.35, 3.45, "exact")]))
    assert [f.cause for f in conflicts] in ([], ["rounding"])


def test_a_range_holding_another_figure_brackets_it():
    """explain.toml [tolerance] bracketing: "between 9.9% and 10.8%" (a quick
    count's interval) and the 10.3% counted later are an estimate and the
    figure inside it, no conflict; a figure outside the range still is."""
    def share(source, text, value, low, high, qualifier="exact"):
        s = Story(source, f"He won {text} of the vote.", subject="Maynez", metric="vote")
        return s.claim(text, "percent", value, low, high, qualifier=qualifier, unit="%")
    quick = share("quick", "between 9.9% and 10.8%", 9.9, 9.9, 10.8, qualifier="range")
    final = share("final", "10.3%", 10.3, 10.25, 10.35)
    conflicts, agreements = by_type(compare([quick, final]))
    assert conflicts == [] and [f.sources for f in agreements] == [["final", "quick"]]
    outside = share("outside", "11.4%", 11.4, 11.35, 11.45)
    conflicts, _ = by_type(compare([quick, outside]))
    assert len(conflicts) == 1


@pytest.mark.parametrize("a, b, cause", [
    # two whole counts stated to the unit: neither rounds the other
    (("524", 524, 0.5), ("517", 517, 0.5), ""),
    (("56,649", 56649, 0.5), ("56,640", 56640, 0.5), ""),
    # ... nor do two figures written to the same place, however few digits
    (("79", 79, 0.5), ("78", 78, 0.5), ""),
    (("156.3 million", 156.3e6, 0.05e6), ("153.6 million", 153.6e6, 0.05e6), ""),
    # a round figure a little off another is still a rounding note
    (("56,000", 56000, 500), ("56,649", 56649, 0.5), "rounding"),
    (("10.5 million", 10.5e6, 0.05e6), ("10.62 million", 10.62e6, 0.005e6), "rounding"),
])
def test_a_gap_between_precise_whole_counts_is_no_rounding(a, b, cause):
    """explain.toml [tolerance] precise_digits: the 2% slack of a rounding
    note is for figures that round."""
    claims = []
    for source, (text, value, half) in zip("ab", (a, b)):
        s = Story(source, f"The agency counted {text} deaths in 2024.", subject="Rivaland",
                  metric="death")
        claims.append(s.claim(text, "count", value, value - half, value + half, unit="death"))
    conflicts, _ = by_type(compare(claims))
    assert len(conflicts) == 1 and conflicts[0].cause == cause


@pytest.mark.parametrize("a, b, cause", [
    # two rates written to the same decimal: neither rounds the other
    (("19.6%", 19.6, 19.55, 19.65), ("19.7%", 19.7, 19.65, 19.75), ""),
    # one written to a coarser place is a rounding apart
    (("27%", 27, 26.5, 27.5), ("27.6%", 27.6, 27.55, 27.65), "rounding"),
])
def test_percentages_written_to_the_same_decimal_are_no_rounding(a, b, cause):
    stories = [_pct_story(source, f"Youth unemployment was {text} in March.", text, v, lo, hi)
               for source, (text, v, lo, hi) in zip("ab", (a, b))]
    conflicts, _ = by_type(compare(stories[0].claims + stories[1].claims))
    assert [f.cause for f in conflicts] == ([cause] if cause else [""])


@pytest.mark.parametrize("loose, precise, agree", [
    (("10%", 10, 9.5, 10.5, "exact"), ("10.3%", 10.3, 10.25, 10.35), 1),  # a figure, its rounding
    # a floor far below: compatible, no conflict, but no figure two articles confirm
    (("above 95", 95, 95, INF, "at_least"), ("227", 227, 226.5, 227.5), 0),
])
def test_rounding_stays_an_agreement_and_a_far_floor_no_conflict(loose, precise, agree):
    text, v, lo, hi, q = loose
    a = _pct_story("a", f"Eggs cost {text} more.", text, v, lo, hi, qualifier=q)
    b = _pct_story("b", f"Eggs cost {precise[0]} more.", *precise)
    conflicts, agreements = by_type(compare(a.claims + b.claims))
    assert not conflicts and len(agreements) == agree


def test_an_adjusted_result_keeps_its_word_in_the_key():
    """"adjusted gross margin" (a company's non-GAAP figure) is not the
    reported "gross margin"; the seasonal sense never reaches the key (the
    metric leaves "seasonally adjusted" out)."""
    assert norm_metric("adjusted gross margin") != norm_metric("gross margin")


def test_a_conflict_takes_in_no_figure_whose_agreement_states_more_than_it():
    """An agreement whose texts both state a dimension the conflict's own
    figures do not (both say "at an annual rate"): its articles do not join
    the conflict's side (a labelled annual rate against a bare quarterly
    figure is no disagreement)."""
    conflict, agreement, (cc,) = city_sizes(
        ("three", "Around 7.5 million", 7.5e6, 7.45e6, 7.55e6, "approx"))
    agreement.alignment = {"score": 0.8, "reasons": [], "stated": ("window:year",)}
    [f, _] = take_in_agreeing([conflict, agreement])
    assert f.sources == ["one", "two"] and cc.claim_id not in f.claims
    conflict.alignment["stated"] = ("window:year",)  # the conflict states it too: it joins
    [f, _] = take_in_agreeing([conflict, agreement])
    assert f.sources == ["one", "three", "two"]


def test_a_floor_on_a_length_of_time_agrees_with_a_figure_above_it():
    """"ran for more than three hours" and "its 3.5-hour set": a length of
    time described loosely, not two tallies (as "at least 367" dead and
    "381" are)."""
    a = Story("a", "Each show ran for more than three hours.", subject="Tour", metric="show")
    b = Story("b", "Each show had a 3.5-hour set.", subject="Tour", metric="show")
    a.claim("more than three", "count", 3, 3, INF, qualifier="more_than", unit="hour")
    b.claim("3.5-hour", "count", 3.5, 3.45, 3.55, unit="hour")
    conflicts, agreements = by_type(compare(a.claims + b.claims))
    assert not conflicts and len(agreements) == 1


def test_agreements_sharing_a_figure_are_one():
    """"21%" in two articles by key, the same 21% and a third article's by
    frames: one agreement naming all three; so for one article's value
    written twice ("$221M" in its headline, "$221 million" in its text); not
    when a figure of one does not state the other's value."""
    texts = (("one", "21%", 21), ("two", "21%", 21), ("three", "21 percent", 21),
             ("four", "34%", 34), ("two", "21 per cent", 21), ("five", "more than 20%", 20))
    stories = {src: Story(src, f"The fire was {t} contained.") for src, t, _ in texts[:4]}
    stories["two"] = Story("two", "The fire was 21% contained. It is 21 per cent contained.")
    stories["five"] = Story("five", "The fire was more than 20% contained.")
    a, b, c, d, b2 = [stories[src].claim(t, "percent", v, v - 0.5, v + 0.5, unit="%")
                      for src, t, v in texts[:5]]
    e = stories["five"].claim("more than 20%", "percent", 20, 20, INF, unit="%",
                              qualifier="more_than")

    def agree(*cs):
        return make_finding("agreement", "stated", list(cs), [entry(x) for x in cs], list(cs))
    [f] = join_agreements([agree(a, b), agree(b, c)])
    assert f.sources == ["one", "three", "two"] and set(f.claims) == {a.claim_id, b.claim_id,
                                                                       c.claim_id}
    [f] = join_agreements([agree(a, b), agree(b2, c)])  # one article's 21% written twice
    assert f.sources == ["one", "three", "two"]
    assert len(join_agreements([agree(a, b), agree(b, d)])) == 2  # (not one value: no merge)
    assert len(join_agreements([agree(a, b), agree(b, e)])) == 2  # a floor states no value
    # one article's 21% in agreements of two metrics: two quantities, kept apart
    other = agree(b2, c)
    other.metric = "humidity"
    assert len(join_agreements([agree(a, b), other])) == 2
    # past the limit only the extremes from different articles are compared
    assert len(join_agreements([agree(a, b), agree(b, c)], limit=2)) == 1
    assert len(join_agreements([agree(a, b), agree(b, e)], limit=2)) == 2


def test_a_length_of_time_is_no_count_of_things():
    """Counts share a key whatever noun they count ("reports", "tips"), but
    not a count of units of time: "over one month to go" and "one million
    tickets" are two quantities, as are "three years" and "two months"."""
    a = Story("one", "It had sold one million tickets with over one month to go.",
              subject="FIFA", metric="ticket")
    b = Story("two", "FIFA has sold 1.5 million tickets.", subject="FIFA", metric="ticket")
    tickets = a.claim("one million", "count", 1e6, unit="ticket")
    month = a.claim("one month", "count", 1, unit="month")
    other = b.claim("1.5 million", "count", 1.5e6, unit="ticket")
    claims, _ = everything(a, b)
    keys = claim_keys(claims)
    assert keys[tickets.claim_id] == keys[other.claim_id] != keys[month.claim_id]
    found = compare(claims)
    assert [f for f in found if f.type == "conflict" and other.claim_id in f.claims]
    assert not [f for f in found if month.claim_id in f.claims]


def _subject_names(*named: tuple[str, str]) -> dict[str, str]:
    """canonical.subject_map over one-claim stories: (subject, sentence) each."""
    from pipeline.attribution.canonical import subject_map
    stories = []
    for n, (subject, sentence) in enumerate(named):
        s = Story(f"s{n}", sentence, subject=subject)
        s.claim("$", "amount", 1, unit="USD", metric="cost")
        stories.append(s)
    return subject_map(everything(*stories)[0])


def test_names_that_differ_by_a_number_stay_apart():
    """"Chandrayaan-2" and "Chandrayaan-3" spell alike and name two missions,
    nor do they meet through a short name both start with."""
    names = _subject_names(("Chandrayaan-3", "Chandrayaan-3 cost $75 million."),
                           ("Chandrayaan-2", "Chandrayaan-2 cost $96.5 million."),
                           ("Chandrayaan 3", "Chandrayaan 3 cost $75 million."))
    assert names["Chandrayaan-2"] != names["Chandrayaan-3"] == names["Chandrayaan 3"]
    names = _subject_names(("Chandrayaan 2 mission", "Chandrayaan 2 mission cost $96 million."),
                           ("Chandrayaan 3 mission", "Chandrayaan 3 mission cost $75 million."),
                           ("Chandrayaan", "Chandrayaan cost $75 million."))
    assert names["Chandrayaan 2 mission"] != names["Chandrayaan 3 mission"]


def test_names_that_swap_a_word_stay_apart_and_spelling_variants_meet():
    """"US Census Bureau" / "UK Census Bureau" spell alike and name two
    bodies (synonyms.toml [fuzzy] word_edits); "President Zelenskyy" /
    "President Zelensky" are one man spelt two ways."""
    names = _subject_names(("US Census Bureau", "The US Census Bureau cost $1 billion."),
                           ("UK Census Bureau", "The UK Census Bureau cost $1 billion."))
    assert names["US Census Bureau"] != names["UK Census Bureau"]
    names = _subject_names(("President Zelenskyy", "President Zelenskyy spent $1 billion."),
                           ("President Zelensky", "President Zelensky spent $1 billion."))
    assert names["President Zelenskyy"] == names["President Zelensky"]
    # two letters swapped is one edit; a short word may stand for a long one
    names = _subject_names(("National Theatre", "The National Theatre cost $1 billion."),
                           ("National Theater", "The National Theater cost $1 billion."),
                           ("Fort Worth Police", "Fort Worth Police cost $1 billion."),
                           ("Ft Worth Police", "Ft Worth Police cost $1 billion."))
    assert names["National Theatre"] == names["National Theater"]
    assert names["Fort Worth Police"] == names["Ft Worth Police"]


@pytest.mark.parametrize("keys, merged", [
    (["male worker", "female worker"], False),     # another word, not a spelling
    (["national regular gas average", "national regular gasoline average"], True),
])
def test_metric_wordings_that_swap_a_word_stay_apart(keys, merged):
    m = _metric_names(keys)
    assert (m[keys[0]] == m[keys[1]]) is merged


def _metric_names(keys: list[str]) -> dict[str, str]:
    """canonical.metric_map over one-claim stories, one per key."""
    from pipeline.attribution.canonical import metric_map
    stories = []
    for n, k in enumerate(keys):
        s = Story(f"s{n}", "It counted 5 of them.", metric=k)
        s.claim("5", "count", 5)
        stories.append(s)
    return metric_map(everything(*stories)[0])


def test_moods_keep_metric_wordings_apart():
    """A metric asked for and one only possible never merge however alike
    their words ("... (proposed)" / "... (possible)")."""
    keys = ["domestic box office ticket sale (proposed)", "domestic box office ticket sale (possible)"]
    m = _metric_names(keys)
    assert m[keys[0]] != m[keys[1]]


def test_a_change_worked_out_from_an_outvoted_figure_is_no_conflict():
    """An article's 2024 level that two other articles contradict (200 against
    their 120) is already a stated conflict; the rise it implies with its own
    2023 level (100%) is not also set against a third article's 20%. With
    only one article against it, the figure is not outvoted and the derived
    check stands."""
    def stories(n_against: int):
        a = Story("a", "It counted 100 cases in 2023 and 200 cases in 2024.")
        a.claim("100", "count", 100, period="2023")
        a.claim("200", "count", 200)
        against = []
        for i in range(n_against):
            s = Story(f"b{i}", "It counted 120 cases in 2024.")
            s.claim("120", "count", 120)
            against.append(s)
        d = Story("d", "Cases rose 20% in 2024.")
        d.claim("20%", "pct_change", 20, 19.5, 20.5, direction="increase", base_period="2023")
        return compare(everything(a, *against, d)[0])

    def derived(found):
        return [f for f in found if f.basis == "derived" and f.type == "conflict"
                and "d" in f.sources]

    outvoted = stories(2)
    assert [f for f in outvoted if f.basis == "stated" and f.type == "conflict"]
    assert not derived(outvoted)
    assert derived(stories(1))


def test_figures_that_meet_only_through_open_ends_are_not_one_agreement():
    """"more than 187,000" twice and "more than 560,000" twice: the floors
    overlap, but two figures are printed, so the agreement is each camp
    that states one value in two articles, never the four together."""
    texts = (("a", "more than 187,000", 187_000), ("b", "more than 187,000", 187_000),
             ("c", "more than 560,000", 560_000), ("d", "more than 560,000", 560_000))
    claims = [Story(src, f"The campaign reached {t} children.", subject="Gaza",
                    metric="child").claim(t, "count", v, v, INF, qualifier="more_than")
              for src, t, v in texts]
    conflicts, agreements = by_type(compare(claims))
    assert not conflicts
    assert sorted(tuple(f.sources) for f in agreements) == [("a", "b"), ("c", "d")]
    # one article alone at a figure confirms nothing: only the pair is kept
    conflicts, agreements = by_type(compare(claims[:3]))
    assert [f.sources for f in agreements] == [["a", "b"]]


@pytest.mark.parametrize("floor, other, conflict", [
    (("at least 78", 78), ("79", 79), True),      # two tallies written to the unit
    (("at least 78", 78), ("78", 78), False),     # one tally
    (("more than 1,200", 1200), ("1,210", 1210), False),  # round figures: one value
])
def test_a_floor_and_a_close_count_to_the_unit_are_two_tallies(floor, other, conflict):
    """"At least 78 dead" and "79 dead": frames.toml agree_rounding lets
    "more than 27%" state 27.3%, but a count of whole things written to the
    unit does not round into its neighbour (compare._to_the_unit)."""
    a = Story("a", f"The shipwreck left {floor[0]} dead.", subject="Greece", metric="death")
    b = Story("b", f"The shipwreck left {other[0]} dead.", subject="Greece", metric="death")
    a.claim(floor[0], "count", floor[1], floor[1], INF, qualifier="at_least")
    b.claim(other[0], "count", other[1], other[1] - 0.5, other[1] + 0.5)
    conflicts, agreements = by_type(compare(a.claims + b.claims))
    assert (len(conflicts), len(agreements)) == ((1, 0) if conflict else (0, 1))


def test_a_stated_range_still_agrees_with_the_figures_inside_it():
    """compare.stated_findings splits only agreements made through an open
    end: "between 10,000 and 20,000" holds 12,000, far from its middle."""
    texts = (("a", "between 10,000 and 20,000", 15_000, 10_000, 20_000, "range"),
             ("b", "12,000", 12_000, 11_500, 12_500, "exact"))
    claims = [Story(src, f"The crowd was {t} people.", subject="City", metric="crowd")
              .claim(t, "count", v, lo, hi, qualifier=q) for src, t, v, lo, hi, q in texts]
    conflicts, agreements = by_type(compare(claims))
    assert not conflicts and [f.sources for f in agreements] == [["a", "b"]]



def test_a_key_that_names_only_a_length_of_time_gives_a_possible_conflict_only():
    """"Over 12 years after the quake" / "to continue for about 30 years":
    a key whose metric is only a word of time says how long, not what lasted;
    two such figures may be two quantities, so a conflict is weak (explain
    makes it a low "possible conflict"). A key naming what lasted is not."""
    def pair(metric):
        a = Story("one", "Over 12 years after the quake, the plant still stands.", metric=metric)
        a.claim("12", "count", 12, 11.5, 12.5, unit="year")
        b = Story("two", "The release will continue for about 30 years.", metric=metric)
        b.claim("about 30", "count", 30, 27, 33, unit="year", qualifier="approx")
        return [f for f in compare(everything(a, b)[0]) if f.type == "conflict"]
    [weak] = pair("year")
    assert weak.alignment["weak"]
    assert any("length of time" in r for r in weak.alignment["reasons"])
    [firm] = pair("release")
    assert not firm.alignment.get("weak")


def test_a_key_conflict_between_a_monthly_and_an_annual_figure_is_no_finding():
    """"Monthly inflation was 25.5%" / "annual inflation of 211.4%": one key
    (the window words are no metric words), two comparison windows the texts
    state: different quantities, not a conflict. The same window stated on
    both sides, or on one only, still conflicts."""
    def pair(first, second):
        a = Story("one", f"{first} inflation was 25.5% in December.", subject="Argentina",
                  metric="inflation", period="2023-12")
        a.claim("25.5%", "percent", 25.5, 25.45, 25.55, unit="%")
        b = Story("two", f"The country reported {second} inflation of 211.4% on Thursday.",
                  subject="Argentina", metric="inflation", period="2023-12")
        b.claim("211.4%", "percent", 211.4, 211.35, 211.45, unit="%")
        return [f for f in compare(everything(a, b)[0]) if f.type == "conflict"]
    assert pair("Monthly", "annual") == []
    assert len(pair("Annual", "annual")) == 1
    assert len(pair("Headline", "annual")) == 1


@pytest.mark.parametrize("first, second, conflicts", [
    # an average and a peak of one audience are two quantities ...
    ("The coronation drew an average audience of 18.8 million",
     "Viewing of the coronation peaked at 20.4 million", 0),
    ("Output averaged 18.8 million barrels a day", "Output reached a peak of 20.4 million", 0),
    # ... the same summary on both sides, or one stated on one side only,
    # still conflicts
    ("The coronation drew an average audience of 18.8 million",
     "The coronation drew an average audience of 20.4 million", 1),
    ("The coronation drew an audience of 18.8 million",
     "Viewing of the coronation peaked at 20.4 million", 1),
    # a summary elsewhere in the sentence is not the figure's
    ("The state drew 18.8 million visitors, with traffic peaking after totality",
     "The state drew 20.4 million visitors, spending an average of 50 dollars each", 1),
])
def test_a_key_conflict_between_an_average_and_a_peak_is_no_finding(first, second, conflicts):
    assert _key_conflicts(f"{first} on Saturday.", ("18.8 million", 18.8e6, 0.05e6),
                          f"{second} on Saturday.", ("20.4 million", 20.4e6, 0.05e6),
                          kind="count", unit="viewer", subject="UK", metric="viewer",
                          period="2023-05") == conflicts


def _key_conflicts(first: str, one: tuple, second: str, other: tuple, kind: str, unit: str,
                   **story) -> int:
    """How many conflicts compare raises between two one-claim stories of
    one key: ``one`` / ``other`` are (text, value, half its precision)."""
    stories = []
    for name, sentence, (text, value, half) in (("one", first, one), ("two", second, other)):
        s = Story(name, sentence, **story)
        s.claim(text, kind, value, value - half, value + half, unit=unit)
        stories.append(s)
    return len([f for f in compare(everything(*stories)[0]) if f.type == "conflict"])


@pytest.mark.parametrize("first, second, conflicts", [
    # a figure for each of several things is not their total ...
    ("Nord Stream said the pipelines each held 300 million cubic metres of gas",
     "Gazprom said there were about 800 million cubic metres of gas in the three lines", 0),
    ("The two lines held 300 million cubic metres of gas each",
     "Gazprom said there were about 800 million cubic metres of gas in the three lines", 0),
    # ... "each" on both sides, or a time word after it, still conflicts
    ("Nord Stream said the pipelines each held 300 million cubic metres of gas",
     "Gazprom said the lines each held 800 million cubic metres of gas", 1),
    # ... and so does "each other", which is no figure for each of several
    ("Russia and Ukraine accused each other of killing 300 million cubic metres of gas",
     "Gazprom said there were about 800 million cubic metres of gas in the three lines", 1),
    ("Each year 300 million cubic metres of gas leak",
     "Gazprom said about 800 million cubic metres of gas leak every year", 1),
])
def test_a_key_conflict_between_a_figure_for_each_and_a_total_is_no_finding(first, second,
                                                                            conflicts):
    assert _key_conflicts(f"{first} on Tuesday.", ("300 million cubic metres", 300e6, 0.5e6),
                          f"{second} on Tuesday.", ("800 million cubic metres", 800e6, 0.5e6),
                          kind="amount", unit="m3", subject="Nord Stream", metric="gas",
                          period="2022") == conflicts


def test_a_name_and_the_same_name_numbered_stay_apart():
    """"Nord Stream" / "Nord Stream 2" spell alike; the number names one of
    its kind (the pipeline's second line), as "Chandrayaan-3" does."""
    names = _subject_names(("Nord Stream", "Nord Stream cost $1 billion."),
                           ("Nord Stream 2", "Nord Stream 2 cost $1 billion."))
    assert names["Nord Stream"] != names["Nord Stream 2"]
    # (a number inside a word is no such name: "COVID-19" and "Covid" meet)
    names = _subject_names(("COVID-19 Response Team", "COVID-19 Response Team cost $1 billion."),
                           ("Covid Response Team", "Covid Response Team cost $1 billion."))
    assert names["COVID-19 Response Team"] == names["Covid Response Team"]
