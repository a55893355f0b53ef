"""Production headers on every page, a strict CSP that the admin's editor still works under,
and the admin only over HTTPS."""

import re

import pytest
from django.urls import reverse

from newsroom.models import Article

# What the HTTPS proxy in front adds to every request it forwards (see README, "Deploying").
BEHIND_HTTPS_PROXY = {"X-Forwarded-Proto": "https"}


def directives(response):
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


def test_public_pages_send_the_hardening_headers(client, demo):
    response = client.get("/en/", headers=BEHIND_HTTPS_PROXY)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_content_security_policy_allows_no_inline_or_eval_scripts(client, demo):
    policy = directives(client.get("/en/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no nonce either: public pages need none
    assert policy["style-src"][0] == "'self'"
    assert all(source.startswith("'sha256-") for source in policy["style-src"][1:])
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


# An inline <script> that would run; data blocks such as JSON-LD are never run, so the CSP
# does not govern them.
INLINE_SCRIPT = re.compile(r'<script(?![^>]*\bsrc=)(?![^>]*\btype="application/(?:ld\+)?json")')


@pytest.mark.parametrize("address", ["/en/", "/en/news/", "/en/projects/", "/no-such-page/"])
def test_public_pages_have_no_inline_script_or_style(client, demo, address):
    page = client.get(address).content.decode()
    assert not INLINE_SCRIPT.search(page)
    assert "<style" not in page and " style=" not in page


def test_the_editor_import_map_carries_the_nonce_of_its_response(staff_client, demo):
    for address in (
        reverse("admin:newsroom_article_add"),
        reverse("admin:newsroom_article_change", args=[Article.objects.get(language="en").pk]),
    ):
        response = staff_client.get(address)
        [nonce] = [v for v in directives(response)["script-src"] if v.startswith("'nonce-")]
        page = response.content.decode()
        inline = re.findall(INLINE_SCRIPT.pattern + "[^>]*>", page)
        assert inline, "the editor's import map should be inline"
        assert all(f'nonce="{nonce[7:-1]}"' in tag for tag in inline), inline
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_each_response_gets_a_new_nonce(staff_client, db):
    address = reverse("admin:newsroom_article_add")
    first, second = (directives(staff_client.get(address))["script-src"] for _ in range(2))
    assert first != second


def test_session_and_csrf_cookies_are_secure_httponly_and_same_site(client, staff):
    client.get(reverse("admin:login"), headers=BEHIND_HTTPS_PROXY)
    response = client.post(
        reverse("admin:login"),
        {"username": "editor", "password": "pw-for-tests", "next": "/admin/"},
        headers=BEHIND_HTTPS_PROXY,
    )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"] and cookie["httponly"], name
        assert cookie["samesite"] == "Lax", name


def test_admin_is_refused_over_plain_http_even_without_the_ssl_redirect(client, db, settings):
    settings.ADMIN_HTTPS_ONLY = True
    assert settings.SECURE_SSL_REDIRECT is False  # as if the proxy did the redirecting
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/admin/login/?next=/admin/"
    assert client.get("/admin/login/", headers=BEHIND_HTTPS_PROXY).status_code == 200
    assert client.get("/en/news/").status_code == 200  # public pages are not affected


def test_admin_https_only_is_the_production_default():
    from tests.test_settings import PRODUCTION, manage

    code = "from django.conf import settings; print(settings.ADMIN_HTTPS_ONLY)"
    result = manage("shell", "--no-imports", "-c", code, **PRODUCTION)
    assert result.stdout.strip() == "True", result.stderr
