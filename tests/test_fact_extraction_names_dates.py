"""Who invests and where, and dates written without a year or with a wire's dateline."""

import datetime

import pytest

from projects.extraction import suggest
from tests.extraction_support import milestone_rows

DATE = datetime.date(2025, 4, 10)


def test_the_passive_agent_is_the_investor_when_a_government_approves():
    text = (
        "The State Council on Tuesday approved a refinery to be set up by Ganga Petro "
        "Private Limited at Paradip, with an investment of Rs 40,000 crore."
    )
    assert suggest(text).organization.value["name"] == "Ganga Petro Private Limited"


def test_a_place_after_in_is_not_the_subject():
    text = (
        "Halcyon Group has confirmed it will build a battery plant in Ireland, investing "
        "more than £2bn in a site near Limerick."
    )
    assert suggest(text).organization.value["name"] == "Halcyon Group"


def test_a_legal_form_limited_stays_with_the_name():
    text = "Nanhai Cell Technology Co., Limited said it will build a €2 billion plant in Győr."
    assert "Nanhai Cell Technology" in suggest(text).organization.value["name"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Ardent will build a €900 million plant in the western Polish city of Poznań.", "Poznań"),
        (
            "Lumo will invest R$3 billion in a mill in the municipality of Três Lagoas.",
            "Três Lagoas",
        ),
        (
            "Polar Cells will build a $2-billion plant near Calgary. The site straddles the "
            "municipalities of Airdrie and Balzac.",
            "Airdrie and Balzac",
        ),
        ("Fenwick will invest £1bn in a plant at the Apex business park near Hull.", "Hull"),
    ],
)
def test_the_named_town_is_the_place_not_an_adjective_a_site_name_or_a_landmark(text, place):
    assert suggest(text).location.value["name"] == place


def milestones(text, published=DATE):
    return milestone_rows(text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister is expected to lay the foundation stone on May 22.",
            [("foundation_stone", "2025-05-22", "day", True)],
        ),
        (
            "Construction is expected to begin next month.",
            [("construction_start", "2025-05", "month", True)],
        ),
        ("The plant is set to open in June.", [("operation", "2025-06", "month", True)]),
        # A plan for a month already past this year is next year's.
        ("The plant is set to open in February.", [("operation", "2026-02", "month", True)]),
        (
            "The first modules are expected to roll out in October 2026.",
            [("operation", "2026-10", "month", True)],
        ),
        (
            "The first phase is expected to begin module production in 2027.",
            [("operation", "2027", "year", True)],
        ),
        (
            "Series production of vans at the Ghent site is set to begin in the third "
            "quarter of 2026.",
            [("operation", "2026-07", "quarter", True)],
        ),
        ("新廠預計明年第三季動工。", [("construction_start", "2026-07", "quarter", True)]),
    ],
)
def test_dates_without_a_year_and_more_milestone_verbs(text, expected):
    assert milestones(text) == expected


def test_a_vague_decade_gives_an_unsure_milestone_without_a_date():
    (found,) = suggest(
        "Output is expected to ramp up in the latter half of the decade.", published=DATE
    ).milestones
    assert (found.value["kind"], found.value["date"]) == ("operation", None)
    assert found.unsure


def test_a_day_alone_takes_the_datelines_month_and_the_dateline_is_no_event():
    text = "新华社成都4月10日电 某某材料年产5万吨项目8日在某某园区签约。"
    assert milestones(text) == [("agreement_signed", "2025-04-08", "day", False)]


def test_another_plants_timetable_is_not_the_projects():
    text = (
        "The plant will begin production in 2027. Elsewhere, the group is building a "
        "plant in Texas that is scheduled to begin production in 2026."
    )
    assert milestones(text) == [("operation", "2027", "year", True)]


def test_an_older_plants_start_is_not_the_projects():
    text = (
        "The plant will start production in 2028. Vela's first Iberian plant, in Sines, "
        "has 10 GWh; it began cell production at the end of last year."
    )
    assert milestones(text) == [("operation", "2028", "year", True)]


def test_a_batch_events_year_does_not_add_a_second_start():
    text = (
        "4月8日上午，某某新材料项目开工仪式在某某新区举行。"
        "该项目是某某市今年第二批重大项目集中开工活动的项目之一。"
    )
    assert milestones(text) == [("construction_start", "2025-04-08", "day", False)]


def test_a_planned_day_alone_already_past_in_the_articles_month_has_no_date():
    (found,) = suggest("项目将于3日开工。", published=DATE).milestones
    assert found.value["date"] is None and found.unsure


@pytest.mark.parametrize(
    "text",
    [
        "The company will roll out a hiring programme in October.",
        "Outside Spain, the group plans to begin production at a plant in Ohio in 2027.",
    ],
)
def test_words_that_look_like_a_start_but_are_not_the_projects_give_none(text):
    assert milestones(text) == []


def test_full_production_is_full_capacity_not_a_second_start():
    assert milestones("The plant will begin full production in 2028.") == [
        ("full_capacity", "2028", "year", True)
    ]


def test_a_signing_in_the_past_tense_stays_past_beside_a_plant_to_be_set_up():
    text = (
        "The state government on Tuesday signed an agreement for a plant to be set up "
        "by Orbit Cells Ltd at Nashik."
    )
    assert milestones(text) == [("agreement_signed", "2025-04-08", "day", False)]


def test_commercial_operation_slated_for_a_date_is_an_operation():
    text = "Commercial operation is slated for the second half of 2027."
    assert milestones(text) == [("operation", "2027-07", "half_year", True)]


def test_a_reporters_byline_in_brackets_does_not_hide_the_announcer():
    text = "【記者王小明／台中報導】宏泰精密今(8)日宣布,將於台中投資新台幣80億元興建新廠。"
    assert suggest(text).organization.value["name"] == "宏泰精密"


def test_first_production_planned_for_a_quarter_is_an_operation():
    text = (
        "Construction starts in 2026, with first production planned for the third quarter of 2028."
    )
    assert ("operation", "2028-07", "quarter", True) in milestones(text)


def test_a_named_other_facilitys_past_start_is_not_the_projects():
    text = (
        "The refinery is expected to open in 2027. The company's Red Hill mine, which "
        "began production last year, supplies the ore."
    )
    assert milestones(text) == [("operation", "2027", "year", True)]


def test_the_company_before_a_capacity_phrase_in_a_chinese_project_name():
    text = "其中,恒远材料年产3万吨负极材料项目总投资12亿元。"
    assert suggest(text).organization.value["name"] == "恒远材料"
