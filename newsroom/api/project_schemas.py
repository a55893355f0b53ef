"""The shapes of a project in the API. Where a field means what an export column means,
its description is the column's (projects/record), so the API's documentation and the
data dictionary say the same thing.

A field that only reads an attribute is an alias: ninja follows dotted paths, calls
methods such as get_kind_display and lists managers. Resolvers are left for what is
computed. Sources are shown only when public: a figure citing an embargoed story shows none.
"""

import datetime

from ninja import Field, Schema

from newsroom.api.people_schemas import EventOut, ProgrammeRef
from newsroom.api.schemas import (
    DecimalString,
    Page,
    PartialDate,
    Source,
    links_to,
    partial_date,
    source,
)
from projects.directory import construction_start
from projects.models import Kind
from projects.record import describe


def figure(name, **kwargs):
    return Field(description=describe("figure", name), **kwargs)


def project(name, **kwargs):
    return Field(description=describe("project", name), **kwargs)


class Figure(Schema):
    kind: str = Field(description="One of: " + ", ".join(Kind.values) + ".")
    kind_label: str = Field(alias="get_kind_display")
    value: DecimalString = figure("value")
    value_high: DecimalString | None = figure("value_high")
    qualifier: str = figure("qualifier")
    currency: str = figure("currency")
    product: str = figure("product")
    unit: str = figure("unit")
    period: str = figure("period")
    phase: str = figure("phase")
    job_type: str = figure("job_type")
    as_stated: str = figure("as_stated")
    is_estimate: bool = figure("is_estimate")
    stated_on: datetime.date | None = figure("stated_on")
    text: str = figure("text", alias="display")
    source: Source | None

    @staticmethod
    def resolve_source(obj, context):
        return source(obj.source, context["request"])


class CurrentFigure(Figure):
    history: list[Figure] = Field(description="The values this figure revised, newest first.")

    @staticmethod
    def resolve_history(obj):
        return obj.project.history_of(obj)  # the project is cached by the prefetch


class Status(Schema):
    code: str = project("status")
    label: str = project("status_label")
    definition: str
    as_of: datetime.date | None = project("status_as_of")
    source: Source | None


class Location(Schema):
    country: str = project("country")
    country_name: str = project("country_name")
    province: str = project("province")
    city: str = project("city")
    zone: str = project("zone")
    latitude: DecimalString | None
    longitude: DecimalString | None
    coordinates_accuracy: str = Field(
        description="What the coordinates point at. One of: site, city, region; "
        "empty without coordinates."
    )


class ProjectItem(links_to("", "project")):
    slug: str
    name: str = project("name")
    local_name: str = project("local_name")
    local_name_language: str = Field(
        description="The local name's language, a BCP 47 tag such as zh-Hans."
    )
    summary: str
    sector: str = project("sector")
    product: str = project("product")
    status: Status
    location: Location
    construction_start: PartialDate | None = project("construction_start")
    construction_started: bool | None = project("construction_started")
    figures: list[Figure] = Field(
        alias="current_figures",
        description="The current figures (each revision replaces the figure it revises).",
    )
    updated_at: datetime.datetime = project("updated_at")
    url: str = project("url")

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
        # The project itself: Location reads its own fields from it.
        return obj

    @staticmethod
    def resolve_construction_start(obj):
        return partial_date(construction_start(obj))

    @staticmethod
    def resolve_construction_started(obj):
        return None if obj.construction_start is None else obj.construction_started_on is not None


class MilestoneOut(Schema):
    kind: str
    kind_label: str = Field(alias="get_kind_display")
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
    derived_from: str | None = Field(
        description="When the actual date is worked back from a duration the source stated, "
        'that duration, e.g. "16 days from land acquired to groundbreaking / construction '
        "start\": the date is then not the source's, and source is null."
    )

    @staticmethod
    def resolve_derived_from(obj):
        return str(obj.derived_from) if obj.derived_from_id else None

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


class OrganizationRole(links_to("organization", "organization")):
    slug: str = Field(alias="organization.slug")
    name: str = Field(alias="organization.name")
    local_name: str = Field(alias="organization.local_name")
    role: str = Field(description="One of: owner, partner, authority, contractor.")
    role_label: str = Field(alias="get_role_display")


class ArticleLink(links_to("article", "article")):
    slug: str = Field(alias="article.slug")
    title: str = Field(alias="article.title")
    published_at: datetime.datetime = Field(alias="article.publish_at")
    link: str = Field(description="One of: announces, updates, mentions.")
    link_label: str = Field(alias="get_link_display")


class ProjectDetail(ProjectItem):
    figures: list[CurrentFigure] = Field(alias="current_figures")
    milestones: list[MilestoneOut] = Field(
        alias="timeline", description="In the order they happened or are planned."
    )
    designations: list[DesignationOut]
    organizations: list[OrganizationRole] = Field(alias="roles")
    articles: list[ArticleLink] = Field(
        alias="news_links", description="Published news about it: announcements, updates, mentions."
    )
    events: list[EventOut] = project("events")
    programme: ProgrammeRef | None = project("programme")

    @staticmethod
    def resolve_events(obj):
        return obj.events.all()

    @staticmethod
    def resolve_programme(obj):
        plan = obj.programme
        return plan if plan is not None and plan.is_published else None  # a draft plan is unnamed


class ProjectPage(Page):
    results: list[ProjectItem]
