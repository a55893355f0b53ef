"""The rules of a project record, each enforced by the database and explained by clean()."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from projects.dates import PreciseDate, Precision, precision_error
from projects.models import Figure, Milestone, Project, Source
from tests import factories


def refused_by_database(obj):
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def money(**fields):
    return Figure(**{"kind": "investment", "currency": "CNY", "value": 10, **fields})


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"value": Decimal("-1")}, "value", "zero or more"),
        ({"qualifier": "range"}, "value_high", "needs a high value"),
        ({"qualifier": "range", "value_high": Decimal("1")}, "value_high", "below the low"),
        ({"value_high": Decimal("9e9")}, "value_high", "Only a range"),
        ({"currency": "XYZ"}, "currency", "not an ISO 4217"),
        ({"currency": ""}, "currency", "not an ISO 4217"),
        ({"kind": "capacity", "currency": ""}, "product", "what the capacity is of"),
        ({"kind": "jobs", "currency": ""}, "job_type", "which kind of jobs"),
        ({"kind": "jobs", "currency": "", "value": Decimal("2.5")}, "value", "whole numbers"),
        ({"kind": "jobs", "currency": "CNY"}, "currency", "Only money"),
    ],
)
def test_invalid_figures_get_a_message_an_editor_understands(db, fields, field, message):
    figure = money(project=factories.project(), **fields)
    with pytest.raises(ValidationError) as error:
        figure.full_clean()
    assert message in " ".join(error.value.message_dict[field])


@pytest.mark.parametrize(
    "fields",
    [
        {"value": Decimal("-1")},
        {"qualifier": "range"},
        {"qualifier": "range", "value_high": Decimal("1")},
        {"value_high": Decimal("20")},
        {"currency": "cny"},
        {"currency": ""},
        {"kind": "capacity", "currency": ""},
        {"kind": "jobs", "currency": "", "job_type": ""},
        {"kind": "jobs", "currency": "CNY", "job_type": "direct"},
        {"kind": "dreams"},
    ],
)
def test_database_refuses_invalid_figures(db, fields):
    refused_by_database(money(project=factories.project(), **fields))


def test_database_refuses_an_unknown_status_and_a_bad_country(db):
    refused_by_database(Project(name="X", slug="x", country="CN", status="dreaming"))
    refused_by_database(Project(name="Y", slug="y", country="cn"))


def test_project_slugs_are_unique(db):
    factories.project(slug="same")
    refused_by_database(Project(name="Other", slug="same", country="CN"))


def test_country_must_be_a_two_letter_code(db):
    with pytest.raises(ValidationError) as error:
        Project(name="X", slug="x", country="cn").full_clean()
    assert "two-letter" in error.value.message_dict["country"][0]


def test_source_is_an_article_or_a_titled_url(db):
    refused_by_database(Source(url="https://example.com/"))
    with pytest.raises(ValidationError, match="URL and a title"):
        Source(url="https://example.com/").full_clean()
    with pytest.raises(ValidationError, match="not both"):
        Source(article=factories.article(), url="https://example.com/", title="x").full_clean()


def test_milestone_needs_a_date_and_a_matching_precision(db):
    project = factories.project()
    refused_by_database(Milestone(project=project, title="Nothing known"))
    wrong_day = Milestone(
        project=project,
        title="Op",
        planned_date=datetime.date(2025, 3, 15),
        planned_precision="month",
    )
    with pytest.raises(ValidationError) as error:
        wrong_day.full_clean()
    assert "first day of that month" in error.value.message_dict["planned_date"][0]


def test_actual_date_cannot_be_in_the_future(db):
    milestone = Milestone(
        project=factories.project(),
        title="Op",
        actual_date=datetime.date.today().replace(year=2999),
    )
    with pytest.raises(ValidationError) as error:
        milestone.full_clean()
    assert "cannot be in the future" in error.value.message_dict["actual_date"][0]


@pytest.mark.parametrize(
    ("start", "precision", "text", "end"),
    [
        (datetime.date(2024, 1, 2), Precision.DAY, "2 January 2024", datetime.date(2024, 1, 2)),
        (datetime.date(2025, 3, 1), Precision.MONTH, "March 2025", datetime.date(2025, 3, 31)),
        (datetime.date(2024, 2, 1), Precision.MONTH, "February 2024", datetime.date(2024, 2, 29)),
        (datetime.date(2026, 1, 1), Precision.QUARTER, "Q1 2026", datetime.date(2026, 3, 31)),
        (datetime.date(2026, 10, 1), Precision.QUARTER, "Q4 2026", datetime.date(2026, 12, 31)),
        (datetime.date(2026, 1, 1), Precision.HALF_YEAR, "H1 2026", datetime.date(2026, 6, 30)),
        (datetime.date(2026, 7, 1), Precision.HALF_YEAR, "H2 2026", datetime.date(2026, 12, 31)),
        (datetime.date(2027, 1, 1), Precision.YEAR, "2027", datetime.date(2027, 12, 31)),
    ],
)
def test_a_partial_date_shows_only_what_is_known_and_spans_its_period(start, precision, text, end):
    date = PreciseDate(start, precision)
    assert str(date) == text
    assert date.end == end


def test_a_half_year_is_entered_as_the_first_day_of_its_half():
    assert precision_error(datetime.date(2026, 7, 1), Precision.HALF_YEAR) is None
    assert precision_error(datetime.date(2026, 4, 1), Precision.HALF_YEAR) == (
        "A date known to the half-year is entered as 1 January or 1 July."
    )


def test_a_month_milestone_is_overdue_only_after_the_whole_month(db, time_machine):
    milestone = Milestone.objects.create(
        project=factories.project(),
        title="Operation",
        planned_date=datetime.date(2025, 3, 1),
        planned_precision=Precision.MONTH,
    )
    time_machine.move_to(datetime.datetime(2025, 3, 31, 12, tzinfo=datetime.UTC))
    assert not milestone.is_overdue
    assert not Milestone.objects.overdue().exists()
    time_machine.move_to(datetime.datetime(2025, 4, 1, 12, tzinfo=datetime.UTC))
    assert milestone.is_overdue
    assert Milestone.objects.overdue().get() == milestone


@pytest.mark.parametrize(
    ("fields", "text"),
    [
        ({"qualifier": "about", "value": Decimal("5000000000")}, "about CNY 5 billion"),
        ({"qualifier": "over", "value": Decimal("6000000000")}, "over CNY 6 billion"),
        ({"qualifier": "up_to", "value": Decimal("1250000000")}, "up to CNY 1.25 billion"),
        (
            {"qualifier": "range", "value": Decimal("1e9"), "value_high": Decimal("2e9")},
            "CNY 1 billion–2 billion",
        ),
        ({"qualifier": "exact", "value": Decimal("750000")}, "CNY 750,000"),
    ],
)
def test_money_reads_unambiguously(fields, text):
    assert Figure(kind="investment", currency="CNY", **fields).display == text


def test_capacity_and_jobs_read_as_sentences():
    capacity = Figure(
        kind="capacity", value=Decimal("30000000"), product="compressors", period="year"
    )
    assert capacity.display == "30 million compressors per year"
    storage = Figure(
        kind="capacity", value=Decimal("10"), unit="GWh", product="batteries", period="year"
    )
    assert storage.display == "10 GWh batteries per year"
    jobs = Figure(kind="jobs", value=Decimal("3000"), job_type="direct", qualifier="over")
    assert jobs.display == "over 3,000 direct jobs"


def test_a_revised_figure_keeps_the_old_one_in_its_history(db):
    project = factories.project()
    old = factories.money(project, value=Decimal("5e9"), qualifier="about")
    new = factories.money(project, value=Decimal("6e9"), qualifier="about", replaces=old)
    assert list(Figure.objects.current()) == [new]
    assert project.current_figures == [new]
    assert project.history_of(new) == [old]
    assert old.replaced_by == new


def test_a_figure_revises_only_an_earlier_figure_of_its_own_project(db):
    published = factories.project(is_published=True)
    theirs = factories.money(published)
    draft = factories.project(is_published=False)
    with pytest.raises(ValidationError, match="figure of another project"):
        money(project=draft, replaces=theirs).full_clean()
    own = factories.money(draft)
    money(project=draft, replaces=own).full_clean()
