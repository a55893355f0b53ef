"""Bulk writes alongside the work that makes them (newsroom/core/alongside.py): in order, in a
second thread only where a second connection sees the rows, and never hanging on a failure."""

import threading

import pytest
from django.db import connection, transaction

from newsroom.core.alongside import alongside


def recorder():
    stored = []

    def store(*batch):
        stored.append((batch, threading.current_thread()))

    return stored, store


def test_inside_a_transaction_batches_are_stored_in_this_thread_in_order(db):
    stored, store = recorder()
    with transaction.atomic(), alongside(store) as put:
        for n in range(5):
            put("article", n)
    assert [batch for batch, _ in stored] == [("article", n) for n in range(5)]
    assert {thread for _, thread in stored} == {threading.current_thread()}


# Committed for real, as transactional tests here are (serialized: see tests/conftest.py).
COMMITTED = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@COMMITTED
def test_outside_one_postgresql_stores_them_in_a_second_thread_in_order():
    stored, store = recorder()
    with alongside(store) as put:
        for n in range(5):
            put("article", n)
    assert [batch for batch, _ in stored] == [("article", n) for n in range(5)]
    second = connection.vendor == "postgresql"  # SQLite has one writer: this thread
    assert ({thread for _, thread in stored} == {threading.current_thread()}) is not second


@COMMITTED
def test_a_failing_batch_is_raised_to_the_caller_and_nothing_hangs():
    def store(n):
        if n == 2:
            raise ValueError("batch 2 is bad")

    with pytest.raises(ValueError, match="batch 2"), alongside(store) as put:
        for n in range(20):  # more than can wait: put() must not block after the failure
            put(n)
