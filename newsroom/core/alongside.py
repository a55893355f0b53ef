"""Bulk writes that overlap with the work that produces them.

`alongside(store)` gives a `put(*args)` that calls `store(*args)` in a second thread, with
that thread's own database connection, so that PostgreSQL works on one batch (the search
documents' tsvectors, say) while this thread reads and builds the next. Batches are stored
in order, at most two waiting. Inside a transaction the other connection could not see its
rows, and SQLite allows one writer: there `put` is `store` itself, in this thread.
"""

import contextlib
import queue
import threading

from django.db import connection

WAITING = 2  # batches built ahead: enough to keep both busy, few to hold in memory


@contextlib.contextmanager
def alongside(store):
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield store
        return
    batches = queue.Queue(maxsize=WAITING)
    failed = []

    def work():
        try:
            while (batch := batches.get()) is not None:
                if not failed:  # after a failure, only drain, so that put() never blocks
                    try:
                        store(*batch)
                    except BaseException as error:  # noqa: BLE001 (raised in the caller)
                        failed.append(error)
        finally:
            connection.close()  # this thread's own

    def put(*batch):
        if failed:
            raise failed[0]
        batches.put(batch)

    thread = threading.Thread(target=work, name="alongside", daemon=True)
    thread.start()
    try:
        yield put
    finally:
        batches.put(None)
        thread.join()
    if failed:
        raise failed[0]
