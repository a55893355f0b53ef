"""The company's “About” text: under every press release, at the end of each feed item and in
the API's article, one active text per language, and none when none is active."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from newsroom.press.models import Boilerplate
from tests import factories

ABOUT = "AUX Group makes compressors.\n\nSecond paragraph with <b>markup</b> & more."


@pytest.fixture
def story(db):
    Boilerplate.objects.create(language="en", heading="About AUX Group", text=ABOUT)
    return factories.article(title="Plant opens", slug="plant-opens")


def test_the_boilerplate_is_printed_under_the_press_release(client, story):
    page = client.get(story.get_absolute_url()).content.decode()
    assert '<h2 id="boilerplate-heading">About AUX Group</h2>' in page
    assert "<p>AUX Group makes compressors.</p>" in page
    assert "&lt;b&gt;markup&lt;/b&gt; &amp; more." in page  # text, never markup


def test_each_feed_item_ends_with_the_boilerplate(client, story):
    for url in (
        "/en/news/feed.rss",
        "/en/news/feed.atom",
        f"{story.category.get_absolute_url()}feed.rss",
    ):
        feed = client.get(url).content.decode()
        assert "About AUX Group" in feed and "AUX Group makes compressors." in feed, url


def test_the_api_article_carries_the_boilerplate(client, story):
    data = json.loads(client.get(f"/api/v1/articles/{story.slug}").content)
    assert data["about"] == {"heading": "About AUX Group", "text": ABOUT, "language": "en"}


def test_without_an_active_text_nothing_is_printed(client, db):
    Boilerplate.objects.create(language="en", text="Old text", is_active=False)
    story = factories.article()
    assert "Old text" not in client.get(story.get_absolute_url()).content.decode()
    assert "Old text" not in client.get("/en/news/feed.rss").content.decode()
    assert json.loads(client.get(f"/api/v1/articles/{story.slug}").content)["about"] is None


def test_a_text_in_another_language_is_not_printed_on_the_english_site(client, db):
    Boilerplate.objects.create(language="zh-Hans", text="奥克斯集团简介")
    story = factories.article()
    assert "奥克斯集团简介" not in client.get(story.get_absolute_url()).content.decode()


def test_only_one_text_is_active_per_language_in_the_form(db):
    Boilerplate.objects.create(language="en", text="First")
    second = Boilerplate(language="en", text="Second")
    with pytest.raises(ValidationError, match="already active for this language"):
        second.full_clean()
    Boilerplate(language="zh-Hans", text="第二").full_clean()  # another language is fine


def test_only_one_text_is_active_per_language_in_the_database(db):
    Boilerplate.objects.create(language="en", text="First")
    Boilerplate.objects.create(language="en", text="Inactive", is_active=False)
    with pytest.raises(IntegrityError):
        Boilerplate.objects.create(language="en", text="Second")


def test_editing_the_boilerplate_refreshes_cached_pages(client, story, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    assert client.get(story.get_absolute_url())["X-Cache"] == "miss"
    about = Boilerplate.objects.get()
    about.text = "Rewritten about text."
    about.save()
    page = client.get(story.get_absolute_url())
    assert page["X-Cache"] == "miss" and "Rewritten about text." in page.content.decode()
