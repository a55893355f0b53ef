"""Where a webhook may point: never at our own networks (SSRF), unless the setting allows it
for tests. Every address the host name resolves to is checked, as any of them may be used."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


def refusal_for_target(url):
    """Why `url` may not receive webhooks, or None if it may."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "Use an http:// or https:// address."
    if settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS:
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
                "address: webhooks go to the public internet only."
            )
    return None
