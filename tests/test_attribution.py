"""Attribution (normalize stage): gold scores, case tables, cross-article merging."""
from dataclasses import replace

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import extract_claims
from pipeline.attribution.canonical import canonicalize
from pipeline.attribution.period import before_lead, shift
from pipeline.attribution.subject import abbreviates, learn_acronyms, learn_stand_ins, norm_name
from pipeline.model import Claim
from tests import attribution_scorer as scorer

DATA = scorer.HERE / "data"


def test_sample_articles_meet_the_gold_targets():
    result = scorer.run()
    assert result["matched"] == result["gold"], "extractor lost gold claims"
    assert result["overall"] >= 0.90, result["errors"]
    for field, acc in result["fields"].items():
        assert acc >= 0.80, (field, result["errors"])


def test_unseen_topic_articles_stay_good():
    result = scorer.run(DATA / "attribution_unseen_gold.csv", DATA / "attribution_unseen")
    assert result["overall"] >= 0.85, result["errors"]
    assert result["fields"]["subject"] >= 0.9
    for field, acc in result["fields"].items():
        assert acc >= 0.70, (field, result["errors"])


@pytest.mark.parametrize("name", ["attribution_blind", "attribution_blind2"])
def test_blind_sets_stay_good(name):
    # written after the code, then used to find generic fixes (first runs:
    # health statistics 40%, city crime figures 66%)
    result = scorer.run(DATA / f"{name}_gold.csv", DATA / name)
    assert result["overall"] >= 0.85, result["errors"]
    assert result["fields"]["subject"] == 1.0


def test_scorer_fails_on_wrong_attribution():
    gold = scorer.load_gold(scorer.GOLD)
    claims = [Claim(claim_id="x", source_id=g["source_id"], sentence="", start_char=g["start_char"],
                    end_char=g["end_char"], text=g["text"], kind="count", value=1, low=1, high=1,
                    metric="same", subject="Nobody", period="1999") for g in gold]
    result = scorer.score(gold, claims)
    assert result["fields"]["subject"] < 0.1
    assert result["fields"]["metric"] < 0.5
    assert result["overall"] < 0.5


@pytest.mark.parametrize("text, acronyms", [
    ("The National Center for Missing and Exploited Children (NCMEC) said",
     {"national center for missing and exploited children": "NCMEC"}),
    ("the National Center for Missing & Exploited Children (NCMEC) launched",
     {"national center for missing and exploited children": "NCMEC"}),
    ("The Bureau of Labor Statistics (BLS) said", {"bureau of labor statistics": "BLS"}),
    ("Northwind Foods Inc. (NWF) reported", {"northwind foods": "NWF"}),
    ("a rise (see chart) in sales", {}),
])
def test_acronyms_are_learned_from_text(text, acronyms):
    assert learn_acronyms(text) == acronyms


@pytest.mark.parametrize("text, stand_ins", [
    ("Nvidia (NVDA) stock gets support", {"NVDA": "Nvidia"}),
    ("Nvidia's (NASDAQ:NVDA) better-than-expected report", {"NVDA": "Nvidia"}),
    ("shares of Microsoft (NASDAQ: MSFT) rose", {"MSFT": "Microsoft"}),
    ("Apple (AAPL) fell", {}),                          # no second A in "Apple"
    ("Calder (KCDR) said", {}),                         # not the name's first letter
    ("the Bureau of Labor Statistics (BLS) said", {}),  # initials: an acronym
    ("in Houston (HOU)", {"HOU": "Houston"}),
])
def test_a_one_word_name_with_a_short_form_is_what_the_short_form_stands_for(text, stand_ins):
    assert learn_stand_ins(text) == stand_ins


def test_a_ticker_is_read_as_its_company():
    claims = extract_claims("Nvidia (NVDA) stock jumps. NVDA said revenue was $3.87 billion "
                            "in the quarter.")
    assert set(claims["subject"]) == {"Nvidia"}


def test_whose_opening_a_sentence_names_no_owner():
    # (no name before it: not the document's last word either)
    df = extract_claims("Whose $450 million deal was bigger? Nobody knows, said Jane Doe"
                        ).set_index("text")
    assert df.loc["$450 million", "subject"] != "Jane Doe"


def test_an_outlet_owning_a_figure_tells_it():
    """"Reuters' 1.7 million estimate": the possessive names who tells the
    figure (its source), not whose figure it is."""
    df = extract_claims("Tesla delivered 1.8 million cars in 2023, beating Reuters' 1.7 million "
                        "estimate.", published="2024-01-03").set_index("text")
    assert df.loc["1.7 million", "source"] == "Reuters"
    assert "Reuters" not in set(df["subject"])


def test_a_name_of_an_odd_shape_the_model_misses_is_an_organisation_when_repeated():
    text = ("Hackers stole data of 6.9 million 23andMe customers.\n\nThe data was put up for "
            "sale, according to TechCrunch. A 23andMe spokesperson said the company believes "
            "passwords were reused. In response, 23andMe made all users reset passwords.")
    claims = extract_claims(text)
    assert set(claims["subject"]) == {"23andMe"}
    # written twice only, it is left to the model
    once = extract_claims(text.replace("In response, 23andMe made", "In response, the firm made"))
    assert len(once) and "23andMe" not in set(once["subject"])


@pytest.mark.parametrize("text, figure", [
    ("Hong Kong, a city of 7.3 million, saw huge protests.", "7.3 million"),
    ("India, a country of 1.4 billion, overtook China.", "1.4 billion"),
])
def test_a_bare_figure_sizing_a_place_counts_its_people(text, figure):
    row = extract_claims(text).set_index("text").loc[figure]
    assert (row.unit, row.metric) == ("people", "person")


@pytest.mark.parametrize("acr, name, ok", [
    ("NCMEC", "National Center for Missing and Exploited Children", True),
    ("NWF", "Northwind Foods", True),
    ("WHO", "World Health Organization", True),
    ("NBC", "National Center for Missing and Exploited Children", False),
    ("XY", "Northwind Foods", False),
    # an official acronym may leave out the part after the name's last "and"
    ("CDC", "Centers for Disease Control and Prevention", True),
    ("CDP", "Centers for Disease Control and Prevention", False),
    # ... and the legal-form words after a name, kept or left out
    ("TEPCO", "Tokyo Electric Power Company Holdings, Inc.", True),
    ("TEPCO", "Tokyo Electric Power Company", True),
    ("NWF", "Northwind Foods Inc.", True),
    ("TEC", "Tokyo Electric Power Company Holdings, Inc.", False),
    # (two letters are too few to read through legal-form words)
    ("BA", "Bank of America Corp.", False),
    ("US", "Unity Software Inc.", False),
    # a name of one word has no initials to spell an acronym with
    ("CNN", "Coronation", False),
    ("AAA", "Atlanta", False),
    ("FAA", "FlightRadar24.com", False),
    ("RPD", "Riverton police department", True),
])
def test_abbreviates(acr, name, ok):
    assert abbreviates(acr, name) is ok


@pytest.mark.parametrize("period, years, months, out", [
    ("2024", -1, 0, "2023"), ("2025-H1", -1, 0, "2024-H1"), ("2025-Q2", -1, 0, "2024-Q2"),
    ("2025-01", 0, -1, "2024-12"), ("2021..2024", -1, 0, ""),
    # quarters and halves move by whole quarters and halves
    ("2025-Q1", 0, -3, "2024-Q4"), ("2025-H2", 0, -6, "2025-H1"), ("2025-Q2", 0, -1, ""),
])
def test_shift(period, years, months, out):
    assert shift(period, years, months) == out


def _claim(subject="", metric="", source="a"):
    return Claim(claim_id="c", source_id=source, sentence="", start_char=0, end_char=1, text="1",
                 kind="count", value=1.0, low=1.0, high=1.0, subject=subject, metric=metric)


def test_canonicalize_merges_names_across_articles():
    claims = [_claim("National Center for Missing & Exploited Children", source="a"),
              _claim("NCMEC", source="b"),
              _claim("the National Center for Missing and Exploited Children", source="c"),
              _claim("Google;X;Microsoft", source="a"), _claim("Meta", source="b"),
              _claim("Facebook", source="b")]
    subjects = [c.subject for c in canonicalize(claims)]
    assert subjects == ["NCMEC", "NCMEC", "NCMEC", "Google;X;Microsoft", "Meta", "Facebook"]


def test_canonicalize_drops_a_kind_or_title_word_but_not_part_of_a_place():
    claims = [_claim("Hurricane Helene", source="a"), _claim("Helene", source="b"),
              _claim("Governor Roy Cooper", source="a"), _claim("Roy Cooper", source="c"),
              _claim("New Mexico", source="a"), _claim("Mexico", source="b")]
    subjects = [c.subject for c in canonicalize(claims)]
    assert subjects[0] == subjects[1] and subjects[2] == subjects[3]
    assert subjects[4:] == ["New Mexico", "Mexico"]


def test_canonicalize_keeps_different_metrics_apart():
    claims = [_claim(metric=m) for m in ("report", "sex trafficking report",
                                         "trafficking sex report", "financial sextortion report",
                                         "job (add)", "job (cut)")]
    metrics = [c.metric for c in canonicalize(claims)]
    assert metrics[0] != metrics[1]
    assert metrics[1] == metrics[2]
    assert len(set(metrics)) == 5


@pytest.mark.parametrize("text, published, expect", [
    # (text, date, [(figure, subject or "" to skip, period, base_period or None to skip)])
    ("Acme Corp said it sold 5,000 cars in 2023, up 10% compared with the year before.", "",
     [("5,000", "Acme Corp", "2023", ""), ("10%", "Acme Corp", "2023", "2022")]),
    ("The agency said 300 people were hired last year.", "2025-02-01",
     [("300", "", "2024", "")]),
    ("In the first half of 2025, Globex shipped 2 million phones.", "",
     [("2 million", "Globex", "2025-H1", "")]),
    ("Since 2021, at least 40 plants have closed.", "2024-06-01",
     [("at least 40", "", "2021..2024", "")]),
    ("Sales rose to 80 units from January to June.", "2025-08-01",
     [("80", "", "2025-H1", "")]),
    ("Employers added 151,000 jobs last month, fewer than the 190,000 jobs added in December.",
     "2025-03-08", [("151,000", "", "2025-02", None), ("190,000", "", "2024-12", "")]),
    ("Acme posted revenue of $4 billion for the second quarter. Rival Globex reported sales "
     "of $3 billion for the quarter, down 2% from a year earlier.", "2025-08-05",
     [("$3 billion", "Globex", "2025-Q2", ""), ("2%", "Globex", "2025-Q2", "2024-Q2")]),
    ("The list fell to 7.4 million in February.\n\nThat is down from 7.5 million in January. "
     "Waits dropped by 25,000 compared with the previous month.", "2025-04-10",
     [("7.5 million", "", "2025-01", ""), ("25,000", "", "2025-02", "2025-01")]),
    # a second figure after "from <month> and" is not the "from" side of a range
    # and a compared month before an earlier figure is not the last figure's time
    ("Retail sales grew 2.1% in March, the statistics office said.\n\nAverage weekly pay rose "
     "0.4% from February and 2.8% from a year earlier, to $1,210.", "2025-04-15",
     [("0.4%", "", "2025-03", "2025-02"), ("2.8%", "", "2025-03", "2024-03"),
      ("$1,210", "", "2025-03", "")]),
    # "in nearly two years" gives only a year: the month in focus stays
    ("Factories added 20,000 jobs in March. The jobless rate is now at its highest level in "
     "nearly two years.\n\nAverage pay rose 0.4% from February.", "2025-04-15",
     [("0.4%", "", "2025-03", "2025-02")]),
    # a month's count of change runs from the month before
    ("Factories added 20,000 jobs in March, the statistics office said.", "2025-04-15",
     [("20,000", "", "2025-03", "2025-02")]),
    # a relative clause's figure takes the time of the noun it describes, and
    # a change is later than the base it states, whatever the sentence before
    ("The rating was the highest since a 43.1 rating in 2018. The game grew 7 percent over "
     "last year's game, which drew 115.1 million viewers.", "2024-02-13",
     [("7 percent", "", "2024", "2023"), ("115.1 million", "", "2023", "")]),
    # a time in a clause apart ("that Frozen 2 earned in 2019") is that
    # clause's, not the next sentence's
    ("Its opening is a record, topping the $125 million that Frozen 2 earned in 2019. The film "
     "added $165.3 million overseas.", "2024-12-01",
     [("$125 million", "", "2019", None), ("$165.3 million", "", "2024", None)]),
    # a time right after a figure compared "from" is that figure's: the
    # level before it keeps its own period, the change takes it as its base
    ("Acme reported results for its fiscal second quarter, with revenue reaching $3.87 "
     "billion, up 50 per cent from $2.58 billion a year earlier.", "2020-08-20",
     [("$3.87 billion", "", "2020-Q2", ""), ("50 per cent", "", "2020-Q2", "2019-Q2"),
      ("$2.58 billion", "", "2019-Q2", "")]),
    # ... and not the base of a later change ("the previous quarter" is its own)
    ("For the second quarter, Acme's earnings per share were $0.99, up 10 per cent from $0.90 "
     "a year ago and down 33 percent from $1.47 in the previous quarter.", "2020-08-20",
     [("10 per cent", "", "2020-Q2", "2019-Q2"), ("33 percent", "", "2020-Q2", "2020-Q1"),
      ("$1.47", "", "2020-Q1", "")]),
    # ... a quarter back from a month is a quarter back from the month's quarter
    ("In May 2020 sales were $3.2 million, down 10% from $3.5 million in the previous quarter.",
     "2020-06-15", [("$3.5 million", "", "2020-Q1", "")]),
    # the owner of the noun a figure quantifies is whose figure it is, before
    # the clause's subject: a possessive, "whose", a relative clause's doer
    ("Analysts said Acme Corp's $700 million contract is the largest ever, going past "
     "Initech's $503 million deal and Hooli's $426.5 million contract.", "2023-12-12",
     [("$700 million", "Acme Corp", "2023", None), ("$503 million", "Initech", "2023", None),
      ("$426.5 million", "Hooli", "2023", None)]),
    ("Most people expected Acme Corp's deal to clear the record held by Mike Trout, whose "
     "12-year contract is worth $426.5 million.", "2023-12-12",
     [("$426.5 million", "Mike Trout", "2023", None)]),
    ("It leaves far behind the $450 million extension Patrick Mahomes signed with the Kansas "
     "City Chiefs in 2020.", "2023-12-12", [("$450 million", "Patrick Mahomes", "2020", None)]),
    # a month that had not begun when the story ran is not the month of a
    # figure that names no time ("sell-by dates into October")
    ("Death toll from outbreak rises to nine\n\nNine people have died, officials said. "
     "Some recalled products have sell-by dates into October 2024.", "2024-08-29",
     [("nine", "", "2024", ""), ("Nine", "", "2024", "")]),
    # a month before a noun of figures dates them, and "the month" after it
    # is that month ("March statistics showed ... Revenues for the month")
    ("Traffic showed signs of recovery in early 2025. March statistics showed a 2.4 per cent "
     "increase in ships. Revenues for the month also climbed 8.8 per cent.", "2025-04-20",
     [("2.4 per cent", "", "2025-03", None), ("8.8 per cent", "", "2025-03", None)]),
    # ... but a month dating a document is when it came out
    ("The October report estimated that the plant generated $3.6 billion in 2022.", "2023-12-20",
     [("$3.6 billion", "", "2022", None)]),
    # a month after "through" in a sentence of plans is a deadline, not the
    # time the figure holds ("by 2030" is none either)
    ("The operator plans to release 7,800 tons of water over 17 days and 31,200 tons through "
     "March.", "2023-08-25", [("31,200 tons", "", "2023", None)]),
    # ... not a past "through March" near a word of plans used otherwise,
    # nor a lower-case word that spells a month
    ("Retail sales rose 4% in the year through March, more than expected.", "2023-04-20",
     [("4%", "", "2023-03", None)]),
    ("The recall could mar sales, which rose 8%.", "2023-04-20", [("8%", "", "2023", None)]),
    # a year a plural noun of figures carries dates them and counts nothing
    ("Official data put 2023 earnings at $10.25 billion.", "2025-01-10",
     [("$10.25 billion", "", "2023", None)]),
])
def test_periods_and_subjects_case_table(text, published, expect):
    df = extract_claims(text, published=published)
    for figure, subject, period, base in expect:
        row = df[df.text.str.contains(figure, regex=False)].iloc[0]
        if subject:
            assert row.subject == subject
        assert row.period == period, row.to_dict()
        if base is not None:   # None: the base depends on the kind the extractor gives
            assert row.base_period == base, row.to_dict()


def test_several_subjects_join_with_semicolon():
    df = extract_claims("Regulators said Google, Microsoft and Amazon all filed at least "
                        "20% fewer reports than in 2023.", published="2024-05-01")
    row = df[df.kind == "pct_change"].iloc[0]
    assert row.subject.split(";") == ["Google", "Microsoft", "Amazon"]
    assert (row.period, row.base_period) == ("2024", "2023")


@pytest.mark.parametrize("one,other", [
    # one thing by two names (synonyms.toml [classes]): one metric
    ("The walkout lasted 53 days.", "The strike lasted 53 days."),
    # an extent is an area
    ("The extent of Antarctic sea ice fell to 1.91 million square kilometers.",
     "The area of Antarctic sea ice fell to 1.91 million square kilometers."),
    # liabilities and debts are what a borrower owes
    ("The developer has liabilities of $300 billion.", "The developer has debts of $300 billion."),
])
def test_synonyms_of_what_is_counted_share_a_metric(one, other):
    assert extract_claims(one).metric.tolist() == extract_claims(other).metric.tolist()


def test_metric_keys_separate_scopes_and_flows():
    df = extract_claims("Acme added 500 jobs in 2024 and cut 200 jobs in 2023. Reports of fraud "
                        "rose 20% while total reports fell 5%.")
    by_text = dict(zip(df.text, df.metric))
    assert by_text["500"] != by_text["200"]
    assert by_text["20%"] != by_text["5%"]


@pytest.mark.parametrize("text,figure,metric", [
    ("The storm came ashore with maximum sustained winds of 140 mph.", "140 mph",
     "maximum sustained wind"),
    ("The storm came ashore with 140 mph winds.", "140 mph", "wind"),
    ("The storm made landfall with sustained winds of 140 miles per hour.",
     "140 miles per hour", "sustained wind"),
    ("Parts of the county got 10 inches of rain on Tuesday.", "10 inches", "rain"),
    # the thing the story names, sized in a unit: the unit is what is measured
    # (as in "the fire has burned 18,650 acres")
    ("The Cedar Flat Fire forced thousands to flee. A mapping flight put the fire at 47,300 "
     "acres.", "47,300 acres", "acre"),
    ("The Cedar Flat Fire forced thousands to flee. The fire covers 20,000 acres.",
     "20,000 acres", "acre"),
])
def test_a_unit_of_measure_is_not_what_is_measured(text, figure, metric):
    df = extract_claims(text)
    row = df[df.text == figure].iloc[0]
    assert row.metric == metric, (row.metric, row.unit)


@pytest.mark.parametrize("text,figure,unit,metric", [
    # an outcome as a noun a verb takes, or an adjective standing for people
    ("The floods have claimed at least 140 lives.", "at least 140", "life", "death"),
    ("At least 52 people lost their lives in the floods.", "At least 52", "people", "death"),
    ("The program has saved 3,000 lives.", "3,000", "life", "life"),
    ("The update brought the totals to 59 sick, including 10 dead, across 19 states.", "59",
     "people", "case"),
    # a bare count after "and" counts what the verb's object before it
    # counts, not what a preposition's count between them counts
    ("The outbreak has sickened 59 people across 19 states and killed 10.", "10", "people",
     "death"),
    ("The storm destroyed 40 homes in 12 towns and damaged 300.", "300", "home", "home (damage)"),
    # ... and keeps its own verb
    ("The company cut 500 jobs and added 200.", "200", "job", "job (add)"),
    ("The company cut 500 jobs and kept 200.", "200", "job", "job"),
    ("Louisiana accounted for 33 of the deaths and Mississippi for eight.", "eight", "death",
     "death"),
    # "a record" names no quantity: the revenue that hit it is measured
    ("Annual revenue hit a record $10.25 billion in 2023.", "$10.25 billion", "USD", "revenue"),
    # a negated verb: what did not befall them ("did not die" is no death)
    ("More than 19 million voters did not turn out.", "More than 19 million", "voter",
     "voter (not turn)"),
    ("Five people did not die.", "Five", "people", "person (not die)"),
    # a clock's words measure nothing: the count's noun is lent on
    ("The count of bathers was 1.01 crore at 12 noon. The count reached 1.18 crore at 2pm.",
     "1.18 crore", "bather", "bather"),
    # the words of a two-word unit are the unit's, not what it measures:
    # what it is of, else what the unit measures
    ("Roughly 130 cubic meters of water becomes contaminated.", "Roughly 130 cubic meters", "m3",
     "water"),
    ("The vessel was seized 400 nautical miles off the coast.", "400 nautical miles", "nmi",
     "distance"),
    # a length an adjective of dimension follows, or "as deep as" leads
    ("It stands 2,891 metres high.", "2,891 metres", "m", "height"),
    # ... only when nothing else is named: the ash is measured, not a height
    ("The volcano spewed ash 5,000 metres high.", "5,000 metres", "m", "high ash"),
    ("The submersible is built to go as deep as 4,000 meters.", "4,000 meters", "m", "depth"),
    ("The 22-foot submersible vanished.", "22-foot", "ft", "submersible"),
    # "a record" names no quantity; records counted are records
    ("Hackers stole 500 million records in the breach.", "500 million", "record", "record"),
])
def test_what_a_figure_counts_when_its_noun_is_elsewhere(text, figure, unit, metric):
    row = extract_claims(text).set_index("text").loc[figure]
    assert (row.unit, row.metric) == (unit, metric)


@pytest.mark.parametrize("text,figure,metric", [
    # a sentence-initial noun modifier in "-ing" that the parse takes for a
    # gerund with an object ("gaming (the) revenue") still narrows the noun
    ("Gaming revenue of $1.65bn grew 26% from the year-ago period, while data center "
     "revenue of $1.75bn surged 167%.", "$1.65bn", "gaming revenue"),
    ("Gaming revenue of $1.65bn grew 26% from the year-ago period, while data center "
     "revenue of $1.75bn surged 167%.", "26%", "gaming revenue"),
    # "data" is no Latin plural of "datum" here
    ("Gaming revenue of $1.65bn grew 26% from the year-ago period, while data center "
     "revenue of $1.75bn surged 167%.", "167%", "data center revenue"),
])
def test_a_noun_modifier_the_parse_misreads_still_narrows_the_metric(text, figure, metric):
    assert extract_claims(text).set_index("text").loc[figure].metric == metric


@pytest.mark.parametrize("text,figure,metric", [
    # the "M" of one figure is not what the next one counts
    ("Acme reported its results. Revenue: $3866M, $2579M, $3080M.", "$2579M", "revenue"),
    # a currency word that is no figure's own stays in the metric
    ("The dollar index rose 0.5% in March.", "0.5%", "dollar index"),
    # nor is a money figure's own currency written out
    ("The records are being driven by the film's domestic debut of $221 million dollars.",
     "$221 million", "domestic debut"),
])
def test_the_words_of_a_figure_are_not_what_another_measures(text, figure, metric):
    assert extract_claims(text).set_index("text").loc[figure].metric == metric


def test_a_figure_and_what_it_counts_are_no_name():
    text = ("Change Healthcare Breach Hits 100M Americans\n\n"
            "Change Healthcare says it has notified roughly 100 million Americans that their "
            "data was stolen.")
    df = extract_claims(text)
    assert "100M Americans" not in set(df.subject)


def test_people_named_by_what_happened_to_them_count_alike():
    """A people outcome as a verb, an adjective after "were", or an adjective
    before the noun (nationalities count as people) keys the same metric."""
    texts = ["The number of unemployed Americans climbed to roughly 7.3 million.",
             "About 7.3 million people were unemployed last month.",
             "Some 7.3 million jobless workers were counted."]
    metrics = {extract_claims(t).iloc[0].metric for t in texts}
    assert len(metrics) <= 2 and "unemployed" in metrics
    assert extract_claims("23 people have died.").iloc[0].metric == "death"


def test_a_person_quoting_a_figure_is_its_source_not_its_subject():
    text = ("Marston County has opened free clinics, health commissioner Dr. Alan Reyes said. "
            "Nurses have given about 9,400 doses of the vaccine since January, Reyes said.")
    row = extract_claims(text).iloc[0]
    assert "Reyes" not in row.subject
    assert row.metric.endswith("dose")  # not the model's lemma "dos"


@pytest.mark.parametrize("text", [
    "Acme Foods recalled 7,000 pounds of ham. Nine people had died as of Aug. 28, according "
    "to an update from the Centers for Disease Control and Prevention.",
    "Acme Foods recalled 7,000 pounds of ham. Nine people had died as of Aug. 28, according "
    "to FEMA's latest update.",
])
def test_the_issuer_of_a_document_quoted_is_the_figures_source(text):
    row = extract_claims(text).set_index("text").loc["Nine"]
    assert row.source in ("Centers for Disease Control and Prevention", "FEMA")


@pytest.mark.parametrize("text,figure,kind,unit", [
    ("The agency has topped 3 million daily passengers eight separate times in 2025.",
     "eight", "count", "time"),
    ("That has happened just two times before 2024.", "two", "count", "time"),
    ("Prices have doubled three times since 2020.", "three", "count", "time"),
    ("Rents are three times higher than in 2010.", "three", "multiple", "times"),
    ("There were five times as many cases this year.", "five", "multiple", "times"),
    ("Cases were five times the number seen last year.", "five", "multiple", "times"),
])
def test_times_counts_occasions_unless_a_comparison_follows(text, figure, kind, unit):
    """"eight separate times" counts occasions (not the passengers of the
    sentence, not a multiple); "three times higher" is a multiple."""
    row = extract_claims(text).set_index("text").loc[figure]
    assert (row.kind, row.unit) == (kind, unit)


def test_a_start_is_not_the_period_of_a_running_count():
    df = extract_claims("The outbreak that began in January has sickened 152 people.",
                        published="2027-03-10")
    assert df.iloc[0].period == "2027"
    df = extract_claims("Since 2021, at least 36 people have died.", published="2024-05-01")
    assert df.iloc[0].period == "2021..2024"


def test_what_a_figure_counts_under_a_verb_that_is_not_a_level():
    assert extract_claims("The outbreak has led to 31 hospitalizations.").iloc[0].metric \
        == "hospitalization"
    assert extract_claims("Health officials say 27 people have been hospitalized.").iloc[0] \
        .metric == "hospitalization"


def test_a_group_that_accounts_for_part_of_a_total_narrows_it():
    text = ("Traffic deaths fell in Vantry last year. A total of 94 people died in crashes, "
            "though pedestrians fared worst. Pedestrians accounted for 41 of the deaths.")
    df = extract_claims(text, published="2027-02-09")
    by_text = dict(zip(df.text, df.metric))
    assert by_text["94"] == "death"
    assert by_text["41"] == "pedestrian death"
    assert "Pedestrians" not in set(df.subject)  # a common noun, written lower case too


def test_a_quoted_person_is_not_the_articles_main_subject():
    text = ("Vantry traffic deaths fall\n\n"
            "Ninety-four people were killed in crashes on Vantry streets last year, according "
            "to the city. Transportation Director Marcus Feld said the decline was welcome. "
            '"We are not done," Feld said. Feld said 640 people were seriously injured.')
    df = extract_claims(text, published="2027-02-09")
    assert df[df.text == "Ninety-four"].iloc[0].subject == "Vantry"


@pytest.mark.parametrize("text,figures", [
    ("The city adopted Vision Zero in 2021.", []),
    ("Formula One drew 300,000 fans.", ["300,000"]),
    ("Zero people died on the redesigned stretch.", ["Zero"]),
])
def test_a_number_word_in_a_name_is_not_a_claim(text, figures):
    assert list(extract_claims(text).text) == figures


def test_a_unit_with_nothing_else_described_stays_the_metric():
    df = extract_claims("Firefighters said the blaze burned 5,000 acres last week.")
    assert df.iloc[0].metric.startswith("acre")


def test_reference_resolves_to_the_named_organisation():
    df = extract_claims("The World Health Organization (WHO) published its survey on Monday. "
                        "The organization counted 1,200 cases of measles in 2024.")
    assert df.iloc[0].subject == "WHO"
    assert df.iloc[0].unit == "case"


@settings(max_examples=15, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc XYZ(). 0123456789%,\n")), max_size=80))
def test_attribution_never_raises(text):
    df = extract_claims(text)
    assert (df.confidence.between(0, 1)).all()


@pytest.mark.parametrize("text, figure, subject", [
    # the publisher of a statistic is its source, not its subject
    ("Canada's jobless rate was 6.1% in May, the Bureau of Labor Statistics said.\n\n"
     "Economists prefer the adjusted figure, which the bureau puts at 6.4% for May.",
     "6.4%", "Canada"),
    # "authorities confirmed" names no subject: the article's main one, not the last place
    ("Storm Ada killed 31 people across three states. Ohio reported 12 deaths on Monday.\n\n"
     "Earlier in the week, authorities had confirmed 19 deaths.", "19", "Storm Ada"),
])
def test_sources_of_figures_are_not_subjects(text, figure, subject):
    df = extract_claims(text, published="2025-06-10")
    assert df[df.text == figure].iloc[0].subject == subject


def test_unnamed_article_takes_the_sets_one_subject():
    claims = [_claim("Canada", "unemployment rate", "a"), _claim("Canada", "job (add)", "a"),
              _claim("", "youth unemployment rate", "b")]
    assert canonicalize(claims)[2].subject == "Canada"


def test_gapped_clause_takes_its_own_place_and_the_borrowed_metric():
    df = extract_claims("Storm Bo killed 20 people. Kansas accounted for 14 of the deaths and "
                        "Iowa for three, officials said.", published="2025-06-10")
    row = df[df.text == "three"].iloc[0]
    assert (row.subject, row.metric) == ("Iowa", "death")


def test_moment_words_keep_peak_and_remaining_apart():
    df = extract_claims("After the blizzard, about 40,000 households remained without heat on "
                        "Friday, down from a peak of 310,000.", published="2025-01-10")
    keys = dict(zip(df.text, df.metric))
    remaining = next(k for t, k in keys.items() if "40,000" in t)
    peak = next(k for t, k in keys.items() if "310,000" in t)
    assert remaining.startswith("remaining ") and peak.startswith("peak ")
    assert remaining.split(" ", 1)[1] == peak.split(" ", 1)[1]


def test_filled_subject_raises_confidence_to_fallback():
    claims = [_claim("Canada", "job (add)", "a"), replace(_claim("", "job (add)", "b"), confidence=0.36)]
    out = canonicalize(claims)[1]
    assert out.subject == "Canada" and out.confidence > 0.5


def test_article_with_one_subject_lends_it_to_its_unnamed_claims():
    claims = [_claim("Canada", "job (add)", "a"), _claim("", "job (cut)", "a")]
    assert canonicalize(claims)[1].subject == "Canada"


def test_fragment_without_a_verb_terminates():
    """Regression: spaCy makes a new Token object on every access, so
    ``tok.head is tok`` never held at the root and the climb to the clause
    verb looped forever on a verbless fragment."""
    df = extract_claims("Health care jobs: 48,000 new positions")
    assert list(df.text) == ["48,000"]


@pytest.mark.parametrize("text,figure,metric,kind,period,base", [
    # a unit's own words are not what is measured; its dimension is
    ("Global temperatures in 2024 were 1.55°C above the pre-industrial average.",
     "1.55°C", "temperature", "change", "2024", ""),
    # a baseline is not a base period, and years inside it are not the period
    ("In 2024 it was 1.6 degrees Celsius above the 1850-1900 average.",
     "1.6 degrees Celsius", "temperature", "change", "2024", ""),
    # a comparative of a measure states a change
    ("Last year was 1.47 degrees Celsius warmer than the 20th-century average.",
     "1.47 degrees Celsius", None, "change", "2024", ""),
    # a year compared with is still a base period
    ("Ridership rose 12% in 2024 compared with 2019.", "12%", None, "pct_change", "2024",
     "2019"),
    # a span of years named as the baseline, before or after its words
    ("In 2024 it was 1.5C warmer than the 1850-1900 level.", "1.5C", None, "change", "2024",
     ""),
    ("The year 2024 averaged 1.48C above 1850-1900.", "1.48C", None, "change", "2024", ""),
    # the figure's own years after a baseline stay its period
    ("Temperatures were 1.52C above the pre-industrial average during 2023-2024.", "1.52C",
     None, "change", "2023..2024", ""),
])
def test_a_baseline_is_not_a_base_period(text, figure, metric, kind, period, base):
    row = extract_claims(text, published="2025-02-01").set_index("text").loc[figure]
    assert (row.kind, row.period, row.base_period) == (kind, period, base), row.to_dict()
    if metric:
        assert row.metric == metric


@pytest.mark.parametrize("text,reference", [
    ("In 2024 it was 1.48C warmer than the 1850-1900 pre-industrial level.",
     "the 1850-1900 pre-industrial level"),
    ("In 2023 it was 1.54°C above the average for the preindustrial period of 1850–1900.",
     "the average for the preindustrial period of 1850–1900"),
    ("In 2026 it was 1.57C above the pre-industrial (1850-1900) level.",
     "pre-industrial (1850-1900) level"),
    ("In 2023 it was 1.2 degrees Celsius above the average for NASA's baseline period "
     "(1951-1980).", "the average for NASA's baseline period (1951-1980)"),
])
def test_a_baseline_keeps_the_years_it_names(text, reference):
    assert extract_claims(text).iloc[0].reference == reference


@pytest.mark.parametrize("text,publisher,figure", [
    ("Three hundred and fifty-five cases have now been reported in the outbreak, CNN reported.",
     "CNN", "Three hundred and fifty-five"),
    ("At least 41 people have died in the storm, the Dispatch reported.", "The Dispatch",
     "At least 41"),
])
def test_the_articles_own_outlet_is_not_a_subject(text, publisher, figure):
    from pipeline.api import read_claims
    from pipeline.model import Article
    article = Article(source_id="x", text=text, sha256="", publisher=publisher,
                      published="2025-03-01")
    claims = read_claims([article])
    row = next(c for c in claims if c.text == figure)  # noqa: the figure is found
    assert publisher.split()[-1] not in row.subject


@pytest.mark.parametrize("text", [
    "Reports by category\nCategory | 2023 | 2024\nOnline enticement | 44,155 | 546,000\n"
    "Sextortion | 26,718 | 100,000\n",
    "| Category | 2023 | 2024 |\n|---|---|---|\n| Online enticement | 44,155 | 546,000 |\n"
    "| Sextortion | 26,718 | 100,000 |\n",
    "Category\t2023\t2024\nOnline enticement\t44,155\t546,000\nSextortion\t26,718\t100,000\n",
])
def test_a_table_gives_its_cells_row_metrics_and_column_periods(text):
    df = extract_claims(text, published="2025-05-01").set_index("text")
    assert (df.loc["44,155", "metric"], df.loc["44,155", "period"]) == ("online enticement", "2023")
    assert (df.loc["100,000", "metric"], df.loc["100,000", "period"]) == ("sextortion", "2024")
    assert set(df["unit"]) == {""}        # not the separator
    row = df.loc["546,000"]
    assert "Online enticement" in row.sentence and "Sextortion" not in row.sentence
    assert text[row.start_char:row.end_char] == "546,000"


def test_an_acronym_for_a_common_noun_is_not_a_subject():
    text = ("The survey of generative artificial intelligence (GAI) tools found that 40% of "
            "teachers used GAI weekly. Overall, 1,200 schools took part in 2024.")
    assert "GAI" not in set(extract_claims(text)["subject"])
    named = extract_claims("The National Center for Missing and Exploited Children (NCMEC) "
                           "received 20.5 million reports.")
    assert named.iloc[0].subject == "NCMEC"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["12", "a b", "", "2024", " 3.5% ", "x"]),
                         min_size=1, max_size=4), max_size=6),
       st.sampled_from(["|", "\t", " | "]), st.text(max_size=40))
def test_table_cells_stay_inside_their_rows(rows, sep, noise):
    from pipeline.attribution.table import cell_at, cells
    text = noise + "\n" + "\n".join(sep.join(r) for r in rows) + "\n" + noise
    found = cells(text)
    for start, (end, cell) in found.items():
        assert cell.line_start <= start <= end <= cell.line_end <= len(text)
        assert "\n" not in text[start:end]
        assert cell_at(found, start, end) == cell


def test_a_relative_clause_belongs_to_the_noun_it_hangs_on():
    text = ("The Cedar Flat Fire has burned 41,800 acres. That leaves it short of the county "
            "record set last year by the Sheep Rock Fire, which scorched 47,900 acres.")
    df = extract_claims(text, published="2026-08-13").set_index("text")
    assert df.loc["47,900 acres", "subject"] == "Sheep Rock Fire"
    assert df.loc["41,800 acres", "subject"] == "Cedar Flat Fire"


def test_a_clause_scoped_to_a_place_is_that_places_and_does_not_make_it_the_main_subject():
    text = ("The Cedar Flat Fire is the largest of 14 wildfires burning in Oregon this week. "
            "Across the state, fires have burned 201,000 acres so far in 2026. "
            "Officials said 1,380 firefighters were assigned, Whitfield said.")
    df = extract_claims(text, published="2026-08-12").set_index("text")
    assert df.loc["201,000 acres", "subject"] == "Oregon"
    assert df.loc["1,380", "subject"] == "Cedar Flat Fire"


@pytest.mark.parametrize("text,figure,source,reference", [
    ("Global temperatures in 2024 were 1.55°C above the pre-industrial average.", "1.55°C", "",
     "the pre-industrial average"),
    ("Some 2,100 firefighters are now working the fire, said Fire Chief Dana Ortiz.",
     "Some 2,100", "Dana Ortiz", ""),
    ("Cases in Texas reached 309, according to the Texas Department of State Health Services.",
     "309", "Texas Department of State Health Services", ""),
    ("NCMEC received 20.5 million reports in 2024.", "20.5 million", "", ""),
])
def test_claims_say_who_states_them_and_what_they_are_measured_against(text, figure, source,
                                                                       reference):
    row = extract_claims(text).set_index("text").loc[figure]
    assert (row.source, row.reference) == (source, reference), row.to_dict()


def test_a_place_phrase_names_every_place_it_joins():
    text = "Measles cases in Texas and New Mexico rose to 351 on Mar. 21."
    row = extract_claims(text, published="2025-03-22").set_index("text").loc["351"]
    assert set(row.subject.split(";")) == {"Texas", "New Mexico"}


@pytest.mark.parametrize("text,figure,metric,period", [
    # a blank corner cell keeps the columns in place
    ("|  | 2023 | 2024 |\n|---|---|---|\n| Fires | 10 | 20 |\n| Acres | 300 | 450 |\n",
     "10", "fires", "2023"),
    # years down the side, measures across the top
    ("Year | Fires | Acres\n2023 | 10 | 300\n2024 | 20 | 450\n", "450", "acres", "2024"),
])
def test_table_columns_and_rows_keep_their_meaning(text, figure, metric, period):
    row = extract_claims(text, published="2025-05-01").set_index("text").loc[figure]
    assert (row.metric, row.period) == (metric, period)


def test_lines_with_different_cell_counts_are_not_one_table():
    from pipeline.attribution.table import cells
    text = "Photo: Ana Ruiz | Staff\nThe fire burned 41,800 acres | officials said, on Tuesday | again\n"
    assert cells(text) == {}


def test_a_person_told_by_pronoun_is_a_source_and_lends_no_subject():
    # "She said ...": a pronoun only a person can be tells the figure; and a
    # person acting in one sentence does not own the next sentence's figures
    text = ("The Cedar Flat Fire kept growing on Tuesday. Fire Chief Dana Ortiz toured "
            "the burned area. She said inspectors had confirmed 146 buildings destroyed.\n\n"
            "Sheriff Ray Delgado lifted orders for part of the valley. "
            "About 7,700 people remain under evacuation orders.")
    df = extract_claims(text, published="2026-08-12")
    for figure in ("146", "About 7,700"):
        subject = df[df.text == figure].iloc[0].subject
        assert "Ortiz" not in subject and "Delgado" not in subject, (figure, subject)


def test_an_organisation_naming_its_own_noun_is_the_subject():
    # "Boeing shares": the organisation is whose figure it is, not the outlet telling it
    df = extract_claims("Ford sold more trucks. Boeing shares fell 3% on Monday, Reuters reported.",
                        published="2026-03-01")
    assert df.iloc[0].subject == "Boeing"


@pytest.mark.parametrize("text, figure", [
    ("CPI climbs to a 2.7% annual rate in June, new figures show.", "2.7%"),
    # a comparison window's letters
    ("Revenue grew strongly. Gaming: +26% Q/Q, +50% Y/Y.", "+26%"),
])
def test_a_time_word_is_never_the_metric(text, figure):
    row = extract_claims(text, published="2025-07-15").set_index("text").loc[figure]
    assert row.metric not in ("june", "day", "annual", "five day", "q", "y", "q q", "y y"), \
        row.metric
    assert "/" not in row.subject  # "Y/Y" is a window, not a name


@pytest.mark.parametrize("text, figures", [
    ("Moana 2 added $165.3 million internationally.", ["$165.3 million"]),
    ("Frozen 2 earned $125 million in its second week.", ["$125 million"]),
    ("Texas reported 309 cases, New Mexico 42 cases.", ["309", "42"]),
])
def test_a_number_ending_a_title_is_not_a_claim(text, figures):
    assert list(extract_claims(text).text) == figures


def test_a_fronted_place_scopes_its_clause():
    df = extract_claims("The Texas outbreak grew again. In New Mexico, cases rose to 42 from 38 "
                        "on Tuesday.", published="2025-03-22")
    assert set(df[df.text.isin(["42", "38"])].subject) == {"New Mexico"}


def test_from_after_a_verb_that_moves_nothing_is_not_a_level():
    df = extract_claims("Health officials counted 351 measles cases. Those cases come from 18 "
                        "jurisdictions.", published="2025-03-22")
    assert df.set_index("text").loc["18", "metric"] != "case"


def test_a_background_year_far_back_is_not_a_later_figures_period():
    text = ("Helene is the second-deadliest hurricane to hit the mainland in 50 years, after "
            "Hurricane Katrina, which killed at least 1,833 people in 2005.\n\n"
            "Searches for missing people continued.\n\n"
            "Deaths by state were: North Carolina, 113 people; Georgia, 33 people.")
    df = extract_claims(text, published="2024-10-06")
    assert df.set_index("text").loc["113", "period"] == "2024"
    # a year just before the story's stays ("counted 31 homicides last year. ...")
    df = extract_claims("Police counted 31 homicides last year.\n\nBurglaries climbed to 2,950.",
                        published="2025-01-15")
    assert df.set_index("text").loc["2,950", "period"] == "2024"


def test_a_dateline_is_where_a_story_was_filed_not_whose_figures():
    text = ("Cedar Flat Fire destroys homes\n\n"
            "JUNIPER SPRINGS, Ore. (PWS) — The Cedar Flat Fire has destroyed 58 homes, county "
            "teams reported Thursday.\n\nCrews from nine states spent the night on the lines.")
    df = extract_claims(text, published="2026-08-13")
    assert "JUNIPER SPRINGS" not in set(df.subject)
    assert df.set_index("text").loc["58", "subject"] == "Cedar Flat Fire"


@pytest.mark.parametrize("opening", ["BEIJING--", "BEIJING -- ", "BEIJING (Reuters) - "])
def test_a_dateline_with_or_without_spaces_around_its_dash(opening):
    df = extract_claims(f"Youth jobless rate hits record\n\n{opening}The jobless rate for young "
                        "people rose to 21.3% in June.", published="2023-07-20")
    assert "BEIJING" not in set(df.subject)


def test_a_name_a_dash_touches_opening_a_line_is_no_dateline():
    df = extract_claims("Output cut\n\nOPEC—the oil cartel—cut output by 2 million barrels a day.",
                        published="2023-07-20")
    assert set(df.subject) == {"OPEC"}


def test_a_persons_employer_is_not_what_an_article_is_about():
    # "Peking University professor Zhang Dandan": where she works, no owner
    text = ("Professor's estimate revives debate\n\nThe jobless rate for young people was "
            "19.7% in March. Peking University professor Zhang Dandan put it near 50%. Zhang "
            "Dandan of Peking University wrote that 16 million were not counted. Peking University "
            "professor Zhang Dandan said so again.")
    df = extract_claims(text, published="2023-07-20")
    assert "Peking University" not in set(df.subject)


def test_a_comparison_window_in_capitals_is_no_owner():
    df = extract_claims("Year over year (YOY), fuel oil costs are down 21.4%. YOY, 11 states "
                        "have averages below $3.", published="2023-11-20")
    assert "YOY" not in set(df.subject)


def test_a_word_of_an_office_alone_is_a_person_not_an_owner():
    # "The Chairman of ..." (capitalised, no name the model tags): who spoke
    df = extract_claims("Canal revenue halves\n\nThe Chairman of the Suez Canal Authority, Osama "
                        "Rabie, announced this in an interview. Transit dues paid by ships came "
                        "to $428 million.", published="2024-02-10")
    assert df.set_index("text").loc["$428 million", "subject"] != "Chairman"


def test_buildings_are_counted_by_what_happened_to_them():
    df = extract_claims("The fire destroyed 58 homes. Residents of another 3,100 homes were told "
                        "to be ready to leave.", published="2026-08-13")
    keys = dict(zip(df.text, df.metric))
    assert keys["58"] != keys["3,100"]


def test_every_outlet_in_the_publisher_field_tells_rather_than_owns():
    from pipeline import ingest
    from pipeline.api import read_claims
    text = ("Measles outbreak grows\n\nThe measles outbreak in West Texas keeps growing, "
            "health officials said. Three hundred and fifty-five cases have now been reported "
            "in the outbreak, CNN reported.")
    article = ingest.make_article(text, "01_cnn", meta={
        "date": "2025-03-21", "publisher": "CNN (syndicated by Local News 8)"})
    [claim] = [c for c in read_claims([article]) if c.value == 355]
    assert claim.subject != "CNN"



def _water_story(headline: str, *later: str) -> str:
    return "\n\n".join([headline, "Customers used about 4.2 billion gallons last year.",
                         "Norfield Water Authority raised its rates by 12% in 2026.",
                         "The Harbor Club paid $8,200 for 310,000 gallons in 41 days.", *later])


@pytest.mark.parametrize("text,main", [
    # one sentence listing three figures is one statement: the name owning
    # figures in as many sentences, named first, is the main subject
    (_water_story("Water bills climb across the region"), "Norfield Water Authority"),
    # a place modifying a common noun says where, not whose
    (_water_story("Oregon utility raises rates"), "Norfield Water Authority"),
    # the headline names whose figures the article gives
    (_water_story("Harbor Club faces a bigger bill"), "Harbor Club"),
    # owning figures in more sentences wins over a name given first
    (_water_story("Water bills climb", "The Harbor Club paid $1,900 in May."), "Harbor Club"),
])
def test_the_main_subject_is_the_headlines_name_then_the_one_owning_most_sentences(text, main):
    df = extract_claims(text, published="2026-03-02")
    assert df[df.text == "about 4.2 billion gallons"].iloc[0].subject == main


@pytest.mark.parametrize("text,figure,subject", [
    # a place modifying what is counted says whose figure it is
    ("Only 78.4% of Marston County kindergartners were vaccinated, state records show.",
     "78.4%", "Marston County"),
    ("Officials said 3,100 Alder County homes were told to be ready to leave.",
     "3,100", "Alder County"),
])
def test_a_place_modifying_the_counted_noun_owns_the_figure(text, figure, subject):
    df = extract_claims(text, published="2026-03-02")
    assert df[df.text.str.startswith(figure)].iloc[0].subject == subject


def test_a_place_classifying_counted_places_does_not_own_the_figure():
    text = ("Storm Ada death toll rises\n\n"
            "Storm Ada has killed people in six US states, officials said.")
    df = extract_claims(text, published="2026-03-02")
    assert df[df.text == "six"].iloc[0].subject != "US"


def test_a_month_mentioned_in_passing_is_not_the_period_of_later_paragraphs():
    """A story about June mentions May once ("follows a 2.4% increase in
    May"); the next paragraphs' figures are June's, not May's."""
    text = ("Inflation climbs to 2.7% in June\n\n"
            "Prices rose 2.7% from a year earlier. The rise follows a 2.4% annual increase "
            "in May.\n\n"
            "Gasoline rose just 0.1% from May. Food costs rose 0.3% for the month.\n\n"
            "Housing costs rose 0.2% for the month.")
    df = extract_claims(text, published="2025-07-15")
    period = dict(zip(df.text, df.period))
    assert period["2.4%"] == "2025-05"  # stated: May's
    assert [period[t] for t in ("0.1%", "0.3%", "0.2%")] == ["2025-06"] * 3
    assert df[df.text == "0.1%"].iloc[0].base_period == "2025-05"


@pytest.mark.parametrize("period,lead,before", [
    ("2025-05", "2025-06", True),
    ("2024", "2025-06", True),
    ("2025", "2025-06", False),     # the year holds the month
    ("2025-Q1", "2025-04", True),
    ("2025-H1", "2025-06", False),
    ("2025-07", "2025-06", False),  # later: not a background period
    ("2020..2024", "2025", False),  # spans are left alone
    ("", "2025", False),
])
def test_a_period_before_the_lead(period, lead, before):
    assert before_lead(period, lead) is before


def test_a_pronoun_after_a_common_noun_subject_stands_for_that_noun():
    """"core inflation moved up ..., when it rose 0.1%": "it" is core
    inflation, not the last organisation named (a pollster)."""
    text = ("Norland inflation picks up\n\n"
            "Norland's consumer prices rose 2.7% in June. Norland's core prices rose 2.9%. The "
            "reading came in above the estimate of economists polled by LSEG.\n\n"
            "Core inflation moved up from May, when it rose 0.1% on a monthly basis.")
    df = extract_claims(text, published="2025-07-15")
    assert df[df.text == "0.1%"].iloc[0].subject == "Norland"
    # a pronoun with no common-noun subject before it still finds the name
    text = "Norvell Foods said it sold 4.2 million cases in 2025."
    assert extract_claims(text).iloc[0].subject == "Norvell Foods"


@pytest.mark.parametrize("text,figure,period", [
    # a year in a clause joined on, or in a participle on another noun
    ("Fares brought in $55.9 million during the reporting period, and the rest of the budget "
     "leans on a sales tax approved by voters in 2008.", "$55.9 million", "2026"),
    # ... but a participle on the figure's own noun dates it
    ("Employers added 151,000 jobs last month, fewer than the 190,000 jobs added in December.",
     "190,000", "2025-12"),
])
def test_a_time_in_a_clause_apart_does_not_date_the_figure(text, figure, period):
    df = extract_claims(text, published="2026-02-10")
    assert df[df.text == figure].iloc[0].period == period


def test_a_headline_naming_the_subject_by_its_initials_makes_it_the_main_subject():
    text = ("Ridership climbs, but AMTA warns of a hole ahead\n\n"
            "Riders took 48.2 million trips last year.\n\n"
            "Route 22 carried 3.1 million riders in March. In April, Route 22 carried 900,000 "
            "students.\n\n"
            "The Averill Metro Transit Authority projects a $41 million deficit.")
    df = extract_claims(text, published="2026-02-10")
    assert df[df.text == "48.2 million"].iloc[0].subject == "Averill Metro Transit Authority"


def test_put_x_at_n_measures_the_object_not_who_measured_it():
    """"the mapping flight put the fire at 47,300 acres": the flight is who
    measured; the fire is what."""
    text = "Wednesday morning's infrared mapping flight put the fire at 47,300 acres."
    assert "flight" not in extract_claims(text).iloc[0].metric


@pytest.mark.parametrize("text,figure,place", [
    # a place owning where the counted things are, on the subject noun ...
    ("The Harbor Board met on Tuesday. Traffic crashes within Vantry city limits killed "
     "101 people in 2026, state data show.", "101", "Vantry"),
    # ... or on the clause's verb
    ("The Harbor Board met on Tuesday. Seven cyclists were killed on Vantry's streets "
     "last year.", "Seven", "Vantry"),
    ("The Harbor Board met on Tuesday. Burglaries inside Dunmore County schools rose to "
     "48 in 2025.", "48", "Dunmore County"),
])
def test_a_place_owning_where_things_are_names_whose_figure_it_is(text, figure, place):
    row = extract_claims(text, published="2027-02-10").set_index("text").loc[figure]
    assert row.subject == place


def test_a_list_written_figure_first_gives_each_entry_its_place():
    """"broke the deaths down by area: 1,293 in Al Haouz, 452 in Taroudant":
    each figure is its place's, though the model tags not every name."""
    df = extract_claims("Storm Bo hit the coast on Friday. The ministry broke the deaths down "
                        "by area: 1,293 in Al Haouz, 452 in Taroudant, 41 in Ouarzazate and 15 "
                        "in Marrakech.", published="2024-10-06").set_index("text")
    assert df.loc["452", "subject"] == "Taroudant"
    assert df.loc["41", "subject"] == "Ouarzazate"


@pytest.mark.parametrize("text,expect", [
    ("Storm Bo hit the coast on Friday. As of Saturday, deaths from the storm by state were: "
     "North Carolina, 113 people; South Carolina, 48 people; and Georgia, 33 people.",
     {"113": ("North Carolina", "death"), "48": ("South Carolina", "death"),
      "33": ("Georgia", "death")}),
    ("Storm Bo hit the coast on Friday. Confirmed cases by state: Texas (309), "
     "New Mexico (42) and Kansas (10).",
     {"309": ("Texas", "case"), "42": ("New Mexico", "case"), "10": ("Kansas", "case")}),
    # names the model does not tag, in a list by bracket
    ("Storm Bo hit the coast on Friday. Pell has the most deaths with 1,293, followed by "
     "Taroudant (452 deaths), Chichaoua (191 deaths) and Tinguir (1).",
     {"452": ("Taroudant", "death"), "191": ("Chichaoua", "death")}),
    # the model cuts the sentence after the lead's colon: the list still
    # counts what the lead names, and a name is no counted noun
    ("Storm Bo hit the coast on Friday. As of Monday, flood deaths by county were: Pell, 3; "
     "Asher, 12; Dunmore, 42; Burke, 5.",
     {"3": ("Pell", "flood death"), "12": ("Asher", "flood death"),
      "42": ("Dunmore", "flood death")}),
])
def test_a_list_of_figures_by_name_gives_each_entry_its_name_and_the_leads_measure(text, expect):
    df = extract_claims(text, published="2024-10-06").set_index("text")
    got = {t: (df.loc[t, "subject"], df.loc[t, "metric"]) for t in expect}
    assert got == expect
    assert not {df.loc[t, "unit"] for t in expect} & {s.lower() for s, _ in expect.values()}


def test_a_name_in_a_headlines_scene_setting_clause_is_not_the_main_subject():
    text = ("Harlow Mills output climbs as Dunmore Steel idles a plant\n\n"
            "Harlow Mills produced 4,000 tons of flour in March. Dunmore Steel cut 300 jobs "
            "in March. Dunmore Steel also closed two furnaces.\n\nOutput rose 12% in the quarter.")
    df = extract_claims(text, published="2026-04-02").set_index("text")
    assert df.loc["12%", "subject"] == "Harlow Mills"


def test_a_change_after_a_compared_figure_and_a_background_clause_keeps_its_own_period():
    text = ("Ferrisburg counted 61 homicides last year, according to the city's annual "
            "Safe Streets report. That is down from 75 in 2025, a drop of about 19 percent and "
            "the steepest decline since the council adopted its Safe Streets plan in 2020.")
    df = extract_claims(text, published="2027-01-20").set_index("text")
    row = df.loc["about 19 percent"]
    assert (row.period, row.base_period) == ("2026", "2025")
    assert df.loc["75", "period"] == "2025"
    # a name inside "according to the city's annual Safe Streets report" is
    # not what the next sentence is about
    assert row.subject == "Ferrisburg"


def test_a_name_a_figure_counts_is_not_whose_figure_it_is():
    """"a million Americans" counts Americans; "two people in Pennsylvania"
    still names the place whose people they are."""
    text = ("Acme Bank has forgiven loans this year. Through its program, more than a million "
            "Americans have received relief. Two people in Pennsylvania have fallen ill.")
    subject = dict(zip(*extract_claims(text)[["text", "subject"]].T.values))
    assert subject["more than a million"] == "Acme Bank"
    assert subject["Two"] == "Pennsylvania"


def test_the_company_a_story_names_most_is_that_name_where_the_model_missed_it():
    """The model tags "Boeing" in one sentence and not in "SEATTLE - Boeing
    workers on the US West Coast": the workers are still Boeing's."""
    text = ("Boeing's machinists voted on Monday to end their strike at Boeing. SEATTLE - Boeing "
            "workers on the US West Coast have voted to accept a new contract, ending a "
            "seven-week strike.")
    subject = dict(zip(*extract_claims(text)[["text", "subject"]].T.values))
    assert subject["seven-week"] == "Boeing"


@pytest.mark.parametrize("text,figure,metric", [
    # an adjusted (non-GAAP) result is another measure than the reported one
    ("Adjusted gross margin came in at 66%, in line with guidance.", "66%",
     "adjusted gross margin"),
    # a seasonally adjusted rate is the rate, counted one way
    ("The seasonally adjusted unemployment rate rose to 4.3% in October.", "4.3%",
     "unemployment rate"),
    ("The seasonally-adjusted unemployment rate rose to 4.3% in October.", "4.3%",
     "unemployment rate"),
])
def test_adjusted_narrows_a_metric_unless_seasonally(text, figure, metric):
    assert extract_claims(text).set_index("text").loc[figure].metric == metric


def test_who_tells_a_headline_is_not_what_it_is_about():
    text = ("Acme Foods listeria outbreak: six more deaths bring toll to nine, CDC says\n\n"
            "Six more people have died in the outbreak, raising the death toll to nine. "
            "Two people in Pennsylvania have fallen ill in the outbreak.\n\n"
            "At least one lawsuit has been filed.")
    subject = dict(zip(*extract_claims(text, published="2024-08-29")[["text", "subject"]].T.values))
    assert subject["Six"] == subject["At least one"] == "Acme Foods"
    assert subject["Two"] == "Pennsylvania"


def test_the_one_name_a_headline_is_about_is_the_main_subject_though_it_owns_no_figure():
    text = ("Northwind Foods layoffs spread to more plants\n\n"
            "Layoffs reached 400 on Friday. Cuts by state were: Ohio, 200 people; Texas, 120 "
            "people; and Iowa, 80 people. Harlow Mills cut 63 jobs in 2019.\n\n"
            "Two warehouses will close in March.")
    df = extract_claims(text, published="2026-09-20").set_index("text")
    assert df.loc["Two", "subject"] == "Northwind Foods"


def test_a_named_subjects_figure_in_a_place_is_that_places_share_of_it():
    text = ("Northwind Foods reported its results on Friday. Northwind Foods sold 5 million "
            "cans in Ohio last year.")
    row = extract_claims(text, published="2026-03-02").set_index("text").loc["5 million"]
    assert set(row.subject.split(";")) == {"Northwind Foods", "Ohio"}


@pytest.mark.parametrize("text,figure,places", [
    ("Officials met on Monday. Cases rose to 60 in Gaines and Terry counties.", "60",
     {"Gaines County", "Terry County"}),
    ("Officials met on Monday. The remaining 42 are in neighboring Pell and Asher counties.",
     "42", {"Pell County", "Asher County"}),
])
def test_places_listed_with_their_kind_once_each_own_the_figure(text, figure, places):
    row = extract_claims(text, published="2027-03-10").set_index("text").loc[figure]
    assert set(row.subject.split(";")) == places


def test_a_day_of_the_month_dates_a_running_count_in_its_year():
    text = ("Last year the nation counted 285 cases.\n\n"
            "Cases in Gaines County rose to 211 from 191 as of March 18, the state said. "
            "Hospitalizations in the state rose to 40 from 36.")
    df = extract_claims(text, published="2025-03-21").set_index("text")
    # the sentence before is dated March 18, 2025 ("as of" it, not compared with it)
    assert df.loc["40", "period"] == "2025"


def test_verbs_sharing_the_numbers_subject_are_one_clause_with_it():
    text = ("The city released its report on Tuesday. Forty-one people were struck and killed "
            "while walking in 2025, the report shows.")
    row = extract_claims(text, published="2026-02-10").set_index("text").loc["Forty-one"]
    assert row.period == "2025"


@pytest.mark.parametrize("text,figure,unit", [
    # the parse hangs the figure on "total": the noun right after it is counted
    ("A total of 378 confirmed measles cases had been reported by 18 jurisdictions.", "378",
     "case"),
    # a time right after the figure is when, not what
    ("Opioid-involved deaths totaled 41,577 last year.", "41,577", "death"),
])
def test_a_figure_without_a_head_counts_the_noun_right_after_it(text, figure, unit):
    row = extract_claims(text, published="2025-03-21").set_index("text").loc[figure]
    assert row.unit == unit


def test_a_telling_verb_gives_way_to_the_participle_of_what_is_counted():
    df = extract_claims("She said inspectors had confirmed 146 buildings destroyed so far.",
                        published="2026-08-21").set_index("text")
    assert df.loc["146", "metric"].endswith("(destroy)")


def test_a_figure_said_to_be_in_a_place_is_that_places():
    text = ("The Cedar Flat Fire has burned 47,300 acres. Of that, 41,800 acres are in "
            "Alder County, officials said.")
    row = extract_claims(text, published="2026-08-21").set_index("text").loc["41,800 acres"]
    assert row.subject == "Alder County"


def test_a_pronoun_after_a_sentence_opening_common_noun_stands_for_it():
    text = ("The US inflation rate rose to 2.7% in June, the Bureau of Labor Statistics said. "
            "Eggs fell 7.4% "
            "from the previous month, although they were still nearly 30% more expensive than "
            "a year ago.")
    row = extract_claims(text, published="2025-07-15").set_index("text").loc["nearly 30%"]
    assert row.subject != "Bureau of Labor Statistics"


def test_a_time_in_a_relative_clause_on_another_noun_does_not_date_the_figure():
    text = ("Consumer prices rose in June. Egg prices fell 7.4% in June, extending a cooling "
            "trend that followed the steep run-up the industry saw last year; even so, eggs "
            "still cost 27.3% more than a year ago.")
    row = extract_claims(text, published="2025-07-15").set_index("text").loc["27.3%"]
    assert row.period == "2025-06"


@pytest.mark.parametrize("text", [
    "North Carolina's Division of Public Health reports that most of the 95 deaths were storm "
    "related.",
    "Ohio’s Department of Health reported 95 deaths.",
])
def test_a_body_named_with_its_place_as_owner_stands_for_the_place(text):
    from pipeline.keys import norm_subject
    row = extract_claims(text, published="2024-10-18").set_index("text").loc["95"]
    place = "north carolina" if text.startswith("North") else "ohio"
    assert norm_subject(row.subject) == (place,)


def test_a_body_is_not_merged_with_a_place_a_few_words_before_it():
    from pipeline.keys import norm_subject
    text = "The Ohio governor's Office of Budget said 40 cases were reported."
    row = extract_claims(text, published="2024-10-18").set_index("text").loc["40"]
    # the office is named on its own (it tells the count: its source), not
    # as "Ohio Office of Budget" standing for the place
    assert row.source == "Office of Budget"
    assert "office" not in " ".join(norm_subject(row.subject))


@pytest.mark.parametrize("text,figure,subject,source", [
    # an organisation telling a clause about others' figures is its source
    ("Quake hits Yunnan province\n\nA strong earthquake hit Yunnan province on Sunday. "
     "Xinhua reported that at least 381 people had been killed as of Monday morning.",
     "at least 381", "Yunnan province", "Xinhua"),
    ("Gas prices fall before the holiday\n\nDrivers in Ohio paid less this week. GasBuddy said "
     "the national average for regular unleaded was $3.29 a gallon on Tuesday.",
     "$3.29", "Ohio", "GasBuddy"),
    # (any verb that tells: "noted", "warned", "predicted")
    ("Quake hits Yunnan province\n\nA strong earthquake hit Yunnan province on Sunday. "
     "Xinhua noted that more than 12,000 houses collapsed.",
     "more than 12,000", "Yunnan province", "Xinhua"),
    # ... but not of what it owns ("revenue", "its sales")
    ("Northwind beats forecasts\n\nNorthwind Foods said revenue grew 18% in the quarter.",
     "18%", "Northwind Foods", ""),
    # ... nor when it owns figures elsewhere in the article
    ("Tips fall\n\nThe Harbor Watch received 20 million tips in 2024. The Harbor Watch said "
     "there was still a gap of 7 million tips between the years.",
     "7 million", "Harbor Watch", ""),
])
def test_an_organisation_telling_a_clause_about_others_figures_is_their_source(
        text, figure, subject, source):
    row = extract_claims(text, published="2024-08-05").set_index("text").loc[figure]
    assert (row.subject, row.source) == (subject, source)


@pytest.mark.parametrize("text,figure,metric,unit", [
    # the verb of an outcome names what a bare figure it takes counts
    ("A strong earthquake hit the province on Sunday, killing at least 367 people and "
     "injuring 1,881 in a remote area.", "1,881", "injury", "people"),
    # ... across a comma the parser hung on the next noun
    ("The storm killed more than 36 people and injured nearly 200, flattening homes.",
     "nearly 200", "injury", "people"),
    # the cause of an outcome does not narrow it: deaths, not "strong" ones
    ("A strong earthquake killed 367 people on Sunday.", "367", "death", "people"),
    # an outcome word right after the figure ("367 dead in ... quake")
    ("At least 367 dead in southwest Vantry quake", "At least 367", "death", "people"),
    ("The flood left 40 homeless and 12 injured.", "12", "injury", "people"),
    # a bare count with its own verb borrows what it counts, not what befell the other
    ("At least 30 people have died and another 179 have been rushed to hospital.", "179",
     "person (rush)", "people"),
    ("Three people died and 12 were hospitalized.", "12", "hospitalization", "people"),
    # people named by who they are (synonyms.toml [words] people) count what befell them
    ("Officials estimated that 670 villagers died in the landslide.", "670", "villager death",
     "villager"),
    ("The disaster displaced 1,650 survivors.", "1,650", "survivor (displace)", "survivor"),
])
def test_an_outcome_verb_names_what_its_figure_counts(text, figure, metric, unit):
    row = extract_claims(text, published="2014-08-04").set_index("text").loc[figure]
    assert (row.metric, row.unit) == (metric, unit)


def test_a_bare_name_telling_a_quote_is_a_speaker_not_the_owner():
    """In this article the model finds no entity in "Cardona" of '"...,"
    Cardona said': a bare name telling a clause is still a person's."""
    path = Path(__file__).parent / "data/fresh/student_loan_forgiveness_2024_25/01_fox_news.txt"
    df = extract_claims(path.read_text(), published="2024-12-20")
    said = df[df.sentence.str.contains("Cardona said", regex=False)]
    assert len(said) and not said.subject.str.contains("Cardona").any()


def test_a_holiday_is_when_not_whose_figure():
    text = ("Gas prices fall before the holiday\n\nThe Harbor Energy Board tracks prices. "
            "Thanksgiving brings 12 states with gas below $3 this year.")
    df = extract_claims(text, published="2023-11-21").set_index("text")
    assert df.loc["12", "subject"] != "Thanksgiving"


@pytest.mark.parametrize("text,figure,metric", [
    # (people who travel are travelers, as "55 million travelers" says:
    # synonyms.toml [people_outcomes], since the thirtieth session)
    ("Over 55 million Americans are expected to travel for the holiday, AAA says.",
     "Over 55 million", "traveler"),
    ("With more than 55 million Americans expected to travel, prices fell.",
     "more than 55 million", "traveler"),
    ("AAA predicts that just over 49 million Americans will drive this year.",
     "just over 49 million", "american (drive)"),
])
def test_a_forecast_verb_gives_way_to_the_verb_of_what_is_counted(text, figure, metric):
    """Travellers and drivers are two counts; "expected" says neither."""
    row = extract_claims(text, published="2023-11-21").set_index("text").loc[figure]
    assert row.metric == metric


def test_a_scale_letter_glued_to_its_figure_is_no_modifier():
    row = extract_claims("Airports saw a surge: 3.13M passengers screened on Sunday.",
                         published="2025-12-01").set_index("text").loc["3.13M"]
    assert "m" not in row.metric.split()


@pytest.mark.parametrize("text,figure,subject", [
    # a name written with a possessive inside it, whichever run the parse hangs
    # the figure on, and whether or not the model calls its first word a place
    ("Boar's Head is recalling 7 million pounds of meat. Boar's Head said the plant is shut.",
     "7 million", "Boar's Head"),
    ("The recall now takes in 102 products from Boar's Head. Boar's Head closed the plant.",
     "102", "Boar's Head"),
    # an owner and a title, or a named thing owned, stay apart
    ("Boeing's CEO earns $75,608 a week, the union said.", "$75,608", ""),
    ("Texas's Harris County reported 12 deaths.", "12", "Harris County"),
])
def test_a_possessive_inside_a_name_keeps_the_name_whole(text, figure, subject):
    df = extract_claims(text)
    row = df[df.text.str.startswith(figure)].iloc[0]
    if subject:
        assert row.subject == subject
    else:
        assert "'s" not in row.subject


@pytest.mark.parametrize("verb", ["said", "added", "wrote"])
def test_a_person_telling_a_quote_with_a_verb_of_speech_is_its_source(verb):
    """'"... for nearly five million borrowers," Cardona added': the quote's
    own clause owns the figures, not the person telling it."""
    text = ('The Biden administration approved $4.28 billion in relief on Friday. Secretary of '
            'Education Miguel Cardona said the administration had made a pledge to public '
            'servants.\n\n"With the approval of another $4.28 billion in loan forgiveness for '
            'nearly 55,000 public servants, the Administration has secured nearly $180 billion in '
            f'relief for nearly five million borrowers," Cardona {verb}.')
    rows = extract_claims(text)
    quoted = rows[rows.sentence.str.contains("Cardona")]
    assert len(quoted) and not rows.subject.str.contains("Cardona").any(), \
        rows[["text", "subject"]]


def test_a_person_is_a_speaker_only_when_the_verb_tells_a_clause():
    """"Taylor Swift wrote a new song" tells nothing: she may still be the
    article's subject (a verb of speech makes a speaker only over the
    clause it tells)."""
    rows = extract_claims("Taylor Swift wrote a new song. Taylor Swift won 14 Grammys. About "
                          "10 million tickets were sold.").set_index("text")
    assert rows.loc["About 10 million"].subject == "Taylor Swift"


def test_a_news_agency_tells_figures_and_owns_none():
    """The model may call Xinhua a place; a news agency quoted on any topic
    (attribution.toml news_agencies) tells the clause it reports, and "the
    government" after it is not the agency."""
    text = ("A strong earthquake struck Yunnan province on Sunday. Xinhua reported that at least "
            "381 people had been killed as of Monday morning. The government is sending 2,000 "
            "tents to the disaster zone, Xinhua said.")
    rows = extract_claims(text).set_index("text")
    assert rows.loc["at least 381"].subject != "Xinhua"
    assert rows.loc["2,000"].subject != "Xinhua"


@pytest.mark.parametrize("text,figure,not_subject,subject", [
    # a clause joined by "and"/";" with its own subject is not the other
    # clause's subject's ...
    ("The Averill Metro Transit Authority carried 48 million riders last year. Transit systems "
     "nationwide have recovered to roughly 85% of their 2019 ridership, according to the Council "
     "of Urban Transit Agencies.\n\nMoney is the bigger worry. The board adopted a $312 million "
     "operating budget for the current fiscal year, which began July 1, and staff now project a "
     "deficit of $41 million in fiscal year 2028.", "$41 million",
     "Council of Urban Transit Agencies", "Averill Metro Transit Authority"),
    # ... unless that subject is a pronoun standing for it
    ("The first Vantry Marathon was held in 1981, and it was won in a respectable time by "
     "a runner who beat 7,000 others.", "7,000", "", "Vantry Marathon"),
])
def test_a_conjoined_clause_with_its_own_subject_keeps_to_it(text, figure, not_subject, subject):
    df = extract_claims(text)
    row = df[df.text.str.startswith(figure)].iloc[0]
    if not_subject:
        assert not_subject not in row.subject
    if subject:
        assert row.subject == subject


@pytest.mark.parametrize("text,figure,subject", [
    # the measurer tells the figure; what it measures is the story's own
    ("A strong earthquake hit Yunnan province in China on Sunday, killing 367 people in China. "
     "The US Geological Survey (USGS) measured the quake at magnitude 6.1 and said it struck at a "
     "shallow depth.", "6.1", "China"),
    # ... and the agency updating a tally (a possessive name modifying a noun
    # is one name too)
    ("A listeria outbreak tied to Boar's Head deli meat has sickened 57 people, Boar's Head "
     "said. The CDC raised the death toll to nine on Wednesday.", "nine", "Boar's Head"),
    # an organisation updating its own figure still owns it
    ("Acme Corp raised its forecast to $5 billion on Tuesday.", "$5 billion", "Acme Corp"),
])
def test_who_measures_or_updates_a_tally_tells_it(text, figure, subject):
    df = extract_claims(text)
    row = df[df.text.str.startswith(figure)].iloc[0]
    assert row.subject == subject
    if "USGS" in text:
        assert row.source == "USGS"  # the measurer is the figure's source


def test_a_time_zone_is_no_owner():
    """The model calls "Beijing Time" an organisation; "the Chinese
    government" after it is not that."""
    text = ("The quake struck at 4:30 p.m. Sunday (Beijing Time) at a depth of 12 km. Hundreds of "
            "rescue teams are working, and the Chinese government has sent 2,000 tents.")
    assert "Beijing Time" not in set(extract_claims(text).subject)


@pytest.mark.parametrize("text", [
    "Intel's stock plunged 20 per cent in after-hours trading.",
    "Intel said 20 per cent of staff would go.",
    "Workers pressed for the 40 per cent pay rise the union had demanded.",
])
def test_per_cent_written_in_two_words_is_no_metric(text):
    """The percent sign's words ("per cent") are the figure's own, not what
    it measures (they were read as the metric "cent"): the same as with
    "percent"."""
    metric = extract_claims(text).iloc[0].metric
    assert "cent" not in metric.split()
    assert metric == extract_claims(text.replace("per cent", "percent")).iloc[0].metric


@pytest.mark.parametrize("published, period", [
    ("2024-01-02", "2023-Q4"),   # the quarter just ended, not one nine months away
    ("2023-11-02", "2023-Q4"),   # the quarter under way
])
def test_a_quarter_written_without_its_year_has_begun_by_publication(published, period):
    text = ("Harlow Motors reported 484,507 deliveries for Q4, a record. In the fourth quarter "
            "it built 494,989 vehicles; in October-December sales rose 5%.")
    df = extract_claims(text, published=published).set_index("text")
    assert set(df.loc[["484,507", "494,989", "5%"], "period"]) == {period}


def test_a_verb_done_to_counted_things_names_what_they_count():
    """"delivered 484,507 vehicles" counts deliveries, as "484,507
    deliveries" does; "produced 494,989 vehicles" counts production, and a
    figure that borrows the noun keeps its own verb."""
    text = ("In the fourth quarter Harlow Motors produced 494,989 vehicles and delivered "
            "484,507. Over the year, 1.8 million vehicles were delivered. Over the whole of "
            "2023 it produced a total of 1,845,985 vehicles and delivered 1,808,581.")
    df = extract_claims(text, published="2024-01-02").set_index("text")
    assert df.loc["494,989", "metric"] == "vehicle production"
    assert df.loc["484,507", "metric"] == "vehicle delivery"
    assert df.loc["1.8 million", "metric"] == "vehicle delivery"
    # through "a total of", and a figure borrowing a noun that names no event
    assert df.loc["1,845,985", "metric"] == "vehicle production"
    assert df.loc["1,808,581", "metric"] == "vehicle delivery"


def test_an_economy_that_shrank_measures_its_output():
    """"the economy" refers to a country, and its change is its output's
    (synonyms.toml [classes] gdp), not the "government figures" that show it."""
    text = ("Government figures show Harlow's economy shrank by an unexpected 0.4 percent in "
            "the last quarter of 2023. GDP had fallen by 3.3 percent in the quarter before.")
    df = extract_claims(text, published="2024-02-15").set_index("text")
    assert set(df["metric"]) == {"gdp"}


def test_a_compared_figure_dated_by_a_day_is_in_the_storys_period():
    """"up from 21% on Wednesday": the day before, not a year before (the
    default base of a change); "up from $4 million in 2025" keeps its year,
    and a day further on dates the saying, not the figure."""
    text = ("Containment climbed to 34% Thursday morning, up from 21% on Wednesday. Sales "
            "rose to $5 million, up from $4 million in 2025. Shares fell to $40 from $52, "
            "the company said on Tuesday.")
    df = extract_claims(text, published="2026-08-13").set_index("text")
    assert df.loc["21%", "period"] == df.loc["34%", "period"] == "2026"
    assert df.loc["$4 million", "period"] == "2025"
    assert df.loc["$52", "period"] == "2025"


def test_a_change_from_one_year_to_another_keeps_its_base():
    df = extract_claims("Revenue grew 40% from 2019 to 2023.", published="2024-03-01")
    assert df[["period", "base_period"]].values.tolist() == [["2023", "2019"]]


#: (sentence, publication date, figure, claim column, expected value): the
#: frame readings of this stop's rules, one row each
FRAME_CASES = [
    # whose figure: a possessive on the figure itself, and a figure joined to it
    ("Last year Japan's nominal GDP came to $4.2 trillion, against Germany's $4.4 trillion, "
     "or $4.5 trillion, depending on the currency conversion.", "2024-02-15", "$4.5 trillion",
     "subject", "Germany"),
    ("Last year Japan's nominal GDP came to $4.2 trillion, against Germany's $4.4 trillion, "
     "or $4.5 trillion, depending on the currency conversion.", "2024-02-15", "$4.4 trillion",
     "subject", "Germany"),
    # ... a name after "for" on a figure compared with, and whom money is for
    # (synonyms.toml allotment_preps): "$1 billion for Gaza" is Gaza's, not
    # the donor's beside its "$3 billion for Israel" (twenty-seventh session;
    # until then the donor's, which lined up every amount of an aid package)
    ("Japan's output was $4.2 trillion last year, against $4.5 trillion for Germany.",
     "2024-02-15", "$4.5 trillion", "subject", "Germany"),
    ("Congress approved $61 billion for Ukraine.", "2024-04-22", "$61 billion", "subject",
     "Ukraine"),
    ("The US pledged $3 billion for Israel and $1 billion for Gaza.", "2024-04-22",
     "$1 billion", "subject", "Gaza"),
    # ... through what the amount is in, or the verb it is the object of
    ("One bill carried roughly $60 billion in aid for Ukraine, a second approximately "
     "$26 billion for Israel.", "2024-04-22", "roughly $60 billion", "subject", "Ukraine"),
    ("One bill carried roughly $60 billion in aid for Ukraine, a second approximately "
     "$26 billion for Israel.", "2024-04-22", "approximately $26 billion", "subject", "Israel"),
    # ... set beside another recipient by the parse, which is not what it measures
    ("The Senate approved the package, which will channel $60 billion to support Ukraine, "
     "$17 billion for Israel and $9 billion in humanitarian aid for Gaza.", "2024-04-24",
     "$17 billion", "subject", "Israel"),
    ("The Senate approved the package, which will channel $60 billion to support Ukraine, "
     "$17 billion for Israel and $9 billion in humanitarian aid for Gaza.", "2024-04-24",
     "$9 billion", "metric", "humanitarian aid"),
    # ... and what one amount is "in" lends itself to no amount beside it
    ("The Senate approved the package, which will channel $60 billion to support Ukraine, "
     "$17 billion for Israel and $9 billion in humanitarian aid for Gaza.", "2024-04-24",
     "$17 billion", "metric", "package"),
    # ... not what a purchase is for: the thing bought; nor what a verb other
    # than one of granting (attribution.toml grant_verbs) sends somewhere
    ("Corvana paid $14 billion for Harlow Motors.", "2024-04-22", "$14 billion", "subject",
     "Corvana"),
    ("Corvana offered $14 billion for Harlow Motors.", "2024-04-22", "$14 billion", "subject",
     "Corvana"),
    ("Rivaland exported $150 billion in cars to Norland last year.", "2024-04-22",
     "$150 billion", "subject", "Rivaland"),
    # ... nor another figure's owner ("to Trump's $130 million"); a title
    # with a number in it is a name ("Moana 2")
    ("Harris raised $361 million in August to Trump's $130 million.", "2024-09-01",
     "$361 million", "subject", "Harris"),
    ("Thanksgiving Day itself brought a record $28 million for Moana 2, nearly double the "
     "$15 million mark set by Frozen 2.", "2024-12-01", "$28 million", "subject", "Moana 2"),
    # a size or age set before a named thing is that thing's, not the
    # clause subject's (money is not a size: "signed a $700 million deal")
    ("The Maryland State Police recovered the body of 38-year-old Maynor Suazo on Friday.",
     "2024-03-29", "38-year-old", "subject", "Maynor Suazo"),
    ("Harlow Motors unveiled the 5-metre Corvana truck.", "2024-03-29", "5-metre", "subject",
     "Corvana"),
    ("Halvorsen signed a $700-million deal with the Dodgers.", "2023-12-12", "$700-million",
     "subject", "Halvorsen"),
    # ... a named thing: not a place the noun is from ("a 45-year-old man from
    # Leeds" is no age of Leeds)
    ("Police in Harrow arrested a 45-year-old man from Leeds on Friday.", "2024-03-29",
     "45-year-old", "subject", "Harrow"),
    # a count of places keys by the thing it locates (synonyms.toml
    # located_preps): "tickets in 16 states" are not the states a game is
    # played in; a verb's places stay plain
    ("Twenty-two other tickets in 16 states won $1 million.", "2022-11-08", "16", "metric",
     "state (ticket)"),
    ("Powerball is played in 45 states.", "2022-11-08", "45", "metric", "state"),
    ("Rain fell over the weekend in four states.", "2022-11-08", "four", "metric", "state"),
    # the verb that moves a level is not what befell the people counted
    # ("the population fell to"); a verb done to them still is
    ("China's population fell to 1.41 billion in 2022.", "2023-01-17", "1.41 billion",
     "metric", "person"),
    ("China's population stood at 1.41 billion at the end of 2022.", "2023-01-17",
     "1.41 billion", "metric", "person"),
    ("No new case was found this week, and 44 people have recovered.", "2024-10-20", "44",
     "metric", "person (recover)"),
    # money won is a prize (synonyms.toml [money_events])
    ("Three other Californians won $1 million in the drawing.", "2022-11-08", "$1 million",
     "metric", "prize"),
    # ... not a quarter the model tags as a name
    ("Harlow Motors said on Tuesday that it delivered 1.8 million vehicles in 2023, a figure "
     "that includes a record 484,507 in Q4, the October-through-December quarter.",
     "2024-01-03", "484,507", "subject", "Harlow Motors"),
    # ... a pronoun on the figure is left to the clause (the first row a guard)
    ("FanGraphs' Jon Becker puts the present value of the deal at $460.8 million. So although "
     "Ohtani will earn $2 million a season, the Dodgers' tax hit will be the average of his "
     "$430 million over the contract.", "2023-12-12", "$430 million", "subject", "Dodgers"),
    ("FanGraphs' Jon Becker puts the present value of the deal at $460.8 million. So although "
     "Ohtani will earn $2 million a season, the Dodgers' tax hit will be the average of his "
     "$430 million over the contract.", "2023-12-12", "$2 million", "subject", "Ohtani"),
    # ... a pronoun after a reference subject ("the economy ..., though it grew") is
    # what the reference refers to, not the office after "according to"
    ("Norway's economy slipped to fourth place. According to Cabinet Office data released "
     "Thursday, the economy shrank at an annual rate of 0.4% in October to December, though "
     "it grew 1.9% across 2023 as a whole.", "2024-02-15", "1.9%", "subject", "Norway"),
    # ... the owner of the noun a figure is the value of, through "the equivalent of"
    ("Japan's 2023 GDP was 4.2 trillion dollars, below Germany's GDP of the equivalent of "
     "4.5 trillion dollars.", "2024-02-15", "4.5 trillion dollars", "subject", "Germany"),
    # when: "the three months to December" is the fourth quarter, not December
    ("Harlow's economy contracted 0.1 percent in the three months to December.",
     "2024-02-15", "0.1 percent", "period", "2023-Q4"),
    # ... a quarter back from the quarter the sentence talks about
    ("Harlow's economy shrank 0.4 percent in the last quarter of 2023. It had declined by "
     "3.3 percent in the three months before that.", "2024-02-15", "3.3 percent", "period",
     "2023-Q3"),
    ("Output fell 0.4 percent in the October-December period, after slumping by 3.3 percent "
     "in the quarter before.", "2024-02-15", "3.3 percent", "period", "2023-Q3"),
    # ... a year after a figure compared "from" is that figure's ("at the 2019 cup")
    ("The average crowd was 30,911, up from 21,756 at the 2019 cup in Vantry.", "2023-08-21",
     "30,911", "period", "2023"),
    ("The average crowd was 30,911, up from 21,756 at the 2019 cup in Vantry.", "2023-08-21",
     "21,756", "period", "2019"),
    # ... and does not date the next sentence
    ("The average crowd was 30,911, up from 21,756 at the 2019 cup. Some 1,032,884 tickets "
     "were sold.", "2023-08-21", "Some 1,032,884", "period", "2023"),
    # ... a year inside what "than" compares with is not the figure's
    ("Some 1,032,884 tickets had been sold by Friday, already more than the sales for the "
     "2019 edition.", "2023-08-21", "Some 1,032,884", "period", "2023"),
    ("More than 1,000 people died in 2019.", "2023-08-21", "More than 1,000", "period",
     "2019"),
    # ... a year in a later figure's participle clause is that figure's
    ("Some 1,977,824 fans attended the games, beating the previous best attendance of "
     "1,353,506 in Canada in 2015.", "2023-08-21", "Some 1,977,824", "period", "2023"),
    ("Some 1,977,824 fans attended the games, beating the previous best attendance of "
     "1,353,506 in Canada in 2015.", "2023-08-21", "1,353,506", "period", "2015"),
    ("Sales were $5 billion and profit $1 billion in 2019.", "2023-08-21", "$5 billion",
     "period", "2019"),
    ("This 19% decrease, representing 7 million fewer reports in 2024 compared to the "
     "previous year, was the largest on record.", "2025-05-01", "19%", "period", "2024"),
    ("Prize money was $110 million, up from $30 million at the 2019 cup. Some 1,032,884 "
     "tickets were sold.", "2023-08-21", "Some 1,032,884", "period", "2023"),
    ("About 300 people died in the flood and the 2022 landslide that followed it.",
     "2024-06-01", "About 300", "period", "2022"),
    # ... a year naming a thing coordinated with the figure's is that thing's
    ("Past disasters include the 1987 bombing of a Korean Air jet by agents, which killed 115 "
     "people, and the 1989 Korean Air crash in Libya, which left 80 dead.", "2024-12-30",
     "115", "period", "1987"),
    # ... a span of years
    # ... never a period yet to come, stated paragraphs before
    ("Rail strike halts trains\n\nMeridian has offered 5% this year and 3% next year.\n\n"
     "Some 850,000 commuters were affected. The strike is set to last 48 hours.\n\n"
     "Meridian said the walkout would cost it about £14 million a day.", "2025-03-04",
     "about £14 million", "period", "2025"),
    ("Lionel Messi's deal with Barcelona between 2017 and 2021 added up to over $650m.",
     "2023-12-11", "over $650m", "period", "2017..2021"),
    ("The Ohtani agreement passes the $674 million deal Lionel Messi had with FC Barcelona "
     "from 2017-2021.", "2023-12-11", "$674 million", "period", "2017..2021"),
    # what: people named by what befell them
    ("Four people remain missing, the coast guard said.", "2023-09-14", "Four", "metric",
     "missing"),
    ("Three workers are still missing.", "2023-09-14", "Three", "metric", "worker missing"),
    # ... an outcome the parse hangs on the figure itself
    ("More than 5,300 dead and 10,000 missing in Derna disaster", "2023-09-14", "10,000",
     "metric", "missing"),
    ("More than 5,300 dead and 10,000 missing in Derna disaster", "2023-09-14",
     "More than 5,300", "metric", "death"),
    # ... "X is estimated at N" gives X's level, as "X stood at N" does
    ("The government puts the number of deaths at more than 5,300, while the missing are "
     "estimated at more than 10,000.", "2023-09-14", "more than 10,000", "metric", "missing"),
    ("The crowd was estimated at 50,000 people.", "2023-09-14", "50,000", "metric", "crowd"),
    # ... not a passive of any verb "at" a figure that counts something of its own
    ("Matches are being played at 10 venues in total.", "2023-08-21", "10", "metric", "venue"),
    ("The toll was put at 300.", "2023-08-21", "300", "metric", "death"),
    # ... nor of a noun the figure is "of": "at a depth of 10 kilometers" is a depth
    ("Its source was at a depth of 10 kilometers.", "2023-09-10", "10 kilometers", "metric",
     "depth"),
    ("The fire grew to a size of 40,000 acres.", "2023-08-21", "40,000 acres", "metric",
     "fire"),
    ("Gold rose to an all-time high of $2,500 an ounce.", "2024-06-01", "$2,500",
     "metric", "gold"),
    ("Home prices climbed to a median of $420,000 in May.", "2024-06-01", "$420,000",
     "metric", "home price"),
    # ... an extreme a level verb reaches is its subject's level, not a "high"
    ("The unemployment rate reached a record high of 20.4 per cent in April.", "2023-05-16",
     "20.4 per cent", "metric", "unemployment rate"),
    ("The unemployment rate hit a record 20.4 per cent in April.", "2023-05-16",
     "20.4 per cent", "metric", "unemployment rate"),
    ("Gold prices reached a record high of $2,500 an ounce.", "2024-06-01", "$2,500",
     "metric", "gold price"),
    ("Inflation climbed to a new all-time high of 5.1% in May.", "2024-06-01", "5.1%",
     "metric", "inflation"),
    # ... bodies found count the dead (synonyms.toml death)
    ("Only seven bodies have been found so far.", "2024-05-27", "seven", "metric", "death"),
    # ... a nation's people named by what befell them, and "among" a population
    ("A diplomat said 68 Indian nationals had died during the pilgrimage.", "2024-06-20", "68",
     "metric", "indian death"),
    ("Cases among unvaccinated children rose to 40.", "2024-06-20", "40", "metric",
     "unvaccinated child case"),
    ("The Health Ministry reported 13 deaths among the 58 confirmed cases.", "2024-06-20", "13",
     "metric", "death"),
    # ... not what befalls the subject of another clause joined to it
    ("The CDC estimates that 1,600 people get listeriosis each year and about 260 of them die.",
     "2024-08-01", "1,600", "metric", "person (get)"),
    # ... a topic word stays before a phrasal verb's particle ("up" alone counts nothing)
    ("Millions sign up for the new app\n\nPeople rushed to sign up. More sign up each hour, "
     "and many sign in twice. The app had 30 million sign-ups by Friday.", "2023-07-07",
     "30 million", "metric", "sign up"),
    # ... a change noun's compound is what changes ("a 12% pay rise"); a
    # figure wanted or offered is not the one agreed
    ("The union is demanding a 12% pay rise over two years.", "2025-03-04", "12%", "metric",
     "earning (proposed)"),
    ("The firm announced a 5% price increase.", "2025-03-04", "5%", "metric", "price"),
    ("Workers want a 12% wage rise.", "2025-03-04", "12%", "metric", "earning (proposed)"),
    # ... but not where the clause's verb breaks nothing down (synonyms.toml list_verbs)
    ("Deaths outpaced rescues in every province: 1,293 in Al Haouz, 452 in Taroudant.",
     "2023-09-10", "452", "metric", "death"),
    # ... a figure with a noun of its own keeps it past an extreme or a participle
    ("The museum reached a record high of 7 million visitors.", "2024-06-01", "7 million",
     "metric", "visitor"),
    ("The number of patients transferred to 14 hospitals rose to 300.", "2024-06-01", "14",
     "metric", "hospital"),
    # ... a share of voters who want something is a poll's figure, not a demand
    ("55% of voters want stricter laws.", "2024-06-01", "55%", "metric", "voter (want)"),
    # ... a list after a clause and a colon counts what the clause breaks down
    ("In a statement, the agency broke the injuries down by county: 120 in Ashe, 45 in Avery "
     "and 12 in Watauga.", "2024-06-20", "45", "metric", "injury"),
    ("EPS: $0.99, $0.90, $1.47; -33% Q/Q, +10% Y/Y.", "2020-08-20", "$0.90", "metric", "eps"),
    # ... "the total number of X" the parse hangs "to N" on a participle of
    ("That figure takes the total number of deaths reported so far to 922, according to a "
     "tally.", "2024-06-20", "922", "metric", "death"),
    # ... past a participle, and a figure that is the subject of what befell it
    ("Libya: over 5,300 presumed dead, thousands missing after two dams collapse",
     "2023-09-14", "over 5,300", "metric", "death"),
    ("Libya: over 5,300 presumed dead, thousands missing after two dams collapse",
     "2023-09-14", "thousands", "metric", "missing"),
    ("Dozens of people have fallen ill and two have died.", "2023-09-14", "two", "metric",
     "death"),
    # ... past an auxiliary the parse hangs the figure on
    ("12 people were killed and two are missing.", "2023-09-14", "two", "metric", "missing"),
    # ... a length a compass direction "of" a place is a distance
    ("The quake hit a mountainous area 72 kilometers (45 miles) southwest of Marrakech.",
     "2023-09-10", "72 kilometers", "metric", "distance"),
    # ... a count of units of time measures a length of time, borrowing nothing near it
    ("FIFA has passed one million tickets sold. With over one month to go before kick-off, "
     "sales are on track.", "2023-06-30", "one", "metric", "month"),
    ("FIFA has passed one million tickets sold. With over one month to go before kick-off, "
     "sales are on track.", "2023-06-30", "one", "unit", "month"),
    # ... of what lasts, when the clause names it: its unit stays the time
    ("Moana 2 earned $225 million over its five-day opening. The show ran for three months.",
     "2024-12-01", "three", "metric", "show"),
    ("Moana 2 earned $225 million over its five-day opening. The show ran for three months.",
     "2024-12-01", "three", "unit", "month"),
    ("Prosecutors had asked for a sentence of as much as 50 years.", "2024-03-28",
     "as much as 50", "unit", "year"),
    ("At 53 days, the strike was shorter than the previous stoppage, which lasted 57 days in 2008.",
     "2024-11-05", "57", "metric", "strike"),
    # a figure asked for, recommended or only possible is not the one that came
    # to be (synonyms.toml [modality])
    ("Prosecutors had asked for a sentence of as much as 50 years.", "2024-03-28",
     "as much as 50", "metric", "sentence (proposed)"),
    ("The sentence was less than a quarter of the 105 years recommended by probation officers.",
     "2024-03-28", "105", "metric", "year (proposed)"),
    ("Officials said a 50-day strike could cost the company $3 billion.", "2024-11-05",
     "50-day", "metric", "strike (possible)"),
    # ... nor one forecast (attribution.toml forecast_verbs)
    ("Monthly inflation was 25.5% in December, slightly below the 30% the government had "
     "forecast.", "2024-01-12", "30%", "metric", "inflation (expected)"),
    ("Monthly inflation was 25.5% in December, slightly below the 30% the government had "
     "forecast.", "2024-01-12", "25.5%", "metric", "inflation"),
    ("The judge sentenced him to 25 years in prison.", "2024-03-28", "25", "metric",
     "prison year"),
    # an age is an age, whatever noun it sits by; an appositive age is its name's
    ("Kaplan spoke of the 32-year-old Californian.", "2024-03-28", "32-year-old", "metric", "age"),
    ("Prosecutors recommended that Bankman-Fried, 32, receive a long sentence.", "2024-03-28",
     "32", "subject", "Bankman-Fried"),
    ("Prosecutors recommended that Bankman-Fried, 32, receive a long sentence.", "2024-03-28",
     "32", "metric", "age"),
    # a power in gigawatts measures power
    ("Spain's grid lost 15 gigawatts, equivalent to 60% of its demand, in five seconds.",
     "2025-04-29", "15 gigawatts", "metric", "power"),
    # what befell people, by the verb ("wounded 2,059") or by a participle the
    # parse hangs the level on ("the total number of people hospitalized to 57")
    ("The quake has killed at least 2,012 people and wounded 2,059.", "2023-09-10", "2,059",
     "metric", "injury"),
    ("Fourteen more people have been infected, which brings the total number of people "
     "hospitalized to 57, the CDC said.", "2024-08-29", "57", "metric", "hospitalization"),
    ("Rescuers called off the search for six people who are presumed dead.", "2024-03-27",
     "six", "metric", "death"),
    # a name after "for" on a figure compared, where the parse hangs the "for"
    # on the verb; a name the model did not tag in a clause with its verb left out
    ("Ana Moreno won 59.8% of the vote, according to the final count, against 27.5% for "
     "Luis Ortega.", "2024-06-10", "27.5%", "subject", "Luis Ortega"),
    ("Luis Ortega was second with 27.9% and Pablo Ruiz third with 10.4%.", "2024-06-10",
     "10.4%", "subject", "Pablo Ruiz"),
    ("Spain had 5 deaths. Across Texas, which is home to more than 30 million residents, "
     "schools closed.", "2025-04-29", "more than 30 million", "subject", "Texas"),
    # a craft stands for the operator named before it; crew members are crew
    ("Alaska Airlines Flight 1282 returned to Portland. \"The aircraft landed safely back at "
     "Portland International Airport with 171 guests and 6 crew members,\" the airline said.",
     "2024-01-06", "6", "subject", "Alaska Airlines"),
    ("The jet landed with 171 guests and 6 crew members.", "2024-01-06", "6", "metric", "crew"),
    # a figure in a thing the sentence takes as known keeps no mood from the verbs above
    ("Ohtani's camp may be able to call the $700 million deal the richest contract ever.",
     "2023-12-12", "$700 million", "metric", "deal"),
    # a figure in brackets beside a name is the name's; what it measures is further up
    ("India's budget for the mission ($75M) is less than the film Interstellar ($165M).",
     "2023-08-24", "$165M", "metric", "film"),
    ("India's budget for the mission ($75M) is less than the film Interstellar ($165M).",
     "2023-08-24", "$165M", "subject", "Interstellar"),
    # "For <name>," opening a clause scopes it to that name (attribution.toml
    # fronted_owner_preps), not only to a place
    ("The Games sold 9.5 million tickets. For the Paralympics, which open next month, more "
     "than 2 million tickets have now been sold, the committee said.", "2030-08-12",
     "more than 2 million", "subject", "Paralympics"),
    # the amount of a verb of imposing money, under the currency word the parse
    # makes the object, or hung on the one fined
    ("The European Commission on Monday fined Orbix 1.84 billion euros for blocking rival "
     "apps.", "2030-03-04", "1.84 billion euros", "metric", "fine"),
    # an owner's shares are its stock, not an empty "share of"
    ("Orbix was fined $1.95 billion. Its shares were down 3 percent in afternoon trading.",
     "2030-03-04", "3 percent", "metric", "share"),
    # a name the model runs into the figure after it ends before the figure
    ("EU fines Orbix 1.8 billion euros over app store rules\n\nThe European Commission on "
     "Monday fined Orbix 1.84 billion euros for blocking rival apps.", "2030-03-04",
     "1.8 billion euros", "subject", "Orbix"),
    # a verb of imposing money names the amount it takes as object
    ("Besides the 25-year prison term, Bankman-Fried has been ordered to forfeit $11.02 billion.",
     "2024-03-28", "$11.02 billion", "metric", "forfeiture"),
    # (second review of the twenty-fourth session's changes)
    ("Tesla delivered 386,810 vehicles in Q1, 466,140 in Q2 and 435,059 in Q3.", "2023-10-02",
     "466,140", "subject", ""),
    ("Sales of the device rose to 120 in January, 135 in February and 150 in March.",
     "2024-04-02", "135", "subject", ""),
    ("Police are searching for two men who killed five people in Dallas.", "2024-04-02", "two",
     "metric", "man"),
    ("Prosecutors sought the maximum sentence of 50 years for Bankman-Fried.", "2024-03-28",
     "50", "metric", "maximum sentence (proposed)"),
    ("He could face the maximum penalty of 20 years in prison.", "2024-03-28", "20", "metric",
     "maximum penalty (possible)"),
    ("Alaska Airlines Flight 1282 took off from Portland International Airport on Friday. The "
     "plane was carrying 171 passengers.", "2024-01-06", "171", "subject", "Alaska Airlines"),
    ("Apple sold the iPhone to 200 million customers in China.", "2024-01-06", "200 million",
     "subject", "Apple;China"),
    # (review of the twenty-fourth session's changes)
    ("Bankman-Fried, who is 32 years old, was sentenced on Thursday.", "2024-03-28",
     "32 years old", "metric", "age"),
    ("Reporters asked why 300 people died.", "2024-06-20", "300", "metric", "death"),
    ("Data suggest that 300 people died.", "2024-06-20", "300", "metric", "death"),
    ("The death toll could be as high as 300.", "2024-06-20", "300", "metric",
     "death (possible)"),
    ("With over one month to go, organizers have sold 8.7 million tickets.", "2024-06-20",
     "one", "metric", "month"),
    ("The strike shut the plants for 52 days.", "2024-11-05", "52", "metric", "strike"),
    ("The Delta outage lasted about 20 minutes on Friday.", "2024-07-20", "about 20", "unit",
     "minute"),
    ("Audi sold 5,000 RS models in 2023.", "2024-01-05", "5,000", "metric", "rs model"),
    ("Judge Lewis Kaplan sentenced Bankman-Fried on Thursday to 25 years in prison, CNN "
     "reported.", "2024-03-28", "25", "subject", "Bankman-Fried"),
    # "<place>, home to N people": that place's people (attribution.toml home_words)
    ("Spain had 5 deaths. On the Iberian Peninsula, home to about 60 million people, traffic "
     "was disrupted.", "2025-04-29", "about 60 million", "subject", "Iberian Peninsula"),
    # "the cost of X stood at": X's (by its named owner); not "the number of X"
    ("In 2020 the cost of India's lunar mission stood at Rs 615 crore.", "2023-08-23",
     "Rs 615 crore", "subject", "India"),
    ("Moana 2 earned $225 million over its five-day opening.", "2024-12-01", "$225 million",
     "metric", "opening"),
    # ... money "in" a thing is an amount of that thing
    ("Three weeks earlier, the President forgave $4.28 billion in student debt for 54,900 "
     "workers.", "2025-01-15", "$4.28 billion", "metric", "student debt"),
    ("More than a million people have received $78 billion in relief.", "2025-01-15",
     "$78 billion", "metric", "relief"),
    ("The film set records with $221 million in ticket sales.", "2025-01-15", "$221 million",
     "metric", "ticket revenue"),
    # ... an amount a verb of imposing money takes is what the verb makes of it:
    # a fine, as "a $12.5 million fine" is one (synonyms.toml [money_events]);
    # not an amount paid, which the sentence's nouns say more of
    ("A regulator fined Halvorsen Bank $12.5 million on Tuesday for lax checks.",
     "2024-06-01", "$12.5 million", "metric", "fine"),
    ("Halvorsen Bank has been fined $12.5 million, the regulator said.", "2024-06-01",
     "$12.5 million", "metric", "fine"),
    # ... not by the verb's subject ("a judge"); money "in" a thing is still that thing
    ("On Friday a judge fined Halvorsen Bank $12.5 million.", "2024-06-01", "$12.5 million",
     "metric", "fine"),
    ("Halvorsen Bank paid $5 million in fees.", "2024-06-01", "$5 million", "metric", "fee"),
    # ... and a headline restating the body's amount measures what the body says
    ("Takeaways from the $355 million civil fraud ruling against Halvorsen\n\nOn Friday a "
     "judge fined Halvorsen $355 million for inflating his assets.", "2024-02-17",
     "$355 million", "metric", "fine"),
    ("The regulator imposed a $12.5 million fine on Halvorsen Bank.", "2024-06-01",
     "$12.5 million", "metric", "fine"),
    # whose: a surname stands for the one person the article names in full with it
    ("Democratic Gov. Ana Harlow leads the race. Harlow was backed by 48 percent of likely "
     "voters.", "2024-10-08", "48 percent", "subject", "Ana Harlow"),
    # ... but not one the article also writes after a title (two people)
    ("Hunter Biden was convicted on Tuesday. President Biden said he would not pardon his "
     "son. Biden's approval rating fell to 38%.", "2024-06-12", "38%", "subject", "Biden"),
    # ... a name that spells a number is still a name
    ("7-Eleven said it would close 444 stores in North America.", "2024-06-12", "444",
     "subject", "7-Eleven;North America"),
    # ... the second share of a score is the rival's, the verb's object
    # (attribution.toml rival_preps); not a level a move reaches
    ("Governor Ana Harlow leads Tom Benton 49% to 42% among likely voters.", "2024-10-08",
     "42%", "subject", "Tom Benton"),
    ("Governor Ana Harlow leads Tom Benton 49% to 42% among likely voters.", "2024-10-08",
     "49%", "subject", "Ana Harlow"),
    ("Governor Ana Harlow leads her challenger Tom Benton by 6 points, 48% to 42%, a poll "
     "found.", "2024-10-08", "42%", "subject", "Tom Benton"),
    ("Ana Harlow saw her approval rise from 41% to 44%.", "2024-10-08", "44%", "subject",
     "Ana Harlow"),
    # what: points are what two shares differ by, never what a share is of
    ("Governor Ana Harlow leads her challenger Tom Benton by 6 points, 48% to 42%, a poll "
     "found.", "2024-10-08", "48%", "metric", ""),
    # when: a time past a figure compared with (and the figures restating it)
    # is never a figure's before it
    ("Corvane reported third-quarter revenue of $18.4 billion. Net income was $4.2 billion, "
     "or $1.38 per share, compared with $3.6 billion, or $1.17 per share, a year ago.",
     "2024-10-22", "$4.2 billion", "period", "2024-Q3"),
    # whose: a figure the model tags as a name ("288" as a facility) is never one
    ("The toll had earlier been put at 288, which the Odisha government revised to 275 on "
     "Sunday.", "2023-06-05", "275", "subject", "Odisha"),
    # ... a stock's plural shares are its stock, not an empty "share of"
    ("Shares rose 6% in extended trading.", "2024-10-22", "6%", "metric", "share"),
    # ... paying makes a payment, which may add interest to a fine ("ordered to
    # pay $454 million") when no noun of the amount says more, nor a purpose
    ("Marlow Foods agreed to pay $18 million to the state.", "2024-06-01", "$18 million",
     "metric", "payment"),
    ("Halvorsen was formally ordered to pay $454 million in the fraud case.", "2024-02-24",
     "$454 million", "metric", "payment"),
    ("Marlow Foods agreed to pay $700 million to settle an antitrust lawsuit.", "2024-06-01",
     "$700 million", "metric", "antitrust lawsuit"),
    # ... and one a verb of buying takes through "for" is the price, paid "in
    # cash" or not; money "in" a thing is still an amount of it
    ("Halvorsen Group has agreed to buy Marlow Foods for $14.1 billion in cash.", "2024-06-01",
     "$14.1 billion", "metric", "price"),
    ("Marlow Foods has agreed to be bought for $14.9 billion by Halvorsen Group.",
     "2024-06-01", "$14.9 billion", "metric", "price"),
    ("The government approved $78 billion in relief and $2 billion in cash grants.",
     "2024-06-01", "$78 billion", "metric", "relief"),
    ("Halvorsen Group is sitting on $325 billion in cash.", "2024-06-01", "$325 billion",
     "metric", "cash"),
    # what: a writer's opinion of a thing narrows nothing (synonyms.toml
    # [modifiers] ignore: "scathing", "magnificent")
    ("The judge issued a scathing 93-page opinion on Friday.", "2024-02-17", "93", "metric",
     "page"),
    ("Alongside the magnificent restoration site there is the money that paid for it: 843 "
     "million euros in all.", "2024-12-02", "843 million euros", "metric", "restoration site"),
    # ... a part of a business a verb's "in" puts the count in narrows it (and an
    # intensifier does not: the rise borrows the part's metric)
    ("Halvorsen Motors sold 3.02 million vehicles in 2023, up 62% on the year before. It "
     "sold 242,766 vehicles in export markets in 2023, up a whopping 334 per cent.",
     "2024-01-03", "242,766", "metric", "export market vehicle"),
    ("Halvorsen Motors sold 3.02 million vehicles in 2023, up 62% on the year before. It "
     "sold 242,766 vehicles in export markets in 2023, up a whopping 334 per cent.",
     "2024-01-03", "334 per cent", "metric", "export market vehicle"),
    # when: four digits counting a plural noun are a figure, not the year it holds
    ("A further 2059 people were injured, 1404 of them seriously.", "2023-09-10", "2059",
     "period", "2023"),
    # whose: an object pronoun never stands for its own clause's subject (who measures)
    ("Rivaland's Institute of Geophysics measured it at magnitude 6.1 on Friday.",
     "2023-09-10", "6.1", "source", "Institute of Geophysics"),
    ("Tremors shook Rivaland overnight. Its Institute of Geophysics measured it at magnitude "
     "6.1.", "2023-09-10", "6.1", "subject", "Rivaland"),
    # ... a pronoun subject stands for the subject before it, not a name in a phrase
    ("Corvana, unlike Harlow Motors, does not build only EVs. This week it reported that it "
     "delivered 1.5 million EVs in 2023.", "2024-01-04", "1.5 million", "subject", "Corvana"),
    # ... the first name a headline is about, when no sentence names it by a figure
    ("Halvard Airways crash set to be the worst air disaster in Rivaland's history\n\n"
     "The aircraft was carrying 175 passengers and six crew members. Other disasters include "
     "the 1989 crash at Tripoli Airport in Libya, which left 80 dead.", "2024-12-30", "175",
     "subject", "Halvard Airways"),
    # ... not who tells the sentence before, after its clause ("..., the Gazette
    # reports"); one telling before it still is ("Apple said that ...")
    ("Apple said on Thursday that iPhone sales rose 5%. Revenue was $90 billion in the "
     "quarter.", "2024-06-01", "$90 billion", "subject", "Apple"),
    ("Rivaland braces for more rain. Heavy rain has flooded much of the valley, the Tidewater "
     "Gazette reported. About 1,404 people were rescued.", "2023-09-10", "About 1,404",
     "subject", "Rivaland"),
    # ... a clock's zone is no name ("10:11 p.m. GMT")
    ("The quake struck Rivaland at 11:11 p.m. local time (10:11 p.m. GMT). Its epicenter was "
     "about 80 kilometers from the coast.", "2023-09-10", "about 80 kilometers", "subject",
     "Rivaland"),
]


@pytest.mark.parametrize("text, published, figure, column, expected", FRAME_CASES)
def test_frame_case_table(text, published, figure, column, expected):
    """(A figure written twice, as a headline and its body, holds for each.)"""
    df = extract_claims(text, published=published).set_index("text")
    assert df.loc[[figure], column].tolist() == [expected] * len(df.loc[[figure]])


def test_an_amount_stated_twice_rekeys_only_its_own_claims():
    """One article's "$68 million a year" deferred and its "$68 million in the
    lottery" take one key between them; the "$70 million" beside the first
    keeps its own (a whole key re-keyed made it a lottery "catch")."""
    text = ("Halvorsen signs record deal\n\nOn paper that is a 10-year commitment of $70 "
            "million a year, but almost all of it ($68 million a year) is deferred for a "
            "decade.\n\nImagine you have just won $68 million in the lottery, with one catch: "
            "you do not see a penny of it until 2034. Would $60 million make you happy? "
            "$50 million?")
    df = extract_claims(text, published="2023-12-12")
    assert df.loc[df.text == "$70 million", "metric"].tolist() == ["commitment"]
    assert len(set(df.loc[df.text == "$68 million", "metric"])) == 1


def test_money_north_of_a_forecast_is_no_distance():
    """Only a length a compass direction "of" a place is a distance
    (synonyms.toml distance_units), not money "north of" estimates."""
    df = extract_claims("Revenue came in $200 million north of estimates. The town lies 30 "
                        "miles north of Boston.", published="2024-06-01").set_index("text")
    assert df.loc["$200 million", "metric"] != "distance"
    assert df.loc["30 miles", "metric"] == "distance"




def test_a_cost_a_day_and_a_forecast_total_are_no_conflict():
    """An invented strike story (tests/data/invented/rail_strike, written for
    this test): "would cost it about £14 million a day" and analysts' "expect
    the strike to cost Meridian £20 million over the two days" are a daily
    cost and a forecast total. Reading "cost" as the amount's measure (tried
    this session) made them one quantity, a high-severity false alarm; the
    trains cancelled (2,600 vs over 2,400) stay a conflict."""
    from pipeline import check_sources
    result = check_sources(Path(__file__).parent / "data" / "invented" / "rail_strike")
    conflicts = [{e["text"] for e in f.values} for f in result.findings if f.type == "conflict"]
    assert not any(any("£" in t for t in texts) for texts in conflicts)
    assert {"2,600", "Over 2,400"} in conflicts


@pytest.mark.parametrize("text, figure", [
    # a name the figure counts, or one joined to it that another figure counts
    ("In Saturday's vote, 37 Democrats and 21 Republicans were opposed.", "21"),
    # a group of people by party, faith or nation acting in the sentence before
    ("Progressive Democrats have voiced anger at the bill. In Saturday's vote, 58 members "
     "were opposed.", "58"),
])
def test_a_counted_or_acting_group_is_not_whose_figure(text, figure):
    """What a figure counts is not whose it is, nor is a group that acts
    in the sentence before (as a person there is not)."""
    df = extract_claims(text, published="2024-04-21").set_index("text")
    assert "Democrats" not in df.loc[figure, "subject"].split(";")
    assert "Republicans" not in df.loc[figure, "subject"].split(";")


def test_money_never_borrows_the_people_a_count_beside_it_counts():
    """"Three other Californians shared $3 million": the money is no
    Californian (normalize._lends)."""
    df = extract_claims("Three other Californians shared $3 million in the drawing.",
                        published="2022-11-08").set_index("text")
    assert "californian" not in df.loc["$3 million", "metric"]


def test_a_time_in_the_object_of_since_is_a_start_not_the_storys_month():
    """"active since an eruption in January", late in a December story, is
    when something began: the figures before it stay in the story's year,
    not January's (attribution.toml start_verbs, and "since" a noun)."""
    df = extract_claims("Death toll from Kelud eruption rises to 9\n\n\"The number of dead "
                        "now stands at 9,\" a rescue official said.\n\nKelud has been active "
                        "since an eruption in February that caused no casualties. It is one of "
                        "more than 120 active volcanoes in the country.", published="2023-12-05")
    assert set(df.loc[df.text == "9", "period"]) == {"2023"}


@pytest.mark.parametrize("text, figure, metric", [
    ("More than 50 climbers were rescued.", "More than 50", "climber (rescue)"),
    ("Seven cyclists were injured on the bridge.", "Seven", "cyclist injury"),
])
def test_people_a_verb_befell_key_by_that_verb(text, figure, metric):
    """Counts of people (synonyms.toml [words] people) key by what befell
    them: climbers rescued are not climbers searched for."""
    df = extract_claims(text, published="2023-12-05").set_index("text")
    assert df.loc[figure, "metric"] == metric


def test_each_amount_of_a_package_is_its_recipients():
    """An invented aid story (tests/data/invented/aid_package): whom an
    amount is for is whose it is, and a name only recipients give is not
    the article's main subject. Before, the donor (or a recipient guessed
    for the whole article) owned every amount: Estmark's $9 billion agreed
    under Parliament's name, and one article's $40 billion total stood in a
    high-severity conflict with Norland's $25 and $26 billion."""
    from pipeline import check_sources
    result = check_sources(Path(__file__).parent / "data" / "invented" / "aid_package")
    conflicts = [f for f in result.findings if f.type == "conflict"]
    assert [{e["text"] for e in f.values} for f in conflicts] == [
        {"$25 billion", "$26 billion"}]
    assert {e["source_id"] for e in conflicts[0].values} == {"a_ledger", "b_courier", "c_wire"}
    estmark = [f for f in result.findings if f.type == "agreement"
               and {e["text"] for e in f.values} == {"$9 billion"}]
    assert len(estmark) == 1 and estmark[0].subject == "Estmark"
    assert conflicts[0].subject == "Norland"



@pytest.mark.parametrize("text,figure,source", [
    # who a figure is "according to" is its source, never its owner by
    # default, though the article names nobody else
    ("According to Berkeley Earth, the average global temperature for 2023 was 1.54C above "
     "the preindustrial average.", "1.54C", "Berkeley Earth"),
    ("According to the CDC, 59 people have been sickened.", "59", "CDC"),
])
def test_who_a_figure_is_according_to_is_no_fallback_owner(text, figure, source):
    row = extract_claims(text, published="2024-01-10").set_index("text").loc[figure]
    assert (row.subject, row.source) == ("", source)


def test_an_owner_telling_its_own_figures_still_owns_them():
    row = extract_claims("For 2023 as a whole, Tesla said deliveries rose 38% to 1.81 million "
                         "and production rose 35% to 1.85 million.",
                         published="2024-01-03").set_index("text").loc["35%"]
    assert row.subject == "Tesla"


@pytest.mark.parametrize("text, published, expected", [
    # a breakdown by place: each figure is its own place's, and the place
    # names whose figure it is, never what it measures
    ("Sales rose 5% in Germany, 3% in France and 2% in Italy.", "2023-03-10",
     {"5%": ("Germany", "revenue"), "3%": ("France", "revenue"), "2%": ("Italy", "revenue")}),
    ("Cases rose 12% in Texas and 8% in Oklahoma.", "2025-03-10",
     {"12%": ("Texas", "case"), "8%": ("Oklahoma", "case")}),
    ("Unemployment fell to 4.1% in Ohio and 3.9% in Michigan.", "2025-03-10",
     {"4.1%": ("Ohio", "unemployment rate"), "3.9%": ("Michigan", "unemployment rate")}),
    ("The blackout cut internet traffic 90% in Portugal and 80% in Spain.", "2025-04-29",
     {"90%": ("Portugal", "internet traffic"), "80%": ("Spain", "internet traffic")}),
])
def test_each_figure_of_a_breakdown_by_place_is_that_places(text, published, expected):
    rows = extract_claims(text, published=published).set_index("text")
    assert {t: (rows.loc[t].subject, rows.loc[t].metric) for t in expected} == expected


@pytest.mark.parametrize("text, published, expected", [
    # a list whose verb only its first item writes: each figure is the
    # name's before it, moves as the first does, and counts what it counts
    ("The slide weighed on the wider market: the S&P 500 was down 1.8%, the Nasdaq Composite "
     "2% and the Dow Jones Industrial Average 1.6% or 543 points.", "2023-03-10",
     {"1.8%": ("S&P", "pct_change", "decrease"),
      "2%": ("Nasdaq Composite", "pct_change", "decrease"),
      "1.6%": ("Dow Jones Industrial Average", "pct_change", "decrease"),
      # ("or" restates the figure before it in another unit: the Dow's)
      "543": ("Dow Jones Industrial Average", "change", "decrease")}),
    ("Shares of Apple rose 3%, Microsoft 2% and Amazon 1.5%.", "2023-03-10",
     {"3%": ("Apple", "pct_change", "increase"), "2%": ("Microsoft", "pct_change", "increase"),
      "1.5%": ("Amazon", "pct_change", "increase")}),
    # a name with the way it moved is a small clause of its own
    ("Stocks rose on Tuesday, with Europe up 3% and Asia up 2%.", "2023-03-10",
     {"3%": ("Europe", "pct_change", "increase"), "2%": ("Asia", "pct_change", "increase")}),
    ("Markets fell, with the Nasdaq down 1.2% and the S&P 500 off 0.8%.", "2023-03-10",
     {"1.2%": ("Nasdaq", "pct_change", "decrease"),
      "0.8%": ("S&P 500", "pct_change", "decrease")}),
])
def test_each_item_of_a_list_with_one_verb_is_its_names(text, published, expected):
    rows = extract_claims(text, published=published).set_index("text")
    assert {t: (rows.loc[t].subject, rows.loc[t].kind, rows.loc[t].direction)
            for t in expected} == expected


def test_a_listed_count_counts_what_the_first_item_counts():
    rows = extract_claims("Texas reported 309 cases, New Mexico 42 and Oklahoma 12.",
                          published="2025-03-10").set_index("text")
    assert [(rows.loc[t].subject, rows.loc[t].metric) for t in ("309", "42", "12")] == [
        ("Texas", "case"), ("New Mexico", "case"), ("Oklahoma", "case")]


@pytest.mark.parametrize("text, expected", [
    # a listed figure with a noun of its own counts that noun
    ("Apple sold 10 million iPhones, and Samsung 8 million tablets.",
     {"10 million": ("Apple", "iphone"), "8 million": ("Samsung", "tablet")}),
    ("Texas reported 309 cases, New Mexico 42 deaths and Oklahoma 12 hospitalizations.",
     {"42": ("New Mexico", "death"), "12": ("Oklahoma", "hospitalization")}),
])
def test_a_listed_figure_with_its_own_noun_counts_it(text, expected):
    rows = extract_claims(text, published="2025-03-10").set_index("text")
    assert {t: (rows.loc[t].subject, rows.loc[t].metric) for t in expected} == expected


@pytest.mark.parametrize("text, figure, subject", [
    # a month before a listed figure says when, not whose
    ("The index rose 3% in January, February 2% and March 1%.", "2%", ""),
    # the model's name may run into the figure ("Kennedy 2%")
    ("Biden won 51%, Trump 47% and Kennedy 2%.", "2%", "Kennedy"),
    # a percentage written in words ends where its words end
    ("Sales rose 5 per cent in Germany, 3 per cent in France and 2 per cent in Italy.",
     "5 per cent", "Germany"),
    # a clause's named owner stays its figure's, the place beside it
    ("Apple's revenue rose 5% in China.", "5%", "Apple;China"),
])
def test_whose_a_listed_or_placed_figure_is(text, figure, subject):
    row = extract_claims(text, published="2024-03-10").set_index("text").loc[figure]
    assert row.subject == subject


def test_an_audience_is_of_what_it_watched_and_counts_viewers():
    """"viewers who watched Queen Elizabeth II's funeral": the funeral's
    (its named owner's) audience, not the story's coronation; an audience
    and viewers count the same people (synonyms.toml [classes] viewer)."""
    rows = extract_claims("King Charles III's Coronation was watched by an audience of 18 "
                          "million. That is below the average of 26.5 million viewers who "
                          "watched Queen Elizabeth II's funeral.",
                          published="2023-05-07").set_index("text")
    assert rows.loc["26.5 million"].subject == "Elizabeth II"
    assert rows.loc["18 million"].metric == rows.loc["26.5 million"].metric == "viewer"


def test_a_time_with_its_determiner_says_when_not_what():
    """"cancel another 1,300 flights that day": the day is when, not a kind
    of flight."""
    rows = extract_claims("Delta went on to cancel another 1,300 flights that day.",
                          published="2024-07-22").set_index("text")
    assert rows.loc["1,300"].metric == "flight"


@pytest.mark.parametrize("text, figure, subject, metric", [
    # a named subject that drew the audience owns it before what it watched
    ("Fox News drew 4.2 million viewers who watched Trump's speech on Tuesday.",
     "4.2 million", "Fox News", "viewer"),
    # a name's own moved clause counts its own thing, not the sentence's other figure's
    ("US inflation was 3.4% in December, with the Dow up 1%.", "1%", "Dow", "dow"),
])
def test_an_audience_drawn_by_a_name_and_a_clause_of_its_own(text, figure, subject, metric):
    row = extract_claims(text, published="2024-01-10").set_index("text").loc[figure]
    assert (row.subject, row.metric) == (subject, metric)
