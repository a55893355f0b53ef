"""The directory's sort orders: database subqueries, so sorting costs no extra query.

Only like is compared with like: investment within a currency, capacity within a unit,
jobs of one type. Each order ends on name and pk, so every page of a sorted list is stable.
"""

from django.db.models import Case, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from projects.models import Figure, JobType, Kind, Milestone, Status


def current_figures(kind):
    """The current figures of `kind` of the project in the outer query."""
    return Figure.objects.current().filter(project=OuterRef("pk"), kind=kind)


def milestones(kind):
    """The outer project's milestones of `kind`, earliest first by actual, else planned, date."""
    return (
        Milestone.objects.filter(project=OuterRef("pk"), kind=kind)
        .annotate(
            on=Coalesce("actual_date", "planned_date"),
            precision=Case(
                When(actual_date__isnull=False, then=F("actual_precision")),
                default=F("planned_precision"),
            ),
        )
        .order_by("on", "pk")
    )


def capacities(measure=None):
    """The outer project's current capacities, each with its measure: its unit (GWh, tonnes),
    or what it counts when the value counts the product itself (compressors)."""
    figures = current_figures(Kind.CAPACITY).annotate(
        measure=Case(When(unit="", then=F("product")), default=F("unit"))
    )
    return figures if measure is None else figures.filter(measure=measure)


def largest_jobs(job_type):
    jobs = current_figures(Kind.JOBS).filter(job_type=job_type)
    return Subquery(jobs.order_by("-value").values("value")[:1])


def by_value(field):
    return (F(field).desc(nulls_last=True), "name", "pk")


# The order the statuses are listed in (announced ... operating, then on hold, cancelled).
STATUS_ORDER = Case(
    *(When(status=status, then=Value(n)) for n, status in enumerate(Status.values)),
    default=Value(len(Status.values)),
)

# key: (label, the annotations the order needs, the order)
SORTS = {
    "name": (_("Name (A–Z)"), {}, ("name", "pk")),
    "status": (
        _("Status, earliest stage first"),
        {"status_rank": STATUS_ORDER},
        ("status_rank", "name", "pk"),
    ),
    "investment": (
        _("Investment, largest first, by currency"),
        {},
        (F("investment_currency").asc(nulls_last=True), *by_value("investment_value")),
    ),
    "jobs": (
        _("Direct jobs, most first"),
        {"job_count": largest_jobs(JobType.DIRECT)},
        by_value("job_count"),
    ),
    "construction_jobs": (
        _("Construction jobs, most first"),
        {"job_count": largest_jobs(JobType.CONSTRUCTION)},
        by_value("job_count"),
    ),
    "total_jobs": (
        _("Jobs in total, most first"),
        {"job_count": largest_jobs(JobType.TOTAL)},
        by_value("job_count"),
    ),
    "capacity": (
        _("Capacity, largest first, by unit"),
        {
            "capacity_measure": Subquery(capacities().order_by("-value").values("measure")[:1]),
            "capacity_value": Subquery(capacities().order_by("-value").values("value")[:1]),
        },
        (F("capacity_measure").asc(nulls_last=True), *by_value("capacity_value")),
    ),
    "start": (_("Construction start, newest first"), {}, by_value("construction_start")),
    "operation": (_("Operation start, newest first"), {}, by_value("operation_start")),
}

# Sorts that list the smallest first; the others put the largest or newest first.
ASCENDING = {"name", "status"}
