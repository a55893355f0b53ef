"""Every API list and detail runs the same small number of queries with 10 items as with 200.

Every response also asks when an article is next due to appear or leave (one query,
`next_visibility_change`), for the Cache-Control lifetime.
"""

import pytest
from django.core.cache import cache

from newsroom.demo.loader import ARTICLE_SLUG, PROJECT_SLUG
from newsroom.models import Article, Category, Correction
from projects.models import (
    ArticleProject,
    Designation,
    Figure,
    Kind,
    Milestone,
    Organization,
    Project,
)
from tests import factories
from tests.test_query_counts import queries


def grow(count):
    """`count` more of everything an API response can list: published articles (tagged,
    linked to the demo project), corrections and tags of the demo story, projects owned by
    AUX Group, and figures (each revising the last), milestones and designations of the
    demo project."""
    news = Category.objects.get(slug="enterprise-news")
    project = Project.objects.get(slug=PROJECT_SLUG)
    start = Article.objects.count()
    stories = Article.objects.bulk_create(
        Article(title=f"Filler {n}", slug=f"filler-{n}", category=news, status="published")
        for n in range(start, start + count)
    )
    for story in stories[:20]:
        story.tags.add("Filler", f"Topic {story.pk % 5}")
    ArticleProject.objects.bulk_create(ArticleProject(article=s, project=project) for s in stories)
    demo_story = Article.objects.get(slug=ARTICLE_SLUG)
    demo_story.tags.add(*(f"Extra {n}" for n in range(start, start + count)))
    Correction.objects.bulk_create(
        Correction(article=demo_story, note=f"Note {n}") for n in range(count)
    )
    factories.many_projects(count, owner=Organization.objects.get(slug="aux-group"))
    previous = Figure.objects.current().get(project=project, kind=Kind.JOBS)
    for n in range(count):
        previous = factories.jobs(project, 100 + n, replaces=previous)
    Milestone.objects.bulk_create(
        Milestone(project=project, title=f"Step {n}", planned_date="2030-01-01")
        for n in range(count)
    )
    Designation.objects.bulk_create(
        Designation(project=project, authority=f"Authority {n}", list_name="Major projects")
        for n in range(count)
    )


ADDRESSES = {
    # visibility change, count, page, tags, and on the first page the recent withdrawals
    "/api/v1/articles": 5,
    "/api/v1/articles?category=enterprise-news&tag=filler&year=2026&project=aux-compressor-wuhu": 5,
    "/api/v1/articles?page=2&page_size=5": 4,
    # visibility change, article with category, tags, corrections, published project links,
    # published translations
    f"/api/v1/articles/{ARTICLE_SLUG}": 6,
    # visibility change, count, page, then for ninjs: tags, subjects (Media Topics),
    # corrections, gallery, published projects, their roles, events and the people at them
    "/api/v1/ninjs": 11,
    "/api/v1/ninjs?page=2&page_size=5": 11,
    # visibility change, count, page with published counts
    "/api/v1/categories": 3,
    "/api/v1/tags": 3,
    # visibility change, count, page, figures with their sources
    "/api/v1/projects": 4,
    "/api/v1/projects?sort=investment&page_size=100": 4,
    # ... and the filter choices: project values, organisations, authorities
    "/api/v1/projects?status=construction&sector=Home+appliances&organization=aux-group"
    "&designation=Anhui+Province&year=2024": 7,
    # visibility change, project (with its programme), figures, milestones, stated durations,
    # designations, roles, events, the people at them, news links
    f"/api/v1/projects/{PROJECT_SLUG}": 10,
    # visibility change, count, page, roles in published projects
    "/api/v1/organizations": 4,
    # visibility change, organisation with parent, roles in published projects
    "/api/v1/organizations/aux-group": 3,
    # visibility change only
    "/api/v1/openapi.json": 1,
    "/api/v1/docs": 1,
}


@pytest.mark.parametrize(("url", "expected"), ADDRESSES.items())
def test_api_queries_are_pinned_and_do_not_grow_with_content(client, demo, url, expected):
    grow(10)
    cache.clear()
    assert queries(client, url) == expected
    grow(190)
    assert queries(client, url) == expected


def test_no_api_address_needs_more_than_eleven_queries():
    # Ten since a project's events, the people at them and its stated durations joined its
    # record; eleven for the ninjs feed, whose items carry the stories' Media Topics,
    # pictures, places, organisations and people. Each new part should justify its query.
    assert max(ADDRESSES.values()) <= 11
