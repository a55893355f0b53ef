import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
django_application = get_wsgi_application()

from django.urls import get_resolver  # noqa: E402

from newsroom.cache import LOOKED_UP, look_up  # noqa: E402 (needs Django set up)
from newsroom.core.cached_page import answer  # noqa: E402
from newsroom.core.collector import settle  # noqa: E402

# The URLconf, and with it every view and the API, is loaded now rather than by the first
# request; then what the worker keeps for its life is set aside from garbage collection.
get_resolver().url_patterns  # noqa: B018 (read for its loading)
settle()


def application(environ, start_response):
    """The page cache's front door: a hit is answered from the stored page before Django
    builds a request (the same lookup and answer as PageCacheMiddleware, which stores the
    pages and serves hits to requests that reach Django another way, such as tests); a
    miss goes on to Django with its lookup, so the cache is asked once per request."""
    lookup = look_up(environ)
    if lookup.found:
        status_line, _, headers, body = answer(lookup.found, environ)
        start_response(status_line, headers)
        return [body]
    environ[LOOKED_UP] = lookup
    return django_application(environ, start_response)
