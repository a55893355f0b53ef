"""The design's two addresses: the brand's stylesheet and the staff's styleguide."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from newsroom import chrome
from newsroom.core.detail import private
from newsroom.models.brand import TYPEFACES

YEAR = 365 * 24 * 3600


def brand_css(request):
    """The brand's colours and typeface as custom properties: a stylesheet, not inline
    style, for the CSP. Its address carries a hash of the values, so it is kept a year."""
    brand = chrome.load()["brand"]
    response = HttpResponse(brand.stylesheet(), content_type="text/css; charset=utf-8")
    if request.GET.get("v") == brand.version:
        patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=60)
    return response


def styleguide(request):
    """The design system with live examples, for staff only; others get a 404."""
    if not (request.user.is_authenticated and request.user.is_staff):
        raise Http404
    context = {
        "colours": ["bg", "surface", "text", "muted", "border", "accent", "link", "focus"],
        "steps": ["4", "3", "2", "1", "0", "-1"],
        "spaces": range(1, 8),
        "typefaces": TYPEFACES,
    }
    return private(render(request, "newsroom/styleguide.html", context))
