"""The public project directory: its filters, sort orders and totals.

Everything starts from `Project.objects.published()`. The sort keys are database
subqueries and the totals one GROUP BY query, so the directory, its exports and
its totals cost the same few queries with ten projects as with ten thousand.
"""

from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

import django_filters
from babel import Locale
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Sum, When
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property

from projects.dates import PreciseDate
from projects.formatting import qualified
from projects.models import (
    Designation,
    Figure,
    JobType,
    Kind,
    Milestone,
    Organization,
    Project,
    ProjectOrganization,
    Qualifier,
    Status,
)
from projects.widgets import QuickSelect


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


def directory_projects():
    """Published projects, annotated with what the directory filters and sorts on.

    The construction start is the groundbreaking milestone's actual date, else
    its planned date (the earliest, if a project has several). The investment is
    the one project cards show: the first current investment figure.
    """
    start = milestones(Milestone.Kind.GROUNDBREAKING)
    investment = current_figures(Kind.INVESTMENT).order_by("phase", "pk")
    return (
        Project.objects.published()
        .annotate(
            construction_start=Subquery(start.values("on")[:1]),
            construction_start_precision=Subquery(start.values("precision")[:1]),
            construction_started_on=Subquery(start.values("actual_date")[:1]),
            investment_currency=Subquery(investment.values("currency")[:1]),
            investment_value=Subquery(investment.values("value")[:1]),
            largest_jobs=Subquery(
                current_figures(Kind.JOBS).order_by("-value").values("value")[:1]
            ),
            largest_capacity=Subquery(
                current_figures(Kind.CAPACITY).order_by("-value").values("value")[:1]
            ),
        )
        .order_by("name", "pk")
    )


def construction_start(project):
    """The construction start of a project from `directory_projects()`, as a PreciseDate."""
    return PreciseDate.of(project.construction_start, project.construction_start_precision)


SORTS = {
    "name": ("Name (A–Z)", ("name", "pk")),
    "investment": (
        "Investment, largest first, by currency",
        (
            F("investment_currency").asc(nulls_last=True),
            F("investment_value").desc(nulls_last=True),
            "name",
            "pk",
        ),
    ),
    "jobs": ("Jobs, most first", (F("largest_jobs").desc(nulls_last=True), "name", "pk")),
    "capacity": (
        "Capacity, largest first",
        (F("largest_capacity").desc(nulls_last=True), "name", "pk"),
    ),
    "start": (
        "Construction start, newest first",
        (F("construction_start").desc(nulls_last=True), "name", "pk"),
    ),
}

UNKNOWN = {"invalid_choice": "Choose one of the listed options; this one is not among them."}


def choice(label, empty_label, **kwargs):
    return django_filters.ChoiceFilter(
        label=label, empty_label=empty_label, error_messages=UNKNOWN, widget=QuickSelect, **kwargs
    )


class ProjectFilter(django_filters.FilterSet):
    """The directory's filters and sort, read from GET parameters.

    An unknown value is reported on its field and ignored; the other filters
    still apply. Choices other than status and sort come from the published
    projects, in three queries, each made only when a field needs it.
    """

    status = choice("Status", "Any status", choices=Status.choices)
    sector = choice("Sector", "Any sector")
    country = choice("Country", "Any country")
    province = choice("Province or state", "Any province or state")
    organization = choice("Organisation", "Any organisation", method="filter_organization")
    designation = choice(
        "Listed by",
        "Any authority",
        method="filter_designation",
        help_text="The authority whose list of major projects includes the project.",
    )
    year = choice(
        "Construction start",
        "Any year",
        method="filter_year",
        help_text="The year construction started, or is planned to start.",
    )
    sort = choice(
        "Sort by",
        None,
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="sort_by",
        help_text="Investment is compared only within one currency: projects are grouped "
        "by currency code, then the largest comes first.",
    )

    FROM_DATA = ("sector", "country", "province", "organization", "designation", "year")

    @cached_property
    def form(self):
        form = super().form
        for name in self.FROM_DATA:
            # A callable: read only when the field is validated or shown.
            form.fields[name].choices = partial(self.choices_for, name)
        return form

    def choices_for(self, name):
        if name in ("organization", "designation"):
            return getattr(self, f"{name}_choices")
        return self.project_choices[name]

    @cached_property
    def project_choices(self):
        """Sectors, countries, provinces and start years of published projects: one query."""
        rows = self.queryset.order_by().values_list(
            "sector", "country", "province", "construction_start"
        )
        sectors, countries, provinces, years = set(), set(), set(), set()
        for sector, country, province, start in rows.distinct():
            sectors.add(sector)
            countries.add(country)
            provinces.add(province)
            if start:
                years.add(start.year)
        territories = Locale("en").territories
        return {
            "sector": [(s, s) for s in sorted(sectors - {""})],
            "country": sorted(
                ((c, territories.get(c, c)) for c in countries), key=lambda pair: pair[1]
            ),
            "province": [(p, p) for p in sorted(provinces - {""})],
            "year": [(str(y), str(y)) for y in sorted(years, reverse=True)],
        }

    @cached_property
    def organization_choices(self):
        """(slug, name) of the organisations with a role in a published project."""
        roles = ProjectOrganization.objects.filter(
            organization=OuterRef("pk"), project__in=self.queryset.values("pk")
        )
        return list(
            Organization.objects.filter(Exists(roles)).order_by("name").values_list("slug", "name")
        )

    @cached_property
    def designation_choices(self):
        """The authorities that list a published project."""
        authorities = (
            Designation.objects.filter(project__in=self.queryset.values("pk"))
            .order_by("authority")
            .values_list("authority", flat=True)
            .distinct()
        )
        return [(a, a) for a in authorities]

    def filter_organization(self, queryset, name, value):
        roles = ProjectOrganization.objects.filter(project=OuterRef("pk"), organization__slug=value)
        return queryset.filter(Exists(roles))

    def filter_designation(self, queryset, name, value):
        return queryset.filter(
            Exists(Designation.objects.filter(project=OuterRef("pk"), authority=value))
        )

    def filter_year(self, queryset, name, value):
        return queryset.filter(construction_start__year=int(value))

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS[value][1])

    @property
    def query_string(self):
        """The valid, non-empty parameters, URL-encoded: for pagination and export links."""
        return urlencode({name: value for name, value in self.form.cleaned_data.items() if value})


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
            text = qualified(qualifier, total, prefix=row["currency"])
            investment.append(Total(text, row["projects"]))
        else:
            text = qualified(qualifier, total, suffix=job_words.get(job_type, f"{job_type} jobs"))
            rank = job_types.index(job_type) if job_type in job_types else len(job_types)
            jobs.append((rank, Total(text, row["projects"])))
    jobs.sort(key=lambda pair: pair[0])
    return Totals(investment=investment, jobs=[total for _, total in jobs])
