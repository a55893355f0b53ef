"""Reaching addresses people give us (webhooks, feeds to import) without letting them reach
our own networks (SSRF): every address the host name resolves to must be public, as any of
them may be used, and so must each redirect's target."""

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit


class Refused(Exception):
    """The address points where we may not go; the message says why."""


def refusal_for_url(url, *, allow_private=False, only="the public internet only"):
    """Why `url` may not be reached, or None if it may."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "Use an http:// or https:// address."
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return f"The host “{parts.hostname}” does not resolve."
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            return (
                f"“{parts.hostname}” resolves to {address}, a private, loopback or link-local "
                f"address: {only}."
            )
    return None


def fetch(url, *, allow_private=False, timeout=20, max_bytes=20 * 1024 * 1024, agent="Newsroom"):
    """The body at `url` (following at most 5 redirects, each checked), at most `max_bytes`.
    Raises Refused, or urllib.error.URLError / OSError when the server fails."""

    class Checked(urllib.request.HTTPRedirectHandler):
        max_redirections = 5

        def redirect_request(self, request, fp, code, msg, headers, newurl):
            if reason := refusal_for_url(newurl, allow_private=allow_private):
                raise Refused(f"It redirects to {newurl}: {reason}")
            return super().redirect_request(request, fp, code, msg, headers, newurl)

    if reason := refusal_for_url(
        url, allow_private=allow_private, only="feeds are fetched from the public internet only"
    ):
        raise Refused(reason)
    opener = urllib.request.build_opener(Checked)
    request = urllib.request.Request(url, headers={"User-Agent": agent})
    with opener.open(request, timeout=timeout) as response:
        body = response.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise Refused(f"The response is larger than {max_bytes // (1024 * 1024)} MB.")
    return body
