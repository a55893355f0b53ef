"""Timelines: dates as precise as known, derived durations and slips, overdue plans."""

import datetime

import pytest

from projects.dates import PreciseDate, Precision, shift, span
from projects.models import Milestone, Project
from tests import factories

MONTH = Precision.MONTH


def milestone(project, title, **dates):
    return Milestone.objects.create(project=project, title=title, **dates)


def test_the_demo_16_days_come_out_of_two_milestones(demo):
    project = Project.objects.get()
    first = project.intervals[0]
    assert (first.first.kind, first.second.kind) == ("land", "groundbreaking")
    assert first.length == "16 days"
    assert not first.is_planned


def test_the_demo_page_shows_derived_durations(client, demo):
    page = client.get("/en/projects/aux-compressor-wuhu/").content.decode()
    assert "<strong>16 days</strong>" in page
    assert "<strong>about 14 months</strong> (planned)" in page


@pytest.mark.parametrize(
    ("first", "second", "text"),
    [
        (
            PreciseDate(datetime.date(2023, 12, 17), "day"),
            PreciseDate(datetime.date(2024, 1, 2), "day"),
            "16 days",
        ),
        (
            PreciseDate(datetime.date(2024, 1, 2), "day"),
            PreciseDate(datetime.date(2025, 3, 1), MONTH),
            "about 14 months",
        ),
        (
            PreciseDate(datetime.date(2024, 1, 1), "year"),
            PreciseDate(datetime.date(2026, 1, 1), "quarter"),
            "about 2 years",
        ),
        (
            PreciseDate(datetime.date(2024, 1, 1), "day"),
            PreciseDate(datetime.date(2024, 1, 2), "day"),
            "1 day",
        ),
    ],
)
def test_a_span_is_no_more_exact_than_its_vaguer_date(first, second, text):
    assert span(first, second) == text


def test_a_month_plan_met_on_any_day_of_that_month_is_as_planned():
    plan = PreciseDate(datetime.date(2025, 3, 1), MONTH)
    assert shift(plan, PreciseDate(datetime.date(2025, 3, 31), "day")) == "as planned"
    assert (
        shift(plan, PreciseDate(datetime.date(2025, 4, 1), "day"))
        == "about 1 month later than planned"
    )
    assert (
        shift(plan, PreciseDate(datetime.date(2025, 2, 28), "day"))
        == "about 1 month earlier than planned"
    )


def test_the_first_plan_is_kept_when_the_plan_moves(db):
    operation = milestone(
        factories.project(),
        "Operation",
        planned_date=datetime.date(2025, 3, 1),
        planned_precision=MONTH,
    )
    operation.planned_date = datetime.date(2025, 9, 1)
    operation.save()
    operation.refresh_from_db()
    assert str(operation.original_plan) == "March 2025"
    assert str(operation.planned) == "September 2025"
    assert operation.slip == "about 6 months later than planned"
    operation.planned_date = datetime.date(2025, 12, 1)
    operation.save()
    operation.refresh_from_db()
    assert str(operation.original_plan) == "March 2025", "the first plan is never overwritten"


def test_a_slipped_plan_shows_on_the_project_page(client, db):
    project = factories.project()
    operation = milestone(
        project, "Operation", planned_date=datetime.date(2025, 3, 1), planned_precision=MONTH
    )
    operation.planned_date, operation.actual_date = (
        datetime.date(2025, 6, 1),
        datetime.date(2025, 6, 20),
    )
    operation.save()
    page = client.get(project.get_absolute_url()).content.decode()
    assert "first planned for" in page and "March 2025" in page
    assert "About 3 months later than planned." in page


def test_timeline_sorts_a_month_after_the_days_within_it(db):
    project = factories.project()
    month = milestone(
        project, "Month", planned_date=datetime.date(2025, 3, 1), planned_precision=MONTH, order=1
    )
    day = milestone(project, "Day", planned_date=datetime.date(2025, 3, 20), order=2)
    year = milestone(
        project, "Year", planned_date=datetime.date(2025, 1, 1), planned_precision="year"
    )
    earlier = milestone(project, "Earlier", actual_date=datetime.date(2024, 5, 5), order=9)
    assert Project.objects.get().timeline == [earlier, day, month, year]


def test_overdue_flag_follows_a_frozen_clock(db, time_machine):
    project = factories.project()
    operation = milestone(
        project, "Operation", planned_date=datetime.date(2025, 3, 1), planned_precision=MONTH
    )
    time_machine.move_to(
        datetime.datetime(2025, 3, 31, 15, 0, tzinfo=datetime.UTC)
    )  # 23:00 in Shanghai
    assert not operation.is_overdue
    time_machine.move_to(datetime.datetime(2025, 4, 2, tzinfo=datetime.UTC))
    assert operation.is_overdue
    operation.actual_date = datetime.date(2025, 4, 1)
    operation.save()
    assert not operation.is_overdue
    assert not Milestone.objects.overdue().exists()


def test_the_demo_operation_milestone_is_overdue_today(client, demo):
    assert Milestone.objects.overdue().get().kind == "operation"
    assert "Overdue" in client.get("/en/projects/aux-compressor-wuhu/").content.decode()
