"""Durations the company states ("16 days from land acquisition to construction"), kept as
stated with their source, and the dates worked back from them, which are never facts."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from projects.formatting import duration
from projects.models.milestones import Milestone


class StatedDuration(models.Model):
    class Unit(models.TextChoices):
        DAY = "day", _("days")
        MONTH = "month", _("months")
        YEAR = "year", _("years")

    project = models.ForeignKey(
        "Project", on_delete=models.CASCADE, related_name="stated_durations"
    )
    public_through = "project"  # shown on its page (newsroom/core/publishing.py)
    start = models.CharField(
        "from", max_length=20, choices=Milestone.Kind, help_text=_("The milestone it runs from.")
    )
    end = models.CharField(
        "to", max_length=20, choices=Milestone.Kind, help_text=_("The milestone it runs to.")
    )
    length = models.PositiveIntegerField(help_text=_("As the source gives it, e.g. 16."))
    unit = models.CharField(max_length=10, choices=Unit, default=Unit.DAY)
    as_stated = models.CharField(
        max_length=300, blank=True, help_text=_("The source's own words, e.g. “only took 16 days”.")
    )
    source = models.ForeignKey("Source", null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["project", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(start=F("end")),
                name="stated_duration_between_two_milestones",
                violation_error_message="A duration runs from one kind of milestone to another.",
            ),
            models.CheckConstraint(
                condition=Q(length__gt=0),
                name="stated_duration_not_empty",
                violation_error_message="A stated duration is at least one day, month or year.",
            ),
        ]

    def __str__(self):
        return f"{self.text} from {self.get_start_display().lower()} to {self.get_end_display().lower()}"

    @property
    def text(self):
        return duration(self.length, self.unit)  # "16 days" / "16天"

    def clean(self):
        if self.start and self.start == self.end:
            raise ValidationError(
                {"end": _("A duration runs from one kind of milestone to another.")}
            )

    def worked_back(self, end_date):
        """The start date this duration puts before `end_date` (days only: months and years
        are too coarse to give a day)."""
        if self.unit != self.Unit.DAY:
            return None
        return end_date - datetime.timedelta(days=self.length)
