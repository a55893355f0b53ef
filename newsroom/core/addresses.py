"""A record's address by its slug, as reverse() gives it, for the pages that make them by
the thousand: a sitemap page writes 5,000, an export one or two per row.

reverse() matches the URL pattern afresh at every call, and an address in another language
(an article's own, /zh-hans/…) switches the active language there and back around it. Here
the pattern is reversed once per URL name, language, script prefix and URLconf, with a
marker where the slug goes; each address is then that text with the slug, quoted as
reverse() quotes it. A slug the pattern would refuse goes to reverse(), to fail as it does.
"""

import functools
import re
from urllib.parse import quote

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils import translation

MARK = "slug-mark"
SLUG = re.compile(r"[-\w]+").fullmatch  # newsroom/core/converters.py, UnicodeSlugConverter
PLAIN = re.compile(r"[-A-Za-z0-9_]+").fullmatch  # a slug that quoting leaves as it is
URL_SAFE = "!$&'()*+,;=/~:@"  # what reverse() leaves unquoted (RFC 3986 sub-delims and /~:@)


@functools.lru_cache(maxsize=256)
def around(url_name, language, prefix, resolver):
    """The address of `url_name` in `language` as (before, after) its slug. `resolver` is
    the URLconf's, which Django makes anew whenever it forgets its URL caches (a test's
    URLconf, clear_url_caches()), so a pattern from a forgotten URLconf is never used."""
    with translation.override(language):
        path = reverse(url_name, urlconf=resolver.urlconf_name, kwargs={"slug": MARK})
    before, _mark, after = path.partition(MARK)
    return before, after


class SlugAddresses:
    """`url_name`'s addresses for many slugs in this request (its script prefix and
    URL resolver are read once): `addresses(slug, language)`."""

    def __init__(self, url_name):
        self.url_name = url_name
        self.prefix, self.resolver = get_script_prefix(), get_resolver(get_urlconf())
        self.parts = {}

    def __call__(self, slug, language):
        parts = self.parts.get(language)
        if parts is None:
            if language is None:
                return reverse(self.url_name, kwargs={"slug": slug})
            parts = self.parts[language] = around(
                self.url_name, language, self.prefix, self.resolver
            )
        before, after = parts
        if isinstance(slug, str) and PLAIN(slug):
            return f"{before}{slug}{after}"
        if isinstance(slug, str) and SLUG(slug):
            return f"{before}{quote(slug, safe=URL_SAFE)}{after}"
        with translation.override(language):  # to fail as reverse() fails
            return reverse(self.url_name, kwargs={"slug": slug})


def slug_path(url_name, slug, language=None):
    """reverse(url_name, kwargs={"slug": slug}) in `language` (by default the active one)."""
    return SlugAddresses(url_name)(slug, language or translation.get_language())


@receiver(setting_changed)
def forget(*, setting, **kwargs):
    # Tests change the URLconf and the languages; Django forgets its own resolvers then too.
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "USE_I18N", "FORCE_SCRIPT_NAME"}:
        around.cache_clear()
