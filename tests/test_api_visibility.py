"""The API's lists that show no article titles (tags, category counts, citations in projects,
organisations) follow the published rules to the second, like the surfaces in
tests/surfaces.py, which cover every list and page that shows articles themselves."""

import datetime

import pytest
from django.utils import timezone

from projects.models import Source
from tests import factories
from tests.api_client import get

HOUR = datetime.timedelta(hours=1)
SECOND = datetime.timedelta(seconds=1)

# How the hidden story is held back, and whether it is public before and at `moment`.
SCHEDULES = {
    "scheduled": (lambda now, moment: {"publish_at": moment}, (False, True)),
    "embargoed": (
        lambda now, moment: {"publish_at": now - HOUR, "embargo_until": moment},
        (False, True),
    ),
    "expiring": (
        lambda now, moment: {"publish_at": now - HOUR, "unpublish_at": moment},
        (True, False),
    ),
}


def hidden_story(schedule=None, **fields):
    """A story tagged "Hidden topic", alone in its category, next to a public story; with
    `schedule`, also the moment its visibility changes and what to expect either side."""
    factories.article(title="Public story", tags=["Public topic"])
    if schedule is None:
        return factories.article(title="Hidden story", tags=["Hidden topic"], **fields)
    now = timezone.now()
    moment = (now + 2 * HOUR).replace(microsecond=0)
    make, expected = SCHEDULES[schedule]
    story = factories.article(title="Hidden story", tags=["Hidden topic"], **make(now, moment))
    return story, moment, expected


def either_side(time_machine, moment, seen):
    time_machine.move_to(moment - SECOND)
    before = seen()
    time_machine.move_to(moment)
    return before, seen()


def tag_names(client):
    return {tag["name"] for tag in get(client, "/api/v1/tags")["results"]}


def category_count(client, category):
    counts = {c["slug"]: c["article_count"] for c in get(client, "/api/v1/categories")["results"]}
    return counts[category.slug]


def cited_project(story):
    """A published project whose status, figure, milestone and designation cite `story`."""
    source = Source.objects.create(article=story)
    project = factories.project(slug="plant", status_source=source)
    factories.money(project, source=source)
    factories.milestone(project, actual_date=datetime.date(2024, 1, 2), source=source)
    factories.designation(project, source=source)
    return project


def citations(client):
    """For the list and the detail: the sources shown for status, figure, milestone and
    designation, as (title or None, ...)."""
    [listed] = get(client, "/api/v1/projects")["results"]
    detail = get(client, "/api/v1/projects/plant")
    sources = (
        listed["status"]["source"],
        listed["figures"][0]["source"],
        detail["status"]["source"],
        detail["figures"][0]["source"],
        detail["milestones"][0]["source"],
        detail["designations"][0]["source"],
    )
    return tuple(source and source["title"] for source in sources)


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_a_tag_is_listed_exactly_while_an_article_with_it_is_public(
    client, db, time_machine, schedule
):
    story, moment, expected = hidden_story(schedule)
    assert either_side(time_machine, moment, lambda: "Hidden topic" in tag_names(client)) == (
        expected
    )
    assert "Public topic" in tag_names(client)
    assert story


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_a_category_counts_an_article_exactly_while_it_is_public(
    client, db, time_machine, schedule
):
    story, moment, expected = hidden_story(schedule)
    counts = either_side(time_machine, moment, lambda: category_count(client, story.category))
    assert counts == tuple(int(shown) for shown in expected)


@pytest.mark.parametrize("schedule", SCHEDULES)
def test_a_project_cites_an_article_exactly_while_it_is_public(client, db, time_machine, schedule):
    story, moment, expected = hidden_story(schedule)
    cited_project(story)
    before, after = either_side(time_machine, moment, lambda: citations(client))
    for shown, titles in zip(expected, (before, after), strict=True):
        assert titles == (("Hidden story",) * 6 if shown else (None,) * 6)


@pytest.mark.parametrize("status", ["draft", "review", "archived"])
def test_an_unpublished_article_is_in_no_tag_count_or_citation(client, db, status):
    story = hidden_story(status=status)
    cited_project(story)
    assert "Hidden topic" not in tag_names(client)
    assert category_count(client, story.category) == 0
    assert citations(client) == (None,) * 6
    for url in ("/api/v1/tags", "/api/v1/categories", "/api/v1/projects", "/api/v1/projects/plant"):
        assert b"Hidden" not in client.get(url).content, url


def test_a_project_is_in_the_api_exactly_while_it_is_published(client, db):
    owner = factories.organization(slug="owner")
    project = factories.project(slug="plant", is_published=False)
    factories.role(project, owner)
    story = factories.article()
    factories.link(story, project)

    def seen():
        return (
            client.get("/api/v1/projects/plant").status_code == 200,
            [p["slug"] for p in get(client, "/api/v1/projects")["results"]] == ["plant"],
            client.get("/api/v1/organizations/owner").status_code == 200,
            len(get(client, f"/api/v1/articles/{story.slug}")["projects"]) == 1,
            len(get(client, "/api/v1/articles", {"project": "plant"})["results"]) == 1,
        )

    assert seen() == (False,) * 5
    project.is_published = True
    project.save()
    assert seen() == (True,) * 5
