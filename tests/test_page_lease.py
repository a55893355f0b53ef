"""A process answers page-cache hits from its own copies while it holds a lease on the
generation, and a change waits until every such lease has run out before it is told
(newsroom/core/page_lease.py). tests/test_page_cache_race.py proves the whole of it with
two servers; these show each part."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from newsroom import cache as page_cache
from newsroom.core.page_lease import Lease, lease
from tests import factories

LEASE = 0.2


@pytest.fixture(autouse=True)
def leased(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_LEASE_SECONDS = LEASE
    cache.clear()
    page_cache.forget()
    yield
    page_cache.forget()


def news(client):
    response = client.get(reverse("news"))
    assert response.status_code == 200
    return response


def test_a_hit_is_answered_from_this_processs_copy_while_the_lease_lasts(client, db):
    factories.article(title="First story")
    news(client)  # stored
    assert news(client)["X-Cache"] == "hit"  # read from the shared cache, copied here
    cache.clear()  # the shared cache forgets everything, the generation too
    assert news(client)["X-Cache"] == "hit"


def test_once_the_lease_has_run_out_the_shared_cache_is_asked_again(client, db):
    factories.article(title="First story")
    news(client)
    news(client)
    cache.clear()
    time.sleep(LEASE + 0.05)
    assert news(client).get("X-Cache") != "hit"


def test_a_change_made_here_ends_this_processs_lease_at_once(client, db):
    factories.article(title="First story")
    news(client)
    news(client)
    factories.article(title="Second story")  # saved: the generation is bumped
    response = news(client)
    assert "Second story" in response.content.decode()
    assert response.get("X-Cache") != "hit"


def test_a_change_is_told_only_once_every_earlier_lease_has_run_out(settings):
    settings.PAGE_CACHE_LEASE_SECONDS = LEASE
    local = Lease()
    local.bumped()
    started = time.monotonic()
    local.settle()
    assert time.monotonic() - started >= LEASE - 0.01
    started = time.monotonic()
    local.settle()  # nothing new to wait for
    assert time.monotonic() - started < LEASE / 2


def test_a_request_that_changed_nothing_does_not_wait(settings):
    settings.PAGE_CACHE_LEASE_SECONDS = LEASE
    local = Lease()
    local.bumped()
    earlier = local.pending
    started = time.monotonic()
    local.settle(unless=earlier)
    assert time.monotonic() - started < LEASE / 2


def test_a_generation_read_before_this_process_bumped_is_not_trusted(settings):
    settings.PAGE_CACHE_LEASE_SECONDS = LEASE
    local = Lease()
    asked_at = time.monotonic()
    local.bumped()
    local.renew(7, asked_at)  # the answer to a question sent before the bump
    assert local.current() is None
    local.renew(8, time.monotonic())
    assert local.current() == 8


def test_without_a_lease_every_hit_asks_the_shared_cache(client, db, settings):
    settings.PAGE_CACHE_LEASE_SECONDS = 0
    factories.article(title="First story")
    news(client)
    assert news(client)["X-Cache"] == "hit"
    cache.clear()
    assert news(client).get("X-Cache") != "hit"
    assert lease.current() is None
