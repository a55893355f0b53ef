"""Projects in the API: the directory's filters and every fact of a published project.

The list starts from the directory's own queryset and FilterSet (projects/directory.py),
so the API filters and sorts exactly as the directory page does; the detail is the
project's whole record (`with_record()`), as its page shows it. The shapes are in
project_schemas.py.
"""

from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints, WithJsonSchema, create_model

from newsroom.api.errors import BadParameters
from newsroom.api.pagination import Paging, paginate
from newsroom.api.project_schemas import ProjectDetail, ProjectPage
from newsroom.api.schemas import SLUG_PATTERN, Error, Slug
from projects.directory import ProjectFilter, directory_projects

router = Router(tags=["Projects"])


# Filters whose values are data: what the value is, and the shape the model ensures it has.
FROM_DATA = {
    "sector": ("A sector of a published project (its `sector`).", {}),
    "country": (
        "A country of a published project, as its two-letter ISO code (its `location.country`).",
        {"pattern": "^[A-Z]{2}$"},
    ),
    "province": ("A province or state of a published project (its `location.province`).", {}),
    "organization": (
        "The slug of an organisation with a role in a published project (/organizations).",
        {"pattern": SLUG_PATTERN},
    ),
    "designation": ("An authority that lists a published project (its `designations`).", {}),
    "year": ("A year, as digits.", {"pattern": "^[0-9]+$"}),
    "unit": ("A capacity unit (or counted product) of a published project.", {}),
}
OTHERWISE = "Any other value is a 400."
DATA = "The values change with the projects, so they are not listed here. " + OTHERWISE


def parameter(name, field):
    """A directory filter as a documented query parameter: (type, Field).

    The FilterSet stays the one judge of a value (so the API and the directory's export
    give the same 400 and message); the type only documents what it accepts. Fixed choices
    (status, sort) are an enum; values from the data get the shape the model ensures. An
    empty value is a 400 too, as ninja makes it for page: the parameter is to be left out.
    """
    choices = field.extra.get("choices")
    if isinstance(choices, list | tuple):
        shape, values = {"type": "string", "enum": [key for key, _ in choices]}, OTHERWISE
    else:
        what, constraints = FROM_DATA[name]
        shape, values = {"type": "string", "minLength": 1, **constraints}, f"{what} {DATA}"
    text = " ".join(str(t) for t in (field.extra.get("help_text"), values) if t)
    documented = Annotated[str, StringConstraints(min_length=1), WithJsonSchema(shape)]
    return documented | None, Field(None, title=str(field.label), description=text)


# The directory's parameters, documented from its FilterSet so the two cannot drift.
ProjectFilters = create_model(
    "ProjectFilters",
    __base__=Schema,
    **{name: parameter(name, f) for name, f in ProjectFilter.base_filters.items()},
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


@router.get(
    "/projects/{slug}",
    response={200: ProjectDetail, 404: Error},
    url_name="project",
    summary="One published project with all its facts",
)
def get_project(request, slug: Slug):
    return get_object_or_404(directory_projects().with_record(), slug=slug)
