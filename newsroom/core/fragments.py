"""Parts of a page rendered once per record, language and content generation, and kept in
this process's memory: a project or article card, the directory's filter choices.

The rule is the page cache's (newsroom/cache.py): the generation number that every content
change bumps, when it is saved and again when it commits, is part of every key. It is read
when the request starts (by the page cache's lookup, newsroom/cache.py), before the page
reads anything, and a part is stored only if the
generation has not moved by the time it is rendered (and, with a read replica, only if the
replica had replayed the last bump). So no part is ever older than the last commit, and one
save makes every part fresh on every server at once, with no key to hunt.

Off without the page cache: then there is no cache all processes share, and so no
generation that a save in another process would bump. Off outside requests too.
"""

import logging

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils.translation import get_language

from newsroom.core import replicas
from newsroom.core.memory import Memory, pickled_size

log = logging.getLogger(__name__)
GENERATION = "newsroom:generation"  # the keys newsroom/cache.py bumps and records
POSITION = "newsroom:bump-position"
# About 2 KB each: a few megabytes a process at most, the oldest dropped first.
ENTRIES = 4000
# Records with their relations, pages of a list, a feed's items: 1 KB to 150 KB each
# (pickled; about three times that in memory), so they are kept within a size instead.
RECORD_BYTES = 4_000_000

_request = Local()


memory = Memory(ENTRIES)
records = Memory(RECORD_BYTES, weigh=pickled_size)


def replica_is_current():
    if replicas.REPLICA not in settings.DATABASES:
        return True
    position = cache.get(POSITION)
    return position is None or replicas.replica_has_replayed(position)


def begin(generation=None):
    """At the request's start, from the page cache's middleware (first of all, before the
    page reads anything): the generation its lookup read, or read here. A hit never gets
    this far, so it costs no extra round trip."""
    _request.generation = None
    if not settings.PAGE_CACHE_SECONDS:
        return
    try:
        if generation is None:
            generation = cache.get(GENERATION)
        if generation is not None and replica_is_current():
            _request.generation = generation
    except Exception:
        log.exception("Cache unavailable; page parts are rendered afresh.")


def generation():
    """The generation this request's parts are kept under, or None (nothing is kept)."""
    return getattr(_request, "generation", None)


def request_ended(**kwargs):
    _request.generation = None


def connect():
    # Nothing is kept for a request the page cache's middleware did not begin.
    request_started.connect(request_ended, dispatch_uid="fragments-generation-reset")
    request_finished.connect(request_ended, dispatch_uid="fragments-generation")


def unmoved(generation):
    try:
        return cache.get(GENERATION) == generation
    except Exception:
        log.exception("Cache unavailable; a page part is not kept.")
        return False


def remembered(parts, make, store=memory):
    """`make()`, or what it returned for the same `parts` in this language and generation
    (kept in `store`: `records` for what is large)."""
    generation = getattr(_request, "generation", None)
    if generation is None:
        return make()
    key = (generation, get_language(), *parts)
    value = store.get(key)
    if value is None:
        value = make()
        if value is not None and unmoved(generation):
            store.set(key, value)
    return value
