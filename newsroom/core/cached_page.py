"""A page as the page cache keeps it, and the answer to a request it serves.

An entry is a plain tuple, (generation, expires_at, status, headers, body): the finished
bytes and the final headers, as every middleware left them on the response that filled
it, so a hit recomputes nothing and loses nothing. It pickles as a few strings and one
bytes object, not as an HttpResponse. Cache-Control is kept without its max-age, which
shrinks with what is left of the entry and is added on the way out.

Both doors use `answer`: the WSGI wrapper in front of Django (newsroom/wsgi.py) and
PageCacheMiddleware behind it (newsroom/cache.py), for requests that reach Django.
"""

import re
import time
from http import HTTPStatus

from django.conf import settings
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.http import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.utils.http import parse_etags, parse_http_date_safe

from newsroom.core.security import is_trusted_proxy

CONTROL = "Cache-Control"
MAX_AGE = re.compile(r",?\s*max-age=\d+")
# A 304 carries the entry's headers but not the ones describing a body (RFC 9110 §15.4.5).
BODY_HEADERS = ("content-type", "content-length", "content-language", "content-encoding")
STATUS_LINES = {code: f"{code} {HTTPStatus(code).phrase}" for code in (200, 304)}


def control_without_max_age(value):
    return MAX_AGE.sub("", value).strip(", ")


def control_with_max_age(rest, seconds):
    return f"{rest}, max-age={seconds}" if rest else f"max-age={seconds}"


def fresh_for(expires_at):
    """What a browser or CDN may keep: what is left of the entry, BROWSER_CACHE_SECONDS at most."""
    return max(0, min(settings.BROWSER_CACHE_SECONDS, int(expires_at - time.time())))


def entry(gen, expires_at, response):
    headers = tuple(
        (name, control_without_max_age(value) if name == CONTROL else value)
        for name, value in response.items()
        if name != "X-Cache"
    )
    return (gen, expires_at, response.status_code, headers, response.content)


def current(found, gen):
    """Whether `found` (what the cache gave, or None) is an entry for generation `gen`
    that has not expired: anything else is a miss."""
    return (
        isinstance(found, tuple) and len(found) == 5 and found[0] == gen and found[1] > time.time()
    )


def not_modified(environ, headers):
    """Whether the request's validators match the entry (If-None-Match first, as Django)."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if not if_none_match and not if_modified_since:
        return False
    stored = {name.lower(): value for name, value in headers}
    if if_none_match:
        etag = stored.get("etag")
        tags = parse_etags(if_none_match)
        return bool(etag) and (
            "*" in tags or etag.removeprefix("W/") in (tag.removeprefix("W/") for tag in tags)
        )
    since = parse_http_date_safe(if_modified_since)
    modified = parse_http_date_safe(stored.get("last-modified", ""))
    return since is not None and modified is not None and modified <= since


def answer(found, environ):
    """(status line, status code, headers, body) for a request served from an entry."""
    _, expires_at, status, stored, body = found
    control = control_with_max_age
    headers = [
        (name, control(value, fresh_for(expires_at)) if name == CONTROL else value)
        for name, value in stored
    ]
    headers.append(("X-Cache", "hit"))
    if not_modified(environ, stored):
        status, body = 304, b""
        headers = [header for header in headers if header[0].lower() not in BODY_HEADERS]
    elif environ.get("REQUEST_METHOD") == "HEAD":
        body = b""  # Content-Length stays: the size of what GET would send
    return STATUS_LINES[status], status, headers, body


def host(environ):
    """The Host as Django's request.get_host() reads it, or None when ALLOWED_HOSTS refuses
    it (Django then answers 400, so nothing is looked up for it)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        if not is_trusted_proxy(environ.get("REMOTE_ADDR", "")):
            return None  # stripped further in; not worth repeating here
        name = environ["HTTP_X_FORWARDED_HOST"]
    elif "HTTP_HOST" in environ:
        name = environ["HTTP_HOST"]
    else:
        name, port = environ["SERVER_NAME"], str(environ.get("SERVER_PORT", ""))
        if port and port != ("443" if environ.get("wsgi.url_scheme") == "https" else "80"):
            name = f"{name}:{port}"
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    domain, _ = split_domain_port(name)
    return name if domain and validate_host(domain, allowed) else None


def scheme(environ):
    """https when the connection is, or a trusted proxy says so (SECURE_PROXY_SSL_HEADER)."""
    header, secure = settings.SECURE_PROXY_SSL_HEADER or (None, None)
    if header and header in environ and is_trusted_proxy(environ.get("REMOTE_ADDR", "")):
        return "https" if environ[header].split(",")[0].strip() == secure else "http"
    return environ.get("wsgi.url_scheme", "http")


def path(environ):
    """request.path, decoded as Django decodes it."""
    script_name, path_info = get_script_name(environ), get_path_info(environ) or "/"
    return f"{script_name.rstrip('/')}/{path_info.replace('/', '', 1)}"


def has_cookie(environ, name):
    cookies = environ.get("HTTP_COOKIE", "")
    return name in cookies and name in parse_cookie(cookies)
