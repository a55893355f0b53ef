"""Dates known only to a day, month, quarter, half-year or year, shown as exactly that."""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from projects.formatting import compared_with_plan, duration, partial_date


class Precision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    HALF_YEAR = "half_year", _("Half-year")
    YEAR = "year", _("Year")


def precision_error(value: datetime.date, precision: str) -> str | None:
    """Why `value` cannot be stored with `precision`, or None when it can.

    A partial date is stored as the first day of its period, so "March 2025"
    is 2025-03-01 with month precision; any other day would invent a fact.
    """
    if precision == Precision.MONTH and value.day != 1:
        return "A date known to the month is entered as the first day of that month."
    if precision == Precision.QUARTER and (value.day != 1 or value.month not in (1, 4, 7, 10)):
        return "A date known to the quarter is entered as the first day of the quarter."
    if precision == Precision.HALF_YEAR and (value.day != 1 or value.month not in (1, 7)):
        return "A date known to the half-year is entered as 1 January or 1 July."
    if precision == Precision.YEAR and (value.day, value.month) != (1, 1):
        return "A date known to the year is entered as 1 January of that year."
    return None


@dataclass(frozen=True)
class PreciseDate:
    start: datetime.date
    precision: str

    @property
    def end(self) -> datetime.date:
        """The last day the date could mean; comparisons treat a month as its whole month."""
        year, month = self.start.year, self.start.month
        if self.precision == Precision.MONTH:
            return self.start.replace(day=calendar.monthrange(year, month)[1])
        if self.precision in (Precision.QUARTER, Precision.HALF_YEAR):
            last_month = month + (2 if self.precision == Precision.QUARTER else 5)
            return datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
        if self.precision == Precision.YEAR:
            return datetime.date(year, 12, 31)
        return self.start

    def __str__(self) -> str:
        """In the active language: "March 2025" / "2025年3月" (projects/formatting.py)."""
        return partial_date(self.start, self.precision)

    @property
    def iso(self) -> str:
        """A valid HTML <time> value with only the known parts (2025-03, 2027)."""
        if self.precision == Precision.MONTH:
            return self.start.strftime("%Y-%m")
        if self.precision in (Precision.YEAR, Precision.HALF_YEAR, Precision.QUARTER):
            return str(self.start.year)  # HTML's <time> has no quarter; the year is what is sure
        return self.start.isoformat()

    @classmethod
    def of(cls, value: datetime.date | None, precision: str) -> "PreciseDate | None":
        return cls(value, precision) if value else None


def span(first: PreciseDate, second: PreciseDate) -> str:
    """The time between two dates, no more exact than the vaguer of them: "16 days"."""
    if first.precision == second.precision == Precision.DAY:
        return duration((second.start - first.start).days, "day")
    if Precision.YEAR in (first.precision, second.precision):
        return duration(second.start.year - first.start.year, "year", about=True)
    months = (second.start.year - first.start.year) * 12 + second.start.month - first.start.month
    return duration(months, "month", about=True)


def shift(plan: PreciseDate, outcome: PreciseDate) -> str:
    """How `outcome` compares with `plan`, treating each as its whole period."""
    if outcome.start > plan.end:
        return compared_with_plan(span(plan, outcome), later=True)
    if outcome.end < plan.start:
        return compared_with_plan(span(outcome, plan), later=False)
    return compared_with_plan(None, later=False)
