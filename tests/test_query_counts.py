"""Public pages run the same small number of queries with 10 articles as with 200."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import get_language_from_path

from newsroom import chrome
from newsroom.models import Article, Category
from projects.models import ArticleProject, Project
from tests import factories


def fill(count):
    """`count` more published articles with tags, all linked to the demo project."""
    news = Category.objects.get()
    project = Project.objects.get()
    start = Article.objects.count()
    stories = Article.objects.bulk_create(
        Article(title=f"Filler {n}", slug=f"filler-{n}", category=news, status="published")
        for n in range(start, start + count)
    )
    for story in stories[:20]:
        story.tags.add("Filler", f"Topic {story.pk % 5}")
    ArticleProject.objects.bulk_create(ArticleProject(article=s, project=project) for s in stories)
    factories.article(category=news).related_articles.set(stories[:5])


def queries(client, url):
    """The page's own queries: the header's and footer's data (newsroom/chrome.py) is read
    once per cache generation and language, and is pinned on its own below."""
    with translation.override(get_language_from_path(url)):
        chrome.load()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


PAGES = {
    # featured, latest, projects, their figures, press contacts, boilerplate
    "/en/": 6,
    # count, page, tags; the archive's years (one aggregate)
    "/en/news/": 4,
    # category, count, page, tags
    "/en/news/category/enterprise-news/": 4,
    # tag, count, page, tags
    "/en/news/tag/filler/": 4,
    # article (with its lead image, the boilerplate, and whether it has any subjects,
    # corrections, gallery, projects, press contacts, coverage and
    # translations: a relation it has none of costs no query), then one query for each of
    # the others: tags, projects, their figures and owners, their events and the people at
    # them, press contacts (their photos joined); the related stories (pins and computed
    # ones in one query, newsroom/models/related.py) (14 before)
    "/en/news/aux-compressor-project-listed-as-major-construction-project-in-anhui-province/": 11,
    # topic, count, page, tags
    "/en/news/topics/04000000/": 4,
    # count, page, figures, totals; filter choices: project values, organisations, authorities,
    # capacity units
    "/en/projects/": 8,
    # project (with its programme and whether it has each relation: one it has none of
    # costs no query), figures, milestones, stated durations, designations, roles, events,
    # the people at them, news links, exchange rates (kept per content generation with
    # the page cache on), press contacts (their photos joined); the demo project has no
    # gallery or coverage (13 queries before)
    "/en/projects/aux-compressor-wuhu/": 12,
    # organisation, projects, their figures, news, its published programmes
    "/en/organizations/aux-group/": 5,
    # the archive (one aggregate: the navigation, emptiness and neighbouring periods, in
    # place of Django's 3-4 date queries); count, page, tags
    "/en/news/2024/": 4,
    "/en/news/2024/01/": 4,
}


@pytest.mark.parametrize(("url", "expected"), PAGES.items())
def test_page_queries_are_pinned_and_do_not_grow_with_content(client, demo, url, expected):
    fill(10)
    assert queries(client, url) == expected
    fill(190)
    assert queries(client, url) == expected


def test_the_header_and_footer_cost_three_queries_once_per_generation(client, demo):
    fill(10)
    with translation.override("en"):
        # the brand, the sections, the archive's years, and the next scheduled change (the
        # years depend on it too: newsroom/clock.py)
        with CaptureQueriesContext(connection) as first:
            chrome.load()
        with CaptureQueriesContext(connection) as again:
            chrome.load()
    assert (len(first), len(again)) == (4, 0)
