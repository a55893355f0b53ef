"""Figures as the company stated them, each citing a source and keeping its history.

All kinds of figure share one table, so a project's figures, their sources and
their history come in one query. A revised figure is a new row that `replaces`
the old one: the current figures are those nobody has replaced yet, and the old
value stays, with its own source.
"""

from babel.numbers import list_currencies
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from projects import formatting

CURRENCIES = frozenset(list_currencies())
NOT_STATED_HELP = (
    "An editor's mark that no public source says this (e.g. told to us off the record); "
    "the public page says so. Without it, a published fact needs a source."
)


def needs_source(fact, project):
    """The refusal for a fact that a published `project` would show with no source, or None."""
    if not project.is_published or fact.source_id or fact.not_stated_publicly:
        return None
    return (
        f"“{fact}” has no source. Choose the source that states it, or ask an editor to mark "
        f"it “not stated publicly”, before “{project}” is published."
    )


class Qualifier(models.TextChoices):
    EXACT = "exact", _("Exact")
    ABOUT = "about", _("About")
    OVER = "over", _("Over / at least")
    UP_TO = "up_to", _("Up to")
    RANGE = "range", _("Range (low to high)")


class Kind(models.TextChoices):
    INVESTMENT = "investment", _("Total investment")
    ANNUAL_INVESTMENT = "annual_investment", _("Planned investment this year")
    REVENUE = "revenue", _("Expected annual revenue")
    OUTPUT_VALUE = "output_value", _("Expected annual output value (产值)")
    OPERATING_INCOME = "operating_income", _("Expected annual operating income")
    CAPACITY = "capacity", _("Capacity")
    JOBS = "jobs", _("Jobs")


MONEY_KINDS = (
    Kind.INVESTMENT,
    Kind.ANNUAL_INVESTMENT,
    Kind.REVENUE,
    Kind.OUTPUT_VALUE,
    Kind.OPERATING_INCOME,
)


class JobType(models.TextChoices):
    DIRECT = "direct", _("direct jobs")
    CONSTRUCTION = "construction", _("construction jobs")
    TOTAL = "total", _("jobs in total")


class Period(models.TextChoices):
    YEAR = "year", _("per year")
    MONTH = "month", _("per month")
    DAY = "day", _("per day")
    TOTAL = "total", _("in total")


class FigureQuerySet(models.QuerySet):
    def current(self):
        return self.filter(replaced_by__isnull=True)

    def unsourced(self):
        """Current figures that cite no source and that no editor has marked "not stated
        publicly": what needs_source() refuses once their project is published."""
        return self.current().filter(source__isnull=True, not_stated_publicly=False)


class Figure(models.Model):
    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="figures")
    kind = models.CharField(max_length=20, choices=Kind)
    qualifier = models.CharField(max_length=10, choices=Qualifier, default=Qualifier.EXACT)
    value = models.DecimalField(
        max_digits=22,
        decimal_places=3,
        help_text=_("In base units: 5000000000 for 5 billion yuan, 30000000 for 30 million units."),
    )
    value_high = models.DecimalField(
        max_digits=22,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Only for a range: its high end."),
    )
    currency = models.CharField(
        max_length=3, blank=True, help_text=_("Money only: ISO 4217 code such as CNY, USD, EUR.")
    )
    product = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Capacity only: e.g. “air-conditioning compressors”."),
    )
    unit = models.CharField(
        max_length=50,
        blank=True,
        help_text=_("Capacity only: GWh, tonnes…; leave empty when counting the product itself."),
    )
    period = models.CharField(max_length=10, choices=Period, blank=True)
    phase = models.CharField(max_length=100, blank=True, help_text=_("e.g. “Phase 1”."))
    job_type = models.CharField("type of jobs", max_length=20, choices=JobType, blank=True)
    is_estimate = models.BooleanField("estimate", default=False)
    as_stated = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The words of the source, e.g. “about 5 billion yuan”, “约50亿元”."),
    )
    source = models.ForeignKey("Source", null=True, blank=True, on_delete=models.PROTECT)
    stated_on = models.DateField(null=True, blank=True, help_text=_("When the source said it."))
    not_stated_publicly = models.BooleanField(
        "source not stated publicly",
        default=False,
        help_text=NOT_STATED_HELP,
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
        help_text=_("The earlier figure this one revises; the earlier one stays in the history."),
    )

    public_through = "project"  # shown on its page (newsroom/core/publishing.py)
    objects = FigureQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "phase", "stated_on", "pk"]
        indexes = [models.Index(fields=["project", "kind"], name="figure_project_kind")]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="figure_not_negative",
                violation_error_message="A figure cannot be negative.",
            ),
            models.CheckConstraint(
                condition=(Q(value_high__isnull=True) & ~Q(qualifier=Qualifier.RANGE))
                | Q(
                    value_high__isnull=False, value_high__gte=F("value"), qualifier=Qualifier.RANGE
                ),
                name="figure_range_has_valid_high",
                violation_error_message="A range needs a high value at or above its low value; "
                "other qualifiers take no high value.",
            ),
            models.CheckConstraint(
                condition=(Q(kind__in=MONEY_KINDS) & Q(currency__regex=r"^[A-Z]{3}$"))
                | (~Q(kind__in=MONEY_KINDS) & Q(currency="")),
                name="figure_currency_for_money_only",
                violation_error_message="Money needs a three-letter currency code such as CNY; "
                "other figures take none.",
            ),
            models.CheckConstraint(
                condition=~Q(kind=Kind.CAPACITY) | ~Q(product=""),
                name="figure_capacity_names_product",
                violation_error_message="Say what the capacity is of.",
            ),
            models.CheckConstraint(
                condition=~Q(kind=Kind.JOBS) | ~Q(job_type=""),
                name="figure_jobs_have_type",
                violation_error_message="Say which kind of jobs these are.",
            ),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="figure_known_kind"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.display}"

    def clean(self):
        errors = {}
        if self.value is not None and self.value < 0:
            errors["value"] = "Must be zero or more."
        if self.qualifier == Qualifier.RANGE and self.value_high is None:
            errors["value_high"] = "A range needs a high value."
        elif self.qualifier != Qualifier.RANGE and self.value_high is not None:
            errors["value_high"] = "Only a range has a high value; choose “Range” or clear it."
        elif (
            self.value_high is not None and self.value is not None and self.value_high < self.value
        ):
            errors["value_high"] = "The high value cannot be below the low value."
        if self.is_money:
            if self.currency not in CURRENCIES:
                errors["currency"] = f"“{self.currency}” is not an ISO 4217 currency code."
        elif self.currency:
            errors["currency"] = "Only money has a currency."
        if self.kind == Kind.CAPACITY and not self.product:
            errors["product"] = "Say what the capacity is of."
        if self.kind == Kind.JOBS:
            if not self.job_type:
                errors["job_type"] = "Say which kind of jobs these are."
            if self.value is not None and self.value != int(self.value):
                errors["value"] = "Jobs are counted in whole numbers."
        try:
            project = self.project
        except ObjectDoesNotExist:
            project = None  # reported as a missing required field instead
        message = project and self.value is not None and needs_source(self, project)
        # A figure someone revised is history: it keeps its own source, or none, as it was.
        if message and not (self.pk and Figure.objects.filter(replaces=self.pk).exists()):
            errors["source"] = message
        if self.replaces_id and self.replaces_id == self.pk:
            errors["replaces"] = "A figure cannot replace itself."
        elif self.replaces_id and self.replaces.project_id != self.project_id:
            errors["replaces"] = (
                f"“{self.replaces}” is a figure of another project; a figure can only revise "
                "an earlier figure of its own project."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_money(self):
        return self.kind in MONEY_KINDS

    @property
    def display(self):
        """The figure in the active language's words: "about CNY 5 billion" / "约50亿元",
        "30 million compressors per year" / "年产3000万台" (projects/formatting.py)."""
        value, high = self.value.normalize(), self.value_high and self.value_high.normalize()
        lang = get_language()
        if self.is_money:
            return formatting.money(self.qualifier, value, high, self.currency, lang)
        if self.kind == Kind.JOBS:
            words = formatting.labels(JobType, lang)
            return formatting.jobs(self.qualifier, value, high, self.job_type, words, lang)
        return formatting.capacity(
            self.qualifier,
            value,
            high,
            unit=self.unit,
            product=self.product,
            period=self.period,
            period_words=formatting.labels(Period, lang),
            lang=lang,
        )
