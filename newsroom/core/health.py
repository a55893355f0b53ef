"""A health check for load balancers and monitoring: which of the site's stores answer.

Never cached and never read from the page cache. The database is required (503 when any
configured database cannot be reached); the cache is not, since pages are served
uncached without it, so a cache outage is reported but answers 200.
"""

import logging

from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

log = logging.getLogger(__name__)


def database_state(alias):
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except DatabaseError:
        log.warning("Health check: database %r cannot be reached.", alias, exc_info=True)
        return "down"


def cache_state():
    try:
        cache.set("newsroom:health", 1, timeout=10)
        return "ok" if cache.get("newsroom:health") == 1 else "down"
    except Exception:
        log.warning("Health check: the cache cannot be reached.", exc_info=True)
        return "down"


def health(request):
    databases = {alias: database_state(alias) for alias in connections}
    checks = {"databases": databases, "cache": cache_state()}
    healthy = all(state == "ok" for state in databases.values())
    response = JsonResponse({"status": "ok" if healthy else "down", **checks})
    response.status_code = 200 if healthy else 503
    add_never_cache_headers(response)
    return response
