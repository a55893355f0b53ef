"""Projects in the API: the directory's filters and every fact of a published project.

The list starts from the directory's own queryset and FilterSet (projects/directory.py),
so the API filters and sorts exactly as the directory page does; the detail is the
project's whole record (`with_record()`), as its page shows it. The shapes are in
project_schemas.py.
"""

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from pydantic import create_model

from newsroom.api.errors import BadParameters
from newsroom.api.pagination import Paging, paginate
from newsroom.api.project_schemas import ProjectDetail, ProjectPage
from newsroom.api.schemas import Error, Slug
from projects.directory import ProjectFilter, directory_projects

router = Router(tags=["Projects"])


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


@router.get(
    "/projects/{slug}",
    response={200: ProjectDetail, 404: Error},
    url_name="project",
    summary="One published project with all its facts",
)
def get_project(request, slug: Slug):
    return get_object_or_404(directory_projects().with_record(), slug=slug)
