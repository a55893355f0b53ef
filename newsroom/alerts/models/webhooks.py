"""Integrations that receive signed deliveries (Standard Webhooks style)."""

import base64
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from newsroom.alerts.targets import refusal_for_target


class Event(models.TextChoices):
    PUBLISHED = "article.published", _("Article published")
    UPDATED = "article.updated", _("Article corrected or updated")
    WITHDRAWN = "article.withdrawn", _("Article withdrawn")
    TAKEN_DOWN = "article.taken_down", _("Article taken down")
    PROJECT_UPDATED = "project.updated", _("Project updated")


# What a webhook may pick; a take-down goes to those who picked withdrawals.
WEBHOOK_EVENTS = [
    Event.PUBLISHED,
    Event.UPDATED,
    Event.WITHDRAWN,
    Event.PROJECT_UPDATED,
]
PICKED_AS = {Event.TAKEN_DOWN: Event.WITHDRAWN}


def new_secret():
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


class WebhookQuerySet(models.QuerySet):
    def for_event(self, event):
        picked = PICKED_AS.get(event, event)
        return [hook for hook in self.filter(is_active=True) if picked in hook.events]


class Webhook(models.Model):
    name = models.CharField(max_length=100)
    url = models.URLField(
        "URL",
        max_length=500,
        help_text=_(
            "Receives a signed POST for each chosen event. Addresses on private, "
            "loopback or link-local networks are refused."
        ),
    )
    events = models.JSONField(default=list, help_text=_("The events this URL receives."))
    secret = models.CharField(
        max_length=100,
        default=new_secret,
        help_text=_("The receiver verifies each body's webhook-signature with it (whsec_…)."),
    )
    is_active = models.BooleanField("active", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WebhookQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(secret__startswith="whsec_"), name="webhook_secret_is_whsec"
            ),
            models.UniqueConstraint(fields=["url"], name="webhook_url_once"),
        ]

    def __str__(self):
        return self.name

    # No public page shows a webhook (newsroom/core/publishing.py).
    def public_owner(self):
        return None

    def clean(self):
        if not self.secret.startswith("whsec_"):
            raise ValidationError({"secret": _("A secret starts with “whsec_”.")})
        unknown = set(self.events) - set(WEBHOOK_EVENTS)
        if unknown:
            raise ValidationError({"events": f"Unknown events: {', '.join(sorted(unknown))}."})
        if self.url and (reason := refusal_for_target(self.url)):
            raise ValidationError({"url": reason})
