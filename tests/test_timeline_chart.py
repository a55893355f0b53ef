"""The timeline as a server-drawn SVG: planned against actual, partial dates as the periods
they cover, moved plans and today visible, with a title and a description in words."""

import datetime
import re

from projects.dates import Precision
from projects.timeline import LABELS, WIDTH, chart
from tests import factories


def test_the_demo_page_draws_every_milestone_planned_and_actual(client, demo):
    page = client.get("/en/projects/aux-compressor-wuhu/").content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert svg.count('<g class="row') == page.count('<li class="done">') + page.count(
        '<li class="planned">'
    )
    assert 'class="actual"' in svg and 'class="planned"' in svg
    assert "<script" not in svg and "style=" not in svg  # the CSP allows neither


def test_a_month_is_drawn_as_the_whole_month_and_a_year_as_the_whole_year(db):
    project = factories.project()
    factories.milestone(
        project, planned_date=datetime.date(2025, 3, 1), planned_precision=Precision.MONTH
    )
    factories.milestone(
        project, planned_date=datetime.date(2026, 1, 1), planned_precision=Precision.YEAR
    )
    drawn = chart(project.timeline, today=datetime.date(2025, 6, 1))
    month, year = (row.planned for row in drawn.rows)
    assert 7 < year.width / month.width < 15  # a year is about twelve months wide
    assert LABELS <= month.x < year.x <= WIDTH
    assert month.label == "Planned: March 2025"


def test_a_moved_plan_and_today_are_drawn(db, time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC), tick=False)
    project = factories.project()
    milestone = factories.milestone(project, planned_date=datetime.date(2025, 1, 10))
    milestone.planned_date = datetime.date(2025, 5, 10)
    milestone.save()
    drawn = chart(project.timeline)
    (row,) = drawn.rows
    assert row.first_plan.x < row.planned.x
    assert row.overdue and row.actual is None
    assert row.planned.x < drawn.today


def test_a_project_without_dated_milestones_has_no_picture(client, db):
    project = factories.project()
    assert chart(project.timeline) is None
    assert "<svg" not in client.get(project.get_absolute_url()).content.decode()


def test_the_description_says_in_words_what_the_picture_shows(client, demo):
    page = client.get("/en/projects/aux-compressor-wuhu/").content.decode()
    desc = re.search(r'<desc id="timeline-chart-desc">([^<]+)</desc>', page).group(1)
    assert re.match(r"\d+ milestones from \d{4} to \d{4}: \d+ happened, \d+ planned", desc)
