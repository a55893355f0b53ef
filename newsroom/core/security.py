"""Security that Django's own settings do not cover: a few headers, the admin over HTTPS
only, the client address behind a proxy (for login throttling) and nonced admin media."""

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


def client_ip(request):
    """The visitor's address. Each of the PROXY_COUNT proxies in front appends the address it
    was reached from to X-Forwarded-For, so the client is that many entries from the right;
    anything further left was written by the client and is not trusted."""
    forwarded = [
        hop.strip()
        for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if hop.strip()
    ]
    if settings.PROXY_COUNT and len(forwarded) >= settings.PROXY_COUNT:
        return forwarded[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")


class NoncedMediaAdminMixin:
    """Form media rendered with the request's CSP nonce, for the rich-text editor's inline
    import map (<script type="importmap">), which a strict script-src would block."""

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)
