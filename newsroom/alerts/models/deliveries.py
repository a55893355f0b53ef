"""The distribution log: each story event, and each email or webhook delivery it made.

A delivery row is unique per event and recipient and is claimed by a conditional UPDATE
before anything is sent, so a retried or duplicated task never sends twice."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.alerts.models.webhooks import Event, Webhook


class StoryEvent(models.Model):
    """Something readers or integrations are told about: an article becoming public, its
    correction, withdrawal or take-down, or a project update. Fanned out once it is due."""

    event = models.CharField(max_length=30, choices=Event)
    article = models.ForeignKey(
        "newsroom.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(
        max_length=100, blank=True, help_text=_("Tells repeated events apart (a correction's id).")
    )
    created_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField(default=timezone.now, help_text=_("When it may go out."))
    fanned_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=True) ^ Q(project__isnull=True),
                name="story_event_has_one_subject",
            ),
            models.UniqueConstraint(
                fields=["article", "event", "key"],
                condition=Q(article__isnull=False),
                name="story_event_article_once",
            ),
            models.UniqueConstraint(
                fields=["project", "event", "key"],
                condition=Q(project__isnull=False),
                name="story_event_project_once",
            ),
        ]
        indexes = [models.Index(fields=["fanned_out_at", "due_at"])]

    def __str__(self):
        return f"{self.get_event_display()}: {self.subject}"

    def public_owner(self):
        return None  # the log is for staff only

    @property
    def subject(self):
        return self.article if self.article_id else self.project

    def clean(self):
        if (self.article_id is None) == (self.project_id is None):
            raise ValidationError(_("An event is about one article or one project."))


class DeliveryQuerySet(models.QuerySet):
    def stuck(self, now=None):
        """Deliveries whose task was lost or whose worker died: pending past their time, or
        claimed longer ago than the lease. The sweep sends them again (claiming each once)."""
        now = now or timezone.now()
        lease = now - datetime.timedelta(seconds=settings.ALERTS_SEND_LEASE_SECONDS)
        return self.filter(
            Q(status=Delivery.Status.PENDING, next_attempt_at__lte=lease)
            | Q(status=Delivery.Status.SENDING, claimed_at__lte=lease)
        )


class Delivery(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        WEBHOOK = "webhook", _("Webhook")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    story_event = models.ForeignKey(StoryEvent, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=10, choices=Channel)
    recipient = models.CharField(max_length=500, help_text=_("The address or URL sent to."))
    webhook = models.ForeignKey(Webhook, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    opened_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Empty: unknown (emails carry no tracking pixel).")
    )
    error = models.TextField(blank=True, help_text=_("Why the last attempt failed."))

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Never twice: one row per event and recipient, claimed before sending.
            models.UniqueConstraint(
                fields=["story_event", "channel", "recipient"], name="delivery_once_per_recipient"
            ),
            models.CheckConstraint(
                condition=~Q(status="delivered") | Q(delivered_at__isnull=False),
                name="delivery_delivered_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_channel_display()} to {self.recipient}"

    def public_owner(self):
        return None  # the log is for staff only

    def clean(self):
        if self.status == self.Status.DELIVERED and self.delivered_at is None:
            raise ValidationError(_("A delivered message needs the time it was delivered."))


class SweepSchedule(models.Model):
    """The one chain of periodic sweeps (no cron): each sweep schedules the next and only the
    sweep holding the current token may, so extra starts never multiply the chain."""

    token = models.CharField(max_length=32)
    next_at = models.DateTimeField()

    def __str__(self):
        return f"next sweep at {self.next_at:%Y-%m-%d %H:%M:%S}"
