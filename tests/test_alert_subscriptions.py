"""Signing up for email alerts: double opt-in with signed, expiring links, one-click
unsubscribe (RFC 8058), and hostile input that gets clear errors and no mail storm."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from newsroom.alerts.models import Subscription
from newsroom.alerts.services import ensure_sweep, request_subscription
from newsroom.alerts.tokens import unsubscribe_url
from tests import factories
from tests.alerts_support import run_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def sign_up(client, address, follow="all", **extra):
    return client.post("/en/alerts/", {"email": address, "follow": follow}, **extra)


def link_in(message, kind):
    text = message.get_body(("plain",)).get_content()
    return re.search(rf"https://news\.example\.com(/en/alerts/{kind}/[^/\s]+/)", text).group(1)


def test_a_visitor_signs_up_and_gets_one_confirmation_mail_with_a_signed_link(client, smtp_server):
    response = sign_up(client, "Reader@Example.com")
    assert response.status_code == 302
    assert response["Location"] == "/en/alerts/check-your-inbox/"
    run_worker()
    (message,) = smtp_server.messages
    assert message["To"] == "reader@example.com"
    assert message.get_body(("html",)) is not None, "the confirmation has an HTML part too"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    subscription = Subscription.objects.get()
    assert not subscription.is_confirmed
    page = client.get(link_in(message, "confirm"))
    assert page.status_code == 200
    assert b"Alerts confirmed" in page.content
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_a_visitor_may_follow_one_category_tag_or_project(client, smtp_server):
    article = factories.article(tags=["Compressors"])
    project = factories.project(is_published=True)
    tag = article.tags.get()
    for follow in (f"category:{article.category_id}", f"tag:{tag.pk}", f"project:{project.pk}"):
        assert sign_up(client, "beat@example.com", follow).status_code == 302
    scopes = set(Subscription.objects.values_list("scope", flat=True))
    assert scopes == {"category", "tag", "project"}


def test_an_address_with_a_line_break_is_refused_with_a_clear_error(client, smtp_server):
    for hostile in ("victim@example.com\r\nBcc: many@example.com", "a@example.com\n"):
        response = sign_up(client, hostile)
        assert response.status_code == 400
        assert b"cannot contain line breaks" in response.content
    assert not Subscription.objects.exists()
    run_worker()
    assert smtp_server.messages == []


def test_an_invalid_address_gets_a_form_error_not_a_500(client):
    for bad in ("not-an-address", "a@", "x" * 300 + "@example.com", ""):
        response = sign_up(client, bad)
        assert response.status_code == 400, bad
        assert b'class="error"' in response.content
    assert sign_up(client, "a@example.com", follow="tag:999999").status_code == 400
    assert not Subscription.objects.exists()


def test_ten_thousand_sign_ups_of_one_address_send_one_mail(smtp_server):
    # A repeated sign-up only reads: two queries, no write.
    for _ in range(10_000):
        request_subscription("flood@example.com", "all", None, "203.0.113.9")
    run_worker()
    assert len(smtp_server.messages) == 1
    assert Subscription.objects.count() == 1


def test_sign_ups_from_one_client_address_are_limited_to_a_few_mails_an_hour(
    client, smtp_server, settings
):
    answers = [
        sign_up(client, f"reader{n}@example.com", REMOTE_ADDR="198.51.100.7").status_code
        for n in range(40)
    ]
    limit = settings.ALERTS_CONFIRMATIONS_PER_IP_HOUR
    assert answers[:limit] == [302] * limit
    assert set(answers[limit:]) == {400}
    refused = sign_up(client, "late@example.com", REMOTE_ADDR="198.51.100.7")
    assert b"Too many sign-ups came from your network" in refused.content
    assert sign_up(client, "other@example.com", REMOTE_ADDR="198.51.100.8").status_code == 302
    run_worker()
    assert len(smtp_server.messages) == limit + 1


def test_a_pending_address_gets_no_second_mail_within_the_window(client, smtp_server):
    sign_up(client, "twice@example.com")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=30)):
        sign_up(client, "twice@example.com", follow="all")
        run_worker()
    assert len(smtp_server.messages) == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=90)):
        sign_up(client, "twice@example.com")
        run_worker()
    assert len(smtp_server.messages) == 2, "after the window a lost mail may be asked again"


def test_a_confirmation_link_expires_after_48_hours(client, smtp_server):
    sign_up(client, "slow@example.com")
    run_worker()
    link = link_in(smtp_server.messages[0], "confirm")
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49)):
        page = client.get(link)
    assert page.status_code == 410
    assert b"expired" in page.content
    assert not Subscription.objects.get().is_confirmed
    assert client.get(link[:-8] + "tampered/").status_code == 404


def test_an_address_not_confirmed_in_48_hours_is_deleted_by_the_sweep():
    pending = Subscription.objects.create(email="pending@example.com")
    kept = Subscription.objects.create(email="kept@example.com", confirmed_at=timezone.now())
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=47)):
        ensure_sweep()
        run_worker()
    assert Subscription.objects.filter(pk=pending.pk).exists()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=49)):
        ensure_sweep()  # the chain's next sweep, due long ago in this jump, is overdue
        run_worker()
    assert list(Subscription.objects.all()) == [kept]


def test_one_click_unsubscribe_works_without_a_csrf_token_or_a_login(smtp_server):
    Subscription.objects.create(email="done@example.com", confirmed_at=timezone.now())
    Subscription.objects.create(
        email="done@example.com", scope="category", category=factories.category()
    )
    path = unsubscribe_url("done@example.com").removeprefix("https://news.example.com")
    strict = Client(enforce_csrf_checks=True)
    asked = strict.get(path)
    assert asked.status_code == 200
    assert b"Stop all alerts" in asked.content
    assert Subscription.objects.count() == 2, "a GET only asks"
    response = strict.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert strict.post(path[:-6] + "bogus/").status_code == 404


def test_alert_pages_are_never_cached(client):
    Subscription.objects.create(email="c@example.com")
    for path in ("/en/alerts/", "/en/alerts/check-your-inbox/", unsubscribe_url("c@example.com")):
        response = client.get(path.removeprefix("http://127.0.0.1:8000"))
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


@pytest.mark.django_db  # in a transaction: the page reads the primary, where queries are counted
def test_the_sign_up_form_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for n in range(5):
        factories.article(tags=[f"Tag {n}"])
        factories.project(is_published=True)
    # categories, tags of public articles, published projects
    with django_assert_num_queries(3):
        assert client.get("/en/alerts/").status_code == 200
