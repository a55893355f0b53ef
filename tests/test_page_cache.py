"""The page cache: anonymous pages served whole, fresh after every change, never wrong."""

import datetime
import os

import pytest
from django.core.cache import cache as django_cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import Article
from tests import factories

REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15",
    }
}
CLOSED_PORT = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
    }
}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    django_cache.clear()


def get(client, url="/en/news/"):
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
    again = client.get("/en/news/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get("/en/news/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
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
    urls = ["/en/news/", article.get_absolute_url(), "/en/news/tag/first/", "/en/"]
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

    assert (
        "about CNY 5 billion" in get(client, "/en/projects/aux-compressor-wuhu/").content.decode()
    )
    figure = Figure.objects.get(kind="investment")
    figure.value = 7_000_000_000
    figure.save()
    assert (
        "about CNY 7 billion" in get(client, "/en/projects/aux-compressor-wuhu/").content.decode()
    )
    assert "about CNY 7 billion" in get(client, "/en/").content.decode()


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


def test_a_change_bumps_the_generation_again_once_it_is_committed(
    db, django_capture_on_commit_callbacks
):
    from newsroom import cache

    before = cache.generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            factories.article(title="Committed")
            during = cache.generation()
        assert cache.generation() == during  # nothing more until the commit
    assert before < during < cache.generation() and callbacks


def test_a_page_whose_generation_moved_while_it_rendered_is_not_stored(rf, db):
    from newsroom import cache

    def render_during_a_change(request):
        cache.bump()  # an editor's save lands while the page renders
        return HttpResponse("old state")

    first = cache.PageCacheMiddleware(render_during_a_change)(rf.get("/en/news/"))
    assert first.content == b"old state" and "X-Cache" not in first
    second = cache.PageCacheMiddleware(lambda request: HttpResponse("new state"))
    response = second(rf.get("/en/news/"))
    assert response.content == b"new state" and response["X-Cache"] == "miss"


def test_a_replica_behind_the_last_change_fills_no_page(client, db, settings, monkeypatch):
    from newsroom import cache

    assert "replica" in settings.DATABASES  # the suite runs with one (tests/environment.py)
    monkeypatch.setattr(cache.replicas, "replica_has_replayed", lambda position: False)
    django_cache.set(cache.POSITION, "0/1")
    factories.article()
    assert "X-Cache" not in get(client) and "X-Cache" not in get(client)
    monkeypatch.setattr(cache.replicas, "replica_has_replayed", lambda position: True)
    assert get(client)["X-Cache"] == "miss" and get(client)["X-Cache"] == "hit"


def test_browsers_and_cdns_never_keep_a_cached_page_past_an_expiry(client, db, time_machine):
    ends = (timezone.now() + datetime.timedelta(seconds=45)).replace(microsecond=0)
    factories.article(title="Short-lived", unpublish_at=ends)
    time_machine.move_to(ends - datetime.timedelta(seconds=40), tick=False)
    assert "max-age=40" in get(client)["Cache-Control"]
    time_machine.move_to(ends - datetime.timedelta(seconds=5), tick=False)
    hit = get(client)
    assert hit["X-Cache"] == "hit" and "max-age=5" in hit["Cache-Control"]


def page_entries():
    if hasattr(django_cache._cache, "get_client"):  # Redis (REDIS_URL set for the run)
        return list(django_cache._cache.get_client().scan_iter(match="*:newsroom:page:*"))
    return [key for key in django_cache._cache if ":newsroom:page:" in key]


def test_unknown_query_parameters_add_nothing_to_the_cache(client, db):
    factories.article()
    for n in range(30):
        get(client, f"/en/news/?utm={n}")
        get(client, f"/en/news/?utm_source=mail{n}")
    assert page_entries() == []
    assert get(client, "/en/news/?utm=1").get("X-Cache") is None  # not a parameter we read
    get(client, "/en/news/")
    assert get(client, "/en/news/?utm_source=mail&utm_medium=x")["X-Cache"] == "hit"
    assert len(page_entries()) == 1


def test_parameters_in_another_order_share_one_entry(client, db):
    factories.project()
    get(client, "/en/projects/?sort=name&country=CN")
    assert get(client, "/en/projects/?country=CN&sort=name")["X-Cache"] == "hit"


def test_one_client_can_add_only_so_many_pages_a_minute(client, db, settings, time_machine):
    time_machine.move_to(timezone.now().replace(second=10), tick=False)  # all in one minute
    settings.PAGE_CACHE_CLIENT_STORES = 3
    factories.article()
    for n in range(1, 6):
        get(client, f"/en/news/?page=1&sort={n}")
    assert len(page_entries()) == 3
