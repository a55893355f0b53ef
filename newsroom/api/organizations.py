"""Organisations in the API, each with its published projects and its roles in them.

An organisation is in the API once it has a role in a published project. One whose
only projects are unpublished is not: it could reveal an unannounced project's partner.
For the same reason a parent is named only if it is public itself (`public_parent`).
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from newsroom.api.pagination import Paging, paginate
from newsroom.api.schemas import Error, Page, Slug, links_to
from projects.models import Organization, Project, ProjectOrganization

router = Router(tags=["Projects"])


class OrganizationRef(Schema):
    slug: str
    name: str


class ProjectRole(links_to("project", "project")):
    slug: str = Field(alias="project.slug")
    name: str = Field(alias="project.name")
    status: str = Field(alias="project.status")
    role: str = Field(description="One of: owner, partner, authority, contractor.")
    role_label: str = Field(alias="get_role_display")


class OrganizationOut(links_to("", "organization")):
    slug: str
    name: str
    local_name: str
    local_name_language: str = Field(
        description="The local name's language, a BCP 47 tag such as zh-Hans."
    )
    kind: str = Field(description="One of: company, subsidiary, government, other.")
    kind_label: str = Field(alias="get_kind_display")
    website: str
    description: str
    parent: OrganizationRef | None = Field(
        description="The organisation it is part of, when that one has published projects too."
    )
    projects: list[ProjectRole] = Field(
        alias="published_roles", description="Its published projects, one entry per role."
    )

    @staticmethod
    def resolve_parent(obj):
        return obj.public_parent  # never one known only from an unpublished project


class OrganizationPage(Page):
    results: list[OrganizationOut]


def organizations():
    """Organisations with a role in a published project, with those roles: two queries."""
    roles = ProjectOrganization.objects.filter(project__in=Project.objects.published())
    return (
        Organization.objects.public()
        .with_public_parent()
        .prefetch_related(
            Prefetch(
                "roles",
                queryset=roles.select_related("project").order_by("project__name", "role"),
                to_attr="published_roles",
            )
        )
    )


@router.get(
    "/organizations",
    response={200: OrganizationPage, 400: Error, 404: Error},
    url_name="organizations",
    summary="Organisations with published projects, by name",
)
def list_organizations(request, paging: Query[Paging]):
    return paginate(request, organizations(), paging)


@router.get(
    "/organizations/{slug}",
    response={200: OrganizationOut, 404: Error},
    url_name="organization",
    summary="One organisation and its published projects",
)
def get_organization(request, slug: Slug):
    return get_object_or_404(organizations(), slug=slug)
