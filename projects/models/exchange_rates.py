from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.models.figures import CURRENCIES


class ExchangeRateQuerySet(models.QuerySet):
    def latest_by_currency(self):
        """{currency: its most recent rate}, from one query."""
        latest = {}
        for rate in self.order_by("currency", "-on"):
            latest.setdefault(rate.currency, rate)
        return latest


class ExchangeRate(models.Model):
    """A staff-entered rate, so that pages can show a dated USD equivalent next to a figure."""

    currency = models.CharField(max_length=3, help_text=_("ISO 4217 code, e.g. CNY."))
    usd_per_unit = models.DecimalField(
        "USD per unit",
        max_digits=18,
        decimal_places=8,
        help_text=_("How many US dollars one unit of the currency buys, e.g. 0.1408 for CNY."),
    )
    on = models.DateField("date", help_text=_("The day the rate applies to."))
    source = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. “PBOC central parity”.")
    )

    objects = ExchangeRateQuerySet.as_manager()

    class Meta:
        ordering = ["currency", "-on"]
        get_latest_by = "on"
        constraints = [
            models.UniqueConstraint(fields=["currency", "on"], name="one_rate_per_currency_day"),
            models.CheckConstraint(
                condition=Q(usd_per_unit__gt=0),
                name="rate_positive",
                violation_error_message="A rate must be more than zero.",
            ),
            models.CheckConstraint(
                condition=Q(currency__regex=r"^[A-Z]{3}$") & ~Q(currency="USD"),
                name="rate_currency_code",
                violation_error_message="Use a three-letter code other than USD.",
            ),
        ]

    def __str__(self):
        return f"1 {self.currency} = {self.usd_per_unit.normalize()} USD on {self.on}"

    def clean(self):
        if self.currency == "USD":
            raise ValidationError({"currency": _("Amounts in USD need no rate.")})
        if self.currency not in CURRENCIES:
            raise ValidationError({"currency": f"“{self.currency}” is not an ISO 4217 code."})
        if self.usd_per_unit is not None and self.usd_per_unit <= 0:
            raise ValidationError({"usd_per_unit": _("A rate must be more than zero.")})

    def to_usd(self, amount: Decimal) -> Decimal:
        return amount * self.usd_per_unit
