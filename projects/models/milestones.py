from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.core.translated import DefaultLanguageColumns, OriginalColumnsQuerySet
from projects.dates import PreciseDate, Precision, precision_error, shift, span
from projects.models.figures import NOT_STATED_HELP, needs_source

DERIVED_RULE = (
    "A date worked back from a stated duration cites no source of its own: the source "
    "stated the duration, not the date. Cite the source on the duration."
)


class MilestoneKind(models.TextChoices):
    ANNOUNCEMENT = "announcement", _("Announcement")
    AGREEMENT = "agreement", _("Agreement signed")
    LAND = "land", _("Land acquired")
    APPROVAL = "approval", _("Approval")
    GROUNDBREAKING = "groundbreaking", _("Groundbreaking / construction start")
    FOUNDATION_STONE = "foundation_stone", _("Foundation stone laid")
    TOPPING_OUT = "topping_out", _("Topping out")
    TRIAL = "trial", _("Trial production")
    OPERATION = "operation", _("Operation start")
    COMPLETION = "completion", _("Completion")
    INAUGURATION = "inauguration", _("Inauguration")
    FULL_CAPACITY = "full_capacity", _("Full capacity reached")
    OTHER = "other", _("Other")


class MilestoneQuerySet(OriginalColumnsQuerySet):
    def overdue(self, today=None):
        """Planned dates whose whole period has passed with no actual date recorded."""
        today = today or timezone.localdate()
        return self.filter(actual_date__isnull=True, planned_end__lt=today)


class Milestone(DefaultLanguageColumns):
    Kind = MilestoneKind

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="milestones")
    public_through = "project"  # shown on its page (newsroom/core/publishing.py)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    title = models.CharField(max_length=200)
    planned_date = models.DateField(
        null=True,
        blank=True,
        help_text=_(
            "For a month, quarter, half-year or year, enter its first day and choose the precision."
        ),
    )
    planned_precision = models.CharField(max_length=10, choices=Precision, default=Precision.DAY)
    planned_end = models.DateField(null=True, editable=False)
    original_planned_date = models.DateField(
        null=True,
        blank=True,
        help_text=_("The first plan, kept when the planned date moves; filled in automatically."),
    )
    original_planned_precision = models.CharField(
        max_length=10, choices=Precision, default=Precision.DAY
    )
    actual_date = models.DateField(
        null=True, blank=True, help_text=_("When it actually happened; cannot be in the future.")
    )
    actual_precision = models.CharField(max_length=10, choices=Precision, default=Precision.DAY)
    source = models.ForeignKey("Source", null=True, blank=True, on_delete=models.PROTECT)
    derived_from = models.ForeignKey(
        "StatedDuration",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="derived_milestones",
        help_text=_(
            "When no source gives this date but one states how long it was until the "
            "next milestone: the actual date is worked back from that, shown as derived and "
            "never cited as the source's."
        ),
    )
    not_stated_publicly = models.BooleanField(
        "source not stated publicly", default=False, help_text=NOT_STATED_HELP
    )
    note = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["order", "planned_date", "pk"]
        indexes = [models.Index(fields=["actual_date", "planned_end"], name="milestone_overdue")]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_date__isnull=False) | Q(actual_date__isnull=False),
                name="milestone_has_a_date",
                violation_error_message="Give a planned date, an actual date, or both.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MilestoneKind.values),
                name="milestone_known_kind",
                violation_error_message="Choose one of the listed kinds of milestone.",
            ),
            models.CheckConstraint(
                condition=Q(derived_from__isnull=True) | Q(source__isnull=True),
                name="derived_milestone_cites_no_source",
                violation_error_message=DERIVED_RULE,
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # When the plan moves for the first time, the first plan is kept to measure the slip.
        loaded = getattr(self, "_loaded_plan", None)
        if loaded and self.original_planned_date is None and self.planned != loaded:
            self.original_planned_date = loaded.start
            self.original_planned_precision = loaded.precision
        # Stored so that "overdue" can be filtered in the database.
        self.planned_end = self.planned.end if self.planned else None
        super().save(*args, **kwargs)
        self._loaded_plan = self.planned

    @classmethod
    def from_db(cls, db, field_names, values):
        milestone = super().from_db(db, field_names, values)
        milestone._loaded_plan = milestone.planned
        return milestone

    def clean(self):
        errors = {}
        if self.planned_date is None and self.actual_date is None:
            errors["planned_date"] = "Give a planned date, an actual date, or both."
        for field in ("planned", "actual", "original_planned"):
            value = getattr(self, f"{field}_date")
            if value and (message := precision_error(value, getattr(self, f"{field}_precision"))):
                errors[f"{field}_date"] = message
        if self.derived_from_id and self.source_id:
            errors["source"] = DERIVED_RULE
        if self.actual_date and self.actual_date > timezone.localdate():
            errors["actual_date"] = "An actual date cannot be in the future; use the planned date."
        try:
            project = self.project
        except ObjectDoesNotExist:
            project = None  # reported as a missing required field instead
        # What happened is stated as fact on the page; a plan is shown as a plan, and a date
        # worked back from a stated duration is shown as derived, citing the duration.
        derived = self.derived_from_id is not None
        if (
            project
            and self.actual_date
            and not derived
            and (message := needs_source(self, project))
        ):
            errors["source"] = message
        if errors:
            raise ValidationError(errors)

    @property
    def planned(self):
        return PreciseDate.of(self.planned_date, self.planned_precision)

    @property
    def actual(self):
        return PreciseDate.of(self.actual_date, self.actual_precision)

    @property
    def original_plan(self):
        return PreciseDate.of(self.original_planned_date, self.original_planned_precision)

    @property
    def is_derived(self):
        return self.derived_from_id is not None

    @property
    def when(self):
        """What is best known: the actual date once it happened, else the plan."""
        return self.actual or self.planned

    @property
    def slip(self):
        """How far the outcome (or the current plan) has moved from the first plan."""
        first = self.original_plan or self.planned
        outcome = self.actual or self.planned
        if first is None or outcome is None or first == outcome:
            return None
        return shift(first, outcome)

    @property
    def is_overdue(self):
        return (
            self.actual_date is None
            and self.planned is not None
            and (self.planned.end < timezone.localdate())
        )


class Designation(models.Model):
    """An official listing, e.g. Anhui Province's first batch of major projects for 2024."""

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="designations")
    public_through = "project"  # shown on its page (newsroom/core/publishing.py)
    authority = models.CharField(
        max_length=200, help_text=_("Who designated it, e.g. “Anhui Province”.")
    )
    list_name = models.CharField(max_length=200, help_text=_("e.g. “Major projects”."))
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    batch = models.CharField(max_length=50, blank=True, help_text=_("e.g. “first batch”."))
    designated_on = models.DateField(null=True, blank=True)
    source = models.ForeignKey("Source", null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        ordering = ["-year", "authority"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2200),
                name="designation_plausible_year",
                violation_error_message="Enter a four-digit year.",
            )
        ]

    def __str__(self):
        parts = [self.authority, " of ".join(p for p in (self.batch, self.list_name.lower()) if p)]
        if self.year:
            parts.append(str(self.year))
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Interval:
    first: Milestone
    second: Milestone
    stated: object = None  # the StatedDuration, where the source said how long it took

    @property
    def length(self):
        # A stated duration is the fact; dates worked back from it would only repeat it.
        return self.stated.text if self.stated else span(self.first.when, self.second.when)

    @property
    def is_planned(self):
        return not (self.first.actual and self.second.actual)
