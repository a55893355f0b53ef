"""Sitemaps list exactly the published objects, with lastmod; robots.txt points at them."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import Article
from tests import factories

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iterfind(".//s:loc", NS)], root


def test_index_lists_every_section(client, demo):
    locs, _ = locations(client, "/sitemap.xml")
    for section in ("sections", "articles", "projects", "categories", "tags", "organizations"):
        assert f"http://testserver/sitemap-{section}.xml" in locs


def test_articles_sitemap_lists_exactly_the_published_with_lastmod(client, db):
    live = factories.article(slug="live")
    factories.draft(slug="draft")
    factories.scheduled(slug="scheduled")
    factories.article(slug="embargoed", embargo_until=timezone.now() + datetime.timedelta(hours=1))
    factories.article(slug="hidden-from-engines", noindex=True)
    locs, root = locations(client, "/sitemap-articles.xml")
    assert locs == ["http://testserver/en/news/live/"]
    lastmod = root.find(".//s:lastmod", NS).text
    # lastmod follows what readers see changing (tests/test_date_modified.py), not saves
    assert lastmod == timezone.localtime(live.modified_at).date().isoformat()


def test_other_sections_skip_unpublished_and_empty_things(client, db):
    news = factories.category(slug="used")
    factories.category(slug="empty")
    factories.article(category=news, tags=["Wuhu"])
    factories.draft(tags=["Secret"])
    factories.project(slug="open")
    factories.project(slug="closed", is_published=False)
    assert locations(client, "/sitemap-categories.xml")[0] == [
        "http://testserver/en/news/category/used/",
        "http://testserver/zh-hans/news/category/used/",
    ]
    assert locations(client, "/sitemap-tags.xml")[0] == [
        "http://testserver/en/news/tag/wuhu/",
        "http://testserver/zh-hans/news/tag/wuhu/",
    ]
    assert locations(client, "/sitemap-projects.xml")[0] == ["http://testserver/en/projects/open/"]


@pytest.fixture
def two_pages(db, monkeypatch):
    """Seven published articles, five to a sitemap page."""
    from newsroom import sitemaps

    news = factories.category()
    Article.objects.bulk_create(
        Article(title=f"A{n}", slug=f"a{n}", category=news, status="published") for n in range(7)
    )
    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 5)


def test_large_sections_are_paginated(client, two_pages):
    locs, _ = locations(client, "/sitemap.xml")
    assert "http://testserver/sitemap-articles.xml?p=2" in locs
    assert len(locations(client, "/sitemap-articles.xml?p=2")[0]) == 2
    assert client.get("/sitemap-articles.xml?p=abc").status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "3", "99", "10000000000000000"])
def test_a_sitemap_page_before_the_first_or_past_the_last_is_not_found(client, two_pages, page):
    assert client.get(f"/sitemap-articles.xml?p={page}").status_code == 404


def test_an_empty_site_has_an_empty_first_article_sitemap_page(client, db):
    locs, _ = locations(client, "/sitemap-articles.xml")
    assert locs == []


def test_an_article_sitemap_page_is_read_in_two_queries_without_counting(client, db):
    factories.many_articles(20)
    with CaptureQueriesContext(connection) as captured:
        locs, _ = locations(client, "/sitemap-articles.xml")
    assert len(locs) == 20
    assert len(captured) == 2, [q["sql"] for q in captured]  # the page, its translations
    assert not any("COUNT(" in q["sql"] for q in captured)


def test_news_sitemap_has_the_last_two_days_only(client, db):
    factories.article(slug="today", title="Today's story", publish_at=timezone.now())
    factories.article(slug="old", publish_at=timezone.now() - datetime.timedelta(days=3))
    factories.article(slug="later", embargo_until=timezone.now() + datetime.timedelta(hours=1))
    locs, root = locations(client, "/sitemap-news.xml")
    assert locs == ["http://testserver/en/news/today/"]
    assert root.find(".//n:title", NS).text == "Today's story"


def test_robots_txt_names_the_sitemaps_and_keeps_private_paths_out(client, db):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text and "Disallow: /preview/" in text


@pytest.mark.parametrize("url", ["/sitemap-articles.xml", "/sitemap-tags.xml", "/sitemap-news.xml"])
def test_sitemap_queries_do_not_grow_with_content(client, db, url):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return len(queries)

    for n in range(3):
        factories.article(tags=[f"t{n}"])
    few = count()
    for n in range(30):
        factories.article(tags=[f"more{n}"])
    assert count() == few <= 3


def test_a_section_lists_its_page_in_each_language_with_alternates(client, db):
    factories.article(category=factories.category(slug="used"))
    xml = client.get("/sitemap-categories.xml").content.decode()
    for hreflang in ("en", "zh-hans", "x-default"):
        assert f'hreflang="{hreflang}"' in xml
    assert 'href="http://testserver/zh-hans/news/category/used/"' in xml


def test_the_sitemap_writer_escapes_text_once_and_leaves_safe_text_as_it_is():
    from django.utils.safestring import mark_safe

    from newsroom.core.sitemaps import urls_xml

    written = urls_xml(
        [
            {"location": "https://x.test/a?b=1&c='2'", "priority": "0.5"},
            {"location": mark_safe("https://x.test/d?e=1&amp;f=2")},
        ],
        timezone.get_current_timezone(),
    )
    assert "<loc>https://x.test/a?b=1&amp;c=&#x27;2&#x27;</loc><priority>0.5</priority>" in written
    assert "<loc>https://x.test/d?e=1&amp;f=2</loc>" in written
