"""The timeline as a picture: planned against actual for each milestone, drawn on the server.

Every date is drawn as the period it covers (March 2025 is the whole of March), the first
plan is drawn where a plan moved, and today is a line. The numbers here are SVG user units
of a fixed viewBox; the page scales the picture to its width. The list beside it, with the
same facts in words, is the text equivalent.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

WIDTH = 720
LABELS = 230  # the left column holding each milestone's title
RIGHT = 12
ROW = 30
TOP = 26  # room for the year ticks
BAR = 9


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    label: str  # what the bar shows, in words (for its <title>)


@dataclass(frozen=True)
class Row:
    y: float
    title: str
    first_plan: Bar | None
    planned: Bar | None
    actual: Bar | None
    overdue: bool


@dataclass(frozen=True)
class Chart:
    height: float
    rows: list
    ticks: list  # (x, year)
    today: float | None
    description: str

    @property
    def width(self):
        return WIDTH


def _scale(first, last):
    days = max((last - first).days, 1)
    span = WIDTH - LABELS - RIGHT

    def x(day):
        return round(LABELS + (day - first).days / days * span, 1)

    return x


def _bar(date, x, label):
    if date is None:
        return None
    start, end = x(date.start), x(date.end + datetime.timedelta(days=1))
    return Bar(
        start,
        max(round(end - start, 1), 3.0),
        _("%(label)s: %(date)s") % {"label": label, "date": date},
    )


def chart(milestones, today=None):
    """The Chart of `milestones` (a project's timeline), or None when nothing is dated."""
    today = today or timezone.localdate()
    dates = [d for m in milestones for d in (m.original_plan, m.planned, m.actual) if d]
    if not dates:
        return None
    first = datetime.date(min(d.start for d in dates).year, 1, 1)
    last = datetime.date(max(max(d.end for d in dates), today).year + 1, 1, 1)
    x = _scale(first, last)
    rows = []
    for n, milestone in enumerate(milestones):
        moved = milestone.original_plan and milestone.original_plan != milestone.planned
        rows.append(
            Row(
                y=TOP + n * ROW,
                title=milestone.title,
                first_plan=_bar(milestone.original_plan, x, _("First planned")) if moved else None,
                planned=_bar(milestone.planned, x, _("Planned")),
                actual=_bar(
                    milestone.actual, x, _("Derived") if milestone.is_derived else _("Happened")
                ),
                overdue=milestone.is_overdue,
            )
        )
    ticks = [(x(datetime.date(year, 1, 1)), year) for year in range(first.year, last.year)]
    happened = sum(1 for m in milestones if m.actual)
    description = _(
        "%(count)d milestones from %(first)d to %(last)d: %(happened)d happened, %(planned)d "
        "planned. Each row shows the planned period as an outlined bar, the actual date as a "
        "filled bar and a moved plan as a dashed bar; the vertical line is today. The list "
        "below gives the same facts in words."
    ) % {
        "count": len(milestones),
        "first": first.year,
        "last": last.year - 1,
        "happened": happened,
        "planned": len(milestones) - happened,
    }
    return Chart(
        height=TOP + len(rows) * ROW + 6,
        rows=rows,
        ticks=ticks,
        today=x(today) if first <= today < last else None,
        description=description,
    )
