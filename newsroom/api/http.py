"""HTTP for every API address: read-only methods, CORS, CDN caching and conditional GET.

Every response of the API is the same for every visitor (the API shows only what the
published rules allow, whoever asks), so every GET is `Cache-Control: public`, for at
most MAX_AGE seconds and never past the next moment an article is scheduled to appear,
come out of embargo or expire. Responses vary on nothing a visitor sends but the URL and,
where an address offers JSON or ninjs, the Accept header (`Vary: Accept`).
"""

import datetime
import hashlib
import json
import logging
from functools import wraps

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date

from newsroom import clock
from newsroom.cache import address
from newsroom.core import fragments
from newsroom.models import Article

log = logging.getLogger(__name__)
MAX_AGE = 60  # seconds a CDN or browser may reuse a response
READ_METHODS = ("GET", "HEAD", "OPTIONS")
CACHEABLE = (200, 400, 404)
LAST_MODIFIED_MEMORY = 24 * 3600  # seconds the first-seen time of a body is kept

CORS = {
    "Access-Control-Allow-Origin": "*",
    # Last-Modified, Cache-Control and Content-Type are readable by scripts anyway.
    "Access-Control-Expose-Headers": "ETag",
}
PREFLIGHT = {
    "Access-Control-Allow-Methods": ", ".join(READ_METHODS),
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


def error_response(status, detail, errors=None):
    """The one shape of every API error: {"detail": "...", "errors": {parameter: [...]}}."""
    body = {"detail": detail} if errors is None else {"detail": detail, "errors": errors}
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def no_such_address(request, *args, **kwargs):
    raise Http404


def next_change(now):
    """The next moment the published set changes by the clock: read once per content
    generation (newsroom/clock.py), or here without the page cache."""
    gen = fragments.generation()
    if gen is None:
        return Article.objects.next_visibility_change(after=now)
    try:
        moment = clock.next_change(gen)
    except Exception:
        log.exception("Cache unavailable; the next scheduled change is read afresh.")
        return Article.objects.next_visibility_change(after=now)
    return datetime.datetime.fromtimestamp(moment, datetime.UTC) if moment else None


def seconds_fresh(now):
    """How long a response made now stays right: MAX_AGE, or less if an article is
    due to appear or leave sooner."""
    change = next_change(now)
    if change is None:
        return MAX_AGE
    return max(0, min(MAX_AGE, int((change - now).total_seconds())))


def first_seen(request, etag, now):
    """Last-Modified: when this server first gave out this exact body at this address.

    Kept in the cache per URL. A body not seen before is new as of now (a second
    later than the body it replaces, at least), so an If-Modified-Since from a client
    holding an older body never matches. If the entry is evicted the time resets to
    now: a needless 200, never a wrong 304. With several app servers this needs the
    shared cache (REDIS_URL), as production has; ETags are exact regardless.
    """
    where, storable = address(request)
    if not storable:
        # An address with parameters nobody reads is not remembered, so no client can
        # fill the cache with them; its Last-Modified is simply now.
        return int(now.timestamp())
    key = f"newsroom.api.first-seen:{hashlib.sha256(where.encode()).hexdigest()}"
    seen = cache.get(key)
    if seen and seen[0] == etag:
        return seen[1]
    moment = int(now.timestamp())
    if seen:
        moment = max(moment, seen[1] + 1)
    cache.set(key, (etag, moment), LAST_MODIFIED_MEMORY)
    return moment


def read(view, request, *args, **kwargs):
    """GET or HEAD: the view's response with caching headers, or a 304."""
    now = timezone.now()
    max_age = seconds_fresh(now)  # before the content is read, so it cannot be later
    method, request.method = request.method, "GET"  # HEAD is GET without the body
    try:
        response = view(request, *args, **kwargs)
    except Http404:
        response = error_response(404, "Not found. The API's addresses are in /api/v1/docs.")
    finally:
        request.method = method
    if response.status_code in CACHEABLE:
        patch_cache_control(response, public=True, max_age=max_age)
        # Bodies are compressible; a shared cache must not give a compressed copy to a
        # client that did not ask for one. Never Cookie: the API ignores who asks.
        patch_vary_headers(response, ("Accept-Encoding",))
    if response.status_code == 200 and not response.streaming:
        set_response_etag(response)
        modified = first_seen(request, response["ETag"], now)
        response["Last-Modified"] = http_date(modified)
        response = get_conditional_response(
            request, etag=response["ETag"], last_modified=modified, response=response
        )
    return response


def api_view(view):
    """`view` as a read-only, cacheable, CORS-open API address."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204, headers=PREFLIGHT)
            del response["Content-Type"]  # no content
        elif request.method in ("GET", "HEAD"):
            response = read(view, request, *args, **kwargs)
        else:
            response = error_response(
                405, f"The API is read-only: use {', '.join(READ_METHODS[:-1])} or OPTIONS."
            )
        if response.status_code in (204, 405):
            response["Allow"] = ", ".join(READ_METHODS)
        for header, value in CORS.items():
            response[header] = value
        return response

    # Nothing here reads cookies or changes state, so CSRF does not apply; without this a
    # POST would get the CSRF middleware's HTML 403 instead of the API's JSON 405.
    wrapper.csrf_exempt = True
    return wrapper
