"""Page-cache hits answered from this process's memory, never older than the last commit.

The generation number that every content change bumps lives in the shared cache (Redis),
and asking it on every hit was most of what a hit cost: a network round trip. Instead a
process holds a *lease* on the generation it last read: for LEASE seconds from the moment
it asked, it answers hits of that generation from its own copies of the pages (kept here
when the shared cache gave them), without asking again.

A process that bumps the generation, before it answers the request that made the change,
waits until LEASE seconds after the bump (`settle()`). Any lease on the old generation was
taken before the bump, so it has run out by then: whoever learns of the change, from that
response or anything after it, is answered by processes that read the generation again.
A bump also ends this process's own lease at once. Outside a request (a command, a task)
the wait is made once, when the process exits (see newsroom/cache.py).
"""

import threading
import time

from django.conf import settings

from newsroom.core.memory import Memory

# Page bodies kept per process; an entry is (generation, expires_at, status, headers, body).
PAGE_BYTES = 4_000_000

pages = Memory(PAGE_BYTES, weigh=lambda entry: len(entry[4]) + 1000)


class Lease:
    def __init__(self):
        self.gen = None
        self.until = 0.0
        self.last_bump = 0.0
        self.pending = None  # the last bump not waited for yet
        self.lock = threading.Lock()

    def current(self):
        """The generation this process may trust without asking, or None."""
        if self.gen is not None and time.monotonic() < self.until:
            return self.gen
        return None

    def renew(self, gen, asked_at):
        """`gen` was read by a request sent at `asked_at` (time.monotonic())."""
        seconds = settings.PAGE_CACHE_LEASE_SECONDS
        with self.lock:
            if seconds and asked_at > self.last_bump:
                self.gen, self.until = gen, asked_at + seconds

    def bumped(self):
        """After this process bumped the generation: its own lease ends now."""
        with self.lock:
            self.gen = None
            self.last_bump = self.pending = time.monotonic()

    def settle(self, unless=None):
        """Wait until every lease taken before this process's last bump has run out;
        without waiting if that bump is `unless` (what `pending` was before a request)."""
        with self.lock:
            if self.pending is None or self.pending == unless:
                return
            bumped_at, self.pending = self.pending, None
        remaining = bumped_at + settings.PAGE_CACHE_LEASE_SECONDS - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)

    def forget(self):
        """No lease and no pages (the shared cache was emptied: tests)."""
        with self.lock:
            self.gen = None
        pages.clear()


lease = Lease()
