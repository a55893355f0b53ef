"""Suggested milestones: kinds, dates with their precision, planned or happened, and
relative dates resolved from the article's own date only when it has one."""

import datetime

import pytest

from projects.extraction import suggest
from tests.extraction_support import milestone_rows

DATE = datetime.date(2024, 5, 20)


def milestones(text, published=DATE):
    return milestone_rows(text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Construction is expected to begin in 2025.",
            [("construction_start", "2025", "year", True)],
        ),
        (
            "The company broke ground on March 3, 2024.",
            [("construction_start", "2024-03-03", "day", False)],
        ),
        (
            "Production is scheduled to start in Q3 2026.",
            [("operation", "2026-07", "quarter", True)],
        ),
        (
            "The plant should be operational in the second half of 2027.",
            [("operation", "2027-07", "half_year", True)],
        ),
        (
            "The plant is expected to open in H1 2026.",
            [("operation", "2026-01", "half_year", True)],
        ),
        ("Completion is planned for the end of 2026.", [("completion", "2026", "year", True)]),
        (
            "The agreement was signed in April 2024.",
            [("agreement_signed", "2024-04", "month", False)],
        ),
        (
            "The foundation stone will be laid in June 2024.",
            [("foundation_stone", "2024-06", "month", True)],
        ),
        (
            "The building was topped out in February 2024.",
            [("topping_out", "2024-02", "month", False)],
        ),
        (
            "The factory will be inaugurated in September 2025.",
            [("inauguration", "2025-09", "month", True)],
        ),
        (
            "The plant should reach full capacity in 2028.",
            [("full_capacity", "2028", "year", True)],
        ),
        (
            "项目预计2025年10月建成投产。",
            [("completion", "2025-10", "month", True), ("operation", "2025-10", "month", True)],
        ),
        ("项目计划于2024年第三季度开工。", [("construction_start", "2024-07", "quarter", True)]),
        ("項目預計2026年下半年投產。", [("operation", "2026-07", "half_year", True)]),
        ("项目力争2025年底竣工。", [("completion", "2025", "year", True)]),
        ("预计2024年8月主体封顶。", [("topping_out", "2024-08", "month", True)]),
        ("项目于2023年3月奠基。", [("foundation_stone", "2023-03", "month", False)]),
        ("物流中心預計於2026年落成。", [("completion", "2026", "year", True)]),
        ("项目预计2025年9月投用。", [("operation", "2025-09", "month", True)]),
        ("The plant began production in March 2023.", [("operation", "2023-03", "month", False)]),
    ],
)
def test_a_milestone_has_its_kind_date_precision_and_tense(text, expected):
    assert milestones(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant is expected to open next year.", ("operation", "2025", "year", True)),
        (
            "Construction will start in March this year.",
            ("construction_start", "2024-03", "month", True),
        ),
        (
            "Production will begin by the end of the third quarter.",
            ("operation", "2024-07", "quarter", True),
        ),
        ("项目预计明年6月投产。", ("operation", "2025-06", "month", True)),
        ("项目计划今年下半年开工。", ("construction_start", "2024-07", "half_year", True)),
        (
            "5月18日,某某电池项目签约仪式在某县举行。",
            ("agreement_signed", "2024-05-18", "day", False),
        ),
        (
            "The company laid the foundation stone today.",
            ("foundation_stone", "2024-05-20", "day", False),
        ),
        ("Kestrel Foods opened the plant on Friday.", ("operation", "2024-05-17", "day", False)),
    ],
)
def test_a_relative_date_is_resolved_from_the_articles_date(text, expected):
    assert milestones(text) == [expected]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The plant is expected to open next year.", "operation"),
        ("Construction will start in March this year.", "construction_start"),
        ("5月18日,某某电池项目签约仪式在某县举行。", "agreement_signed"),
    ],
)
def test_without_the_articles_date_a_relative_date_stays_unresolved(text, kind):
    (found,) = suggest(text).milestones
    assert (found.value["kind"], found.value["date"]) == (kind, None)
    assert found.unsure and "relative" in found.reason


def test_a_day_after_the_articles_date_reported_as_past_has_no_year():
    (found,) = suggest("9月12日上午,某某项目签约仪式在某县举行。", published=DATE).milestones
    assert found.value["date"] is None and found.unsure


def test_immediately_is_a_milestone_without_a_date():
    (found,) = suggest("Construction is scheduled to begin immediately.", published=DATE).milestones
    assert (found.value["kind"], found.value["date"]) == ("construction_start", None)


@pytest.mark.parametrize(
    "text",
    [
        "The new plant is set to employ 500 people by 2027.",
        "The older plant will be shut down by September 2024.",
        "After reaching full production the plant will make 10,000 units.",
        "“Mission 26” is the group's strategy.",
        "最迟两年内,这些项目都将建成投产。",
        "全县今年共有30个项目集中开工。",
        "The first phase, completed in 2019, employs 300 people.",
        "The company opened its first plant in 1998.",
        "The acquisition is expected to be completed in the first quarter of 2025.",
        "It opened a plant in Germany in 2024.",
    ],
)
def test_words_that_date_no_milestone_of_the_project_give_none(text):
    assert milestones(text) == []


def test_two_stated_dates_for_one_event_are_both_kept():
    text = "项目预计今年11月投产。目前工程有序推进,今年6月陆续实现投产。"
    assert [m[1] for m in milestones(text)] == ["2024-11", "2024-06"]


def test_the_evidence_is_the_inputs_own_text():
    text = "Intro.\nThe company expects to begin construction in 2025, with production in 2027."
    for found in suggest(text, published=DATE).milestones:
        assert text[found.start : found.end] == found.text
