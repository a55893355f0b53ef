"""A duration the company states is kept as stated, with its source; a date worked back from
it is marked derived and never cited as the source's."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from projects.models import Milestone, Project, StatedDuration
from tests import factories


def test_the_demo_keeps_the_16_days_as_the_article_states_them(demo):
    (duration,) = StatedDuration.objects.all()
    assert (duration.length, duration.unit, duration.source.article_id is not None) == (
        16,
        "day",
        True,
    )
    land = Milestone.objects.get(kind="land")
    assert land.derived_from == duration and land.source is None
    assert land.actual_date == datetime.date(2023, 12, 17)


def test_the_derived_date_is_shown_as_derived_and_never_cited(client, demo):
    page = client.get("/en/projects/aux-compressor-wuhu/").content.decode()
    land = page[
        page.index("<h3>Land acquired</h3>") : page.index("</li>", page.index("<h3>Land acquired"))
    ]
    assert "about <time" in land and "derived from the 16 days the company stated" in land
    assert "source:" not in land
    assert "<strong>16 days</strong>, as stated" in page


def test_the_api_says_which_dates_are_derived(client, demo):
    milestones = client.get("/api/v1/projects/aux-compressor-wuhu").json()["milestones"]
    land = next(m for m in milestones if m["kind"] == "land")
    assert land["derived_from"].startswith("16 days from land acquired")
    assert land["source"] is None
    assert all(m["derived_from"] is None for m in milestones if m["kind"] != "land")


def test_a_derived_date_cannot_cite_a_source(db):
    project = factories.project()
    duration = StatedDuration.objects.create(
        project=project, start="land", end="groundbreaking", length=16
    )
    milestone = Milestone(
        project=project,
        kind="land",
        title="Land",
        actual_date=datetime.date(2023, 12, 17),
        derived_from=duration,
        source=factories.web_source(),
    )
    with pytest.raises(ValidationError, match="cites no source of its own"):
        milestone.full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        milestone.save()


def test_a_duration_runs_between_two_kinds_of_milestone(db):
    duration = StatedDuration(project=factories.project(), start="land", end="land", length=3)
    with pytest.raises(ValidationError, match="from one kind of milestone to another"):
        duration.full_clean()


def test_intervals_without_a_statement_are_still_measured_from_the_dates(demo):
    (_, planned) = Project.objects.get().intervals
    assert planned.stated is None and planned.length == "about 14 months"


def test_a_source_cited_only_by_a_stated_duration_is_the_editors_once_public(demo):
    (duration,) = StatedDuration.objects.all()
    only_here = factories.web_source()
    duration.source = only_here
    duration.save()
    assert only_here.public_owner() == duration.project
