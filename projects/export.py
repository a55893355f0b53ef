"""The directory's projects as CSV and JSON, written from the one description of a
project's record (projects/record), which the data dictionary page reads too.

CSV: one row per project. Figures take numbered groups of columns, one group per
current figure of a kind: `capacity_1_value`, `capacity_2_value`… As many groups
as the project with the most figures of that kind in the exported set needs.

JSON: {"projects": [...], "count": n}; each project has the same keys as the CSV
project columns, and "figures": {kind: [figure, ...]} whose objects have the
same keys as the figure columns. Decimals are strings, so no precision is lost.
"""

import csv
import functools

from django.db.models import OuterRef, Prefetch, Subquery

from newsroom.core.spreadsheets import safe_cell
from projects.models import Figure, Kind, Milestone, ProjectOrganization, Source
from projects.models.people import with_events
from projects.models.sources import with_cited_articles
from projects.record import FIGURE_COLUMNS, PROJECT_COLUMNS, plain


def cell(value) -> str:
    """For CSV: text, with an apostrophe before anything a spreadsheet would run as a formula."""
    if type(value) is str:  # most cells: skip plain()'s isinstance checks
        return safe_cell(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(plain(value))
    return safe_cell(text)


def json_value(column, record, request):
    return plain(column.value(record, request))


# A project's long texts that no column shows: a quarter of the time its rows took to read.
UNEXPORTED = ("summary", "summary_en", "summary_zh_hans", "seo_title", "meta_description")


@functools.cache
def figure_columns(kind):
    return tuple(column for column in FIGURE_COLUMNS if kind in column.kinds)


def for_export(projects):
    """`projects` (from the directory filter) with everything an export shows, in six
    queries, and one more each for the people at events and the figures' sources (with the
    articles cited) when there are any. An organisation or a source is read once
    however many rows cite it (64 organisations for 2,300 roles at 1,000 projects), and the
    relations go to lists (`*_rows`, see projects/record/values.py, related()) rather than
    a queryset built per project: at 1,000 projects loading took a quarter less."""
    operation = Milestone.objects.filter(
        project=OuterRef("pk"), kind=Milestone.Kind.OPERATION, planned_date__isnull=False
    ).order_by("planned_date", "pk")
    sources = with_cited_articles(Source.objects.all(), path=None)
    figures = Figure.objects.prefetch_related(Prefetch("source", queryset=sources))
    roles = ProjectOrganization.objects.prefetch_related("organization")
    return (
        with_events(projects.select_related("programme"), to_attr="event_rows")
        .defer(*UNEXPORTED)
        .annotate(
            planned_operation=Subquery(operation.values("planned_date")[:1]),
            planned_operation_precision=Subquery(operation.values("planned_precision")[:1]),
        )
        .prefetch_related(
            Prefetch("figures", queryset=figures, to_attr="figure_rows"),
            Prefetch("roles", queryset=roles, to_attr="role_rows"),
            Prefetch("designations", to_attr="designation_rows"),
        )
    )


def by_kind(project):
    """The project's current figures grouped by kind: one pass, not one per kind."""
    groups = {}
    for figure in project.current_figures:
        groups.setdefault(figure.kind, []).append(figure)
    return groups


def figure_counts(groups):
    """For each kind, the most current figures any one project has: its CSV column groups."""
    return {kind: max((len(g.get(kind, ())) for g in groups), default=0) for kind in Kind.values}


def csv_header(counts):
    names = [column.name for column in PROJECT_COLUMNS]
    for kind in Kind.values:
        for n in range(1, counts[kind] + 1):
            names += [f"{kind}_{n}_{column.name}" for column in figure_columns(kind)]
    return names


def readers(columns):
    # Resolved once per export: choosing csv-or-value per cell was a cost per cell.
    return tuple(column.csv or column.value for column in columns)


def csv_row(project, figures, layout, request):
    """`layout`: (project readers, then (kind, count, readers) per kind with columns)."""
    project_readers, kinds = layout
    cells = [cell(read(project, request)) for read in project_readers]
    for kind, count, kind_readers in kinds:
        group = figures.get(kind, ())
        for figure in group[:count]:
            cells += [cell(read(figure, request)) for read in kind_readers]
        cells += [""] * (len(kind_readers) * (count - len(group)))
    return cells


class Echo:
    """A file that hands back what is written to it, for streaming csv.writer's lines."""

    def write(self, line):
        return line


def csv_lines(projects, request):
    """The CSV file line by line; `projects` is a list from `for_export()`."""
    groups = [by_kind(project) for project in projects]
    counts = figure_counts(groups)
    layout = (
        readers(PROJECT_COLUMNS),
        [
            (kind, counts[kind], readers(figure_columns(kind)))
            for kind in Kind.values
            if counts[kind]
        ],
    )
    writer = csv.writer(Echo())
    yield writer.writerow(csv_header(counts))
    for project, figures in zip(projects, groups, strict=True):
        yield writer.writerow(csv_row(project, figures, layout, request))


def as_json(projects, request):
    return {
        "projects": [
            {
                **{column.name: json_value(column, project, request) for column in PROJECT_COLUMNS},
                "figures": {
                    kind: [
                        {
                            column.name: json_value(column, f, request)
                            for column in figure_columns(kind)
                        }
                        for f in project.current(kind)
                    ]
                    for kind in Kind.values
                },
            }
            for project in projects
        ],
        "count": len(projects),
    }
