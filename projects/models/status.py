"""Where a project stands, what each status means, and when a record has gone stale."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    AGREEMENT = "agreement", _("Agreement signed")
    APPROVALS = "approvals", _("Approvals")
    CONSTRUCTION = "construction", _("Under construction")
    TRIAL = "trial", _("Trial or partial operation")
    OPERATING = "operating", _("Operating")
    ON_HOLD = "on_hold", _("On hold")
    CANCELLED = "cancelled", _("Cancelled")


STATUS_DEFINITIONS = {
    Status.ANNOUNCED: _("The company has publicly stated its intention to build the project."),
    Status.AGREEMENT: _(
        "An investment or framework agreement has been signed, usually with a local government."
    ),
    Status.APPROVALS: _(
        "Land, environmental or planning approvals are being sought or granted; "
        "construction has not started."
    ),
    Status.CONSTRUCTION: _(
        "Construction has started (groundbreaking or mobilisation) and the "
        "project is not yet producing."
    ),
    Status.TRIAL: _("Part of the capacity is producing, or trial production has begun."),
    Status.OPERATING: _("The project is complete and in regular operation."),
    Status.ON_HOLD: _("Work has been suspended; the company has not cancelled it."),
    Status.CANCELLED: _("The company has abandoned the project."),
}

# A cancelled project's record needs no news to stay true.
NEEDS_UPDATES = [status for status in Status.values if status != Status.CANCELLED]


def stale_before(today=None):
    """The day before which a record's last confirmation makes it stale (PROJECT_STALE_MONTHS)."""
    today = today or timezone.localdate()
    months = today.year * 12 + today.month - 1 - settings.PROJECT_STALE_MONTHS
    year, month = divmod(months, 12)
    return datetime.date(year, month + 1, min(today.day, 28))


def stale_records(today=None):
    """The condition a stale project meets: a status not confirmed since stale_before(), or
    none confirmed and entered before it; cancelled projects never go stale."""
    cutoff = stale_before(today)
    unconfirmed = Q(status_as_of__isnull=True, created_at__date__lt=cutoff)
    return (Q(status_as_of__lt=cutoff) | unconfirmed) & Q(status__in=NEEDS_UPDATES)
