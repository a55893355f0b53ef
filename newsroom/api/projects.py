"""Projects in the API: the directory's filters and every fact of a published project.

The list starts from the directory's own queryset and FilterSet (projects/directory.py),
so the API filters and sorts exactly as the directory page does. Sources are shown only
when public (`Source.is_public`): a figure citing an embargoed story shows no source.
"""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from pydantic import create_model

from newsroom.api.errors import BadParameters
from newsroom.api.pagination import Paging, paginate
from newsroom.api.schemas import (
    DecimalString,
    Error,
    Page,
    PartialDate,
    Slug,
    Source,
    absolute,
    api_url,
    partial_date,
    source,
)
from projects.directory import ProjectFilter, construction_start, directory_projects
from projects.models import Designation, Milestone, ProjectOrganization
from projects.views import published_links

router = Router(tags=["Projects"])


class Figure(Schema):
    kind: str = Field(
        description="One of: investment, annual_investment, revenue, output_value, capacity, jobs."
    )
    kind_label: str
    value: DecimalString = Field(
        description="In base units: 5000000000.000 for 5 billion; a range's low end."
    )
    value_high: DecimalString | None = Field(description="A range's high end.")
    qualifier: str = Field(
        description="How the source qualified the number. One of: exact, about, over, up_to, range."
    )
    currency: str = Field(description="Money only: an ISO 4217 code such as CNY; empty otherwise.")
    product: str = Field(description="Capacity only: what is produced.")
    unit: str = Field(description="Capacity only; empty when the value counts the product itself.")
    period: str = Field(
        description="Capacity only: what it is per. One of: year, month, day, total; "
        "empty otherwise."
    )
    phase: str
    job_type: str = Field(
        description="Jobs only. One of: direct, construction, total; empty otherwise."
    )
    as_stated: str = Field(description="The source's own words.")
    is_estimate: bool
    stated_on: datetime.date | None
    text: str = Field(description='The figure in words, e.g. "about CNY 5 billion".')
    source: Source | None

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_text(obj):
        return obj.display

    @staticmethod
    def resolve_source(obj, context):
        return source(obj.source, context["request"])


class CurrentFigure(Figure):
    history: list[Figure] = Field(description="The values this figure revised, newest first.")

    @staticmethod
    def resolve_history(obj):
        return obj.project.history_of(obj)  # the project is cached by the prefetch


class Status(Schema):
    code: str
    label: str
    definition: str
    as_of: datetime.date | None
    source: Source | None


class Location(Schema):
    country: str = Field(description="ISO 3166-1 alpha-2 code, e.g. CN.")
    country_name: str
    province: str
    city: str
    zone: str
    latitude: DecimalString | None
    longitude: DecimalString | None
    coordinates_accuracy: str = Field(
        description="What the coordinates point at. One of: site, city, region; "
        "empty without coordinates."
    )


class ProjectItem(Schema):
    slug: str
    name: str
    local_name: str
    summary: str
    sector: str
    product: str
    status: Status
    location: Location
    construction_start: PartialDate | None = Field(
        description="When construction started (the groundbreaking milestone's actual "
        "date) or, if it has not, is planned to start."
    )
    construction_started: bool | None = Field(
        description="True if construction_start is the actual date, false if only "
        "planned; null when none is recorded."
    )
    figures: list[Figure] = Field(
        description="The current figures (each revision replaces the figure it revises)."
    )
    updated_at: datetime.datetime
    url: str
    api_url: str

    @staticmethod
    def resolve_status(obj, context):
        return {
            "code": obj.status,
            "label": obj.get_status_display(),
            "definition": obj.status_definition,
            "as_of": obj.status_as_of,
            "source": source(obj.status_source, context["request"]),
        }

    @staticmethod
    def resolve_location(obj):
        return {
            "country": obj.country,
            "country_name": obj.country_name,
            "province": obj.province,
            "city": obj.city,
            "zone": obj.zone,
            "latitude": obj.latitude,
            "longitude": obj.longitude,
            "coordinates_accuracy": obj.coordinates_accuracy,
        }

    @staticmethod
    def resolve_construction_start(obj):
        return partial_date(construction_start(obj))

    @staticmethod
    def resolve_construction_started(obj):
        return None if obj.construction_start is None else obj.construction_started_on is not None

    @staticmethod
    def resolve_figures(obj):
        return obj.current_figures

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context):
        return api_url(context, "project", obj.slug)


class MilestoneOut(Schema):
    kind: str
    kind_label: str
    title: str
    planned: PartialDate | None
    actual: PartialDate | None
    original_plan: PartialDate | None = Field(
        description="The first plan, once the plan has moved."
    )
    slip: str | None = Field(
        description="How far the outcome, or the plan, moved from the first plan, e.g. "
        '"about 2 months later than planned"; null when it has not moved.'
    )
    is_overdue: bool = Field(
        description="True when the whole planned period has passed and no actual date is recorded."
    )
    note: str
    source: Source | None

    @staticmethod
    def resolve_kind_label(obj):
        return obj.get_kind_display()

    @staticmethod
    def resolve_planned(obj):
        return partial_date(obj.planned)

    @staticmethod
    def resolve_actual(obj):
        return partial_date(obj.actual)

    @staticmethod
    def resolve_original_plan(obj):
        return partial_date(obj.original_plan)

    @staticmethod
    def resolve_source(obj, context):
        return source(obj.source, context["request"])


class DesignationOut(Schema):
    authority: str
    list_name: str
    year: int | None
    batch: str
    designated_on: datetime.date | None
    text: str
    source: Source | None

    @staticmethod
    def resolve_text(obj):
        return str(obj)

    @staticmethod
    def resolve_source(obj, context):
        return source(obj.source, context["request"])


class OrganizationRole(Schema):
    slug: str
    name: str
    local_name: str
    role: str = Field(description="One of: owner, partner, authority, contractor.")
    role_label: str
    url: str
    api_url: str

    @staticmethod
    def resolve_slug(obj):
        return obj.organization.slug

    @staticmethod
    def resolve_name(obj):
        return obj.organization.name

    @staticmethod
    def resolve_local_name(obj):
        return obj.organization.local_name

    @staticmethod
    def resolve_role_label(obj):
        return obj.get_role_display()

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.organization.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context):
        return api_url(context, "organization", obj.organization.slug)


class ArticleLink(Schema):
    slug: str
    title: str
    published_at: datetime.datetime
    link: str = Field(description="One of: announces, updates, mentions.")
    link_label: str
    url: str
    api_url: str

    @staticmethod
    def resolve_slug(obj):
        return obj.article.slug

    @staticmethod
    def resolve_title(obj):
        return obj.article.title

    @staticmethod
    def resolve_published_at(obj):
        return obj.article.publish_at

    @staticmethod
    def resolve_link_label(obj):
        return obj.get_link_display()

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.article.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context):
        return api_url(context, "article", obj.article.slug)


class ProjectDetail(ProjectItem):
    figures: list[CurrentFigure]
    milestones: list[MilestoneOut] = Field(description="In the order they happened or are planned.")
    designations: list[DesignationOut]
    organizations: list[OrganizationRole]
    articles: list[ArticleLink] = Field(
        description="Published news about it: announcements, updates, mentions."
    )

    @staticmethod
    def resolve_milestones(obj):
        return obj.timeline

    @staticmethod
    def resolve_designations(obj):
        return obj.designations.all()

    @staticmethod
    def resolve_organizations(obj):
        return obj.roles.all()

    @staticmethod
    def resolve_articles(obj):
        return obj.news_links


class ProjectPage(Page):
    results: list[ProjectItem]


def describe(field):
    """A directory filter as a documented query parameter."""
    choices = field.extra.get("choices")
    if isinstance(choices, list | tuple):
        values = "One of: " + ", ".join(key for key, _ in choices) + "."
    else:
        values = "One of the values that published projects have, else a 400."
    text = " ".join(str(t) for t in (field.extra.get("help_text"), values) if t)
    return Field(None, title=str(field.label), description=text)


# The directory's parameters, documented from its FilterSet so the two cannot drift.
ProjectFilters = create_model(
    "ProjectFilters",
    __base__=Schema,
    **{name: (str | None, describe(f)) for name, f in ProjectFilter.base_filters.items()},
)


@router.get(
    "/projects",
    response={200: ProjectPage, 400: Error, 404: Error},
    url_name="projects",
    summary="Published projects, filtered and sorted as the directory is",
)
def list_projects(request, filters: Query[ProjectFilters], paging: Query[Paging]):
    """Filter values are checked as the directory's export checks them: a value that no
    published project has (an unknown status, sector or organisation) is a 400."""
    filterset = ProjectFilter(
        filters.model_dump(exclude_none=True), queryset=directory_projects(), request=request
    )
    if not filterset.is_valid():
        raise BadParameters({name: list(errors) for name, errors in filterset.errors.items()})
    projects = filterset.qs.with_facts().select_related("status_source__article")
    return paginate(request, projects, paging)


def with_sources(model):
    return model.objects.select_related("source__article")


@router.get(
    "/projects/{slug}",
    response={200: ProjectDetail, 404: Error},
    url_name="project",
    summary="One published project with all its facts",
)
def get_project(request, slug: Slug):
    projects = (
        directory_projects()
        .with_facts()
        .select_related("status_source__article")
        .prefetch_related(
            Prefetch("milestones", queryset=with_sources(Milestone)),
            Prefetch("designations", queryset=with_sources(Designation)),
            Prefetch("roles", queryset=ProjectOrganization.objects.select_related("organization")),
            Prefetch("article_links", queryset=published_links(), to_attr="news_links"),
        )
    )
    return get_object_or_404(projects, slug=slug)
