"""Webhooks: signed in the Standard Webhooks style, retried with backoff, never sent to our
own networks, and resent from the admin's delivery log."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsroom.alerts import services
from newsroom.alerts.models import Delivery, Webhook
from newsroom.alerts.targets import refusal_for_target
from tests import factories
from tests.admin_forms import form_data
from tests.alerts_support import run_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ALL = ["article.published", "article.updated", "article.withdrawn", "project.updated"]


def hook(receiver, events=ALL):
    webhook = Webhook.objects.create(name="Wire desk", url=receiver.url, events=events)
    receiver.secret = webhook.secret
    return webhook


def test_a_published_story_is_posted_once_and_signed_to_each_webhook(webhook_receiver):
    hook(webhook_receiver)
    Webhook.objects.create(
        name="Projects only", url="https://example.com/p", events=["project.updated"]
    )
    article = factories.article(title="Wuhu plant opens")
    services.story_event(article, "article.published")
    services.story_event(article, "article.published")
    run_worker()
    (received,) = webhook_receiver.received
    assert received["ok"], "the signature verifies with the standardwebhooks library"
    assert received["headers"]["webhook-signature"].startswith("v1,")
    assert received["headers"]["webhook-id"] == f"msg_{Delivery.objects.get().pk}"
    body = received["body"]
    assert body["type"] == "article.published"
    assert body["data"]["article"]["title"] == "Wuhu plant opens"
    assert body["data"]["article"]["url"] == f"https://news.example.com/en/news/{article.slug}/"


def test_a_signature_made_with_another_secret_does_not_verify(webhook_receiver):
    hook(webhook_receiver)
    webhook_receiver.secret = Webhook(name="x", url="https://example.com").secret
    services.story_event(factories.article(), "article.published")
    run_worker()
    assert [r["ok"] for r in webhook_receiver.received] == [False]


def test_a_failing_receiver_is_retried_with_exponential_backoff(webhook_receiver):
    hook(webhook_receiver)
    webhook_receiver.failures = 2
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        services.story_event(factories.article(), "article.published")
        run_worker()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert "500" in delivery.error
    assert delivery.next_attempt_at == start + datetime.timedelta(seconds=30)
    with time_machine.travel(start + datetime.timedelta(seconds=31), tick=False):
        run_worker()
    delivery.refresh_from_db()
    assert delivery.next_attempt_at == start + datetime.timedelta(seconds=31 + 60)
    with time_machine.travel(start + datetime.timedelta(seconds=92), tick=False):
        run_worker()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == ("delivered", 3, "")
    ids = {r["headers"]["webhook-id"] for r in webhook_receiver.received}
    assert len(webhook_receiver.received) == 3 and len(ids) == 1, "one id on every retry"


def test_a_correction_and_a_project_update_reach_the_webhooks_that_chose_them(webhook_receiver):
    hook(webhook_receiver, events=["article.updated", "project.updated"])
    article = factories.article()
    correction = article.corrections.create(note="Fixed the capacity.")
    services.story_event(article, "article.updated", key=f"correction-{correction.pk}")
    project = factories.project(is_published=True)
    services.story_event(project, "project.updated")
    services.story_event(factories.project(is_published=False), "project.updated")
    run_worker()
    types = sorted(r["body"]["type"] for r in webhook_receiver.received)
    assert types == ["article.updated", "project.updated"]
    update = next(r for r in webhook_receiver.received if r["body"]["type"] == "article.updated")
    assert update["body"]["data"]["correction"]["note"] == "Fixed the capacity."


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://10.1.2.3/",
        "http://192.168.0.10/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
    ],
)
def test_a_target_on_a_private_loopback_or_link_local_address_is_refused(url, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    with pytest.raises(ValidationError) as refused:
        Webhook(name="Inside", url=url, events=ALL).full_clean()
    assert "private, loopback or link-local" in str(refused.value)


def test_a_public_target_is_accepted_and_a_setting_allows_private_ones_for_tests(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    assert refusal_for_target("https://93.184.215.14/hook") is None
    assert "http:// or https://" in refusal_for_target("ftp://example.com/")
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    assert refusal_for_target("http://127.0.0.1/") is None


def test_a_delivery_to_a_target_that_became_private_fails_without_retrying(
    webhook_receiver, settings
):
    hook(webhook_receiver)
    services.story_event(factories.article(), "article.published")
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False  # checked again when sending
    run_worker()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert "loopback" in delivery.error
    assert webhook_receiver.received == []


def test_staff_register_a_webhook_in_the_admin_and_a_private_url_is_a_form_error(
    staff_client, settings
):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    form = {
        "name": "Inside",
        "url": "http://127.0.0.1/x",
        "events": ["article.published"],
        "is_active": "on",
        "secret": "whsec_c2VjcmV0",
    }
    page = staff_client.post("/admin/alerts/webhook/add/", form)
    assert page.status_code == 200
    assert "loopback" in page.content.decode()
    form["url"] = "https://93.184.215.14/hook"
    assert staff_client.post("/admin/alerts/webhook/add/", form).status_code == 302
    assert Webhook.objects.get().events == ["article.published"]


def test_resend_queues_a_failed_delivery_again_and_never_a_delivered_one(
    webhook_receiver, staff_client, settings
):
    hook(webhook_receiver)
    settings.WEBHOOK_MAX_ATTEMPTS = 1
    webhook_receiver.failures = 1
    services.story_event(factories.article(), "article.published")
    services.story_event(factories.article(), "article.published")
    run_worker()
    failed = Delivery.objects.get(status="failed")
    delivered = Delivery.objects.get(status="delivered")
    response = staff_client.post(
        "/admin/alerts/delivery/",
        {"action": "resend", "_selected_action": [failed.pk, delivered.pk]},
        follow=True,
    )
    assert "nobody gets a story twice" in response.content.decode()
    run_worker()
    assert set(Delivery.objects.values_list("status", flat=True)) == {"delivered"}
    assert len(webhook_receiver.received) == 3  # the failure, the first success, the resend


def test_saving_a_published_project_in_the_admin_tells_the_webhooks(webhook_receiver, staff_client):
    hook(webhook_receiver, events=["project.updated"])
    project = factories.project(is_published=True)
    url = f"/admin/projects/project/{project.pk}/change/"
    response = staff_client.post(url, form_data(staff_client, url))
    assert response.status_code == 302, response.content[-2000:]
    run_worker()
    (received,) = webhook_receiver.received
    assert received["body"]["data"]["project"]["slug"] == project.slug
