"""Security that Django's own settings do not cover: forwarded headers believed only from
trusted proxies, a few headers, the admin over HTTPS only, the client address behind a proxy
(for login throttling) and nonced admin media."""

import ipaddress

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from js_asset import Media


class SecurityHeadersMiddleware:
    """Cross-Origin-Resource-Policy on every response, and the admin refused over plain HTTP
    (redirected to HTTPS) when ADMIN_HTTPS_ONLY is on, whatever SECURE_SSL_REDIRECT says."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.ADMIN_HTTPS_ONLY
            and not request.is_secure()
            and request.path.startswith(reverse("admin:index"))
        ):
            return HttpResponsePermanentRedirect(
                f"https://{request.get_host()}{request.get_full_path()}"
            )
        response = self.get_response(request)
        response.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


def is_trusted_proxy(address):
    """Whether `address` is in TRUSTED_PROXIES; anything that is not an IP address is not,
    except no address at all: gunicorn's peer on a unix socket, which only processes of this
    machine allowed to open the socket file can be (gunicorn trusts them too)."""
    if address == "":
        return True
    try:
        ip = ipaddress.ip_address(address.strip())
    except (ValueError, AttributeError):
        return False
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 from a dual-stack socket is 127.0.0.1
    return any(ip in network for network in settings.TRUSTED_PROXIES)


# Headers only a proxy may write, as request.META names them. Django reads X-Forwarded-Proto
# (SECURE_PROXY_SSL_HEADER) and client_ip X-Forwarded-For; the rest are removed so that no
# code or library added later can be fooled by them either.
FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_SSL",
    "HTTP_X_REAL_IP",
    "HTTP_FORWARDED",
)


class ForwardedHeadersMiddleware:
    """Removes forwarded headers from requests whose peer is not a trusted proxy: a client
    that reaches the app server directly could otherwise claim any address (and escape the
    login lockout) or claim HTTPS. First in MIDDLEWARE, before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


def client_ip(request):
    """The visitor's address. Each proxy in front appends the address it was reached from to
    X-Forwarded-For, so its entries are read from the right, each one believed only because
    a proxy wrote it: the direct peer must be in TRUSTED_PROXIES, and the entries taken are
    the PROXY_COUNT proxies' own, plus any further ones whose writer is in TRUSTED_PROXIES
    (an internal hop such as an nginx behind the load balancer). Anything further left came
    from the client and is ignored; so is the whole header from a peer that is no proxy."""
    address = request.META.get("REMOTE_ADDR", "")
    if not settings.PROXY_COUNT or not is_trusted_proxy(address):
        return address
    hops = [
        hop.strip()
        for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if hop.strip()
    ]
    taken = 0
    while hops and (taken < settings.PROXY_COUNT or is_trusted_proxy(address)):
        address = hops.pop()
        taken += 1
    return address


class NoncedMediaAdminMixin:
    """Form media rendered with the request's CSP nonce, for the rich-text editor's inline
    import map (<script type="importmap">), which a strict script-src would block."""

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)
