"""Server errors: a database outage answers 503 with Retry-After and a static page (JSON
under /api/); and the icon browsers and crawlers ask for at /favicon.ico."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template import loader
from django.templatetags.static import static
from django.utils.cache import add_never_cache_headers
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def server_error(request):
    """Django calls this while handling the exception. A database that cannot be reached
    (refused, dropped, closed connection) makes the site unavailable, not broken: visitors
    get a 503 they may retry, rendered without a query; the next request reconnects."""
    outage = isinstance(sys.exc_info()[1], OperationalError | InterfaceError)
    if request.path.startswith("/api/"):
        detail = "The service is unavailable; try again shortly." if outage else "Server error."
        response = JsonResponse({"detail": detail}, status=503 if outage else 500)
    elif outage:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    else:
        return defaults.server_error(request)
    if outage:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def favicon(request):
    # The hashed static address, so the icon is cached for a year like every static file.
    return HttpResponseRedirect(static("favicon.ico"))
