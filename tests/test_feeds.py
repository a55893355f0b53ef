"""RSS and Atom feeds parse cleanly and hold exactly the published news."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from newsroom.models import Article
from tests import factories

FEEDS = ["/en/news/feed.rss", "/en/news/feed.atom"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize(
    "url",
    [
        *FEEDS,
        "/en/news/category/enterprise-news/feed.rss",
        "/en/news/category/enterprise-news/feed.atom",
        "/en/news/tag/wuhu/feed.rss",
        "/en/news/tag/wuhu/feed.atom",
        "/en/projects/aux-compressor-wuhu/feed.rss",
        "/en/projects/aux-compressor-wuhu/feed.atom",
    ],
)
def test_every_feed_parses_and_carries_the_demo_story(client, demo, url):
    feed = parse(client, url)
    (entry,) = feed.entries
    assert entry.title.startswith("AUX Compressor Project")
    assert entry.link.endswith(
        "/en/news/aux-compressor-project-listed-as-major-construction-project-in-anhui-province/"
    )
    assert "30 million" in entry.content[0].value
    assert {"Enterprise News", "Wuhu"} <= {t.term for t in entry.tags}
    assert entry.published_parsed[:3] == (2024, 1, 2)


@pytest.mark.parametrize("url", FEEDS)
def test_feed_ids_never_change_when_the_article_does(client, db, url):
    story = factories.article(title="Before")
    first = parse(client, url).entries[0].id
    story.title, story.slug = "After", "after"
    story.save()
    entry = parse(client, url).entries[0]
    assert entry.id == first == f"urn:uuid:{story.uuid}"
    assert entry.title == "After"


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_hold_exactly_the_published_articles(client, db, url):
    live = factories.article(title="Live")
    factories.draft(title="Draft")
    factories.scheduled(title="Scheduled")
    factories.article(title="Embargoed", embargo_until=timezone.now() + datetime.timedelta(hours=1))
    factories.article(
        title="Expired",
        unpublish_at=timezone.now() - datetime.timedelta(seconds=1),
        publish_at=timezone.now() - datetime.timedelta(hours=2),
    )
    titles = [entry.title for entry in parse(client, url).entries]
    assert titles == [live.title]


def test_feed_content_is_the_sanitised_body_and_author_is_the_byline(client, db):
    factories.article(body="<p>Safe</p><script>alert(1)</script>", byline="Li Wei")
    entry = parse(client, "/en/news/feed.atom").entries[0]
    assert "<script" not in entry.content[0].value and "Safe" in entry.content[0].value
    assert entry.author == "Li Wei"


def test_pages_announce_their_feeds(client, demo):
    page = client.get("/en/news/category/enterprise-news/").content.decode()
    assert (
        'type="application/rss+xml" title="Enterprise News (RSS)" href="/en/news/category/enterprise-news/feed.rss"'
        in page
    )
    assert 'href="/en/news/feed.atom"' in page
    project = client.get("/en/projects/aux-compressor-wuhu/").content.decode()
    assert 'href="/en/projects/aux-compressor-wuhu/feed.rss"' in project


def test_feeds_of_unknown_or_unpublished_things_are_404(client, db):
    hidden = factories.project(is_published=False)
    assert client.get(f"/en/projects/{hidden.slug}/feed.rss").status_code == 404
    assert client.get("/en/news/tag/nothing/feed.rss").status_code == 404


def test_feed_is_limited_to_the_latest_30(client, db):
    news = factories.category()
    Article.objects.bulk_create(
        Article(title=f"N{n}", slug=f"n{n}", category=news, status="published") for n in range(40)
    )
    assert len(parse(client, "/en/news/feed.rss").entries) == 30


@pytest.mark.parametrize("url", FEEDS)
def test_the_lead_picture_is_an_enclosure(client, db, url):
    from tests import pictures

    picture = pictures.image(alt_text="The plant")
    factories.article(lead_image=picture)
    (enclosure,) = parse(client, url).entries[0].enclosures
    assert enclosure.href == f"http://testserver{picture.file.url}"
    assert enclosure.type == "image/jpeg" and int(enclosure.length) == picture.file_size
