"""The directory's totals: current investment per currency and jobs per type, never mixed."""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from projects import formatting
from projects.models import Figure, JobType, Kind, Qualifier


@dataclass(frozen=True)
class Total:
    text: str  # "about CNY 5 billion", "3,000 direct jobs"
    projects: int  # how many projects the sum includes


@dataclass(frozen=True)
class Totals:
    investment: list[Total]
    jobs: list[Total]


def combined_qualifier(qualifiers):
    """The qualifier of a sum, loosely: "about" + "exact" is "about"; a range counts as "over".

    A range is added by its low value, so the sum is at least the total; mixed
    directions ("over" and "up to") can only be "about".
    """
    kinds = {Qualifier.OVER if q == Qualifier.RANGE else q for q in qualifiers} - {Qualifier.EXACT}
    if len(kinds) > 1:
        return Qualifier.ABOUT
    return kinds.pop() if kinds else Qualifier.EXACT


def directory_totals(projects):
    """Current investment per currency and jobs per type of `projects`, in one GROUP BY query.

    Different currencies are never added together. A range counts by its low value.
    """
    by_qualifier = {f"n_{q}": Count("pk", filter=Q(qualifier=q)) for q in Qualifier.values}
    rows = (
        Figure.objects.current()
        .filter(project__in=projects.values("pk"), kind__in=(Kind.INVESTMENT, Kind.JOBS))
        .values("kind", "currency", "job_type")
        .annotate(total=Sum("value"), projects=Count("project", distinct=True), **by_qualifier)
        .order_by("kind", "currency", "job_type")
    )
    investment, jobs = [], []
    job_types = list(JobType.values)
    job_words = dict(JobType.choices)
    for row in rows:
        qualifier = combined_qualifier(q for q in Qualifier.values if row[f"n_{q}"])
        total, job_type = row["total"].normalize(), row["job_type"]
        if row["kind"] == Kind.INVESTMENT:
            text = formatting.money(qualifier, total, None, row["currency"])
            investment.append(Total(text, row["projects"]))
        else:
            text = formatting.jobs(qualifier, total, None, job_type, job_words)
            rank = job_types.index(job_type) if job_type in job_types else len(job_types)
            jobs.append((rank, Total(text, row["projects"])))
    jobs.sort(key=lambda pair: pair[0])
    return Totals(investment=investment, jobs=[total for _, total in jobs])
