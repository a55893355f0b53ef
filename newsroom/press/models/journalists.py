"""Journalists' accounts (never staff), their invitations and what they read under embargo."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.models import Article

INVITE_SALT = "newsroom.press.journalist-invite"
INVITE_LIFETIME = datetime.timedelta(days=7)


class JournalistQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Journalist.Status.APPROVED, user__is_active=True)


class Journalist(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested, awaiting an editor")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journalist"
    )
    outlet = models.CharField(max_length=200, help_text=_("E.g. “Caixin”, “Reuters Shanghai”."))
    beat = models.CharField(max_length=200, blank=True, help_text=_("E.g. “manufacturing”."))
    status = models.CharField(max_length=20, choices=Status, default=Status.REQUESTED)
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    on_public_pages = False  # no public page shows journalists (newsroom/apps.py)

    objects = JournalistQuerySet.as_manager()

    class Meta:
        ordering = ["status", "-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["requested", "approved", "refused"]),
                name="journalist_known_status",
                violation_error_message="Choose one of the listed statuses.",
            )
        ]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.outlet})"

    def clean(self):
        # A staff account reaches the admin; a journalist's must not (and staff see drafts).
        if self.user_id and self.user.is_staff:
            raise ValidationError(
                {"user": "A staff account cannot be a journalist's; make a separate account."}
            )

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED and self.user.is_active

    def decide(self, status, editor):
        self.status, self.decided_by, self.decided_at = status, editor, timezone.now()
        self.save(update_fields=["status", "decided_by", "decided_at"])


class JournalistInvite(models.Model):
    """An editor's invitation: a signed link, valid for INVITE_LIFETIME and used once."""

    email = models.EmailField()
    outlet = models.CharField(max_length=200)
    beat = models.CharField(max_length=200, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.OneToOneField(
        Journalist, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    on_public_pages = False

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("journalist invitation")
        verbose_name_plural = _("journalist invitations")

    def __str__(self):
        return f"Invitation for {self.email} ({self.outlet})"

    def get_absolute_url(self):
        return reverse("press_invite", kwargs={"token": self.token})

    @property
    def token(self):
        return signing.TimestampSigner(salt=INVITE_SALT).sign_object(self.pk)

    @property
    def expires_at(self):
        return self.created_at + INVITE_LIFETIME

    @classmethod
    def from_token(cls, token):
        """The open invitation a token names, or None: bad signature, expired or used."""
        try:
            pk = signing.TimestampSigner(salt=INVITE_SALT).unsign_object(
                token, max_age=INVITE_LIFETIME
            )
        except signing.BadSignature:  # SignatureExpired is one
            return None
        return cls.objects.filter(pk=pk, accepted_by__isnull=True).first()


class EmbargoedRead(models.Model):
    """A journalist opened an embargoed story: who, which, when."""

    journalist = models.ForeignKey(Journalist, on_delete=models.CASCADE, related_name="reads")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="embargoed_reads")
    read_at = models.DateTimeField(auto_now_add=True, db_index=True)

    on_public_pages = False

    class Meta:
        ordering = ["-read_at", "-pk"]
        verbose_name = _("embargoed read")
        verbose_name_plural = _("embargoed reads")

    def __str__(self):
        return f"{self.journalist} read “{self.article}”"
