"""The page cache at the front door: a hit is answered before anything else runs, from the
finished page and its final headers, in one cache round trip, and says exactly what the
page said when it was rendered (security headers included)."""

import io
import sys

import pytest
from django.core.cache import cache as django_cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse
from django.test import Client

from newsroom import cache
from tests import factories

HTTPS = {"X-Forwarded-Proto": "https"}
DIRECT = "203.0.113.50"  # a visitor reaching the app server itself, no proxy between


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.SECURE_HSTS_SECONDS = 3600
    django_cache.clear()


def key_of(path):
    return cache.page_key(f"http://testserver{path}?")


def comparable(response):
    """The headers a visitor gets, but for the ones that say where the page came from."""
    return {k: v for k, v in response.items() if k not in ("X-Cache",)}


@pytest.mark.parametrize(
    "url", ["/en/", "/en/news/", "/en/news/feed.rss", "/api/v1/articles", "/zh-hans/news/"]
)
def test_a_hit_sends_the_same_headers_and_bytes_as_the_miss_that_stored_it(client, db, url):
    factories.article(title="Same either way")
    miss = client.get(url, headers=HTTPS)
    hit = client.get(url, headers=HTTPS)
    assert (miss["X-Cache"], hit["X-Cache"]) == ("miss", "hit")
    assert comparable(hit) == comparable(miss) and hit.content == miss.content
    for header in ("Content-Security-Policy", "Strict-Transport-Security", "X-Frame-Options"):
        assert hit[header], header
    assert "Vary" not in hit or url.startswith("/api/")


def test_a_hit_costs_one_cache_round_trip(client, db, monkeypatch):
    factories.article()
    client.get("/en/news/")
    calls, inside = [], []
    for method in ("get", "get_many", "set", "add", "incr", "has_key"):
        original = getattr(django_cache, method)

        def counted(*args, _method=method, _original=original, **kwargs):
            if not inside:  # local memory's get_many calls its own get per key
                calls.append(_method)
            inside.append(1)
            try:
                return _original(*args, **kwargs)
            finally:
                inside.pop()

        monkeypatch.setattr(django_cache, method, counted)
    assert client.get("/en/news/")["X-Cache"] == "hit"
    assert calls == ["get_many"]


def test_validators_and_head_are_answered_from_the_entry(client, db):
    factories.article()
    first = client.get("/en/news/")
    by_etag = client.get("/en/news/", headers={"If-None-Match": first["ETag"]})
    by_date = client.get("/en/news/", headers={"If-Modified-Since": first["Last-Modified"]})
    for answer in (by_etag, by_date):
        assert answer.status_code == 304 and answer["X-Cache"] == "hit"
        assert answer["ETag"] == first["ETag"] and not answer.content
        assert "Content-Type" not in answer and answer["Content-Security-Policy"]
    other = client.get("/en/news/", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content
    head = client.head("/en/news/")
    assert head["X-Cache"] == "hit" and head.content == b""
    assert head["Content-Length"] == str(len(first.content))


def test_https_from_a_client_that_is_no_proxy_never_gets_the_https_page(db):
    factories.article()
    Client().get("/en/news/", headers=HTTPS)  # through the proxy: stored, with HSTS
    direct = Client(REMOTE_ADDR=DIRECT).get("/en/news/", headers=HTTPS)
    assert direct["X-Cache"] == "miss" and "Strict-Transport-Security" not in direct


def test_a_host_outside_allowed_hosts_is_refused_not_looked_up(client, db):
    factories.article()
    client.get("/en/news/")
    assert client.get("/en/news/", headers={"Host": "evil.example"}).status_code == 400


def test_an_address_with_too_many_parameters_is_a_400_at_the_door(db):
    status, _, _ = wsgi_get("/en/news/", QUERY_STRING="&".join(f"p{n}=1" for n in range(2000)))
    assert status.startswith("400")


def respond_with(**headers):
    def view(request):
        response = HttpResponse("a page")
        for name, value in headers.items():
            response[name] = value
        return response

    return view


@pytest.mark.parametrize(
    "view",
    [
        respond_with(Vary="Cookie"),
        respond_with(Vary="Accept-Language"),
        respond_with(Vary="Accept"),  # kept apart only in the API
        respond_with(**{"Content-Encoding": "gzip"}),
        respond_with(**{"Content-Security-Policy": "script-src 'nonce-abc'"}),
    ],
    ids=["vary-cookie", "vary-language", "vary-accept", "compressed", "nonce"],
)
def test_pages_that_vary_or_carry_a_nonce_are_never_stored(rf, db, view):
    response = cache.PageCacheMiddleware(view)(rf.get("/en/news/"))
    assert "X-Cache" not in response and not django_cache.get(key_of("/en/news/"))


def test_a_page_that_read_its_csp_nonce_or_set_a_cookie_is_never_stored(rf, db):
    def reads_nonce(request):
        request._csp_nonce = "abc"  # what django-csp leaves once a template read it
        return HttpResponse("a page")

    def sets_cookie(request):
        response = HttpResponse("a page")
        response.set_cookie("choice", "1")
        return response

    for view in (reads_nonce, sets_cookie):
        assert "X-Cache" not in cache.PageCacheMiddleware(view)(rf.get("/en/news/"))


@pytest.mark.parametrize("path", ["/static/site.css", "/media/a.jpg", "/admin/", "/health/"])
def test_files_and_staff_addresses_never_touch_the_page_cache(path):
    assert cache.look_up({"REQUEST_METHOD": "GET", "PATH_INFO": path}) == cache.Lookup()


def test_the_entry_is_the_finished_bytes_not_a_pickled_response(client, db):
    factories.article()
    page = client.get("/en/news/feed.rss")
    gen, _, status, headers, body = django_cache.get(key_of("/en/news/feed.rss"))
    assert gen == cache.generation()
    assert status == 200 and body == page.content and isinstance(body, bytes)
    assert all(isinstance(v, str) for pair in headers for v in pair)


def wsgi_get(path, **extra):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        **extra,
    }
    started = {}
    # As Django's test client does: the real handler would close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = b"".join(wsgi_application()(environ, lambda s, h: started.update(status=s, h=h)))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], dict(started["h"]), body


def wsgi_application():
    from newsroom import wsgi

    return wsgi.application


def test_the_wsgi_door_answers_a_hit_without_django(client, db, monkeypatch):
    from newsroom import wsgi

    factories.article(title="At the door")
    miss = client.get("/en/news/")
    monkeypatch.setattr(wsgi, "django_application", None)  # a hit must not reach it
    status, headers, body = wsgi_get("/en/news/", HTTP_IF_NONE_MATCH='"other"')
    assert status == "200 OK" and body == miss.content and headers["X-Cache"] == "hit"
    assert {k: v for k, v in headers.items() if k != "X-Cache"} == comparable(miss)
    status, _, body = wsgi_get("/en/news/", HTTP_IF_NONE_MATCH=miss["ETag"])
    assert status == "304 Not Modified" and body == b""


def test_a_miss_at_the_wsgi_door_asks_the_cache_once_and_is_stored(db, monkeypatch):
    factories.article()
    lookups = []
    real = cache.look_up
    monkeypatch.setattr(cache, "look_up", lambda environ: lookups.append(1) or real(environ))
    monkeypatch.setattr(wsgi_module(), "look_up", cache.look_up)
    status, headers, _ = wsgi_get("/en/news/")
    assert status == "200 OK" and headers["X-Cache"] == "miss" and len(lookups) == 1


def wsgi_module():
    from newsroom import wsgi

    return wsgi


def test_the_redis_client_is_built_once_not_per_command():
    from newsroom.core.resilient_cache import ResilientRedisCache

    shared = ResilientRedisCache("redis://127.0.0.1:6379/9", {})._cache
    assert shared.get_client() is shared.get_client() is shared.get_client(write=True)
