"""Blind end-to-end sets: whole `claimcheck check` runs on article sets (jobs
report, hurricane death toll, quarterly earnings, measles outbreak, traffic
deaths) written before the tool was run on them; expectations in
tests/data/blind_e2e/<set>/expected.json.

Only the expectations the tool meets are asserted here; the ones it still
misses are listed in the blind-evaluation notes (see tests/blind_e2e_scorer.py
to print the full score: python -m tests.blind_e2e_scorer RUN_DIR SET_DIR).
"""
import json
import shutil

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

from .blind_e2e_scorer import finding_matches, load_run, score
from .conftest import DATA

BLIND = DATA / "blind_e2e"
#: measles was written blind (articles and expected.json before any run) in
#: the fourth session; the tool found none of its conflicts or agreements
#: then (subjects, metrics and periods did not line up across outlets): only
#: its must-not-flag traps are asserted.
#: traffic (a city's traffic deaths) was written blind the same way as a
#: held-out set; its first run found its self-check and none of its 6
#: conflicts or 6 agreements.
#: wildfire and transit were written blind by helpers in the sixth session
#: (articles and expected.json before any run, the code unseen); first run,
#: with frame alignment: 4 of 12 conflicts, 9 of 14 agreements, 0 of 12
#: traps flagged (without it: 4 of 12, 0 of 14, 0 of 12).
SETS = ("jobs", "hurricane", "earnings", "measles", "traffic", "wildfire", "transit")
#: written blind by helpers in the sixth session and run only to measure
#: (tests/data/heldout): global temperature 2026, overdose deaths 2026. First
#: run: 1 of 12 conflicts, 10 of 12 agreements, 0 of 10 traps flagged; only
#: their traps are asserted.
HELDOUT = ("climate", "overdoses")
#: real coverage of four topics gathered and paraphrased by a helper in the
#: fourteenth session (tests/data/FRESH_SETS.md), expectations written before
#: any run: first run 0 of 25 conflicts, 14 of 33 agreements, 0 of 23 traps
#: flagged. Its traps and what the tool meets since are asserted.
FRESH = ("student_loan_forgiveness_2024_25", "thanksgiving_gas_prices_2023",
         "tsa_thanksgiving_record_2025", "yunnan_ludian_quake_2014")
#: four more, gathered the same way in the fifteenth session
#: (tests/data/FRESH2_SETS.md): first run 2 of 21 conflicts, 10 of 21
#: agreements, 10 of 12 conflicts raised unexpected, 1 of 25 traps flagged.
FRESH2 = ("boars_head_listeria_2024", "huntington_beach_oil_spill_2021", "intel_layoffs_2024",
          "super_bowl_lviii_viewers_2024")
#: and four more (tests/data/FRESH3_SETS.md), kept for measuring in the
#: fifteenth session (first run 3 of 16 conflicts, 9 of 22 agreements, 3 of 6
#: raised unexpected, 0 of 24 traps) and developed on since the sixteenth.
FRESH3 = ("boeing_machinists_strike_2024", "change_healthcare_breach_2024_25",
          "london_marathon_finishers_2025", "spain_valencia_floods_2024")
#: four more (tests/data/FRESH4_SETS.md), kept for measuring (first run 3 of
#: 23 conflicts, 15 of 31 agreements, 5 of 7 raised unexpected, 0 of 27
#: traps) and developed on since FRESH5 was gathered.
FRESH4 = ("bellingham_real_madrid_transfer_2023", "crowdstrike_delta_outage_2024",
          "hajj_heat_deaths_2024", "uk_election_turnout_2024")
#: four more (tests/data/FRESH5_SETS.md), kept for measuring in the eighteenth
#: session (first run, on the code before the lead-figure rule, 3 of 19
#: conflicts, 8 of 19 agreements, 6 of 9 raised unexpected, 0 of 21 traps; 3 of
#: 19, 8 of 19, 5 of 8 and 0 of 21 at its end) and developed on since the
#: nineteenth.
FRESH5 = ("hottest_year_2023_temperature", "libya_derna_floods_2023",
          "nvidia_q2_fy2021_earnings", "uk_net_migration_revisions")
#: four more (tests/data/FRESH6_SETS.md), gathered blind in the nineteenth
#: session and kept for measuring then (first run 1 of 18 conflicts, 12 of 26
#: agreements, 3 of 4 raised unexpected, 2 of 23 traps flagged; 1/18, 15/26,
#: 3/4, 2/23 at that session's end); developed on since the twentieth. One
#: of its traps is still flagged: not asserted (see TRAPS_OPEN).
FRESH6 = ("ohtani_dodgers_contract_2023", "hong_kong_extradition_marches_2019",
          "china_population_decline_2022", "twentythreeandme_breach_2023_25")
#: four more (tests/data/FRESH7_SETS.md), gathered blind in the twentieth
#: session and kept for measuring then (first run 0 of 16 conflicts, 7 of 25
#: agreements, 3 of 3 raised unexpected, 0 of 26 traps flagged; 0/16, 8/25,
#: 3/3, 0/26 at that session's end); developed on since the twenty-first.
FRESH7 = ("tesla_byd_q4_deliveries_2023", "japan_germany_gdp_rank_2023",
          "taylor_swift_eras_tour_finale_2024", "baltimore_key_bridge_collapse_2024")
#: four more (tests/data/FRESH8_SETS.md), gathered blind in the twenty-first
#: session and kept for measuring then (first run 4 of 22 conflicts, 16 of 32
#: agreements, 7 of 11 raised unexpected, 0 of 26 traps flagged; 4/22, 18/32,
#: 8/12, 0/26 at that session's end); developed on since the twenty-second.
FRESH8 = ("morocco_earthquake_toll_2023", "womens_world_cup_attendance_2023",
          "apple_vision_pro_preorders_2024", "jeju_air_crash_muan_2024")
#: four more (tests/data/FRESH9_SETS.md), gathered blind in the twenty-second
#: session and kept for measuring then (first run 1 of 18 conflicts, 6 of 20
#: agreements, 5 of 6 raised unexpected, 2 of 27 traps flagged). Its writer
#: gave amounts as printed before their scale word (354.9 for "$354.9
#: million"), which no claim can match; written as whole amounts in the
#: twenty-third session, the same code scored 1 of 18, 8 of 20, 5 of 6 and 3
#: of 27. Developed on since the twenty-third.
FRESH9 = ("trump_civil_fraud_penalty_2024", "notre_dame_restoration_cost_2024",
          "mpox_emergency_africa_2024", "nippon_us_steel_deal_2023")
#: four more (tests/data/FRESH10_SETS.md), gathered blind in the twenty-third
#: session (amounts fixed to whole amounts before any run) and kept for
#: measuring then (first run 2 of 17 conflicts, 1 of 2 causes right, 3 of 5
#: raised unexpected, 12 of 21 agreements, 3 of 20 traps flagged). Developed
#: on since the twenty-fourth.
FRESH10 = ("alaska_door_plug_blowout_2024", "iberian_blackout_2025",
           "bankman_fried_sentencing_2024", "chandrayaan3_mission_cost_2023")
#: four more (tests/data/FRESH11_SETS.md), gathered blind in the twenty-fourth
#: session and kept for measuring then (first run 3 of 19 conflicts, 2 of 3
#: causes right, 12 of 15 raised unexpected, 14 of 22 agreements, 1 of 17
#: traps flagged). Developed on since the twenty-fifth.
FRESH11 = ("png_enga_landslide_2024", "apple_eu_music_streaming_fine_2024",
           "mexico_presidential_election_2024", "paris_2024_ticket_sales")
#: four more (tests/data/FRESH12_SETS.md), gathered blind in the twenty-fifth
#: session and measured blind then (first run, on the session's starting
#: code: 3 of 25 conflicts, 1 of 3 causes right, 13 of 16 raised unexpected,
#: 12 of 17 agreements, 2 of 18 traps flagged; 3/25, 1/3, 12/15, 12/17, 2/18
#: with that session's changes before it joined). Developed on since.
FRESH12 = ("odisha_balasore_train_crash_2023", "rwanda_marburg_outbreak_2024",
           "microsoft_activision_deal_2023_24", "argentina_inflation_2023")
#: four more (tests/data/FRESH13_SETS.md), gathered blind in the twenty-fifth
#: session and measured blind through it (first run, on that session's
#: starting code and again on its last: 1 of 18 conflicts, 0 of 1 causes
#: right, 4 of 5 raised unexpected, 11 of 22 agreements, 0 of 18 traps
#: flagged). Developed on since the twenty-sixth.
FRESH13 = ("pylos_migrant_shipwreck_2023", "china_youth_unemployment_2023_24",
           "meta_threads_launch_2023", "gaza_polio_vaccination_2024")
#: four more (tests/data/FRESH14_SETS.md), gathered blind in the twenty-sixth
#: session and measured blind through it (first run, on that session's
#: starting code: 2 of 23 conflicts, 0 of 2 causes right, 13 of 15 raised
#: unexpected, 20 of 29 agreements, 1 of 18 traps flagged; 3/23, 1/3, 12/15,
#: 20/29, 1/18 on its last). Developed on since the twenty-seventh.
FRESH14 = ("powerball_record_jackpot_2022", "marapi_volcano_eruption_2023",
           "india_tiger_census_2022_23", "us_foreign_aid_package_2024")
#: four more (tests/data/FRESH15_SETS.md), gathered blind in the twenty-seventh
#: session and measured blind through it (first run, on that session's
#: starting code and again on its last: 3 of 22 conflicts, 2 of 3 causes
#: right, 7 of 10 raised unexpected, 15 of 26 agreements, 0 of 17 traps
#: flagged). Developed on since the twenty-eighth.
FRESH15 = ("titan_submersible_search_2023", "maha_kumbh_attendance_2025",
           "fukushima_treated_water_release_2023", "suez_canal_revenue_red_sea_2024")
#: four more (tests/data/FRESH16_SETS.md), gathered blind in the twenty-eighth
#: session and measured blind through it (first run, on that session's
#: starting code: 2 of 25 conflicts, 0 of 2 causes right, 6 of 8 raised
#: unexpected, 14 of 23 agreements, 0 of 16 traps flagged; 2/25, 0/2, 6/8,
#: 15/23, 0/16 on its last). Developed on since the twenty-ninth.
FRESH16 = ("coronation_tv_audience_2023", "silicon_valley_bank_collapse_2023",
           "starship_first_flight_2023", "cricket_world_cup_attendance_2023")
#: four more (tests/data/FRESH17_SETS.md), gathered blind in the twenty-ninth
#: session and measured blind through it (first run, on that session's
#: starting code: 3 of 27 conflicts, 2 of 3 causes right, 5 of 8 raised
#: unexpected, 18 of 24 agreements, 0 of 16 traps flagged; 3/27, 3/3, 5/8,
#: 18/24, 0/16 on its last). Developed on since the thirtieth.
FRESH17 = ("qatar_world_cup_cost_deaths_2022", "nord_stream_leaks_2022",
           "louvre_jewel_heist_2025", "total_solar_eclipse_2024")
#: four more (tests/data/FRESH18_SETS.md), gathered blind in the thirtieth
#: session and measured blind through it (first run, on that session's
#: starting code: 2 of 28 conflicts, 1 of 2 causes right, 6 of 8 raised
#: unexpected, 12 of 22 agreements, 1 of 16 traps flagged; 2/28, 1/2, 6/8,
#: 12/22, 1/16 on its last). Developed on since the thirty-first.
FRESH18 = ("paul_tyson_netflix_fight_2024", "evergrande_liquidation_order_2024",
           "east_palestine_derailment_2023", "antarctic_sea_ice_record_low_2023")


#: the folder under tests/data of each batch of sets (the rest are blind_e2e's)
BATCHES = {"fresh": FRESH, "fresh2": FRESH2, "fresh3": FRESH3, "fresh4": FRESH4,
           "fresh5": FRESH5, "fresh6": FRESH6, "fresh7": FRESH7, "fresh8": FRESH8,
           "fresh9": FRESH9, "fresh10": FRESH10, "fresh11": FRESH11,
           "fresh12": FRESH12, "fresh13": FRESH13, "fresh14": FRESH14,
           "fresh15": FRESH15, "fresh16": FRESH16, "fresh17": FRESH17,
           "fresh18": FRESH18, "heldout": HELDOUT}


#: traps still flagged when their set joined the asserted ones: the police
#: peak counts of two marches a week apart, each article's only such figure,
#: raised as a possible conflict of low severity over the period
#: (hong_kong_extradition_marches_2019 NOTES.md); and one airline's
#: cancellations on two days ("It canceled about 1,200 flights on Friday" /
#: "another 1,250 flights yesterday"), in a key group that holds its running
#: totals too, raised as a possible conflict of low severity once the pronoun
#: was read as the airline's (a day's count and a count as of a day read
#: alike). Every other trap of every set is asserted.
TRAPS_OPEN = {("hong_kong_extradition_marches_2019", "hk_t2_jun9_vs_jun16_police"),
              ("crowdstrike_delta_outage_2024", "cs_t2_delta_friday_vs_sunday"),
              # fresh9, flagged at low severity when it joined: the DRC's cases
              # vs the continent's (both sentences' subjects guessed)
              ("mpox_emergency_africa_2024", "mp_t6_drc_vs_continent_cases"),
              # fresh10, flagged at low severity when it joined: "171 grounded
              # planes" taken in as agreeing with "171 passengers" (the same
              # three-digit value, one story); Spain's 49 million people vs the
              # peninsula's 60 million (each its article's only such figure);
              # "more than 95%" restored vs 99.16% (a bound against a value is
              # a conflict in the other sets' expectations)
              ("alaska_door_plug_blowout_2024", "as_t1_passengers_vs_grounded_planes"),
              ("iberian_blackout_2025", "ib_t2_spain_vs_peninsula_population"),
              ("iberian_blackout_2025", "ib_t4_more_than_95_vs_99_16"),
              # fresh11, flagged when it joined: the 1.8 billion euro lump
              # sum vs the 1.84 billion euro total (one fine, its part and
              # its whole, both written as "a fine of")
              ("apple_eu_music_streaming_fine_2024", "ap_t1_lump_sum_vs_total"),
              # flagged since a surname stands for the full name (twenty-fifth
              # session): the $168 million in interest the fraud saved vs the
              # $100 million in prejudgment interest, both "interest" of
              # Donald Trump (a metric too coarse for two kinds of interest)
              ("trump_civil_fraud_penalty_2024", "tf_t5_saved_interest_vs_prejudgment_interest"),
              # (fresh12's od_t1/od_t2, flagged when it joined, are not since
              # bodies count the dead: twenty-sixth session)
              # flagged since bodies count the dead (twenty-sixth session):
              # BBC Mundo's 205 confirmed deaths "in the province of Valencia
              # ... and in Albacete, Cuenca and nearby" are read as Valencia's
              # (the first of several places), against TRT's 202 bodies in
              # Valencia: a subject too narrow for a figure over several places
              ("spain_valencia_floods_2024", "val_t1_national_vs_region"),
              # fresh14, flagged when it joined: 21 House Republicans against
              # one bill vs 15 Republican senators against the package, two
              # votes whose sentences each hold their own tally ("366-58",
              # "79-18"), read as one count of Republicans opposed
              ("us_foreign_aid_package_2024", "fa_t4_senate_vs_house_republicans_against"),
              # fresh17, flagged at low severity since the thirtieth session
              # (not when it joined): "the crown is made up of 1,354 diamonds"
              # was a rise until "made up of" said no direction; now the
              # crown's diamonds count against the tiara's "1,998 diamonds" in
              # another article, both sentences' owners (a crown, a tiara:
              # common nouns) unread and the articles' subjects guessed
              ("louvre_jewel_heist_2025", "lv_t1_crown_vs_tiara_diamonds"),
              # fresh18, flagged when it joined: the sea ice's extent "as of
              # June 27" (11.7 million km2) vs its September maximum (16.96
              # million), in one group of the year's extents with the
              # February minimum's two readings: different days read as
              # readings of one quantity (frames.toml [align] readings)
              ("antarctic_sea_ice_record_low_2023", "si_t3_june_extent_vs_maximum")}


#: every set the tests run
ALL_SETS = SETS + HELDOUT + FRESH + FRESH2 + FRESH3 + FRESH4 + FRESH5 + FRESH6 + FRESH7 \
    + FRESH8 + FRESH9 + FRESH10 + FRESH11 + FRESH12 + FRESH13 + FRESH14 \
    + FRESH15 + FRESH16 + FRESH17 + FRESH18


def set_dir(name):
    folder = next((f for f, names in BATCHES.items() if name in names), None)
    return DATA / folder / name if folder else BLIND / name

#: (set, section, expectation id) that the tool meets; a regression fails.
MET = [
    ("hurricane", "agreements", "wind_140"),   # "winds of 140 mph" measures winds
    ("jobs", "agreements", "unemployed_7_3m"),
    ("measles", "agreements", "marston_cases_152"),  # "began in January" is a start
    ("traffic", "agreements", "deaths_94"),  # a quoted official is not the subject  # "unemployed Americans" = "people were unemployed"
    ("earnings", "agreements", "revenue_4_82"),
    ("earnings", "agreements", "revenue_4_82_tribune"),
    ("earnings", "agreements", "net_income_512"),
    ("earnings", "agreements", "net_income_512_tribune"),
    # aligned by frames (pipeline/align.py), not by keys
    ("earnings", "agreements", "eps_2_14"),              # a specific value, periods not both named
    ("hurricane", "agreements", "still_dark_85k"),       # "homes" / "customers" without power
    ("measles", "agreements", "hospitalized_27"),
    ("measles", "agreements", "doses_9400"),
    ("traffic", "agreements", "vision_zero_budget_38m"),
    ("wildfire", "agreements", "evac_ordered_12400"),
    ("wildfire", "agreements", "cost_so_far_11_8m"),
    ("transit", "agreements", "operating_budget"),
    ("transit", "agreements", "rail_ridership"),
    ("transit", "agreements", "weekday_boardings"),
    ("wildfire", "agreements", "injuries_11"),            # counted as people / injuries
    ("wildfire", "agreements", "sheep_rock_record_47900"),  # 'which scorched' is the record fire's
    ("measles", "agreements", "kindergarten_rate_78_4"),
    ("yunnan_ludian_quake_2014", "agreements", "q_a1_death_toll_367"),
    ("yunnan_ludian_quake_2014", "agreements", "q_a2_injured_1881"),  # "injuring 1,881"
    ("yunnan_ludian_quake_2014", "agreements", "q_a8_usgs_magnitude"),
    ("student_loan_forgiveness_2024_25", "agreements", "sl_a2_dec_round_borrowers_exact"),
    # a conflict with three outlets: the one that agrees with a side joins it
    ("yunnan_ludian_quake_2014", "conflicts", "q_c1_death_toll_367_vs_381"),
    # the very same specific value, however the rest of the frames reads
    ("bellingham_real_madrid_transfer_2023", "agreements", "bel_a1_fixed_fee_euros"),
    ("uk_net_migration_revisions", "agreements", "mig_a1_2022_revised"),
    ("uk_net_migration_revisions", "agreements", "mig_a4_emigration"),
    ("student_loan_forgiveness_2024_25", "agreements", "sl_a4_total_forgiven_jan"),
    # a shorter value met on its own within its counted noun ("59%" of one vote)
    ("boeing_machinists_strike_2024", "agreements", "boe_a1_ratification_vote"),
    ("wildfire", "agreements", "containment_21_wed"),
    # an agreement chained through rounded figures keeps its exact figures
    ("tsa_thanksgiving_record_2025", "agreements", "tsa_a2_previous_record_exact"),
    # "for Q4" in a 2 January report is last year's fourth quarter
    ("tesla_byd_q4_deliveries_2023", "agreements", "tes_a3_byd_q4_bev"),
    # "Germany's GDP of the equivalent of 4.5 trillion dollars" is Germany's
    ("japan_germany_gdp_rank_2023", "agreements", "jp_a3_germany_gdp_45"),
    ("japan_germany_gdp_rank_2023", "conflicts", "jp_c1_germany_gdp_44_vs_45"),
    # a paragraph opening "By Wednesday afternoon ..." is no byline
    ("baltimore_key_bridge_collapse_2024", "conflicts", "kb_c1_ship_length_948_vs_984"),
    # "Japan's economy shrank 0.4%" measures its output (gdp), as "GDP fell" does
    ("japan_germany_gdp_rank_2023", "conflicts", "jp_c2_q3_annualised_29_vs_33"),
    ("japan_germany_gdp_rank_2023", "conflicts", "jp_c3_q4_04_vs_01"),
    ("japan_germany_gdp_rank_2023", "agreements", "jp_a4_q4_annualised"),
    # fresh8, as met when it joined ("CNRST measured it at magnitude 7" is the
    # quake's: "it" is not CNRST)
    ("morocco_earthquake_toll_2023", "agreements", "mo_a8_magnitude_7"),
    ("morocco_earthquake_toll_2023", "agreements", "mo_a2_injured_2059"),
    ("morocco_earthquake_toll_2023", "agreements", "mo_a1_deaths_2012"),
    ("morocco_earthquake_toll_2023", "conflicts", "mo_c7_magnitude"),
    ("womens_world_cup_attendance_2023", "agreements", "ww_a5_final_crowd"),
    # (ww_a1, the 2015 record of 1,353,506, is missed since a figure's own
    # "in <place>" names whose it is: "the previous best attendance of
    # 1,353,506 in Canada in 2015" is Canada's, the tournament's elsewhere,
    # where the place is where an event was held, not whose the count is)
    ("apple_vision_pro_preorders_2024", "agreements", "vp_a3_shipments_2024_500k"),
    ("jeju_air_crash_muan_2024", "agreements", "je_a1_passengers_175"),
    # a year after a figure compared "from", or inside what "than" compares
    # with, is not the figure's ("already more than the pre-tournament sales
    # for the 2019 edition")
    ("womens_world_cup_attendance_2023", "conflicts", "ww_c1_tickets_sold_running"),
    ("womens_world_cup_attendance_2023", "conflicts", "ww_c5_cumulative_attendance_48_vs_64_matches"),
    # "at a depth of 10 kilometres" measures depth, not the clause's subject
    ("yunnan_ludian_quake_2014", "conflicts", "q_c11_depth_usgs_vs_china"),
    ("morocco_earthquake_toll_2023", "conflicts", "mo_c8_depth_8_vs_10"),
    # "the 1987 bombing ..., which killed 115 people, and the 1989 ... crash"
    ("jeju_air_crash_muan_2024", "agreements", "je_a5_bombing_1987_115"),
    # "about 80 kilometers southwest of Marrakech" is a distance
    ("morocco_earthquake_toll_2023", "conflicts", "mo_c9_epicentre_distance"),
    # fresh9, as met when it joined
    ("mpox_emergency_africa_2024", "agreements", "mp_a1_confirmed_cases_2863"),
    ("mpox_emergency_africa_2024", "agreements", "mp_a2_africa_deaths_2024"),
    ("mpox_emergency_africa_2024", "conflicts", "mp_c2_drc_deaths_continental_figure"),
    ("nippon_us_steel_deal_2023", "agreements", "us_a2_premium_142"),
    ("notre_dame_restoration_cost_2024", "agreements", "nd_a1_donors_340000"),
    ("notre_dame_restoration_cost_2024", "agreements", "nd_a2_donor_countries_150"),
    ("notre_dame_restoration_cost_2024", "agreements", "nd_a4_workers_2000"),
    ("trump_civil_fraud_penalty_2024", "agreements", "tf_a4_saved_interest"),
    ("trump_civil_fraud_penalty_2024", "agreements", "tf_a5_old_post_office_profits"),
    # a deal's price read a year later ("the $14.1 billion deal"): two periods
    # only inferred from the articles' dates are no evidence of two figures
    ("nippon_us_steel_deal_2023", "agreements", "us_a3_equity_value_14_1"),
    ("student_loan_forgiveness_2024_25", "agreements", "sl_a1_dec_round_amount"),
    # "the 43-day U.S. government shutdown": how long it lasted
    ("tsa_thanksgiving_record_2025", "agreements", "tsa_a6_shutdown_length"),
    # fresh10, as met when it joined
    ("alaska_door_plug_blowout_2024", "agreements", "as_a2_passengers_171"),
    ("alaska_door_plug_blowout_2024", "agreements", "as_a3_about_20_minutes"),
    ("alaska_door_plug_blowout_2024", "agreements", "as_a4_alaska_max9_fleet_65"),
    ("alaska_door_plug_blowout_2024", "agreements", "as_a5_grounded_planes_171"),
    ("chandrayaan3_mission_cost_2023", "agreements", "cy_a2_cost_75_million"),
    ("chandrayaan3_mission_cost_2023", "agreements", "cy_a3_interstellar_165"),
    ("chandrayaan3_mission_cost_2023", "agreements", "cy_a4_the_martian_108"),
    ("iberian_blackout_2025", "agreements", "ib_a2_60_percent_of_demand"),
    ("iberian_blackout_2025", "agreements", "ib_a4_portugal_substations_85"),
    ("iberian_blackout_2025", "agreements", "ib_a5_portugal_substations_89"),
    ("bankman_fried_sentencing_2024", "agreements", "sb_a4_prosecutors_min_40"),
    # a power in gigawatts measures power ("lost 15 gigawatts, equivalent to ...")
    ("iberian_blackout_2025", "agreements", "ib_a1_lost_15_gw"),
    # an age is an age ("the 32-year-old Californian", "Bankman-Fried, 32,")
    ("bankman_fried_sentencing_2024", "agreements", "sb_a2_age_32"),
    # "a prison term of no more than six and a half years" / "sought 6 1/2 years"
    ("bankman_fried_sentencing_2024", "agreements", "sb_a5_defense_six_and_a_half"),
    # "The aircraft landed ... with 171 guests and 6 crew members": the airline's crew
    ("alaska_door_plug_blowout_2024", "agreements", "as_a1_crew_six"),
    # the union's demand, read as asked for (synonyms.toml [modality])
    ("boeing_machinists_strike_2024", "agreements", "boe_a7_union_demand"),
    # fresh11, as met when it joined
    ("apple_eu_music_streaming_fine_2024", "agreements", "ap_a1_half_percent_of_turnover"),
    ("apple_eu_music_streaming_fine_2024", "agreements", "ap_a3_total_1_84_billion_euros"),
    ("apple_eu_music_streaming_fine_2024", "agreements", "ap_a4_fine_2_billion_dollars"),
    ("apple_eu_music_streaming_fine_2024", "conflicts", "ap_c3_fine_in_euros_bracketed_quote"),
    ("mexico_presidential_election_2024", "agreements", "mx_a1_quick_count_sheinbaum_low"),
    ("mexico_presidential_election_2024", "agreements", "mx_a3_quick_count_galvez_range"),
    ("mexico_presidential_election_2024", "agreements", "mx_a4_senate_and_chamber_seats"),
    ("mexico_presidential_election_2024", "agreements", "mx_a5_five_million_more_than_amlo"),
    ("mexico_presidential_election_2024", "agreements", "mx_a6_maynez_share"),
    ("mexico_presidential_election_2024", "agreements", "mx_a8_posts_at_stake"),
    ("paris_2024_ticket_sales", "agreements", "pa_a1_olympic_9_5_million"),
    ("paris_2024_ticket_sales", "agreements", "pa_a2_olympic_tickets_on_sale_10_million"),
    ("paris_2024_ticket_sales", "agreements", "pa_a3_london_2012_paralympic_2_7_million"),
    ("paris_2024_ticket_sales", "agreements", "pa_a4_paralympic_one_million_july"),
    ("png_enga_landslide_2024", "agreements", "png_a2_houses_buried_150"),
    ("png_enga_landslide_2024", "agreements", "png_a4_government_2000"),
    # a surname stands for the one person its article names in full
    ("bankman_fried_sentencing_2024", "agreements", "sb_a1_sentence_25_years"),
    ("mexico_presidential_election_2024", "agreements", "mx_a7_galvez_share"),
    ("trump_civil_fraud_penalty_2024", "agreements", "tf_a3_all_defendants_penalties"),
    ("trump_civil_fraud_penalty_2024", "agreements", "tf_a8_weisselberg_severance"),
    # "$3.57 last year" / "$3.56": found, in one finding with AAA's "just over
    # $3.65" that drivers paid, whose cause is the worst pair's (different_period)
    ("thanksgiving_gas_prices_2023", "conflicts", "g_c3_last_thanksgiving_gasbuddy_rounding"),
    # fresh12, as met when it joined
    ("argentina_inflation_2023", "agreements", "ar_a1_annual_2023_211_4"),
    ("argentina_inflation_2023", "agreements", "ar_a2_december_monthly_25_5"),
    ("argentina_inflation_2023", "agreements", "ar_a3_november_monthly_12_8"),
    ("argentina_inflation_2023", "agreements", "ar_a6_devaluation_50"),
    ("microsoft_activision_deal_2023_24", "agreements", "ac_a1_deal_value_68_7_billion"),
    ("microsoft_activision_deal_2023_24", "agreements", "ac_a2_job_cuts_1900"),
    ("microsoft_activision_deal_2023_24", "agreements", "ac_a3_job_cuts_share_8_percent"),
    ("microsoft_activision_deal_2023_24", "agreements", "ac_a4_gaming_workforce_22000"),
    ("odisha_balasore_train_crash_2023", "agreements", "od_a1_injured_more_than_900"),
    ("odisha_balasore_train_crash_2023", "agreements", "od_a4_state_revised_275"),
    ("odisha_balasore_train_crash_2023", "conflicts", "od_c9_bodies_identified"),
    ("rwanda_marburg_outbreak_2024", "agreements", "mb_a1_deaths_15"),
    ("rwanda_marburg_outbreak_2024", "agreements", "mb_a3_42_day_rule"),
    ("rwanda_marburg_outbreak_2024", "conflicts", "mb_c2_deaths"),
    # "put at 288" tagged as a facility by the model: a figure, never a name
    ("odisha_balasore_train_crash_2023", "agreements", "od_a2_unidentified_about_100"),
    ("odisha_balasore_train_crash_2023", "agreements", "od_a3_first_toll_288"),
    ("odisha_balasore_train_crash_2023", "conflicts", "od_c5_injured_first_day"),
    # fresh13, as met when it joined
    ("china_youth_unemployment_2023_24", "agreements", "cy_a2_march_19_7"),
    ("china_youth_unemployment_2023_24", "agreements", "cy_a5_age_group_96_million"),
    ("china_youth_unemployment_2023_24", "agreements", "cy_a6_december_14_9"),
    ("china_youth_unemployment_2023_24", "agreements", "cy_a7_graduates_2023_11_58_million"),
    ("gaza_polio_vaccination_2024", "agreements", "gp_a2_central_phase_187000"),
    ("gaza_polio_vaccination_2024", "agreements", "gp_a4_coverage_over_90_percent"),
    ("meta_threads_launch_2023", "agreements", "th_a3_signups_10_million_seven_hours"),
    ("meta_threads_launch_2023", "agreements", "th_a4_twitter_200_million"),
    ("pylos_migrant_shipwreck_2023", "agreements", "py_a1_survivors_104"),
    ("pylos_migrant_shipwreck_2023", "agreements", "py_a2_pakistani_survivors_12"),
    ("pylos_migrant_shipwreck_2023", "agreements", "py_a5_toll_79_on_15_june"),
    # Pakistan's 84 vs the official 82: found, its cause read as rounding
    ("pylos_migrant_shipwreck_2023", "conflicts", "py_c3_bodies_84_vs_82"),
    # bodies recovered count the dead: the tolls of 78, 79 and 82 meet
    ("pylos_migrant_shipwreck_2023", "conflicts", "py_c1_toll_79_vs_78"),
    ("pylos_migrant_shipwreck_2023", "agreements", "py_a4_toll_82_week_later"),
    ("pylos_migrant_shipwreck_2023", "agreements", "py_a6_toll_78"),
    # fresh14, as met when it joined
    ("india_tiger_census_2022_23", "agreements", "tg_a1_population_2018_2967"),
    ("india_tiger_census_2022_23", "agreements", "tg_a2_population_3167_april"),
    ("india_tiger_census_2022_23", "agreements", "tg_a3_reserves_53"),
    ("india_tiger_census_2022_23", "agreements", "tg_a4_reserves_share_of_land_2_3"),
    ("india_tiger_census_2022_23", "agreements", "tg_a5_average_3682"),
    ("india_tiger_census_2022_23", "agreements", "tg_a6_share_75_percent"),
    ("marapi_volcano_eruption_2023", "agreements", "mv_a2_ash_column_3000_m"),
    ("marapi_volcano_eruption_2023", "agreements", "mv_a3_death_toll_23"),
    ("marapi_volcano_eruption_2023", "agreements", "mv_a4_death_toll_13_tuesday"),
    ("marapi_volcano_eruption_2023", "agreements", "mv_a6_residents_1400"),
    ("marapi_volcano_eruption_2023", "agreements", "mv_a7_active_volcanoes_120"),
    ("powerball_record_jackpot_2022", "agreements", "pb_a1_previous_record_1_586bn"),
    ("powerball_record_jackpot_2022", "agreements", "pb_a3_saturday_winning_tickets_11m"),
    ("powerball_record_jackpot_2022", "agreements", "pb_a4_states_45"),
    ("powerball_record_jackpot_2022", "agreements", "pb_a5_jackpot_2_04bn"),
    ("powerball_record_jackpot_2022", "agreements", "pb_a6_cash_997_6m"),
    ("powerball_record_jackpot_2022", "agreements", "pb_a7_cash_929_1m"),
    ("us_foreign_aid_package_2024", "agreements", "fa_a6_house_republicans_for_ukraine_101"),
    ("us_foreign_aid_package_2024", "agreements", "fa_a7_total_95bn"),
    # (pb_a8, the retailer's $1 million bonus, met when fresh14 joined, is
    # missed since money won is a prize: it was met through one agreement
    # lumping the set's $1 millions together, prizes, the bonus and "the shop
    # will also receive $1 million"; the prizes now agree apart)
    # whom an amount is for is whose it is: "$48 billion in Ukraine security
    # aid" vs "$60.8 billion for Ukraine"
    ("us_foreign_aid_package_2024", "conflicts", "fa_c3_ukraine_security_aid_48bn"),
    # found, each with a cause the set does not accept
    ("powerball_record_jackpot_2022", "conflicts", "pb_c2_cash_option_929_1m_vs_997_6m"),
    ("powerball_record_jackpot_2022", "conflicts", "pb_c6_california_schools_156_3m_vs_153_6m"),
    # one thing by two names (synonyms.toml [classes] strike)
    ("boeing_machinists_strike_2024", "agreements", "boe_a6_strike_days"),
    # fresh15, as met when it joined
    ("fukushima_treated_water_release_2023", "agreements", "fk_a4_fiscal_year_31200_tons"),
    ("fukushima_treated_water_release_2023", "agreements", "fk_a5_500_olympic_pools"),
    ("maha_kumbh_attendance_2025", "agreements", "km_a1_expected_400_million"),
    ("maha_kumbh_attendance_2025", "agreements", "km_a2_expected_45_crore"),
    ("maha_kumbh_attendance_2025", "agreements", "km_a3_last_day_2am_11_66_lakh"),
    ("maha_kumbh_attendance_2025", "agreements", "km_a5_last_day_6am_41_11_lakh"),
    ("suez_canal_revenue_red_sea_2024", "agreements", "sc_a1_january_2024_revenue_428_million"),
    ("suez_canal_revenue_red_sea_2024", "agreements", "sc_a2_ships_2024_13213"),
    ("suez_canal_revenue_red_sea_2024", "agreements", "sc_a3_ships_2023_26434"),
    ("suez_canal_revenue_red_sea_2024", "agreements", "sc_a4_tonnage_2024_525_million"),
    ("suez_canal_revenue_red_sea_2024", "agreements", "sc_a5_tonnage_fall_66_5"),
    ("titan_submersible_search_2023", "agreements", "ti_a2_17_bolts"),
    ("titan_submersible_search_2023", "agreements", "ti_a3_oxygen_supply_96_hours"),
    ("titan_submersible_search_2023", "agreements", "ti_a4_wreck_370_miles"),
    ("titan_submersible_search_2023", "agreements", "ti_a5_length_22_feet"),
    # fresh16, as met when it joined
    ("coronation_tv_audience_2023", "agreements", "cr_a1_uk_average_18_8_million"),
    ("coronation_tv_audience_2023", "agreements", "cr_a2_uk_peak_20_4_million"),
    ("coronation_tv_audience_2023", "agreements", "cr_a3_bbc_one_average_11_9_million"),
    ("coronation_tv_audience_2023", "agreements", "cr_a4_bbc_two_peak_1_7_million"),
    ("coronation_tv_audience_2023", "agreements", "cr_a5_audience_share_89"),
    ("cricket_world_cup_attendance_2023", "agreements", "cw_a1_tournament_attendance_1250307"),
    ("cricket_world_cup_attendance_2023", "agreements", "cw_a5_final_streaming_peak_5_9_crore"),
    ("silicon_valley_bank_collapse_2023", "agreements", "sv_a1_total_assets_209_billion"),
    ("silicon_valley_bank_collapse_2023", "agreements", "sv_a3_washington_mutual_307_billion"),
    ("silicon_valley_bank_collapse_2023", "agreements", "sv_a4_capital_raise_2_25_billion"),
    ("silicon_valley_bank_collapse_2023", "agreements", "sv_a5_bond_sale_loss_1_8_billion"),
    ("silicon_valley_bank_collapse_2023", "agreements", "sv_a7_insurance_limit_250000"),
    ("starship_first_flight_2023", "agreements", "st_a1_debris_area_385_acres"),
    ("starship_first_flight_2023", "agreements", "st_a2_fire_3_5_acres"),
    ("starship_first_flight_2023", "agreements", "st_a4_booster_engines_33"),
    # fresh17, as met when it joined
    ("louvre_jewel_heist_2025", "agreements", "lv_a4_crown_emeralds_56"),
    ("nord_stream_leaks_2022", "agreements", "ns_a2_danish_emissions_2020_45_million"),
    ("nord_stream_leaks_2022", "agreements", "ns_a3_co2_equivalent_14_6_million"),
    ("nord_stream_leaks_2022", "agreements", "ns_a5_gulf_leak_40000_tons"),
    ("nord_stream_leaks_2022", "agreements", "ns_a6_gulf_leak_100_tons_per_hour"),
    ("qatar_world_cup_cost_deaths_2022", "agreements", "qw_a1_deaths_6500"),
    ("qatar_world_cup_cost_deaths_2022", "agreements", "qw_a2_total_cost_220_billion"),
    ("qatar_world_cup_cost_deaths_2022", "agreements", "qw_a3_russia_11_6_billion"),
    ("qatar_world_cup_cost_deaths_2022", "agreements", "qw_a4_brazil_15_billion"),
    ("qatar_world_cup_cost_deaths_2022", "agreements", "qw_a5_south_africa_3_6_billion"),
    ("qatar_world_cup_cost_deaths_2022", "agreements", "qw_a6_germany_4_3_billion"),
    ("total_solar_eclipse_2024", "agreements", "ec_a1_within_200_miles_150_million"),
    ("total_solar_eclipse_2024", "agreements", "ec_a2_in_path_31_6_million"),
    ("total_solar_eclipse_2024", "agreements", "ec_a3_path_width_115_miles"),
    ("total_solar_eclipse_2024", "agreements", "ec_a4_path_width_185_km"),
    # fresh18, as met when it joined
    ("antarctic_sea_ice_record_low_2023", "agreements", "si_a1_maximum_16_96_million"),
    ("east_palestine_derailment_2023", "agreements", "ep_a1_train_150_cars"),
    ("east_palestine_derailment_2023", "agreements", "ep_a2_minnows_38222"),
    ("east_palestine_derailment_2023", "agreements", "ep_a5_school_donation_300000"),
    ("evergrande_liquidation_order_2024", "agreements", "ev_a1_liabilities_over_300bn"),
    ("evergrande_liquidation_order_2024", "agreements", "ev_a2_assets_240bn"),
    ("evergrande_liquidation_order_2024", "agreements", "ev_a3_market_value_275m"),
    ("paul_tyson_netflix_fight_2024", "agreements", "pt_a1_peak_concurrent_streams_65m"),
    ("paul_tyson_netflix_fight_2024", "agreements", "pt_a2_canelo_gate_record_9m"),
    ("paul_tyson_netflix_fight_2024", "agreements", "pt_a3_tickets_sold_59666"),
    ("paul_tyson_netflix_fight_2024", "agreements", "pt_a4_complimentary_tickets_6437"),
    ("paul_tyson_netflix_fight_2024", "agreements", "pt_a5_taxable_proceeds_22m"),
    # found, with a cause the set does not accept
    ("east_palestine_derailment_2023", "conflicts", "ep_c1_cars_derailed"),
    # thirty-first session: a figure converted in brackets measures what its
    # figure does (the €88 million haul; the 1.79 million km2 minimum, whose
    # extent was its unit's "area"); liabilities are debts (ev_c2, found as
    # unexplained where the set expects rounding); money donated is a
    # donation (ep_c6, found as different_period where it expects rounding)
    ("louvre_jewel_heist_2025", "agreements", "lv_a1_value_88_million_euros"),
    ("antarctic_sea_ice_record_low_2023", "agreements", "si_a2_minimum_1_79_million"),
    ("evergrande_liquidation_order_2024", "conflicts", "ev_c2_liabilities_325_vs_300"),
    ("east_palestine_derailment_2023", "conflicts", "ep_c6_school_and_fire_donations"),
    ("total_solar_eclipse_2024", "agreements", "ec_a5_indiana_direct_177_5_million"),
    ("total_solar_eclipse_2024", "agreements", "ec_a6_ohio_direct_166_million"),
    ("total_solar_eclipse_2024", "agreements", "ec_a7_states_in_path_15"),
    # people expected to travel are travelers (thirtieth session)
    ("tsa_thanksgiving_record_2025", "agreements", "tsa_a3_aaa_thanksgiving_travelers"),
    # found, each with a cause the set does not accept
    ("coronation_tv_audience_2023", "conflicts", "cr_c7_us_audience"),
    ("silicon_valley_bank_collapse_2023", "conflicts", "sv_c2_capital_raise"),
    # found, its cause read as rounding ("22-foot" / "21 feet" long)
    ("titan_submersible_search_2023", "conflicts", "ti_c2_length_22_vs_21_feet"),
    # "as deep as 4,000 meters (13,120 feet)" / "dive to a depth of 13,123
    # ft": both depths (synonyms.toml [dimension_adjectives]); found, its
    # cause read as unexplained
    ("titan_submersible_search_2023", "conflicts", "ti_c5_design_depth_feet"),
]
#: conflicts found, with the cause the set expects.
FOUND = [
    # (apple_vision_pro_preorders_2024 vp_c1, 200,000 against "up to 180,000",
    # was found through 180,000 read against the range "160,000 to 180,000"
    # it ends; a range holds what is inside it, explain.toml [tolerance]
    # bracketing, and "200,000" still rounds to overlap 180,000: missed)
    ("jeju_air_crash_muan_2024", "je_c1_deaths_151_vs_179"),
    ("womens_world_cup_attendance_2023", "ww_c1_tickets_sold_running"),
    ("measles", "hospitalized_people_vs_admissions_wire"),  # "admissions rather than patients"
    ("earnings", "revenue_growth_18_vs_11_8"),
    ("earnings", "revenue_growth_18_vs_12"),
    ("hurricane", "toll_23_vs_41_dispatch"),
    ("hurricane", "toll_23_vs_41_post"),
    ("hurricane", "louisiana_19_vs_33"),    # "33 of the deaths" now counts deaths
    # one article gives the unadjusted 4.0% and the adjusted 4.3%, the others
    # only 4.3%: its 4.0% is kept (its sentence says how it was counted)
    ("jobs", "rate_adjusted_vs_unadjusted"),
    ("jobs", "rate_adjusted_vs_unadjusted_riverside"),
    ("wildfire", "firefighters_1380_vs_2100"),
    # subjects read differently, but each is its article's only such figure
    ("traffic", "pedestrian_calendar_vs_fiscal_wire"),
    ("transit", "ridership_unlinked_vs_linked"),  # "treats a journey ... as a single trip"
    ("tsa_thanksgiving_record_2025", "tsa_c1_previous_record_rounding"),  # "Thanksgiving" is when
    # one names its subject ("China"), the other's is its article's; each
    # the only injury figure of its article: a possible conflict
    ("yunnan_ludian_quake_2014", "q_c3_injured_1300_vs_1881"),
    ("yunnan_ludian_quake_2014", "q_c4_injured_wednesday"),
    # two exact figures whose rounding intervals only touch ("$3.57" / "$3.56")
    # a fixed property (a depth, a ship's length) is never a different period
    ("yunnan_ludian_quake_2014", "q_c11_depth_usgs_vs_china"),
    ("baltimore_key_bridge_collapse_2024", "kb_c1_ship_length_948_vs_984"),
    ("morocco_earthquake_toll_2023", "mo_c8_depth_8_vs_10"),
    # "658" / "672": two precise whole counts are no rounding of each other
    ("hajj_heat_deaths_2024", "haj_c6_egyptians_658_vs_672"),
    # "a scathing 93-page opinion" / "the 92-page ruling": the opinion's pages
    ("trump_civil_fraud_penalty_2024", "tf_c5_ruling_page_count"),
    # fresh10, as found when it joined
    ("alaska_door_plug_blowout_2024", "as_c1_passengers_171_vs_174"),
    ("iberian_blackout_2025", "ib_c1_deaths"),
    # "the cost of India's Chandrayaan-3 moon mission" / "the budget of ...":
    # the mission's, by its named owner
    ("chandrayaan3_mission_cost_2023", "cy_c4_cost_dollars_under_80"),
    # "the previous work stoppage, which lasted 57 days": the strike's length
    ("boeing_machinists_strike_2024", "boe_c2_2008_strike_length"),
    # "brings the total number of people hospitalized to 57" counts hospitalizations
    ("boars_head_listeria_2024", "bh_c3_hospitalized_jul_vs_aug"),
    # fresh11, as found when it joined
    ("png_enga_landslide_2024", "png_c3_bodies_found_sunday_vs_monday"),
    # "Microsoft's £55billion takeover" (a scale word against the figure) / £56.5 billion
    ("microsoft_activision_deal_2023_24", "ac_c2_deal_value_pounds"),
    # "an 11-month old boy" / "a 10-month-old child": two ages in months
    ("gaza_polio_vaccination_2024", "gp_c4_first_case_age_months"),
    # bodies recovered in Valencia count its dead (TRT's 202 vs The Dot News's 155)
    ("spain_valencia_floods_2024", "val_c4_valencia_region_toll"),
    # (png_c4, seven bodies vs six, found when fresh11 joined, is missed since
    # bodies count the dead: the seven join the set's other death figures,
    # its estimates among them, and frames no longer line up the two alone)
    # "Bankman-Fried has been ordered to forfeit" after "Sam Bankman-Fried"
    ("bankman_fried_sentencing_2024", "sb_c1_forfeiture"),
    # "drivers paid a national average of just over $3.65" (AAA) / "$3.56" (GasBuddy)
    ("thanksgiving_gas_prices_2023", "g_c4_last_year_aaa_vs_gasbuddy"),
    # fresh12, as found when it joined
    ("argentina_inflation_2023", "ar_c3_year_to_date"),
    # fresh14, as found when it joined: a toll read on three days
    ("marapi_volcano_eruption_2023", "mv_c1_death_toll_running"),
    # a count of places keys by what it locates: "governorships in eight
    # states" (state (governorship)) now measures governorships, as "nine
    # governorships" does
    ("mexico_presidential_election_2024", "mx_c4_governorships"),
    # fresh15, as found when it joined
    ("suez_canal_revenue_red_sea_2024", "sc_c2_january_ships_fall"),
    ("titan_submersible_search_2023", "ti_c1_oxygen_left_running"),
    # fresh17, as found when it joined
    ("louvre_jewel_heist_2025", "lv_c2_haul_value_dollars"),
    ("qatar_world_cup_cost_deaths_2022", "qw_c2_stadium_cost"),
    ("qatar_world_cup_cost_deaths_2022", "qw_c3_brazil_2014_cost"),
    # "India's tiger population rose to 3,167" counts tigers, as "India now
    # has 3,682 tigers" does (thirtieth session)
    ("india_tiger_census_2022_23", "tg_c1_population_3167_vs_3682"),
    # fresh18, as found when it joined
    ("east_palestine_derailment_2023", "ep_c7_village_population"),
    # thirty-first session: liabilities in brackets and "exceeding" are
    # debts; an extent is an area, and a level verb's unit is not what it
    # measures
    ("evergrande_liquidation_order_2024", "ev_c1_liabilities_333_vs_325"),
    ("antarctic_sea_ice_record_low_2023", "si_c1_summer_minimum"),
    ("antarctic_sea_ice_record_low_2023", "si_c2_winter_extent_km2"),
    ("antarctic_sea_ice_record_low_2023", "si_c3_winter_extent_sq_miles"),
]
# (od_c5, "238 dead and more than 900 injured" / "288 ... and 850 injured", is
# found since "another 179 have been rushed to hospital" counts no deaths,
# with counting_method for a cause the set does not accept: MET, not FOUND)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    out = {}
    for name in ALL_SETS:
        tmp = tmp_path_factory.mktemp(name)
        src = tmp / "sources"
        src.mkdir()
        for f in set_dir(name).iterdir():
            if f.suffix in (".txt", ".csv"):
                shutil.copy(f, src / f.name)
        r = CliRunner().invoke(cli, ["check", str(src), "--claims-dir", str(tmp / "claims"),
                                     "--reports-dir", str(tmp / "reports"), "--quiet"],
                               catch_exceptions=False)
        assert r.exit_code == 0, r.output
        findings, claims = load_run(tmp)
        expected = json.loads(set_dir(name).joinpath("expected.json").read_text(encoding="utf-8"))
        out[name] = (findings, claims, expected, score(findings, claims, expected))
    return out


@pytest.mark.parametrize("name,section,key", MET)
def test_expected_finding_is_made(runs, name, section, key):
    assert runs[name][3][section][key].startswith("found")  # (a conflict's cause aside)


@pytest.mark.parametrize("name,key", FOUND)
def test_expected_conflict_is_found(runs, name, key):
    assert runs[name][3]["conflicts"][key] == "found, cause right"


def test_an_open_trap_is_still_flagged(runs):
    """TRAPS_OPEN lists what is known to be flagged: when a change stops
    flagging one, it leaves the list and is asserted like the others."""
    for name, trap in TRAPS_OPEN:
        assert runs[name][3]["must_not_flag"][trap] != "ok", (name, trap)


@pytest.mark.parametrize("name", ALL_SETS)
def test_no_must_not_flag_pair_is_a_conflict(runs, name):
    verdicts = runs[name][3]["must_not_flag"]
    open_traps = {trap for set_name, trap in TRAPS_OPEN if set_name == name}
    assert verdicts and all(v == "ok" for k, v in verdicts.items() if k not in open_traps), verdicts


def test_arithmetic_error_in_one_articles_own_figures(runs):
    findings, claims, expected, _ = runs["earnings"]
    for exp in expected["self_checks"]:
        hits = [f for f in findings if f["type"] == "conflict" and f["basis"] == exp["basis"]
                and finding_matches(f, claims, exp["values"])]
        assert hits and {f["cause"] for f in hits} == {exp["cause"]}


def test_earnings_conflicts_are_all_expected(runs):
    """No false alarm: every conflict in the earnings run is one the set plants."""
    findings, claims, expected, _ = runs["earnings"]
    planted = expected["conflicts"] + expected["self_checks"]
    for f in findings:
        if f["type"] == "conflict":
            assert any(finding_matches(f, claims, e["values"]) for e in planted), f


def test_jobs_unemployment_rates_keep_their_months(runs):
    """Attribution regression: 'rose to 4.3% in October from 4.2% in September'."""
    _, claims, _, _ = runs["jobs"]
    src = claims[claims["source_id"] == "01_capital_ledger"]
    by_value = {v: p for v, p, t in zip(src["value"], src["period"], src["text"])
                if t.endswith("%") and not t.startswith("up to")}
    assert by_value[4.3] == "2026-10" and by_value[4.2] == "2026-09"
    # the article writes both "US" and "U.S."
    assert {s.replace(".", "") for s in src[src["value"] == 4.3]["subject"]} == {"US"}


def test_hurricane_state_counts_belong_to_their_state(runs):
    """"Nineteen of the deaths were in Louisiana and four in Mississippi";
    "Officials in Louisiana reported 33 deaths"."""
    _, claims, _, _ = runs["hurricane"]
    subject = {(s, t): subj for s, t, subj in zip(claims["source_id"], claims["text"],
                                                   claims["subject"])}
    assert subject[("01_gulf_herald", "Nineteen")] == "Louisiana"
    assert subject[("01_gulf_herald", "four")] == "Mississippi"
    assert subject[("03_southern_post", "33")] == "Louisiana"


def _every_set_dir():
    """Every set with an expected.json: those above, any batch still kept
    for measuring (tests/data/fresh*), and ../shared/corpus when present."""
    from .blind_e2e_scorer import default_sets
    dirs = {set_dir(name) for name in ALL_SETS} | set(default_sets())
    dirs |= {p.parent for p in DATA.glob("fresh*/*/expected.json")}
    return sorted(dirs)


_SCALED = r"(?<![\d.,]){}(?:\.0+)?\s*-?\s*(million|billion|trillion|crore|lakh|mn|bn)\b"
_PLAIN = r"(?<![\d.,]){}(?![\d,]|\.\d|\s*-?\s*(?:million|billion|trillion|crore|lakh|mn|bn)\b)"


@pytest.mark.parametrize("folder", _every_set_dir(), ids=lambda p: p.name)
def test_expected_values_are_whole_amounts_not_printed_multiples(folder):
    """The scorer matches a claim's value ("$354.9 million" is 354900000): an
    expected value written as printed before its scale word (354.9) can never
    be met, and a batch whose writer did so scored as if the tool missed it."""
    import re
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    wrong = []
    for section in ("conflicts", "agreements", "must_not_flag"):
        for exp in expected.get(section, []):
            for source, value in exp["values"].items():
                text = next((p.read_text(encoding="utf-8") for p in
                             (folder / f"{source}.txt", folder / f"{source}.html") if p.exists()), "")
                num = re.escape("%g" % value)
                if re.search(_SCALED.format(num), text, re.I) \
                        and not re.search(_PLAIN.format(num), text, re.I):
                    wrong.append((exp["id"], source, value))
    assert not wrong, wrong
