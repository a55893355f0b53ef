"""HTTP of the API: conditional GET, cache lifetimes a CDN can trust, CORS, read-only methods."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from newsroom.demo.loader import ARTICLE_SLUG, PROJECT_SLUG
from tests import factories

SECOND = datetime.timedelta(seconds=1)
ADDRESSES = [
    "/api/v1/articles",
    f"/api/v1/articles/{ARTICLE_SLUG}",
    "/api/v1/categories",
    "/api/v1/tags",
    "/api/v1/projects",
    f"/api/v1/projects/{PROJECT_SLUG}",
    "/api/v1/organizations",
    "/api/v1/organizations/aux-group",
    "/api/v1/openapi.json",
    "/api/v1/docs",
]


@pytest.fixture(autouse=True)
def forget_first_seen_times():
    cache.clear()  # Last-Modified times are kept in the cache


@pytest.fixture
def frozen(time_machine):
    now = timezone.now().replace(microsecond=0)
    time_machine.move_to(now, tick=False)
    return now


@pytest.mark.parametrize("url", ADDRESSES)
def test_every_address_sends_validators_and_a_public_cache_lifetime(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"].startswith('"')
    assert parse_http_date(response["Last-Modified"]) <= timezone.now().timestamp()


@pytest.mark.parametrize("url", ADDRESSES)
def test_a_matching_etag_gets_304_not_modified_without_a_body(client, demo, url):
    first = client.get(url)
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=60"
    assert again["Access-Control-Allow-Origin"] == "*"


def test_an_etag_of_an_older_body_gets_the_new_body(client, db):
    factories.article(title="First story")
    first = client.get("/api/v1/articles")
    factories.article(title="Second story")
    again = client.get("/api/v1/articles", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "Second story" in again.content.decode()


def test_if_modified_since_gets_304_until_the_body_changes(client, db, frozen, time_machine):
    story = factories.article(title="Story")
    first = client.get("/api/v1/articles")
    since = {"if-modified-since": first["Last-Modified"]}
    time_machine.move_to(frozen + 30 * SECOND, tick=False)
    assert client.get("/api/v1/articles", headers=since).status_code == 304
    assert client.get("/api/v1/articles")["Last-Modified"] == first["Last-Modified"]
    story.title = "Story, corrected"
    story.save()
    changed = client.get("/api/v1/articles", headers=since)
    assert changed.status_code == 200
    assert changed["Last-Modified"] == http_date((frozen + 30 * SECOND).timestamp())


def test_a_body_that_changes_within_the_same_second_still_gets_a_later_last_modified(
    client, db, frozen
):
    factories.article()
    first = client.get("/api/v1/articles")
    factories.article()
    second = client.get("/api/v1/articles", headers={"if-modified-since": first["Last-Modified"]})
    assert second.status_code == 200
    assert parse_http_date(second["Last-Modified"]) > parse_http_date(first["Last-Modified"])


@pytest.mark.parametrize(
    "schedule",
    [
        {"publish_at": 25 * SECOND},
        {"publish_at": -SECOND, "embargo_until": 25 * SECOND},
        {"publish_at": -SECOND, "unpublish_at": 25 * SECOND},
    ],
    ids=["publication", "embargo-lift", "expiry"],
)
def test_cache_lifetime_stops_at_the_next_scheduled_visibility_change(client, db, frozen, schedule):
    story = factories.article(**{field: frozen + delta for field, delta in schedule.items()})
    for url in ("/api/v1/articles", f"/api/v1/articles/{story.slug}", "/api/v1/tags"):
        response = client.get(url)
        assert response.status_code in (200, 404)  # the 404 of a story due soon, too
        assert response["Cache-Control"] == "public, max-age=25", url


def test_a_change_due_within_the_second_allows_no_caching(client, db, frozen):
    factories.article(publish_at=frozen + datetime.timedelta(milliseconds=400))
    assert client.get("/api/v1/articles")["Cache-Control"] == "public, max-age=0"


def test_the_times_of_drafts_and_past_changes_do_not_shorten_the_cache_lifetime(client, db, frozen):
    factories.draft(publish_at=frozen + 10 * SECOND)
    factories.article(publish_at=frozen - 10 * SECOND, embargo_until=frozen - SECOND)
    assert client.get("/api/v1/articles")["Cache-Control"] == "public, max-age=60"


def test_errors_are_cacheable_for_the_same_short_time(client, db):
    for url in ("/api/v1/articles/nothing-here", "/api/v1/articles?page=abc", "/api/v1/nothing"):
        assert client.get(url)["Cache-Control"] == "public, max-age=60", url


def test_staff_get_the_same_public_responses_and_nothing_varies_on_cookies(
    client, staff_client, db
):
    draft = factories.draft(title="Draft story")
    story = factories.article()
    anonymous = Client().get("/api/v1/articles")
    staff = staff_client.get("/api/v1/articles")
    assert staff.content == anonymous.content
    assert "Draft story" not in staff.content.decode()
    assert staff_client.get(f"/api/v1/articles/{draft.slug}").status_code == 404
    for response in (staff, anonymous):
        assert response["Vary"] == "Accept-Encoding"  # never Cookie, never Origin
    # An article's address also gives ninjs, by the Accept header.
    article = staff_client.get(f"/api/v1/articles/{story.slug}")
    assert article["Vary"] == "Accept, Accept-Encoding"
    for response in (staff, anonymous, article):
        assert response["Cache-Control"] == "public, max-age=60"
        assert not response.cookies


def test_any_origin_may_read_without_credentials(client, demo):
    origin = {"origin": "https://partner.example"}
    for url in ("/api/v1/articles", "/api/v1/articles/nothing-here", "/api/v1/articles?page=0"):
        response = client.get(url, headers=origin)
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert response["Access-Control-Expose-Headers"] == "ETag"
        assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_request_is_answered_for_reading_only(client, demo):
    response = client.options(
        "/api/v1/articles",
        headers={
            "origin": "https://partner.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert response["Access-Control-Max-Age"] == "86400"
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_methods_get_a_json_405_even_without_a_csrf_token(db, method):
    client = Client(enforce_csrf_checks=True)
    for url in ("/api/v1/articles", f"/api/v1/projects/{PROJECT_SLUG}", "/api/v1/nothing"):
        response = getattr(client, method)(url, "{}", content_type="application/json")
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response.json() == {"detail": "The API is read-only: use GET, HEAD or OPTIONS."}


def test_head_gives_the_headers_of_get_without_the_body(client, demo):
    get = client.get(f"/api/v1/projects/{PROJECT_SLUG}")
    head = client.head(f"/api/v1/projects/{PROJECT_SLUG}")
    assert head.status_code == 200
    assert head.content == b""
    assert (head["ETag"], head["Content-Type"]) == (get["ETag"], get["Content-Type"])
    assert head["Access-Control-Allow-Origin"] == "*"
