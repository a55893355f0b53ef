"""What every page's header and footer show: the brand, the sections, the archive's years
and the legal links. Read once per cache generation, language and scheduled change
(newsroom/clock.py; three small queries),
so pages pay nothing for them: any content change, the brand's included, bumps the
generation (newsroom/cache.py)."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language

from newsroom.cache import generation
from newsroom.clock import next_change
from newsroom.core import fragments
from newsroom.models import Article, Brand, Category

log = logging.getLogger(__name__)

# Without a shared cache each process keeps its own copy: a short life bounds staleness.
SECONDS = settings.PAGE_CACHE_SECONDS or 60


def load():
    language = get_language()
    try:
        # The generation the page cache's lookup read for this request, when it did: no
        # second round trip for it.
        gen = fragments.generation() or generation()
        # The archive's years change when a scheduled story opens a new year, too.
        key = f"newsroom:chrome:{gen}:{next_change(gen)}:{language}"
        chrome = cache.get(key)
    except Exception:
        # A cache outage: the page is served uncached, with its header read afresh.
        log.exception("Cache unavailable; the header and footer are read afresh.")
        return build(language)
    if chrome is None:
        chrome = build(language)
        try:
            cache.set(key, chrome, SECONDS)
        except Exception:
            log.exception("Could not keep the header and footer in the cache.")
    return chrome


def build(language):
    brand = Brand.current()
    years = (
        Article.objects.published()
        .for_language(language)
        .datetimes("publish_at", "year", order="DESC")
    )
    return {
        "brand": brand,
        "brand_css": f"{reverse('brand_css')}?v={brand.version}",
        "sections": [(c.name, c.get_absolute_url()) for c in Category.objects.all()],
        "years": [(y.year, reverse("archive_year", args=[y.year])) for y in years[:6]],
        "legal": [
            (label, url)
            for label, url in (("privacy", settings.PRIVACY_URL), ("terms", settings.TERMS_URL))
            if url
        ],
    }
