"""Sitemap machinery for lists of any length, and a sitemap of named pages."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from newsroom.core.pagination import KeysFirstPaginator

PAGE = 5_000  # URLs per sitemap page; Google accepts up to 50,000


class LargeSitemap(Sitemap):
    """A sitemap of thousands of rows: pages found by key, the latest change by aggregate
    (Django's default calls lastmod() on every item to find it)."""

    limit = PAGE
    lastmod_fields = ()

    @property
    def paginator(self):
        return KeysFirstPaginator(self._items(), self.limit)

    def get_latest_lastmod(self):
        latest = self.items().order_by().aggregate(*(Max(f) for f in self.lastmod_fields))
        return max((moment for moment in latest.values() if moment), default=None)


class EveryLanguage:
    """A page per language for every item, each listing the others (`xhtml:link`).

    For the short lists only: Django pairs every item with every language in memory.
    """

    i18n = True
    alternates = True
    x_default = True


class SectionSitemap(EveryLanguage, Sitemap):
    """The pages named by URL name, such as the home page and the section fronts."""

    def __init__(self, names):
        self.names = names

    def items(self):
        return self.names

    def location(self, name):
        return reverse(name)
