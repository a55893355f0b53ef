"""Guessing passwords at the admin login is throttled per account and client address, and
the client address is read correctly behind the HTTPS proxy."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from newsroom.core.security import client_ip


def sign_in(client, password, via="203.0.113.7"):
    """A login attempt as it reaches the app through the proxy, from the address `via`."""
    return client.post(
        reverse("admin:login"),
        {"username": "editor", "password": password, "next": "/admin/"},
        headers={"X-Forwarded-For": f"198.51.100.1, {via}"},
    )


def test_five_wrong_passwords_lock_the_account_for_that_address(client, staff):
    for _ in range(4):
        assert sign_in(client, "guess").status_code == 200  # the form again, with an error
    locked = sign_in(client, "guess")
    assert locked.status_code == 429
    assert "Too many failed sign-ins" in locked.content.decode()
    # Even the right password is refused now, from that address.
    assert sign_in(client, "pw-for-tests").status_code == 429


def test_a_lockout_does_not_lock_the_editor_out_from_elsewhere(client, staff):
    for _ in range(5):
        sign_in(client, "guess", via="203.0.113.7")
    assert sign_in(client, "pw-for-tests", via="192.0.2.44").status_code == 302


def test_a_successful_login_clears_earlier_failures(client, staff):
    for _ in range(4):
        sign_in(client, "guess")
    assert sign_in(client, "pw-for-tests").status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "guess").status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "10.0.0.1, 203.0.113.7", "203.0.113.7"),  # the left entry came from the client
        (2, "203.0.113.7, 10.0.0.2", "203.0.113.7"),
        (1, "", "127.0.0.1"),  # not through the proxy: the socket's address
        (0, "203.0.113.7", "127.0.0.1"),
    ],
)
def test_client_address_is_the_one_the_proxies_saw(settings, proxies, forwarded_for, expected):
    settings.PROXY_COUNT = proxies
    request = RequestFactory().get("/", headers={"X-Forwarded-For": forwarded_for})
    assert client_ip(request) == expected
