"""The published set changes by the clock alone too: a scheduled story goes out, an embargo
lifts, a story expires. Whatever lists published stories is kept only until that moment.

`next_change(gen)` is the moment (a timestamp; 0 when nothing is scheduled), read once per
content generation, shared through the cache, and read again once it has passed.
`remembered()` is newsroom.core.fragments.remembered() for such lists: the moment is part
of the key, so a part kept before a scheduled story went out is never served after."""

import logging
import time

from django.conf import settings
from django.core.cache import cache

from newsroom.core import fragments
from newsroom.models import Article

log = logging.getLogger(__name__)

# This process's copy, for the current generation only: no round trip on most requests.
_known = {}


def next_change(gen):
    moment = _known.get(gen)
    if moment is None or (moment and moment <= time.time()):
        key = f"newsroom:next-change:{gen}"
        moment = cache.get(key)
        if moment is None or (moment and moment <= time.time()):
            upcoming = Article.objects.next_visibility_change()
            moment = upcoming.timestamp() if upcoming else 0
            cache.set(key, moment, settings.PAGE_CACHE_SECONDS)
        _known.clear()
        _known[gen] = moment
    return moment


def seconds_until_next_change(gen):
    """How long a page rendered now may be kept: until the next change, at most the page
    cache's own limit."""
    moment = next_change(gen)
    if not moment:
        return settings.PAGE_CACHE_SECONDS
    return max(0, min(settings.PAGE_CACHE_SECONDS, int(moment - time.time())))


def current():
    """The next change for this request's generation (see next_change), or None when
    nothing is kept (outside a request, without the page cache, or when the cache does not
    answer): what a kept list of published stories is keyed under."""
    gen = fragments.generation()
    try:
        return None if gen is None else next_change(gen)
    except Exception:
        log.exception("Cache unavailable; a list of stories is read afresh.")
        return None


def remembered(parts, make, store=fragments.memory):
    moment = current()
    if moment is None:
        return make()
    return fragments.remembered((*parts, moment), make, store)
