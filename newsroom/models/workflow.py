"""What the editorial workflow keeps beside an article (redirects, corrections, preview
links) and the audit line each move between states leaves."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from newsroom.models.articles import Article

PREVIEW_SALT = "newsroom.preview-link"

# The states a writer may set; anything public is an editor's decision.
WRITER_STATUSES = (Article.Status.DRAFT, Article.Status.REVIEW)


def describe_transition(article, before):
    """The audit text for a move between states ("Published", "Scheduled for ..."), or ""
    when nothing the public sees has changed. `before` is the article as it was, or None."""
    now = timezone.now()
    if article.status == Article.Status.PUBLISHED:
        unchanged = before is not None and (
            before.status,
            before.publish_at,
            before.embargo_until,
        ) == (article.status, article.publish_at, article.embargo_until)
        if unchanged:
            return ""
        if article.publish_at > now:
            text = f"Scheduled for {_local(article.publish_at)}"
        else:
            text = "Published"
        if article.is_embargoed:
            text += f", embargoed until {_local(article.embargo_until)}"
        return text
    if before is not None and article.status == before.status:
        return ""
    if article.status == Article.Status.REVIEW:
        return "Submitted for review"
    if article.status == Article.Status.ARCHIVED:
        return "Archived"
    if article.is_gone:
        return f"{article.get_status_display()}: {article.retraction_reason}"
    if before is None:
        return "Created as a draft"
    if before.status == Article.Status.REVIEW:
        return "Sent back to draft"
    return "Unpublished (back to draft)"


def _local(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


class ArticleRedirect(models.Model):
    """An address an article used to have; visiting it redirects (301) to the current one."""

    old_slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="redirects")
    public_through = "article"  # shown on its page (newsroom/core/publishing.py)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("article redirect")
        verbose_name_plural = _("article redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"

    def clean(self):
        refusal = address_in_use(Article, self.old_slug)
        if refusal:
            raise ValidationError({"old_slug": refusal})


def address_in_use(model, old_slug):
    """The refusal for a redirect from `old_slug` when a record of `model` has that address
    now (it would never be followed, or would point at itself), or None. Saving a record
    drops redirects from its own address (newsroom/core/content.py), so both agree."""
    holder = model._default_manager.filter(slug=old_slug).first() if old_slug else None
    if holder is None:
        return None
    return _(
        "“%(slug)s” is the current address of “%(holder)s”, not an old one: a redirect from "
        "it would never be followed. Enter an address that no longer leads anywhere."
    ) % {"slug": old_slug, "holder": holder}


class CorrectionQuerySet(models.QuerySet):
    def public(self):
        """Corrections and updates of published articles, newest first (the public log)."""
        return (
            self.filter(article__in=Article.objects.published())
            .select_related("article")
            .only(
                "kind", "note", "noted_at", "article__slug", "article__language", "article__title"
            )
            .order_by("-noted_at", "-pk")
        )


class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="corrections")
    public_through = "article"  # shown on its page (newsroom/core/publishing.py)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.CORRECTION)
    note = models.TextField(help_text=_("Shown to readers under the article, e.g. what was wrong."))
    noted_at = models.DateTimeField(
        "date",
        default=timezone.now,
        help_text=_("Shown with the note; also the article's “modified” date for search engines."),
    )

    objects = CorrectionQuerySet.as_manager()

    class Meta:
        ordering = ["noted_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.noted_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A correction is a change readers see: it moves the article's dateModified.
        changed = Coalesce("content_changed_at", Value(self.noted_at))
        Article.objects.filter(pk=self.article_id).update(
            content_changed_at=Greatest(changed, Value(self.noted_at))
        )

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#correction-{self.pk}"


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


def default_expiry():
    return timezone.now() + datetime.timedelta(days=7)


class PreviewLink(models.Model):
    """A signed, expiring, revocable address that shows an unpublished or embargoed article
    to someone without an account, such as a journalist under embargo."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="preview_links")
    recipient = models.CharField(
        max_length=200, help_text=_("Who it is for, e.g. “Reuters, Shanghai desk”.")
    )
    expires_at = models.DateTimeField(default=default_expiry)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="preview_link_expires_after_creation",
                violation_error_message="The link must expire after it is created.",
            )
        ]

    def __str__(self):
        return f"Preview of “{self.article}” for {self.recipient}"

    def get_absolute_url(self):
        return reverse("preview", kwargs={"token": self.token})

    @property
    def token(self):
        # The same address every time; expiry and revocation live in the database.
        return signing.Signer(salt=PREVIEW_SALT).sign_object(self.pk)

    @classmethod
    def from_token(cls, token):
        """The usable link a token names, or None: bad signature, expired or revoked."""
        try:
            pk = signing.Signer(salt=PREVIEW_SALT).unsign_object(token)
        except signing.BadSignature:
            return None
        return cls.objects.usable().select_related("article__category").filter(pk=pk).first()

    @property
    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
