from urllib.parse import quote, urlsplit

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from newsroom.core.locale import bcp47 as bcp47_code

register = template.Library()


@register.filter
def bcp47(code):
    return bcp47_code(code or settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def language_links(context):
    """The switcher: each other language, landing on this page in it or on its home."""
    alternates = context.get("alternates") or {}
    current = translation.get_language()
    switch = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        target = alternates.get(code)
        if target is None:
            with translation.override(code):
                target = reverse(context.get("language_fallback") or "home")
        switch.append(
            {
                "code": code,
                "tag": bcp47_code(code),
                "name": translation.get_language_info(code)["name_local"],
                "url": f"{reverse('switch_language', args=[code])}?next={_path(target)}",
            }
        )
    return switch


def _path(url):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return quote(path, safe="")
