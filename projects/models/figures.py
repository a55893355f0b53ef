"""Figures as the company stated them, each citing a source and keeping its history.

A revised figure is a new row that `replaces` the old one; the current figures
are those nobody has replaced yet, so history is never overwritten.
"""

from babel.numbers import list_currencies
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from projects.formatting import qualified


class Qualifier(models.TextChoices):
    EXACT = "exact", "Exact"
    ABOUT = "about", "About"
    OVER = "over", "Over / at least"
    UP_TO = "up_to", "Up to"
    RANGE = "range", "Range (low to high)"


CURRENCIES = frozenset(list_currencies())


class FigureQuerySet(models.QuerySet):
    def current(self):
        return self.filter(replaced_by__isnull=True)


class Figure(models.Model):
    """What every stated figure has: a qualifier, a range's high value, a source, a history."""

    qualifier = models.CharField(max_length=10, choices=Qualifier, default=Qualifier.EXACT)
    as_stated = models.CharField(
        max_length=200,
        blank=True,
        help_text="The words of the source, e.g. “about 5 billion yuan”.",
    )
    source = models.ForeignKey("Source", null=True, blank=True, on_delete=models.PROTECT)
    stated_on = models.DateField(null=True, blank=True, help_text="When the source said it.")
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
        help_text="The earlier figure this one revises; the earlier one stays in the history.",
    )

    objects = FigureQuerySet.as_manager()

    # Subclasses name the value fields the shared rules check.
    low_field = high_field = ""

    class Meta:
        abstract = True

    def clean(self):
        low = getattr(self, self.low_field)
        high = getattr(self, self.high_field)
        errors = {}
        if low is not None and low < 0:
            errors[self.low_field] = "Must be zero or more."
        if self.qualifier == Qualifier.RANGE and high is None:
            errors[self.high_field] = "A range needs a high value."
        if self.qualifier != Qualifier.RANGE and high is not None:
            errors[self.high_field] = "Only a range has a high value; choose “Range” or clear it."
        if high is not None and low is not None and high < low:
            errors[self.high_field] = "The high value cannot be below the low value."
        if errors:
            raise ValidationError(errors)


def range_constraints(prefix, low, high):
    """The database half of Figure.clean(): a value is never negative, a range is well formed."""
    return [
        models.CheckConstraint(
            condition=Q(**{f"{low}__gte": 0}),
            name=f"{prefix}_not_negative",
            violation_error_message="A figure cannot be negative.",
        ),
        models.CheckConstraint(
            condition=(Q(**{f"{high}__isnull": True}) & ~Q(qualifier=Qualifier.RANGE))
            | Q(**{f"{high}__isnull": False, f"{high}__gte": F(low), "qualifier": Qualifier.RANGE}),
            name=f"{prefix}_range_has_valid_high",
            violation_error_message="A range needs a high value at or above its low value; "
            "other qualifiers take no high value.",
        ),
    ]


class Money(Figure):
    class Kind(models.TextChoices):
        INVESTMENT = "investment", "Total investment"
        REVENUE = "revenue", "Expected annual revenue"
        OUTPUT_VALUE = "output_value", "Expected annual output value (产值)"
        ANNUAL_INVESTMENT = "annual_investment", "Planned investment this year"

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="money")
    kind = models.CharField(max_length=20, choices=Kind)
    amount = models.DecimalField(
        max_digits=20, decimal_places=2, help_text="In base units: 5000000000 for 5 billion."
    )
    amount_high = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, help_text="ISO 4217 code, e.g. CNY, USD, EUR.")
    is_estimate = models.BooleanField("estimate", default=False)

    low_field, high_field = "amount", "amount_high"

    class Meta:
        verbose_name = "money figure"
        ordering = ["kind", "-stated_on", "-pk"]
        constraints = [
            *range_constraints("money", "amount", "amount_high"),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$"),
                name="money_currency_code",
                violation_error_message="Use a three-letter upper-case currency code such as CNY.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.display}"

    def clean(self):
        super().clean()
        if self.currency not in CURRENCIES:
            raise ValidationError(
                {"currency": f"“{self.currency}” is not an ISO 4217 currency code."}
            )

    @property
    def display(self):
        return qualified(self.qualifier, self.amount, self.amount_high, prefix=self.currency)


class Capacity(Figure):
    class Period(models.TextChoices):
        YEAR = "year", "per year"
        MONTH = "month", "per month"
        DAY = "day", "per day"
        TOTAL = "total", "in total"

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="capacities")
    product = models.CharField(
        max_length=200, help_text="e.g. “intelligent air-conditioning compressors”."
    )
    quantity = models.DecimalField(max_digits=20, decimal_places=3)
    quantity_high = models.DecimalField(max_digits=20, decimal_places=3, null=True, blank=True)
    unit = models.CharField(
        max_length=50,
        blank=True,
        help_text="Leave empty when counting the product itself; e.g. GWh, tonnes.",
    )
    period = models.CharField(max_length=10, choices=Period, default=Period.YEAR)
    phase = models.CharField(max_length=100, blank=True, help_text="e.g. “Phase 1”.")

    low_field, high_field = "quantity", "quantity_high"

    class Meta:
        verbose_name_plural = "capacities"
        ordering = ["phase", "pk"]
        constraints = range_constraints("capacity", "quantity", "quantity_high")

    def __str__(self):
        return self.display

    @property
    def display(self):
        suffix = " ".join(p for p in (self.unit, self.product, self.get_period_display()) if p)
        return qualified(
            self.qualifier, self.quantity.normalize(), self.quantity_high, suffix=suffix
        )


class Jobs(Figure):
    class Kind(models.TextChoices):
        DIRECT = "direct", "direct jobs"
        CONSTRUCTION = "construction", "construction jobs"
        TOTAL = "total", "jobs in total"

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.DIRECT)
    count = models.PositiveIntegerField()
    count_high = models.PositiveIntegerField(null=True, blank=True)

    low_field, high_field = "count", "count_high"

    class Meta:
        verbose_name = "jobs figure"
        verbose_name_plural = "jobs figures"
        ordering = ["kind", "-stated_on", "-pk"]
        constraints = range_constraints("jobs", "count", "count_high")

    def __str__(self):
        return self.display

    @property
    def display(self):
        return qualified(
            self.qualifier, self.count, self.count_high, suffix=self.get_kind_display()
        )
