"""Whole-page caching for anonymous visitors that is never wrong.

- Every content change bumps a generation number kept in the cache; it is part of
  every page key, so one save makes every page fresh on the next request, on every
  app server sharing the cache (Redis), without hunting keys.
- No page is kept past the next moment the published set changes by the clock alone
  (a scheduled publish, an embargo lifting, an expiry).
- Staff (anyone with a session) and preview links bypass the cache; so do responses
  marked private, no-cache or setting cookies.
- A cache outage degrades to uncached serving, never to an error.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from newsroom.models import Article

log = logging.getLogger(__name__)
GENERATION = "newsroom:generation"
BYPASS_PREFIXES = ("/admin/", "/preview/")


def generation():
    value = cache.get(GENERATION)
    if value is None:
        # Never restart from a small number: pages stored under it could be stale.
        cache.add(GENERATION, time.time_ns(), timeout=None)
        value = cache.get(GENERATION)
    return value


def content_changed(**kwargs):
    """Signal receiver: any saved or deleted content row makes every cached page stale."""
    try:
        cache.incr(GENERATION)
    except ValueError:
        cache.add(GENERATION, time.time_ns(), timeout=None)
    except Exception:
        log.exception("Could not bump the page-cache generation; pages expire by their TTL.")


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


def page_key(request, gen):
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"newsroom:page:{gen}:{hashlib.sha256(address.encode()).hexdigest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not cacheable_request(request):
            return self.get_response(request)
        try:
            gen = generation()
            key = page_key(request, gen)
            cached = cache.get(key)
        except Exception:
            log.exception("Page cache unavailable; serving uncached.")
            return self.get_response(request)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if cacheable_response(response):
            self.store(key, gen, response)
        return response

    def store(self, key, gen, response):
        try:
            timeout = seconds_until_next_change(gen)
            if timeout <= 0:
                return
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(timezone.now().timestamp())
            patch_cache_control(
                response, public=True, max_age=min(settings.BROWSER_CACHE_SECONDS, timeout)
            )
            response["X-Cache"] = "miss"
            cache.set(key, response, timeout)
        except Exception:
            log.exception("Could not store a page in the cache; it is served uncached.")
