"""Programmes in the API: a company's plan, what it promises, and its published projects.

A programme is in the API once an editor publishes it; its projects are only the published
ones, so a plan never tells of a project before the project itself is announced.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from newsroom.api.pagination import Paging, paginate
from newsroom.api.people_schemas import OrganizationName
from newsroom.api.project_schemas import ProjectItem
from newsroom.api.schemas import (
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
from projects.directory import directory_projects
from projects.models import Programme

router = Router(tags=["Projects"])


class ProgrammeOut(Schema):
    slug: str
    name: str
    summary: str
    organization: OrganizationName | None = Field(description="Whose plan it is.")
    target_count: int | None = Field(description="How many the plan promises, e.g. 12.")
    target: str = Field(description="What is counted, e.g. “production bases”.")
    period: PartialDate | None = Field(description="When the plan is for, e.g. 2024.")
    as_stated: str = Field(description="The words of the source.")
    source: Source | None
    projects: list[ProjectItem] = Field(
        alias="public_projects", description="Its published projects, as they appear."
    )
    url: str
    api_url: str

    @staticmethod
    def resolve_period(obj):
        return partial_date(obj.period)

    @staticmethod
    def resolve_source(obj, context):
        return source(obj.source, context["request"])

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context):
        return api_url(context, "programme", obj.slug)


class ProgrammePage(Page):
    results: list[ProgrammeOut]


def programmes():
    """Published programmes with their published projects and those projects' figures."""
    # The directory's queryset: published, with the construction start a ProjectItem gives.
    projects = directory_projects().with_facts().select_related("status_source__article")
    return (
        Programme.objects.published()
        .select_related("organization", "source__article")
        .prefetch_related(Prefetch("projects", queryset=projects, to_attr="public_projects"))
    )


@router.get(
    "/programmes",
    response={200: ProgrammePage, 400: Error, 404: Error},
    url_name="programmes",
    summary="Published programmes (company plans), by name",
)
def list_programmes(request, paging: Query[Paging]):
    return paginate(request, programmes(), paging)


@router.get(
    "/programmes/{slug}",
    response={200: ProgrammeOut, 404: Error},
    url_name="programme",
    summary="One published programme and its published projects",
)
def get_programme(request, slug: Slug):
    return get_object_or_404(programmes(), slug=slug)
