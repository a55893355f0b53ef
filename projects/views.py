from urllib.parse import urlencode

from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView

from newsroom import clock
from newsroom.core import fragments, media
from newsroom.core.detail import WorkflowDetailView
from newsroom.core.feeds import feed_links
from newsroom.core.pagination import KeysFirstPaginator
from newsroom.core.prefetch import prefetch_present, with_presence
from newsroom.models import Article
from newsroom.press.models import with_press_office
from projects import directory_page, embed, export, record, world_map
from projects.dates import Precision
from projects.directory import (
    SORTS,
    ProjectFilter,
    construction_start,
    directory_projects,
    operation_start,
)
from projects.models import (
    ExchangeRate,
    Kind,
    Organization,
    Programme,
    Project,
    Qualifier,
    Status,
)
from projects.models.status import STATUS_DEFINITIONS
from projects.totals import directory_totals


def directory_filter(request):
    return ProjectFilter(request.GET, queryset=directory_projects(), request=request)


class ProjectListView(ListView):
    """The directory: published projects, filtered and sorted by GET parameters, with totals."""

    template_name = "projects/project_list.html"
    context_object_name = "projects"
    paginate_by = 24
    paginator_class = KeysFirstPaginator

    def get_queryset(self):
        self.filterset = directory_filter(self.request)
        return self.filterset.qs.with_facts()

    def remembered_as(self, what):
        # With the day: "not updated recently" moves by the calendar, not only with content.
        return ("directory", what, self.filterset.query_string, timezone.localdate().isoformat())

    def paginate_queryset(self, queryset, page_size):
        """A page number that is no page shows the nearest page instead of an error."""
        paginator = self.get_paginator(queryset, page_size)
        # The count and totals of one set of filters change only with content.
        paginator.count = fragments.remembered(self.remembered_as("count"), queryset.count)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        # So do its rows, read once with their figures.
        where = self.remembered_as(f"page-{page.number}")
        page.object_list = fragments.remembered(
            where, lambda: list(page.object_list), fragments.records
        )
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for project in context["projects"]:
            project.start = construction_start(project)
            project.operation = operation_start(project)
        sort = self.filterset.form.cleaned_data.get("sort") or "name"
        view = directory_page.chosen_view(self.request)
        # The map marks this page's projects: the rows the list already read.
        on_map, not_on_map = world_map.markers(context["projects"])
        query_string = self.filterset.query_string
        first_row, more_filters, more_in_use = directory_page.filter_rows(self.filterset)
        return {
            **context,
            "filter": self.filterset,
            "totals": fragments.remembered(
                self.remembered_as("totals"), lambda: directory_totals(self.filterset.qs)
            ),
            "query_string": query_string,
            "page_query": "&".join(filter(None, [query_string, view == "table" and "view=table"])),
            "sort_label": SORTS[sort][0],
            "view": view,
            "views": {
                name: directory_page.query(
                    directory_page.valid_params(self.filterset),
                    view=None if name == "cards" else name,
                )
                for name in directory_page.VIEWS
            },
            "columns": directory_page.columns(self.filterset, view),
            "chips": directory_page.chips(self.filterset, view),
            "first_row": first_row,
            "more_filters": more_filters,
            "more_filters_open": more_in_use,
            # What the filter bar shows depends on the filters' own parameters alone (and
            # on the view), so it is kept under them (templates/projects/project_list.html).
            "filters_key": urlencode(
                [
                    (name, value)
                    for name in self.filterset.filters
                    for value in self.request.GET.getlist(name)
                ]
            )
            + f"#{view}",
            "page_key": ":".join(self.remembered_as(f"page-{context['page_obj'].number}")),
            "markers": on_map,
            "not_on_map": not_on_map,
            "map_viewbox": world_map.VIEWBOX,
        }


def exported(request):
    """The filtered projects with all an export needs, or None when a filter value is unknown.

    The directory page shows an unknown value as a form error; an export has no
    form, so it refuses (400) rather than quietly export more than was asked for.
    """
    filterset = directory_filter(request)
    if not filterset.is_valid():
        return filterset, None
    return filterset, list(export.for_export(filterset.qs))


def bad_filters(filterset):
    return JsonResponse({"errors": filterset.errors.get_json_data()}, status=400)


def projects_csv(request):
    filterset, projects = exported(request)
    if projects is None:
        return bad_filters(filterset)
    response = StreamingHttpResponse(
        export.csv_lines(projects, request), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="projects.csv"'
    return response


def projects_json(request):
    filterset, projects = exported(request)
    if projects is None:
        return bad_filters(filterset)
    return JsonResponse(
        export.as_json(projects, request), json_dumps_params={"ensure_ascii": False}
    )


class DataDictionaryView(TemplateView):
    """What every export column and field means; built from the record's one description."""

    template_name = "projects/data_dictionary.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            project_columns=record.PROJECT_COLUMNS,
            figure_columns=[
                (column, None if len(column.kinds) == len(Kind) else map(Kind, column.kinds))
                for column in record.FIGURE_COLUMNS
            ],
            kinds=[(Kind(kind), text) for kind, text in record.KINDS.items()],
            qualifiers=[(Qualifier(q), text) for q, text in record.QUALIFIERS.items()],
            statuses=[(Status(s), text) for s, text in STATUS_DEFINITIONS.items()],
            precisions=[(Precision(p), text) for p, text in record.PRECISIONS.items()],
            units=record.UNITS,
            **kwargs,
        )


OFTEN_EMPTY = ("figures", "gallery", "milestones", "stated_durations", "designations", "roles")
OFTEN_EMPTY += ("events", "article_links", "press_contacts", "coverage")


class ProjectDetailView(WorkflowDetailView):
    model = Project
    redirects = "redirects"
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_queryset(self):
        # Its press contacts and coverage (newsroom/press): one query each.
        return with_press_office(super().get_queryset().with_record().with_pictures())

    def get_object(self, queryset=None):
        # Each relation is read only if the project's row says it has any (most have no
        # gallery, coverage or stated durations).
        def read():
            found = self.get_queryset() if queryset is None else queryset
            relations = found._prefetch_related_lookups
            found = with_presence(found.prefetch_related(None), OFTEN_EMPTY)
            return prefetch_present(super(ProjectDetailView, self).get_object(found), relations)

        if queryset is not None or not self.is_visitor():
            return read()
        # The same for every visitor until the published set changes, its news included
        # (newsroom/clock.py): read once per generation and language.
        return clock.remembered(("project", self.kwargs["slug"]), read, fragments.records)

    def get_context_data(self, **kwargs):
        feeds = feed_links("project", self.object.slug, f"News about {self.object.name}")
        # The same for every project until content changes.
        rates = fragments.remembered(("rates",), ExchangeRate.objects.latest_by_currency)
        oembed = embed.discovery_url(self.request, self.object) if self.object.is_published else ""
        today = timezone.localdate().isoformat()  # the record's staleness moves with it
        return super().get_context_data(
            rates=rates, feeds=feeds, oembed=oembed, today=today, **kwargs
        )


class OrganizationDetailView(DetailView):
    template_name = "projects/organization_detail.html"
    context_object_name = "organization"
    queryset = Organization.objects.public().with_public_parent()

    def get_context_data(self, **kwargs):
        projects = Project.objects.published().filter(roles__organization=self.object).distinct()
        news = (
            Article.objects.published()
            .filter(projects__in=projects)
            .distinct()
            .select_related("category", "lead_image")[:20]
        )
        programmes = self.object.programmes.published()
        return super().get_context_data(
            projects=projects.with_facts(), news=news, programmes=programmes, **kwargs
        )


class ProgrammeDetailView(DetailView):
    """A company plan: what it promises, and its published projects as they appear."""

    template_name = "projects/programme_detail.html"
    context_object_name = "programme"
    queryset = Programme.objects.published().select_related("organization", "source__article")

    def get_context_data(self, **kwargs):
        # Read with their figures for the cards; the JSON-LD reads the same list.
        self.object.public_projects = list(self.object.projects.published().with_facts())
        return super().get_context_data(projects=self.object.public_projects, **kwargs)


def project_media_kit(request, slug):
    """A ZIP of the project's pictures with their credits, for the press."""
    return media.media_kit(request, Project.objects.with_pictures(), slug)
