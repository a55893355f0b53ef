"""Whole-page caching for anonymous visitors that is never wrong.

- Every content change bumps a generation number kept in the cache; it is part of
  every page key, so one save makes every page fresh on the next request, on every
  app server sharing the cache (Redis), without hunting keys. It is bumped when the
  change is saved and again once it is committed: a page rendered while the change was
  not yet visible is stored, if at all, under a generation nobody asks for any more.
- A page is stored only if the generation did not move while it rendered and, with a
  read replica, only if the replica had already replayed the last bump's commit.
- No page is kept, by us or by a browser or CDN, past the next moment the published set
  changes by the clock alone (a scheduled publish, an embargo lifting, an expiry).
- Staff (anyone with a session) and preview links bypass the cache; so do responses
  marked private, no-cache or setting cookies, and addresses with query parameters the
  site does not read (tracking parameters such as utm_* are ignored, never stored).
- One client can add only so many pages a minute; a cache outage means uncached pages.
"""

import hashlib
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from newsroom.core import negotiation, replicas
from newsroom.core.security import client_ip
from newsroom.models import Article

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


def seconds_until_next_change(gen):
    """Seconds until the published set changes by the clock alone, cached per generation."""
    key = f"newsroom:next-change:{gen}"
    moment = cache.get(key)
    if moment is None or (moment and moment <= time.time()):
        upcoming = Article.objects.next_visibility_change()
        moment = upcoming.timestamp() if upcoming else 0
        cache.set(key, moment, settings.PAGE_CACHE_SECONDS)
    if not moment:
        return settings.PAGE_CACHE_SECONDS
    return max(0, min(settings.PAGE_CACHE_SECONDS, int(moment - time.time())))


def cacheable_request(request):
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(BYPASS_PREFIXES)
    )


def cacheable_response(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-cache", "no-store"))
    )


def address(request):
    """(the address as the cache knows it, whether it may be stored), or (None, False)
    when the address has a parameter no page reads: such a page is never cached."""
    known, tracking = [], False
    for name, values in request.GET.lists():
        if name in PARAMETERS:
            known += [(name, value) for value in values]
        elif name.startswith(TRACKING_PREFIXES):
            tracking = True
        else:
            return None, False
    query = urlencode(sorted(known))
    variant = ""
    if request.path.startswith(NEGOTIATED_PREFIX):
        chosen = negotiation.choose(request, REPRESENTATIONS)
        if chosen is None:
            return None, False  # a 406 (or a view that ignores Accept): never cached
        variant = "" if chosen == negotiation.JSON else f"#{chosen}"
    # A page asked for with tracking parameters is served from the cache, never stored,
    # so no stored page carries them in its links.
    return f"{request.get_host()}{request.path}?{query}{variant}", not tracking


def page_key(where, gen):
    return f"newsroom:page:{gen}:{hashlib.sha256(where.encode()).hexdigest()}"


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


def fresh_for(expires_at):
    return max(0, min(settings.BROWSER_CACHE_SECONDS, int(expires_at - time.time())))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not cacheable_request(request):
            return self.get_response(request)
        where, storable = address(request)
        if where is None:
            return self.get_response(request)
        try:
            gen = generation()
            key = page_key(where, gen)
            cached = cache.get(key)
            # Checked before rendering: every read the page makes is at least this recent.
            storable = storable and cached is None and replica_is_current()
        except Exception:
            log.exception("Page cache unavailable; serving uncached.")
            return self.get_response(request)
        if isinstance(cached, tuple):
            expires_at, response = cached
            # What a browser or CDN may keep shrinks with what is left of the entry.
            patch_cache_control(response, max_age=fresh_for(expires_at))
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if storable and cacheable_response(response):
            self.store(request, key, gen, response)
        return response

    def store(self, request, key, gen, response):
        try:
            timeout = seconds_until_next_change(gen)
            if timeout <= 0 or generation() != gen or not within_budget(request):
                return
            expires_at = time.time() + timeout
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(timezone.now().timestamp())
            patch_cache_control(response, public=True, max_age=fresh_for(expires_at))
            response["X-Cache"] = "miss"
            cache.set(key, (expires_at, response), timeout)
        except Exception:
            log.exception("Could not store a page in the cache; it is served uncached.")
