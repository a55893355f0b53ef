"""What an article tells readers after it went out: withdrawn, taken down, changed, and
when a price-sensitive story may go live. The editorial actions are methods here (one
entry point each, recorded in the admin history and the revision's comment), so the admin,
a command or the press office's alerts all go through the same door."""

import datetime

import reversion
from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.core import disclosure

WITHDRAWN, TAKEN_DOWN = "withdrawn", "taken_down"
RETRACTED = (WITHDRAWN, TAKEN_DOWN)
# What a reader sees change: a save touching only these moves dateModified, lastmod and
# the feeds' updated (corrections and withdrawals move it too).
READER_FIELDS = ("title", "subtitle", "summary", "body")
# Read from the database when loaded, to tell what a save changes.
TRACKED_FIELDS = (*READER_FIELDS, "status", "publish_at", "price_sensitive")
# What a withdrawal item in a feed or the API shows: no text of the story but its title.
NOTICE_FIELDS = ("slug", "language", "title", "uuid", "status", "publish_at", "content_changed_at")
NOTICE_FIELDS += ("retracted_at", "retraction_reason")

NOTICE_CONSTRAINTS = [
    models.CheckConstraint(
        condition=~Q(status__in=RETRACTED)
        | (Q(retracted_at__isnull=False) & ~Q(retraction_reason="")),
        name="article_retraction_has_time_and_reason",
        violation_error_message="A withdrawn or taken-down article needs the reason and time.",
    ),
    models.CheckConstraint(
        condition=~Q(status="published", price_sensitive=True)
        | Q(exchange_filed_at__isnull=False, publish_at__gte=F("exchange_filed_at")),
        name="article_price_sensitive_after_filing",
        violation_error_message="A price-sensitive article goes live only after its recorded "
        "exchange filing.",
    ),
]


def require_editor(user, doing):
    # The role rule of publishing (newsroom/core/publishing.py), on every path.
    if not user.has_perm("newsroom.publish_article"):
        raise PermissionDenied(f"Only an editor may {doing} an article.")


def record(user, article, text):
    """The line in the admin history (and the current revision's comment)."""
    LogEntry.objects.log_actions(
        user.pk, [article], CHANGE, change_message=text, single_object=True
    )
    if reversion.is_active():
        reversion.set_comment(text)


class NoticeQuerySet(models.QuerySet):
    def gone(self):
        """Articles whose address answers 410: withdrawn or taken down."""
        return self.filter(status__in=RETRACTED)

    def withdrawal_notices(self):
        """Recently withdrawn articles, which feeds and the API list as withdrawal items
        (WITHDRAWAL_NOTICE_DAYS); taken-down ones are in no list at all."""
        since = timezone.now() - datetime.timedelta(days=settings.WITHDRAWAL_NOTICE_DAYS)
        return (
            self.filter(status=WITHDRAWN, retracted_at__gte=since)
            .only(*NOTICE_FIELDS)
            .order_by("-retracted_at", "-pk")
        )


class EditorialNotices(models.Model):
    retracted_at = models.DateTimeField(
        "withdrawn or taken down at", null=True, blank=True, editable=False
    )
    retraction_reason = models.TextField(
        "reason for withdrawing or taking down",
        blank=True,
        help_text=_(
            "Withdrawn: shown to readers at the story's address, in feeds and in the "
            "API. Taken down: kept for staff only; readers see a bare notice."
        ),
    )
    content_changed_at = models.DateTimeField(
        "last changed for readers",
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Moves only with a change readers can see (title, subtitle, summary, body, a "
            "correction, a withdrawal): the article's dateModified, sitemap lastmod and feed date."
        ),
    )
    price_sensitive = models.BooleanField(
        "price-sensitive",
        default=False,
        help_text=_(
            "For listed companies: the story cannot go live (published or by schedule) "
            "before its exchange filing time is recorded, nor inside the quiet windows."
        ),
    )
    exchange_filed_at = models.DateTimeField(
        "exchange filing time",
        null=True,
        blank=True,
        help_text=_(
            "When the announcement was filed with the exchange; a price-sensitive story "
            "goes live at or after it."
        ),
    )

    _loaded = None  # TRACKED_FIELDS as read from the database

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        loaded = self._loaded or {}
        if any(loaded[name] != getattr(self, name) for name in READER_FIELDS if name in loaded):
            self.content_changed_at = timezone.now()
        super().save(*args, **kwargs)
        self._loaded = self._tracked()

    @classmethod
    def from_db(cls, db, field_names, values):
        obj = super().from_db(db, field_names, values)
        obj._loaded = obj._tracked()
        return obj

    def _tracked(self):
        # Deferred fields are left out: reading them here would cost a query each.
        return {name: self.__dict__[name] for name in TRACKED_FIELDS if name in self.__dict__}

    @property
    def modified_at(self):
        """The last change readers can see, never before publication."""
        return max(self.publish_at, self.content_changed_at or self.publish_at)

    @property
    def is_gone(self):
        return self.status in RETRACTED

    def goes_live_now(self):
        """Whether this save makes the article go live (or moves when it does)."""
        loaded = self._loaded or {}
        return self.status == "published" and (
            loaded.get("status") != "published"
            or loaded.get("publish_at") != self.publish_at
            or not loaded.get("price_sensitive")
        )

    def disclosure_refusal(self, goes_live=None):
        """Why this price-sensitive article may not go live at `goes_live` (its publish
        time by default), naming the rule and until when; "" when it may."""
        if not self.price_sensitive:
            return ""
        return disclosure.refusal(goes_live or self.publish_at, self.exchange_filed_at)

    def notice_errors(self):
        """clean()'s half of NOTICE_CONSTRAINTS, in an editor's words."""
        errors = {}
        if self.status in RETRACTED and not (self.retraction_reason or "").strip():
            errors["status"] = (
                "Withdraw or take down an article with the changelist's action, which asks "
                "for the reason."
            )
        if self.price_sensitive and self.status == "published":
            refusal = disclosure.refusal(self.publish_at, self.exchange_filed_at, windows=())
            if not refusal and self.goes_live_now():
                refusal = self.disclosure_refusal()
            if refusal:
                errors[NON_FIELD_ERRORS] = refusal
        return errors

    # The editorial actions. The press office's alerts hook in after each (see README).

    def withdraw(self, reason, by):
        """The story is wrong or must not be used: 410 with the title, date and reason,
        a withdrawal item in feeds and the API, out of sitemaps and every list."""
        return self._retract(WITHDRAWN, reason, by, "Withdrawn", "withdraw")

    def take_down(self, reason, by):
        """Legal removal: 410 with a bare notice, gone from every surface; the reason and
        the revisions stay for staff."""
        return self._retract(TAKEN_DOWN, reason, by, "Taken down", "take down")

    def correct(self, note, by, kind="correction"):
        """A dated correction (or update) note under the article, in its feed entry and in
        the site's corrections log."""
        from newsroom.models.workflow import Correction

        require_editor(by, "correct")
        if not note.strip():
            raise ValidationError({"note": _("Say what was corrected.")})
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(by)
            correction = Correction.objects.create(article=self, kind=kind, note=note.strip())
            record(by, self, f"{correction.get_kind_display()}: {correction.note}")
        return correction

    def _retract(self, status, reason, by, verb, doing):
        require_editor(by, doing)
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"retraction_reason": f"Give the reason to {doing} it."})
        now = timezone.now()
        self.status, self.retracted_at, self.retraction_reason = status, now, reason
        self.content_changed_at, self.is_featured = now, False
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(by)
            self.save()
            record(by, self, f"{verb}: {reason}")
        return self
