"""Server errors: a database outage answers 503 with Retry-After and a static page."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def server_error(request):
    """Django calls this while handling the exception. A database that cannot be reached
    (refused, dropped, closed connection) makes the site unavailable, not broken: visitors
    get a 503 they may retry, rendered without a query; the next request reconnects."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
    return defaults.server_error(request)
