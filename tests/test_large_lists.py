"""Lists cost the same however long they grow: deep pages are found by key from either end,
change lists count once, and every page runs a fixed, small number of queries."""

import datetime

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.core import pagination
from newsroom.core.pagination import KeysFirstPaginator
from newsroom.models import Article
from newsroom.sitemaps import ArticleSitemap
from tests import factories
from tests.conftest import load_chrome


@pytest.fixture
def shallow(monkeypatch):
    """Pages past the first 24 rows take the keys-first path, so small tables test it."""
    monkeypatch.setattr(pagination, "DIRECT_ROWS", 24)


def queries(client, url):
    load_chrome()  # the header's and footer's data, pinned on its own in test_query_counts
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def pages(paginator):
    return [[a.pk for a in paginator.page(n).object_list] for n in paginator.page_range]


def test_every_page_holds_what_djangos_paginator_would_put_there(db, shallow):
    """Ties in publish time are broken by the primary key, read forwards or backwards."""
    news = factories.category()
    same_time = timezone.now() - datetime.timedelta(days=1)
    for n in range(40):
        moment = same_time if n % 3 else same_time - datetime.timedelta(minutes=n)
        factories.article(category=news, publish_at=moment)
    listing = Article.objects.published().for_listing()
    for per_page, orphans in [(7, 0), (5, 2), (12, 0)]:
        expected = pages(Paginator(listing, per_page, orphans=orphans))
        assert pages(KeysFirstPaginator(listing, per_page, orphans=orphans)) == expected


def test_a_list_without_a_total_order_is_paged_as_django_does(db, shallow):
    factories.many_articles(40)
    unordered_ties = Article.objects.published().order_by("category")
    paginator = KeysFirstPaginator(unordered_ties, 10)
    assert paginator.page(4).object_list.query.is_sliced


def last_page(path, count, per_page=12):
    return f"{path}?page={(count + per_page - 1) // per_page}"


DEEP_PAGES = {
    # count, the page's keys (from the far end), the page, tags; the archive's years
    "/en/news/": 5,
    # category, count, keys, page, tags
    "/en/news/category/bulk-news/": 5,
    # tag, count, keys, page, tags
    "/en/news/tag/bulk/": 5,
}


@pytest.mark.parametrize(("path", "expected"), DEEP_PAGES.items())
def test_last_and_middle_pages_run_the_same_queries_at_any_length(
    client, db, shallow, path, expected
):
    news = factories.category(name="Bulk news", slug="bulk-news")
    factories.many_articles(60, news=news)
    assert queries(client, last_page(path, 60)) == expected
    factories.many_articles(240, news=news)
    assert queries(client, last_page(path, 300)) == expected
    assert queries(client, f"{path}?page=12") == expected
    assert queries(client, f"{path}?page=2") == expected - 1  # near the start: no keys query


def test_the_last_project_directory_page_runs_the_same_queries_at_any_length(client, db, shallow):
    # count, keys, page, figures, totals; filter choices: project values, organisations,
    # authorities, capacity units
    factories.many_projects(50)
    assert queries(client, last_page("/en/projects/", 50, 24)) == 9
    factories.many_projects(100)
    assert queries(client, last_page("/en/projects/", 150, 24)) == 9


ADMIN_LISTS = {
    # session, user; savepoint (revisions), categories for the filter, count, articles,
    # their tags, their translations, release; dates: first and last, then the years, months
    # or days between
    "/admin/newsroom/article/": 11,
    # session, user; savepoint, count, projects with overdue flags, their figures, their
    # gallery (thumbnails), release; countries for the filter
    "/admin/projects/project/": 9,
    # session, user, count, figures with project, source and revisions; currencies
    "/admin/projects/figure/": 5,
    # session, user, count, milestones with projects
    "/admin/projects/milestone/": 4,
    # session, user, count, links with articles and projects
    "/admin/projects/articleproject/": 4,
    # session, user, count, sources with articles
    "/admin/projects/source/": 4,
}


@pytest.mark.parametrize(("url", "expected"), ADMIN_LISTS.items())
def test_admin_change_lists_count_once_and_do_not_grow_with_content(
    staff_client, db, shallow, url, expected
):
    project = factories.project()
    factories.many_articles(30, project=project)
    factories.many_projects(30)
    first = queries(staff_client, url)
    factories.many_articles(270, project=project)
    factories.many_projects(220)
    assert queries(staff_client, url) == first == expected
    assert queries(staff_client, f"{url}?p=2") <= expected + 1  # + the page's keys


def test_admin_change_lists_do_not_count_the_whole_table_twice(staff_client, db):
    factories.many_articles(5)
    with CaptureQueriesContext(connection) as captured:
        staff_client.get("/admin/newsroom/article/?status__exact=published")
    counts = [q["sql"] for q in captured if "COUNT(" in q["sql"]]
    assert all("WHERE" in sql for sql in counts), counts


def test_the_sitemap_index_finds_the_latest_change_without_loading_every_article(client, db):
    factories.many_articles(50)
    # lastmod follows changes readers see, not saves (tests/test_date_modified.py).
    latest = max(article.modified_at for article in Article.objects.all())
    assert ArticleSitemap().get_latest_lastmod() == latest
    assert queries(client, "/sitemap.xml") <= 9  # the topics section added one
