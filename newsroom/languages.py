"""The bare root, which picks a language, and the switcher's "remember my language"."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme

from newsroom.core.locale import negotiated_language, vary_on_choice
from newsroom.importers.legacy import legacy_redirect_for

LANGUAGE_CODES = {code for code, _ in settings.LANGUAGES}


def root(request):
    """`/`: the home page in the saved or preferred language; never cached as a page.
    An imported WordPress site's plain links (`/?p=123`) go straight to their story."""
    if legacy := legacy_redirect_for(request):
        return legacy
    with translation.override(negotiated_language(request)):
        location = reverse("home")
    if query := request.META.get("QUERY_STRING"):
        location = f"{location}?{query}"
    response = HttpResponseRedirect(location)
    add_never_cache_headers(response)
    return vary_on_choice(response)


def switch(request, code):
    """Save the visitor's choice of language (a cookie) and go to the page in it."""
    if code not in LANGUAGE_CODES:
        raise Http404("No such language")
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not allowed or not target.startswith("/"):
        with translation.override(code):
            target = reverse("home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    add_never_cache_headers(response)
    return response
