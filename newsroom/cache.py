"""Whole-page caching for anonymous visitors that is never wrong.

- Every content change bumps a generation number kept in the cache; every entry holds
  the generation it was rendered under and is served only while that is still the
  current one, so one save makes every page fresh on the next request, on every app
  server sharing the cache (Redis), without hunting keys. It is bumped when the change
  is saved and again once it is committed: a page rendered while the change was not
  yet visible is stored, if at all, under a generation nobody accepts any more.
- A hit costs one round trip: the generation and the entry are read together (one
  MGET on Redis, atomic), before any other middleware, or before Django at all
  (newsroom/wsgi.py). The entry is the finished page (newsroom/core/cached_page.py).
- A page is stored only if the generation did not move while it rendered and, with a
  read replica, only if the replica had already replayed the last bump's commit.
- No page is kept, by us or by a browser or CDN, past the next moment the published set
  changes by the clock alone (a scheduled publish, an embargo lifting, an expiry).
- Staff (anyone with a session) and preview links bypass the cache; so do responses
  marked private, no-cache, setting cookies, carrying a CSP nonce or varying on anything
  the key does not hold, and addresses with query parameters the site does not read
  (tracking parameters such as utm_* are ignored, never stored).
- One client can add only so many pages a minute; a cache outage means uncached pages.
"""

import atexit
import hashlib
import logging
import time
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.core.handlers.wsgi import get_str_from_wsgi
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils import timezone
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import http_date

from newsroom.clock import seconds_until_next_change
from newsroom.core import cached_page, fragments, negotiation, page_lease, replicas
from newsroom.core.page_lease import lease
from newsroom.core.security import client_ip

log = logging.getLogger(__name__)
GENERATION = "newsroom:generation"
POSITION = "newsroom:bump-position"  # the primary's WAL position at the last bump
BYPASS_PREFIXES = ("/admin/", "/preview/", "/health/")
# Every query parameter a public page or the API reads; a new one must be listed here,
# or its pages are simply not cached.
PARAMETERS = frozenset(
    {"page", "page_size", "q", "type", "category", "tag", "year", "project", "sort"}
    | {"status", "sector", "country", "province", "organization", "designation", "unit"}
    | {"updated", "lang"}
    | {"url", "format", "maxwidth", "maxheight"}  # oEmbed (projects/embed.py)
)
# Added by mail and social links; no page reads them, so they are left out of the key.
TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "_ga")
# The API answers one address in several representations (an article as JSON or ninjs,
# by the Accept header); each is kept under a key of its own.
NEGOTIATED_PREFIX = "/api/"
REPRESENTATIONS = (negotiation.JSON, negotiation.NINJS)
# What a stored response may vary on: the body is always sent as it is (never compressed
# here), whatever Accept-Encoding says, and under NEGOTIATED_PREFIX the key holds Accept.
KEYED_VARY = {"accept-encoding"}
LOOKED_UP = "newsroom.page_cache"  # the WSGI door's lookup, for the middleware behind it


def generation():
    value = cache.get(GENERATION)
    if value is None:
        # Never restart from a small number: pages stored under it could be stale.
        cache.add(GENERATION, time.time_ns(), timeout=None)
        value = cache.get(GENERATION)
    return value


def bump():
    try:
        cache.incr(GENERATION)
    except ValueError:
        cache.add(GENERATION, time.time_ns(), timeout=None)
    except Exception:
        log.exception("Could not bump the page-cache generation; pages expire by their TTL.")
    lease.bumped()
    global _settles_at_exit
    if not _settles_at_exit:
        # A command or task that changed content: other processes' leases run out before
        # it ends (a request waits before its response instead: PageCacheMiddleware).
        atexit.register(lease.settle)
        _settles_at_exit = True


_settles_at_exit = False


def forget():
    """After the shared cache was emptied (tests): this process keeps nothing either."""
    lease.forget()
    fragments.memory.clear()
    fragments.records.clear()


def bump_after_commit():
    try:
        position = replicas.primary_position()
        if position is not None:
            cache.set(POSITION, position, timeout=None)  # before the bump that it belongs to
    except Exception:
        log.exception("Could not record the primary's position; replica pages may be stale.")
    bump()


def content_changed(using=None, **kwargs):
    """Signal receiver: any saved or deleted content row makes every cached page stale,
    now and again once the change is committed (at once when there is no transaction)."""
    bump()
    transaction.on_commit(bump_after_commit, using=using)


def bypassed(environ):
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return True
    if cached_page.has_cookie(environ, settings.SESSION_COOKIE_NAME):
        return True
    where = cached_page.path(environ)
    return where.startswith((*BYPASS_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL))


def cacheable_response(request, response):
    control = response.get("Cache-Control", "")
    vary = {word.lower() for word in cc_delim_re.split(response.get("Vary", "")) if word}
    keyed = KEYED_VARY | ({"accept"} if request.path.startswith(NEGOTIATED_PREFIX) else set())
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and not any(word in control for word in ("private", "no-cache", "no-store"))
        and vary <= keyed
        # A nonce used by the page is this request's alone (django-csp sets it when read).
        and getattr(request, "_csp_nonce", None) is None
        and "'nonce-" not in response.get("Content-Security-Policy", "")
    )


def address_of(environ):
    """(the address as the cache knows it, whether it may be stored), or (None, False)
    when the address has a parameter no page reads, or a host ALLOWED_HOSTS refuses:
    such a page is never cached. Only what selects another page is in it: scheme (from
    a trusted proxy only), validated host, path, the parameters pages read, and for the
    API the representation the Accept header chooses."""
    host = cached_page.host(environ)
    if host is None:
        return None, False
    try:
        parameters = QueryDict(get_str_from_wsgi(environ, "QUERY_STRING", ""))
    except SuspiciousOperation:
        return None, False  # too many parameters: Django answers 400 further in
    known, tracking = [], False
    for name, values in parameters.lists():
        if name in PARAMETERS:
            known += [(name, value) for value in values]
        elif name.startswith(TRACKING_PREFIXES):
            tracking = True
        else:
            return None, False
    query = urlencode(sorted(known))
    where = cached_page.path(environ)
    variant = ""
    if where.startswith(NEGOTIATED_PREFIX):
        chosen = negotiation.preferred(environ.get("HTTP_ACCEPT", ""), REPRESENTATIONS)
        if chosen is None:
            return None, False  # a 406 (or a view that ignores Accept): never cached
        variant = "" if chosen == negotiation.JSON else f"#{chosen}"
    # A page asked for with tracking parameters is served from the cache, never stored,
    # so no stored page carries them in its links.
    return f"{cached_page.scheme(environ)}://{host}{where}?{query}{variant}", not tracking


def address(request):
    return address_of(request.META)


def page_key(where):
    return f"newsroom:page:{hashlib.sha256(where.encode()).hexdigest()}"


class Lookup(NamedTuple):
    key: str | None = None  # None: this request is not the page cache's business
    gen: int | None = None
    found: tuple | None = None  # the entry to serve, on a hit
    storable: bool = False


def look_up(environ):
    """The generation and the page in one round trip; a cache outage is a plain miss."""
    if not settings.PAGE_CACHE_SECONDS or bypassed(environ):
        return Lookup()
    where, storable = address_of(environ)
    if where is None:
        return Lookup()
    key = page_key(where)
    gen = lease.current()
    if gen is not None:
        found = page_lease.pages.get(key)
        if cached_page.current(found, gen):
            return Lookup(key, gen, found)  # no round trip (newsroom/core/page_lease.py)
    asked_at = time.monotonic()
    try:
        values = cache.get_many([GENERATION, key])
        gen = values.get(GENERATION)
        if gen is None:
            gen, values = generation(), {}
    except Exception:
        log.exception("Page cache unavailable; serving uncached.")
        return Lookup()
    lease.renew(gen, asked_at)
    found = values.get(key)
    if cached_page.current(found, gen):
        if settings.PAGE_CACHE_LEASE_SECONDS:
            page_lease.pages.set(key, found)
        return Lookup(key, gen, found)
    return Lookup(key, gen, None, storable and environ["REQUEST_METHOD"] == "GET")


def within_budget(request):
    """Whether this client may add one more page this minute (PAGE_CACHE_CLIENT_STORES)."""
    key = f"newsroom:stores:{client_ip(request)}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=120)
    return cache.incr(key) <= settings.PAGE_CACHE_CLIENT_STORES


def replica_is_current():
    """Whether the replica, if this request may read one, has replayed the last bump."""
    if replicas.REPLICA not in settings.DATABASES:
        return True
    position = cache.get(POSITION)
    return position is None or replicas.replica_has_replayed(position)


def hit_response(found, environ):
    _, status, headers, body = cached_page.answer(found, environ)
    response = HttpResponseNotModified() if status == 304 else HttpResponse(body)
    if "Content-Type" in response:
        del response["Content-Type"]  # the entry's own, if it has one
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """First in MIDDLEWARE: a hit is answered before any other middleware runs; a miss
    goes through them all, and what they return is what is stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        lookup = request.META.pop(LOOKED_UP, None) or look_up(request.META)
        if lookup.found:
            return hit_response(lookup.found, request.META)
        fragments.begin(lookup.gen)
        earlier_bump = lease.pending
        storable = lookup.storable
        if storable:
            try:
                # Checked before rendering: every read the page makes is at least this recent.
                storable = replica_is_current()
            except Exception:
                log.exception("Page cache unavailable; serving uncached.")
                storable = False
        response = self.get_response(request)
        if storable and cacheable_response(request, response):
            self.store(request, lookup, response)
        # A change made by this request is not told before no process can serve the pages
        # it replaced (newsroom/core/page_lease.py).
        lease.settle(unless=earlier_bump)
        return response

    def store(self, request, lookup, response):
        try:
            timeout = seconds_until_next_change(lookup.gen)
            if timeout <= 0 or generation() != lookup.gen or not within_budget(request):
                return
            expires_at = time.time() + timeout
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(timezone.now().timestamp())
            patch_cache_control(response, public=True)
            rest = cached_page.control_without_max_age(response["Cache-Control"])
            fresh = cached_page.fresh_for(expires_at)
            response["Cache-Control"] = cached_page.control_with_max_age(rest, fresh)
            cache.set(lookup.key, cached_page.entry(lookup.gen, expires_at, response), timeout)
            response["X-Cache"] = "miss"
        except Exception:
            log.exception("Could not store a page in the cache; it is served uncached.")
