"""Milestone cues and dates beyond the basic ones: first shipments, going live, nameplate
capacity, "yesterday" and "within the year", a wire's dateline before the day, a batch
event's name, and a coming year's "formal" start."""

import datetime

import pytest

from tests.extraction_support import milestone_rows

DATE = datetime.date(2025, 7, 16)


def milestones(text, published=DATE):
    return milestone_rows(text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The first copper cathode shipment is expected in the second half of 2027.",
            [("operation", "2027-07", "half_year", True)],
        ),
        (
            "The operator plans to have the first server rooms live by mid-2028.",
            [("operation", "2028", "year", True)],
        ),
        (
            "Trial runs are due in 2026, with nameplate capacity by 2029.",
            [("full_capacity", "2029", "year", True)],
        ),
    ],
)
def test_shipments_going_live_and_nameplate_capacity_are_milestones(text, expected):
    assert set(expected) <= set(milestones(text))


def test_yesterday_is_the_day_before_the_items_date():
    assert milestones("昨天,某某新材料项目在开发区开工。") == [
        ("construction_start", "2025-07-15", "day", False)
    ]


def test_within_the_year_is_the_items_year_and_a_span_of_years_is_not():
    assert milestones("该项目计划年内开工建设。") == [("construction_start", "2025", "year", True)]
    assert milestones("该项目计划3年内建成。") == []


def test_a_wires_dateline_and_byline_do_not_hide_the_day_that_opens_the_sentence():
    text = "本报某市7月15日电(记者 王某)14日,某某智造基地项目签约仪式在高新区举行。"
    assert milestones(text) == [("agreement_signed", "2025-07-14", "day", False)]


def test_a_quarter_naming_a_batch_event_does_not_date_the_start():
    text = "【本报讯】(记者 张某)全省2025年第三季度重大项目集中开工活动15日举行。"
    assert milestones(text) == [("construction_start", "2025-07-15", "day", False)]


def test_a_batch_event_named_by_its_quarter_without_a_day_gives_no_milestone():
    assert milestones("当日,全市2025年三季度重大项目集中开工活动同步举行。") == []


def test_a_formal_start_next_year_is_planned():
    assert milestones("该基地预计今年底竣工,明年3月正式投产。") == [
        ("completion", "2025", "year", True),
        ("operation", "2026-03", "month", True),
    ]
