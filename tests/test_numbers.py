"""The text-only figure scanner (pipeline.numbers): how each way of writing a
figure is read. Case table: (text, [(quantity text, value, low, high, qualifier)])."""
from __future__ import annotations

import math

import pytest

from pipeline.numbers import find_quantities
from pipeline.numwords import words_value

INF = math.inf

CASES = [
    # separators, decimals, scale words and abbreviations
    ("1,234,567", [("1,234,567", 1234567, 1234566.5, 1234567.5, "exact")]),
    ("29.2 million", [("29.2 million", 29.2e6, 29.15e6, 29.25e6, "exact")]),
    ("$3.5bn", [("$3.5bn", 3.5e9, 3.45e9, 3.55e9, "exact")]),
    ("10k", [("10k", 1e4, 9.5e3, 1.05e4, "exact")]),
    ("£5m", [("£5m", 5e6, 4.5e6, 5.5e6, "exact")]),
    ("1.2 trillion", [("1.2 trillion", 1.2e12, 1.15e12, 1.25e12, "exact")]),
    ("40 000", [("40 000", 4e4, 3.5e4, 4.5e4, "exact")]),
    ("56,000", [("56,000", 56000, 55500, 56500, "exact")]),
    # words
    ("thirteen", [("thirteen", 13, 12.5, 13.5, "exact")]),
    ("a million", [("a million", 1e6, 5e5, 1.5e6, "exact")]),
    ("two-thirds", [("two-thirds", 2 / 3, 2 / 3, 2 / 3, "exact")]),
    ("half a dozen", [("half a dozen", 6, 6, 6, "exact")]),
    ("a couple of hundred", [("a couple of hundred", 200, 150, 250, "exact")]),
    ("twenty-one trillion three hundred", [("twenty-one trillion three hundred", 21e12 + 300, 21e12 + 250, 21e12 + 350, "exact")]),
    ("five and a half million", [("five and a half million", 5.5e6, 5.5e6, 5.5e6, "exact")]),
    ("nine point nought four", [("nine point nought four", 9.04, 9.035, 9.045, "exact")]),
    # fractions, negatives, exponents
    ("3/4", [("3/4", 0.75, 0.75, 0.75, "exact")]),
    ("2 1/4", [("2 1/4", 2.25, 2.25, 2.25, "exact")]),
    ("½", [("½", 0.5, 0.5, 0.5, "exact")]),
    ("-4.5", [("-4.5", -4.5, -4.55, -4.45, "exact")]),
    ("minus five", [("minus five", -5, -5.5, -4.5, "exact")]),
    ("1.3e6", [("1.3e6", 1.3e6, 1.3e6, 1.3e6, "exact")]),
    ("one in five", [("one in five", 0.2, 0.2, 0.2, "exact")]),
    # percent and points
    ("19%", [("19%", 19, 18.5, 19.5, "exact")]),
    ("7.3 per cent", [("7.3 per cent", 7.3, 7.25, 7.35, "exact")]),
    ("3 percentage points", [("3 percentage points", 3, 2.5, 3.5, "exact")]),
    # qualifiers
    ("about 29.2 million", [("about 29.2 million", 29.2e6, 28.9e6, 29.5e6, "approx")]),
    ("nearly 100", [("nearly 100", 100, 97, 100, "nearly")]),
    ("more than 83,000", [("more than 83,000", 83000, 83000, INF, "more_than")]),
    ("at least 36", [("at least 36", 36, 36, INF, "at_least")]),
    ("fewer than a million", [("fewer than a million", 1e6, 0, 1e6, "less_than")]),
    ("up to 700", [("up to 700", 700, 0, 700, "at_most")]),
    ("200 or more", [("200 or more", 200, 200, INF, "at_least")]),
    # ranges: stated bounds
    ("between 20 and 30", [("between 20 and 30", 20, 20, 30, "range")]),
    ("20 to 30", [("20 to 30", 20, 20, 30, "range")]),
    ("20-30", [("20-30", 20, 20, 30, "range")]),
    ("5 to 7 million", [("5 to 7 million", 5e6, 5e6, 7e6, "range")]),
    ("more than 10 and less than 40", [("more than 10 and less than 40", 10, 10, 40, "range")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_reading(text, expected):
    got = [(q.text, q.value, q.low, q.high, q.qualifier) for q in find_quantities(text)]
    assert len(got) == len(expected), got
    for g, e in zip(got, expected):
        assert g[0] == e[0] and g[4] == e[4], got
        for a, b in zip(g[1:4], e[1:4]):
            assert a == b or math.isclose(a, b, rel_tol=1e-9), got


def test_fiscal_year_is_not_a_range():
    qs = find_quantities("in fiscal 2012-13")
    assert all(q.qualifier != "range" and q.role == "year" for q in qs)


def test_from_to_after_change_word_is_two_levels():
    qs = find_quantities("dropped from 36.2 million to 20.5 million")
    assert [(q.role, q.qualifier) for q in qs] == [("from", "exact"), ("to", "exact")]


def test_from_to_without_change_word_is_a_range():
    qs = find_quantities("The range is from 200 to 300.")
    assert [(q.qualifier, q.low, q.high) for q in qs] == [("range", 200, 300)]


@pytest.mark.parametrize("text", ["the third quarter", "5G networks", "hundreds", "numbered in the hundreds more",
                                  "his millions were spent"])
def test_named_or_bare_plural_words_are_no_figures(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, low, high", [
    ("hundreds of people", 200, 999), ("dozens of homes", 24, 99),
    ("tens of thousands of fans", 20000, 99999),
    # alone, before "more" or a verb (numbers.toml [vague_alone]): still the interval, never 100
    ("hundreds more", 200, 999), ("Dozens were injured", 24, 99), ("Millions watched", 2e6, 9999999),
])
def test_vague_amounts_are_intervals(text, low, high):
    [q] = find_quantities(text)
    assert (q.qualifier, q.low, q.high) == ("range", low, high)


def test_words_value():
    assert words_value("one hundred and sixty-one") == 161
    assert words_value("not a number") is None


@pytest.mark.parametrize("text,figure,currency,unit", [
    ("Rs 500 crore", "Rs 500 crore", "INR", ""),
    ("CHF 20 million", "CHF 20 million", "CHF", ""),
    ("5 billion yuan", "5 billion yuan", "CNY", ""),
    ("40 cents", "40 cents", "USc", ""),
    ("it hit 40°C", "40°C", "", "degC"),
    ("1.5 million barrels per day", "1.5 million barrels per day", "", "bbl/d"),
    ("Cars 500", "500", "", ""),          # "rs" inside a word is no rupee sign
])
def test_money_and_units(text, figure, currency, unit):
    (q,) = find_quantities(text)
    assert (q.text, q.currency, q.unit) == (figure, currency, unit)


@pytest.mark.parametrize("text,unit", [
    ("Boar's Head is recalling approximately 207,528 pounds of products.", "lb"),
    ("The recall grew to 7 million pounds of ready-to-eat meat.", "lb"),
    ("Police seized 40 pounds of cocaine.", "lb"),
    ("The race raised 1.3 billion pounds for charity.", "GBP"),
    ("The council spent 2 billion pounds of taxpayers' money.", "GBP"),
    ("Ministers found 500 million pounds of new funding.", "GBP"),
    ("A bonus of 3,000 pounds was paid.", "GBP"),
    # a headline's capitals, a curly apostrophe, "of which"
    ("Recall Of 7 Million Pounds Of Deli Meat Expands", "lb"),
    ("They spent 5 million pounds of the public’s money.", "GBP"),
    ("A fine of 200 pounds, of which half was suspended.", "GBP"),
])
def test_pounds_of_goods_weigh_and_pounds_of_money_pay(text, unit):
    q = find_quantities(text)[0]
    assert (q.unit or q.currency) == unit


@pytest.mark.parametrize("text,units", [
    # a bare "pounds" weighs where the text's other pounds weigh ...
    ("The recall grew to 7 million pounds of deli meat. When it began last week it covered "
     "207,528 pounds.", ["lb", "lb"]),
    ("The recall grew to 7m pounds of deli meat. At first it covered 207,528 pounds.",
     ["lb", "lb"]),
    # ... not where one of them is money, or the text writes "£"
    ("Police seized 40 pounds of cocaine worth 2 million pounds of cash. It was 40 pounds.",
     ["lb", "GBP", "GBP"]),
    ("The shop sold 500 pounds of beef. The £5 fee came to 200 pounds.", ["lb", "GBP", "GBP"]),
    # ... and nothing else read as pounds says so
    ("The fine was 200 pounds.", ["GBP"]),
])
def test_a_bare_pound_weighs_where_the_texts_pounds_do(text, units):
    assert [q.unit or q.currency for q in find_quantities(text)] == units
