"""An optional read replica (`DATABASE_REPLICA_URL`): public pages read from it, everything
else uses the primary.

A request may read from the replica only when it is a public read: a GET, HEAD or OPTIONS
request, outside the admin, by someone not logged in (`ReplicaMiddleware` decides before
the view runs). Everything else reads from the primary: staff and admin requests, other
methods, every read after the request has written anything, every read inside a
transaction on the primary, and all work outside requests (commands, shells, migrations),
so nobody reads something older than what they have just written. The decision is kept in
a context variable, so it holds for one request whether requests run in threads or tasks.
"""

import contextvars

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.urls import reverse

REPLICA = "replica"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

_may_read_replica = contextvars.ContextVar("may_read_replica", default=False)


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        if _may_read_replica.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        # From now on this request reads its own writes, from the primary.
        _may_read_replica.set(False)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data.
        return {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA} or None

    def allow_migrate(self, db, app_label, **hints):
        # The replica follows the primary's schema by replication.
        return False if db == REPLICA else None


def is_public_read(request):
    return (
        request.method in SAFE_METHODS
        and not request.path.startswith(reverse("admin:index"))
        # Anyone with a session (staff) reads the primary. Looking at the cookie rather than
        # request.user keeps the session unread, so responses do not vary on Cookie.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaMiddleware:
    """Lets a public read use the replica for the rest of its request; the check costs no
    query and does not read the session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _may_read_replica.set(is_public_read(request))
        try:
            return self.get_response(request)
        finally:
            _may_read_replica.reset(token)


def primary_position():
    """The primary's current WAL position, or None when there is no replica to compare with."""
    primary = connections[DEFAULT_DB_ALIAS]
    if REPLICA not in connections.settings or primary.vendor != "postgresql":
        return None
    with primary.cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        return cursor.fetchone()[0]


def replica_has_replayed(position):
    """Whether the replica has replayed the primary's WAL up to `position`. A server that is
    not a standby (a mirror in tests, a pooled primary) has nothing to replay."""
    replica = connections[REPLICA]
    if replica.vendor != "postgresql":
        return True
    with replica.cursor() as cursor:
        cursor.execute(
            "SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= %s::pg_lsn",
            [position],
        )
        return bool(cursor.fetchone()[0])
