"""The public project directory: its filters, sort orders and totals.

Everything starts from `Project.objects.published()`. The sort keys are database
subqueries and the totals one GROUP BY query, so the directory, its exports and
its totals cost the same few queries with ten projects as with ten thousand.
"""

import functools
from functools import partial
from urllib.parse import urlencode

import django_filters
from babel import Locale
from django.db.models import Case, Exists, F, OuterRef, Subquery, Value, When
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from newsroom.core import fragments
from projects.dates import PreciseDate
from projects.directory_sorts import SORTS, capacities, current_figures, milestones
from projects.models import (
    Designation,
    Figure,
    Kind,
    Milestone,
    Organization,
    Project,
    ProjectOrganization,
    Status,
)
from projects.widgets import QuickSelect


def directory_projects():
    """Published projects, annotated with what the directory filters and sorts on (see
    `annotated`), as a new queryset."""
    return annotated(get_language()).all()


@functools.cache
def annotated(language):
    """Published projects, annotated with what the directory filters and sorts on.

    Built once per language and process, never evaluated itself (each use is a copy):
    building its eight subqueries cost more than running them. Per language because
    modeltranslation spells the translated fields for the active one.

    The construction start is the groundbreaking milestone's actual date, else
    its planned date (the earliest, if a project has several); the operation start
    likewise. The investment is
    the one project cards show: the first current investment figure.
    """
    start = milestones(Milestone.Kind.GROUNDBREAKING)
    operation = milestones(Milestone.Kind.OPERATION)
    investment = current_figures(Kind.INVESTMENT).order_by("phase", "pk")
    return (
        Project.objects.published()
        .annotate(
            construction_start=Subquery(start.values("on")[:1]),
            construction_start_precision=Subquery(start.values("precision")[:1]),
            construction_started_on=Subquery(start.values("actual_date")[:1]),
            operation_start=Subquery(operation.values("on")[:1]),
            operation_start_precision=Subquery(operation.values("precision")[:1]),
            operation_started_on=Subquery(operation.values("actual_date")[:1]),
            investment_currency=Subquery(investment.values("currency")[:1]),
            investment_value=Subquery(investment.values("value")[:1]),
        )
        .order_by("name", "pk")
    )


def construction_start(project):
    """The construction start of a project from `directory_projects()`, as a PreciseDate."""
    return PreciseDate.of(project.construction_start, project.construction_start_precision)


def operation_start(project):
    """The operation start (actual, else planned) of a project from `directory_projects()`."""
    return PreciseDate.of(project.operation_start, project.operation_start_precision)


UNKNOWN = {"invalid_choice": _("Choose one of the listed options; this one is not among them.")}


def choice(label, empty_label, **kwargs):
    return django_filters.ChoiceFilter(
        label=label,
        empty_label=empty_label,
        error_messages=UNKNOWN,
        widget=QuickSelect(remember="directory"),
        **kwargs,
    )


class ProjectFilter(django_filters.FilterSet):
    """The directory's filters and sort, read from GET parameters.

    An unknown value is reported on its field and ignored; the other filters
    still apply. Choices other than status and sort come from the published
    projects, in three queries, each made only when a field needs it.
    """

    status = choice(_("Status"), _("Any status"), choices=Status.choices)
    sector = choice(_("Sector"), _("Any sector"))
    country = choice(_("Country"), _("Any country"))
    province = choice(_("Province or state"), _("Any province or state"))
    organization = choice(_("Organisation"), _("Any organisation"), method="filter_organization")
    designation = choice(
        _("Listed by"),
        _("Any authority"),
        method="filter_designation",
        help_text=_("The authority whose list of major projects includes the project."),
    )
    year = choice(
        _("Construction start"),
        _("Any year"),
        method="filter_year",
        help_text=_("The year construction started, or is planned to start."),
    )
    sort = choice(
        _("Sort by"),
        None,
        choices=[(key, label) for key, (label, *_rest) in SORTS.items()],
        method="sort_by",
        help_text=_(
            "Investment is compared only within one currency, capacity within one "
            "unit, jobs by type."
        ),
    )
    updated = choice(
        _("Record"),
        _("Any record"),
        choices=[("stale", _("Not updated recently")), ("current", _("Updated recently"))],
        method="filter_updated",
        help_text=_(
            "A record counts as not updated recently when its status has not been "
            "confirmed for the number of months the site sets (12 by default)."
        ),
    )
    unit = choice(
        _("Capacity in"),
        _("Any unit"),
        method="filter_unit",
        help_text=_("Only projects with a capacity in this unit; sorting by capacity compares it."),
    )

    FROM_DATA = ("sector", "country", "province", "organization", "designation", "year", "unit")

    @cached_property
    def form(self):
        form = super().form
        for name in self.FROM_DATA:
            # A callable: read only when the field is validated or shown.
            form.fields[name].choices = partial(self.choices_for, name)
        return form

    def choices_for(self, name):
        # The same for every visitor until content changes: read once per generation.
        return fragments.remembered(("directory-choices", name), partial(self.read_choices, name))

    def read_choices(self, name):
        if name in ("organization", "designation", "unit"):
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

    @cached_property
    def unit_choices(self):
        """The units (or counted products) of published projects' current capacities."""
        measures = (
            Figure.objects.current()
            .filter(kind=Kind.CAPACITY, project__in=self.queryset.values("pk"))
            .annotate(measure=Case(When(unit="", then=F("product")), default=F("unit")))
            .order_by("measure")
            .values_list("measure", flat=True)
            .distinct()
        )
        return [(m, m) for m in measures if m]

    def filter_updated(self, queryset, name, value):
        return queryset.stale() if value == "stale" else queryset.updated_recently()

    def filter_unit(self, queryset, name, value):
        return queryset.filter(Exists(capacities(value)))

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
        _label, annotations, order = SORTS[value]
        if value == "capacity" and (unit := self.form.cleaned_data.get("unit")):
            largest = capacities(unit).order_by("-value")
            annotations = {
                "capacity_measure": Value(unit),
                "capacity_value": Subquery(largest.values("value")[:1]),
            }
        return queryset.annotate(**annotations).order_by(*order)

    @property
    def query_string(self):
        """The valid, non-empty parameters, URL-encoded: for pagination and export links."""
        return urlencode({name: value for name, value in self.form.cleaned_data.items() if value})
