"""The directory's projects as CSV and JSON, and the one list of columns that describes both.

PROJECT_COLUMNS and FIGURE_COLUMNS are read by the CSV writer, the JSON writer
and the data dictionary page (/projects/data/), so the documentation cannot
drift from the files.

CSV: one row per project. Figures take numbered groups of columns, one group per
current figure of a kind: `capacity_1_value`, `capacity_2_value`… As many groups
as the project with the most figures of that kind in the exported set needs.

JSON: {"projects": [...], "count": n}; each project has the same keys as the CSV
project columns, and "figures": {kind: [figure, ...]} whose objects have the
same keys as the figure columns. Decimals are strings, so no precision is lost.
"""

import csv
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Subquery

from projects.dates import PreciseDate, Precision
from projects.directory import construction_start
from projects.models import JobType, Kind, Milestone, Period, ProjectOrganization, Qualifier
from projects.models.figures import MONEY_KINDS

# A spreadsheet reads a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain(value):
    """For JSON: decimals written out in full as strings, dates in ISO 8601."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def cell(value) -> str:
    """For CSV: text, with an apostrophe before anything a spreadsheet would run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(plain(value))
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable  # (record, request) -> the value, as JSON gives it
    csv: Callable | None = None  # (record, request) -> the CSV text, when it differs
    kinds: tuple = tuple(Kind.values)  # figure columns only: the kinds that have it

    def json_value(self, record, request):
        return plain(self.value(record, request))

    def csv_value(self, record, request):
        return cell((self.csv or self.value)(record, request))


def attribute(name):
    return lambda record, request: getattr(record, name)


def absolute(request, url):
    return request.build_absolute_uri(url)


def precise(get, part):
    def value(project, request):
        date = get(project)
        if date is None:
            return None
        return {"iso": date.iso, "precision": date.precision, "text": str(date)}[part]

    return value


def planned_operation(project):
    return PreciseDate.of(project.planned_operation, project.planned_operation_precision)


def organizations(project, request):
    return [
        {
            "name": role.organization.name,
            "slug": role.organization.slug,
            "role": role.role,
            "role_label": role.get_role_display(),
            "url": absolute(request, role.organization.get_absolute_url()),
        }
        for role in project.roles.all()
    ]


def designations(project, request):
    return [
        {
            "authority": d.authority,
            "list_name": d.list_name,
            "year": d.year,
            "batch": d.batch,
            "designated_on": plain(d.designated_on),
            "text": str(d),
        }
        for d in project.designations.all()
    ]


PROJECT_COLUMNS = [
    Column("name", "The project's name in English.", attribute("name")),
    Column("local_name", "The name in the local language, if different.", attribute("local_name")),
    Column(
        "url",
        "The project's page on this site.",
        lambda p, request: absolute(request, p.get_absolute_url()),
    ),
    Column("status", "The status code (see Statuses below).", attribute("status")),
    Column(
        "status_label",
        "The status in words, as the site shows it.",
        lambda p, request: p.get_status_display(),
    ),
    Column(
        "status_as_of",
        "The date the status was last confirmed (YYYY-MM-DD); empty if not recorded.",
        attribute("status_as_of"),
    ),
    Column("sector", "The industry, e.g. “Home appliances”.", attribute("sector")),
    Column(
        "product",
        "What the plant makes, e.g. “Air-conditioning compressors”.",
        attribute("product"),
    ),
    Column("country", "ISO 3166-1 alpha-2 country code, e.g. CN.", attribute("country")),
    Column("country_name", "The country's name in English.", attribute("country_name")),
    Column("province", "The province or state.", attribute("province")),
    Column("city", "The city.", attribute("city")),
    Column("zone", "The industrial park or street address.", attribute("zone")),
    Column(
        "organizations",
        "The organisations and their roles. CSV: “AUX Group (Owner or sponsor)”, several "
        "separated by “; ”. JSON: a list of objects with name, slug, role (owner, partner, "
        "authority or contractor), role_label and url.",
        organizations,
        csv=lambda p, request: "; ".join(
            f"{o['name']} ({o['role_label']})" for o in organizations(p, request)
        ),
    ),
    Column(
        "designations",
        "Official lists the project is on, e.g. “Anhui Province, first batch of major "
        "projects, 2024”. CSV: several separated by “; ”. JSON: a list of objects with "
        "authority, list_name, year, batch, designated_on and text.",
        designations,
        csv=lambda p, request: "; ".join(d["text"] for d in designations(p, request)),
    ),
    Column(
        "construction_start",
        "When construction started (the groundbreaking milestone's actual date) or, if it "
        "has not, is planned to start; only the known parts: 2024-01-02, 2024-03 or 2024.",
        precise(construction_start, "iso"),
    ),
    Column(
        "construction_start_precision",
        "How precisely the construction start is known: day, month, quarter or year.",
        precise(construction_start, "precision"),
    ),
    Column(
        "construction_start_text",
        "The construction start in words, e.g. “2 January 2024”, “Q3 2025”.",
        precise(construction_start, "text"),
    ),
    Column(
        "construction_started",
        "true if construction_start is the actual date, false if it is only planned; "
        "empty when no start is recorded.",
        lambda p, request: (
            None if p.construction_start is None else p.construction_started_on is not None
        ),
    ),
    Column(
        "planned_operation",
        "When operation is planned to start (the operation milestone's planned date), "
        "with only the known parts.",
        precise(planned_operation, "iso"),
    ),
    Column(
        "planned_operation_precision",
        "How precisely the planned operation date is known: day, month, quarter or year.",
        precise(planned_operation, "precision"),
    ),
    Column(
        "planned_operation_text",
        "The planned operation date in words, e.g. “March 2025”.",
        precise(planned_operation, "text"),
    ),
    Column(
        "updated_at", "When the record was last changed (ISO 8601, UTC).", attribute("updated_at")
    ),
]


def published_source(figure):
    """The figure's source, unless it is one of our articles the public cannot see yet."""
    source = figure.source
    if source is None or not source.is_public:
        return None
    return source


def source_url(figure, request):
    source = published_source(figure)
    if source is None:
        return None
    return absolute(request, source.article.get_absolute_url()) if source.article_id else source.url


def source_publisher(figure, request):
    source = published_source(figure)
    if source is None:
        return None
    return settings.SITE_NAME if source.article_id else source.publisher


MONEY = tuple(MONEY_KINDS)
CAPACITY = (Kind.CAPACITY,)
JOBS = (Kind.JOBS,)

FIGURE_COLUMNS = [
    Column(
        "value",
        "The number in base units, written out in full: 5000000000 for 5 billion yuan, "
        "30000000 for 30 million units. For a range, its low end.",
        attribute("value"),
    ),
    Column(
        "value_high", "Only for a range: its high end; empty otherwise.", attribute("value_high")
    ),
    Column(
        "qualifier",
        "How the source qualified the number (see Qualifiers below).",
        attribute("qualifier"),
    ),
    Column("currency", "ISO 4217 currency code, e.g. CNY.", attribute("currency"), kinds=MONEY),
    Column(
        "product",
        "What the capacity is of, e.g. “air-conditioning compressors”.",
        attribute("product"),
        kinds=CAPACITY,
    ),
    Column(
        "unit",
        "The unit, e.g. GWh or tonnes; empty when the value counts the product itself.",
        attribute("unit"),
        kinds=CAPACITY,
    ),
    Column(
        "period",
        "What the capacity is per: year, month, day, or total.",
        attribute("period"),
        kinds=CAPACITY,
    ),
    Column(
        "job_type", "Which jobs: direct, construction, or total.", attribute("job_type"), kinds=JOBS
    ),
    Column(
        "phase",
        "The phase the figure is for, e.g. “Phase 1”; empty for the whole project.",
        attribute("phase"),
    ),
    Column(
        "text",
        "The figure in words, as the site shows it, e.g. “about CNY 5 billion”.",
        attribute("display"),
    ),
    Column(
        "as_stated",
        "The words of the source, e.g. “about 5 billion yuan” or “约50亿元”.",
        attribute("as_stated"),
    ),
    Column(
        "is_estimate",
        "true if the figure is an estimate or expectation rather than a stated fact.",
        attribute("is_estimate"),
    ),
    Column("stated_on", "When the source said it (YYYY-MM-DD), if known.", attribute("stated_on")),
    Column(
        "source_title",
        "The title of the source. Empty when none is recorded, or when it is one of our "
        "articles not yet published.",
        lambda f, request: (source := published_source(f)) and source.label,
    ),
    Column(
        "source_url",
        "The address of the source; for our own articles, the full address on this site.",
        source_url,
    ),
    Column(
        "source_publisher",
        "Who published the source; this site's name for our own articles.",
        source_publisher,
    ),
]


KINDS = {
    Kind.INVESTMENT: "Money: the total investment in the project.",
    Kind.ANNUAL_INVESTMENT: "Money: the investment planned for one year.",
    Kind.REVENUE: "Money: the expected annual revenue once the project operates.",
    Kind.OUTPUT_VALUE: "Money: the expected annual output value (产值), the gross value of "
    "production used in Chinese statistics; it is not revenue.",
    Kind.CAPACITY: "How much the project can produce: value units of product per period.",
    Kind.JOBS: "How many jobs of job_type the project creates.",
}

QUALIFIERS = {
    Qualifier.EXACT: "The source states the number without qualification.",
    Qualifier.ABOUT: "The source says about or approximately (约).",
    Qualifier.OVER: "The source says over, more than or at least (超过, 以上): value is the floor.",
    Qualifier.UP_TO: "The source says up to or at most: value is the ceiling.",
    Qualifier.RANGE: "The source gives a range: value is its low end, value_high its high end.",
}

PRECISIONS = {
    Precision.DAY: "The day is known: 2024-01-02, “2 January 2024”.",
    Precision.MONTH: "Only the month is known: 2025-03, “March 2025”.",
    Precision.QUARTER: "Only the quarter is known: the date gives the year, 2025, and the "
    "text the quarter, “Q3 2025”.",
    Precision.YEAR: "Only the year is known: 2027.",
}

UNITS = [
    (
        "Money",
        "In whole units of the currency, not thousands or millions: 5000000000 with "
        "currency CNY is 5 billion yuan. Amounts in different currencies are never converted.",
    ),
    (
        "Capacity",
        "value units of product per period; with no unit, value counts the product "
        "itself (30000000 compressors per year). Periods: "
        + ", ".join(f"{key} ({label})" for key, label in Period.choices)
        + ".",
    ),
    (
        "Jobs",
        "A count of jobs. Types: "
        + ", ".join(f"{key} ({label})" for key, label in JobType.choices)
        + ".",
    ),
]


def figure_columns(kind):
    return [column for column in FIGURE_COLUMNS if kind in column.kinds]


def for_export(projects):
    """`projects` (from the directory filter) with everything an export shows: four queries."""
    operation = Milestone.objects.filter(
        project=OuterRef("pk"), kind=Milestone.Kind.OPERATION, planned_date__isnull=False
    ).order_by("planned_date", "pk")
    return (
        projects.with_facts()
        .annotate(
            planned_operation=Subquery(operation.values("planned_date")[:1]),
            planned_operation_precision=Subquery(operation.values("planned_precision")[:1]),
        )
        .prefetch_related(
            Prefetch("roles", queryset=ProjectOrganization.objects.select_related("organization")),
            "designations",
        )
    )


def figure_counts(projects):
    """For each kind, the most current figures any one project has: its CSV column groups."""
    return {kind: max((len(p.current(kind)) for p in projects), default=0) for kind in Kind.values}


def csv_header(counts):
    names = [column.name for column in PROJECT_COLUMNS]
    for kind in Kind.values:
        for n in range(1, counts[kind] + 1):
            names += [f"{kind}_{n}_{column.name}" for column in figure_columns(kind)]
    return names


def csv_row(project, counts, request):
    cells = [column.csv_value(project, request) for column in PROJECT_COLUMNS]
    for kind in Kind.values:
        columns, figures = figure_columns(kind), project.current(kind)
        for n in range(counts[kind]):
            if n < len(figures):
                cells += [column.csv_value(figures[n], request) for column in columns]
            else:
                cells += [""] * len(columns)
    return cells


class Echo:
    """A file that hands back what is written to it, for streaming csv.writer's lines."""

    def write(self, line):
        return line


def csv_lines(projects, request):
    """The CSV file line by line; `projects` is a list from `for_export()`."""
    counts = figure_counts(projects)
    writer = csv.writer(Echo())
    yield writer.writerow(csv_header(counts))
    for project in projects:
        yield writer.writerow(csv_row(project, counts, request))


def as_json(projects, request):
    return {
        "projects": [
            {
                **{column.name: column.json_value(project, request) for column in PROJECT_COLUMNS},
                "figures": {
                    kind: [
                        {
                            column.name: column.json_value(f, request)
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
