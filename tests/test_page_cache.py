"""The page cache: anonymous pages served whole, fresh after every change, never wrong."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import Article
from tests import factories

REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                     "LOCATION": "redis://127.0.0.1:6379/15"}}  # fmt: skip
CLOSED_PORT = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                           "LOCATION": "redis://127.0.0.1:9/0"}}  # fmt: skip


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get(client, url="/news/"):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_second_anonymous_visit_is_served_whole_without_queries(client, db):
    factories.article(title="Cached story")
    assert get(client)["X-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = get(client)
    assert response["X-Cache"] == "hit" and len(queries) == 0
    assert "Cached story" in response.content.decode()


def test_cached_pages_carry_validators_and_cdn_friendly_headers(client, db):
    factories.article()
    first = get(client)
    assert first["ETag"] and first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    again = client.get("/news/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get("/news/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


@pytest.mark.parametrize(
    "change",
    [
        lambda a: setattr(a, "title", "Edited title") or a.save(),
        lambda a: setattr(a, "status", "draft") or a.save(),
        lambda a: a.delete(),
        lambda a: a.tags.set(["Retagged"]),
        lambda a: a.corrections.create(note="Fixed a figure."),
    ],
    ids=["edit", "unpublish", "delete", "retag", "correction"],
)
def test_every_change_makes_the_pages_fresh_on_the_next_request(client, db, change):
    article = factories.article(title="Original title", tags=["First"])
    urls = ["/news/", article.get_absolute_url(), "/news/tag/first/", "/"]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "hit", url
    change(article)
    for url in urls:
        assert client.get(url).get("X-Cache") != "hit", url


def test_publishing_shows_the_story_on_the_next_request(client, db):
    draft = factories.draft(title="Fresh news")
    assert "Fresh news" not in get(client).content.decode()
    draft.status = Article.Status.PUBLISHED
    draft.save()
    assert "Fresh news" in get(client).content.decode()


def test_a_project_change_refreshes_its_page_and_the_home_page(client, demo):
    from projects.models import Figure

    assert "about CNY 5 billion" in get(client, "/projects/aux-compressor-wuhu/").content.decode()
    figure = Figure.objects.get(kind="investment")
    figure.value = 7_000_000_000
    figure.save()
    assert "about CNY 7 billion" in get(client, "/projects/aux-compressor-wuhu/").content.decode()
    assert "about CNY 7 billion" in get(client, "/").content.decode()


def test_a_page_is_not_kept_past_a_scheduled_publish_time(client, db, time_machine):
    moment = (timezone.now() + datetime.timedelta(seconds=30)).replace(microsecond=0)
    factories.article(title="On the hour", publish_at=moment)
    time_machine.move_to(moment - datetime.timedelta(seconds=10), tick=False)
    first = get(client)
    assert "On the hour" not in first.content.decode()
    assert "max-age=10" in first["Cache-Control"]
    assert get(client)["X-Cache"] == "hit"
    time_machine.move_to(moment, tick=False)
    assert "On the hour" in get(client).content.decode()


def test_an_embargo_lifting_is_not_hidden_by_the_cache(client, db, time_machine):
    lifts = (timezone.now() + datetime.timedelta(seconds=20)).replace(microsecond=0)
    factories.article(title="Embargoed", embargo_until=lifts)
    assert "Embargoed" not in get(client).content.decode()
    time_machine.move_to(lifts + datetime.timedelta(seconds=1), tick=False)
    assert "Embargoed" in get(client).content.decode()


def test_staff_bypass_the_cache_and_never_fill_it(client, staff, db):
    factories.article(title="Public")
    client.force_login(staff)
    assert "X-Cache" not in get(client)
    client.logout()
    assert get(client)["X-Cache"] == "miss"


def test_preview_links_are_never_cached(client, db):
    from newsroom.models import PreviewLink

    story = factories.draft(title="Preview only")
    link = PreviewLink.objects.create(article=story, recipient="AP")
    get(client, link.get_absolute_url())
    response = get(client, link.get_absolute_url())
    assert "X-Cache" not in response and "no-cache" in response["Cache-Control"]


def test_pages_work_through_the_shared_redis_cache(client, db, settings):
    settings.CACHES = REDIS
    from django.core.cache import cache

    cache.clear()
    factories.article(title="Via Redis")
    assert get(client)["X-Cache"] == "miss"
    assert get(client)["X-Cache"] == "hit"
    factories.article(title="Second story")
    assert "Second story" in get(client).content.decode()


def test_a_cache_outage_degrades_to_uncached_pages(client, db, settings):
    settings.CACHES = CLOSED_PORT
    factories.article(title="Still served")
    response = get(client)
    assert "Still served" in response.content.decode()
    assert "X-Cache" not in response
