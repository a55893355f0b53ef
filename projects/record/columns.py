"""The columns of a project's record: what each means and how its value is read."""

from collections.abc import Callable
from dataclasses import dataclass

from projects.directory import construction_start
from projects.models import Kind, Qualifier, Status
from projects.models.figures import MONEY_KINDS
from projects.record.values import (
    absolute,
    attribute,
    designations,
    events,
    events_text,
    label,
    organizations,
    organizations_text,
    planned_operation,
    precise,
    programme,
    source_of,
)

ALL_KINDS = tuple(Kind.values)
MONEY = tuple(MONEY_KINDS)
CAPACITY = (Kind.CAPACITY,)
JOBS = (Kind.JOBS,)
KIND_GROUPS = {MONEY: "Money", CAPACITY: "Capacity", JOBS: "Jobs"}


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str  # what the value is, true in every document that has it
    value: Callable  # (record, request) -> the value, as JSON gives it
    csv: Callable | None = None  # (record, request) -> the CSV text, when it differs
    kinds: tuple = ALL_KINDS  # figure columns only: the kinds that have it
    codes: tuple = ()  # (the data dictionary's glossary heading, the TextChoices it lists)
    in_files: str = ""  # how the files write the value, where the API gives another shape

    @property
    def description(self):
        """As the data dictionary gives it, next to its glossaries of codes."""
        if self.codes:
            return f"{self.meaning.removesuffix('.')} (see {self.codes[0]} below)."
        return " ".join(text for text in (self.meaning, self.in_files) if text)


PROJECT_COLUMNS = [
    Column("name", "The project's name in English.", attribute("name")),
    Column("local_name", "The name in the local language, if different.", attribute("local_name")),
    Column(
        "url",
        "The project's page on this site.",
        lambda p, request: absolute(request, p.get_absolute_url()),
    ),
    Column("status", "The status code.", attribute("status"), codes=("Statuses", Status)),
    Column(
        "status_label",
        "The status in words, as the site shows it.",
        lambda p, request: label(Status, p.status),
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
        csv=organizations_text,
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
        "events",
        "Ceremonies, meetings and signings of the project, with who attended in what role "
        "(attended, spoke, announced, hosted or signed). CSV: “2024-01-02 Mobilisation meeting "
        "(Xu Zhi (spoke), Li Jian (attended))”, several separated by “; ”. JSON: a list of "
        "objects with date, date_precision, kind, name, place and people (name, local_name, "
        "title, role and the organization they acted for).",
        events,
        csv=events_text,
    ),
    Column(
        "programme",
        "The name of the company plan the project is part of, e.g. AUX's 2024 production "
        "bases; empty when none is recorded.",
        programme,
    ),
    Column(
        "construction_start",
        "When construction started (the groundbreaking milestone's actual date) or, if it "
        "has not, is planned to start.",
        precise(construction_start, "iso"),
        in_files="Only its known parts: 2024-01-02, 2024-03 or 2024.",
    ),
    Column(
        "construction_start_precision",
        "How precisely the construction start is known: day, month, quarter, half_year or year.",
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
        "How precisely the planned operation date is known: day, month, quarter, half_year or year.",
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
        "How the source qualified the number.",
        attribute("qualifier"),
        codes=("Qualifiers", Qualifier),
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
        lambda f, request: (source := source_of(f)) and source.label,
    ),
    Column(
        "source_url",
        "The address of the source; for our own articles, the full address on this site.",
        lambda f, request: (source := source_of(f)) and source.public_url(request),
    ),
    Column(
        "source_publisher",
        "Who published the source; this site's name for our own articles.",
        lambda f, request: (source := source_of(f)) and source.public_publisher,
    ),
]


COLUMNS = {"project": PROJECT_COLUMNS, "figure": FIGURE_COLUMNS}


def describe(record, name):
    """Column `name` of `record` ("project" or "figure") for a document with no glossary
    whose figures all have every field, as the API's are."""
    column = next(column for column in COLUMNS[record] if column.name == name)
    text = [column.meaning]
    if column.codes:
        text.append("One of: " + ", ".join(column.codes[1].values) + ".")
    if column.kinds != ALL_KINDS:
        text.append(f"{KIND_GROUPS[column.kinds]} figures only; empty for others.")
    return " ".join(text)
