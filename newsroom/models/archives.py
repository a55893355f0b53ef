"""The archive's shape: which years and months have stories, and how many, in one
aggregate query; the news list's archive links and the archive pages' navigation,
emptiness and neighbouring periods all read it."""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone


@dataclass
class ArchiveYear:
    year: int
    count: int = 0
    months: list = field(default_factory=list)  # (first day of the month, count), oldest first


class Archive:
    """Months (in the site's time zone, as the archive pages count them) with their counts."""

    def __init__(self, rows):
        self.months = sorted(rows)  # [(date of the 1st, count)], oldest first
        years = {}
        for month, n in self.months:
            entry = years.setdefault(month.year, ArchiveYear(month.year))
            entry.count += n
            entry.months.append((month, n))
        self.years = sorted(years.values(), key=lambda y: y.year, reverse=True)

    def year(self, year):
        return next((y for y in self.years if y.year == year), None)

    def has(self, year, month=None):
        return any(m.year == year and month in (None, m.month) for m, _n in self.months)

    def neighbour(self, date, period, after):
        """The first day of the nearest period with stories before or after `date`'s, or None."""
        key = (lambda d: d.year) if period == "year" else (lambda d: (d.year, d.month))
        found = [
            m for m, _n in self.months if (key(m) > key(date) if after else key(m) < key(date))
        ]
        if not found:
            return None
        chosen = found[0] if after else found[-1]
        return chosen.replace(month=1) if period == "year" else chosen


class ArchiveQuerySet(models.QuerySet):
    def archive(self):
        """The Archive of this queryset (narrow it with published() and for_language()):
        one GROUP BY query over the months."""
        rows = (
            self.order_by()
            .annotate(month=TruncMonth("publish_at", tzinfo=timezone.get_current_timezone()))
            .values("month")
            .annotate(n=Count("pk"))
            .values_list("month", "n")
        )
        return Archive([(_as_date(month), n) for month, n in rows])


def _as_date(moment):
    if isinstance(moment, datetime.datetime):
        return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()
    return moment
