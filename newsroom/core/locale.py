"""Which language a request is in, and where an address without a language goes.

The language comes from the address (`/en/…`, `/zh-hans/…`). Only the bare root `/`
negotiates: the visitor's saved choice (the language cookie the switcher sets), then
`Accept-Language`. Every other address without a prefix (the API, the admin, feeds of
old links) is in the default language, so no cached page varies by a request header.
Old unprefixed public addresses were English pages: they answer 301 to `/en/…`.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import get_urlconf, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

SAFE_METHODS = ("GET", "HEAD")


class PermanentRedirectKeepingMethod(HttpResponsePermanentRedirect):
    status_code = 308  # a POST to an old address (one-click unsubscribe) stays a POST


def language_from_path(path):
    return translation.get_language_from_path(path)


def negotiated_language(request):
    """The saved choice, then Accept-Language, then the default: only for `/`."""
    return translation.get_language_from_request(request, check_path=False)


def bcp47(code):
    """`zh-hans` as `zh-Hans`: the form HTML `lang` and `hreflang` are written in."""
    language, _, script = code.partition("-")
    if len(script) == 4:
        return f"{language}-{script.title()}"
    return f"{language}-{script.upper()}" if script else language


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefixed = language_from_path(request.path_info)
        language = prefixed or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if response.status_code == 404 and not prefixed:
            response = self.old_address(request) or response
        response.headers.setdefault("Content-Language", bcp47(translation.get_language()))
        translation.deactivate()
        return response

    def old_address(self, request):
        target = f"/{settings.LANGUAGE_CODE}{request.path_info}"
        urlconf = getattr(request, "urlconf", None) or get_urlconf()
        if not is_valid_path(target, urlconf):
            return None
        query = request.META.get("QUERY_STRING", "")
        location = request.META.get("SCRIPT_NAME", "") + target + (f"?{query}" if query else "")
        if request.method in SAFE_METHODS:
            return HttpResponsePermanentRedirect(location)
        return PermanentRedirectKeepingMethod(location)


def vary_on_choice(response):
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response
