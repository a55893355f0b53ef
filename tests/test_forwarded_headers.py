"""Forwarded headers are believed only from the proxies in TRUSTED_PROXIES: a client that
reaches gunicorn directly is known by its own address, whatever X-Forwarded-For it writes,
so it cannot escape the login lockout, and cannot claim HTTPS with X-Forwarded-Proto."""

import ipaddress
import secrets
import subprocess
import sys

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from newsroom.core.security import client_ip
from tests.servers import ROOT, Browser, Server, environment, manage

DIRECT = "203.0.113.50"  # a visitor talking to the app server itself, no proxy between
CREATE_EDITOR = """
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser("editor", "editor@example.com", "{password}")
"""


def address_of(remote_addr, forwarded_for):
    request = RequestFactory().get(
        "/", REMOTE_ADDR=remote_addr, headers={"X-Forwarded-For": forwarded_for}
    )
    return client_ip(request)


@pytest.fixture
def lb_and_loopback_trusted(settings):
    """A load balancer network and the loopback interface, as TRUSTED_PROXIES would read."""
    settings.TRUSTED_PROXIES = tuple(
        ipaddress.ip_network(n) for n in ("10.0.0.0/24", "127.0.0.1/32", "::1/128")
    )


@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for", "proxies", "expected"),
    [
        (DIRECT, "198.51.100.9", 1, DIRECT),  # not a proxy: its header is the client's own
        (DIRECT, "", 1, DIRECT),
        ("127.0.0.1", "198.51.100.9, 203.0.113.7", 1, "203.0.113.7"),  # nginx on this machine
        ("10.0.0.5", "198.51.100.9, 203.0.113.7", 1, "203.0.113.7"),  # the load balancer
        # CDN → load balancer → app: the CDN edge is no listed proxy, but is one of the two.
        ("10.0.0.5", "198.51.100.9, 203.0.113.7, 192.0.2.80", 2, "203.0.113.7"),
        # Load balancer → nginx on loopback → app, with PROXY_COUNT left at 1: the load
        # balancer's entry is skipped, being a trusted proxy's, and the client is beyond it.
        ("127.0.0.1", "198.51.100.9, 203.0.113.7, 10.0.0.5", 1, "203.0.113.7"),
        # Through fewer proxies than PROXY_COUNT: the furthest address a proxy wrote.
        ("10.0.0.5", "203.0.113.7", 2, "203.0.113.7"),
        ("10.0.0.5", "", 1, "10.0.0.5"),
        ("10.0.0.5", "203.0.113.7", 0, "10.0.0.5"),  # no proxy appends: the header is ignored
        ("::ffff:127.0.0.1", "203.0.113.7", 1, "203.0.113.7"),  # loopback on a dual stack
    ],
)
def test_the_client_address_is_read_only_through_trusted_proxies(
    settings, lb_and_loopback_trusted, remote_addr, forwarded_for, proxies, expected
):
    settings.PROXY_COUNT = proxies
    assert address_of(remote_addr, forwarded_for) == expected


def test_https_claimed_by_a_client_that_is_no_proxy_is_not_believed(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    claim = {"X-Forwarded-Proto": "https"}
    direct = Client(REMOTE_ADDR=DIRECT).get("/robots.txt", headers=claim)
    assert direct.status_code == 301 and direct["Location"].startswith("https://")
    assert Client(REMOTE_ADDR="127.0.0.1").get("/robots.txt", headers=claim).status_code == 200


def test_a_lockout_through_the_proxy_is_of_the_client_it_names(client, staff):
    def sign_in(password, via):
        return Client(REMOTE_ADDR="127.0.0.1").post(
            reverse("admin:login"),
            {"username": "editor", "password": password},
            headers={"X-Forwarded-For": via},
        )

    assert [sign_in("guess", "203.0.113.7").status_code for _ in range(5)][-1] == 429
    assert sign_in("pw-for-tests", "192.0.2.44").status_code == 302


def trusted_proxies_with(value):
    """TRUSTED_PROXIES as a production start-up reads `value`, or its error."""
    show = "from django.conf import settings; print(*settings.TRUSTED_PROXIES)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {show}"],
        cwd=ROOT,
        env={**environment(), "DJANGO_SETTINGS_MODULE": "newsroom.settings", "SECRET_KEY": "s" * 50}
        | ({} if value is None else {"TRUSTED_PROXIES": value}),
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() if result.returncode == 0 else result.stderr


def test_trusted_proxies_are_the_loopback_unless_the_environment_names_others():
    assert trusted_proxies_with(None) == "127.0.0.1/32 ::1/128"
    assert trusted_proxies_with("10.1.0.0/16, 192.0.2.7") == "10.1.0.0/16 192.0.2.7/32"
    refused = trusted_proxies_with("10.1.0.1/16")
    assert "TRUSTED_PROXIES must list IP addresses or networks, not '10.1.0.1/16'" in refused


def test_twenty_wrong_passwords_with_twenty_invented_addresses_lock_a_direct_client_out(
    tmp_path,
):
    """gunicorn as it runs, reached directly: its peer (this test, on loopback) is no
    trusted proxy here, and every attempt claims another X-Forwarded-For address."""
    password = secrets.token_urlsafe(12)
    env = environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        SECRET_KEY=secrets.token_urlsafe(40),
        TRUSTED_PROXIES="192.0.2.1",
        LOG_LEVEL="ERROR",
    )
    manage("migrate", "--noinput", env=env)
    manage("shell", "-c", CREATE_EDITOR.format(password=password), env=env)
    server = Server(env)
    try:
        server.wait()
        statuses = []
        for n in range(20):
            visitor = Browser(server.port, https=False)
            visitor.headers["X-Forwarded-For"] = f"198.51.100.{n + 1}"
            status, _ = visitor.post("/admin/login/", {"username": "editor", "password": "x"})
            statuses.append(status)
        assert statuses == [200] * 4 + [429] * 16
        # The right password is refused too, from this address, for the lockout's time.
        visitor = Browser(server.port, https=False, headers={"X-Forwarded-For": "192.0.2.99"})
        assert visitor.post("/admin/login/", {"username": "editor", "password": password})[0] == 429
    finally:
        server.stop()
