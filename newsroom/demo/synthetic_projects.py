"""Synthetic projects for `generate_content`: organisations with roles, then, once the
articles exist, sources, figures (some revised), milestones and designations."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from newsroom.demo import vocabulary as words
from newsroom.demo.vocabulary import Line, Place
from projects.dates import PreciseDate, Precision
from projects.models import (
    ArticleProject,
    Designation,
    Figure,
    JobType,
    Kind,
    Milestone,
    Organization,
    Project,
    ProjectOrganization,
    Qualifier,
    Source,
    Status,
)

Role = ProjectOrganization.Role


@dataclass
class Made:
    """A generated project and what its records are drawn from."""

    project: Project
    place: Place
    line: Line
    unit: str  # the business unit that owns it


def build_organizations(run):
    """A pool of business units, partners, contractors and one government per place."""
    rows = [(words.UNITS[0], "奥克斯集团", Organization.Kind.COMPANY)]
    rows += [(name, "", Organization.Kind.SUBSIDIARY) for name in words.UNITS[1:]]
    rows += [(name, "", Organization.Kind.COMPANY) for name in words.PARTNERS]
    rows += [(name, "", Organization.Kind.OTHER) for name in words.CONTRACTORS]
    for place in words.PLACES:
        local = f"{place.local_name}市人民政府" if place.local_name else ""
        rows.append((f"{place.city} Municipal Government", local, Organization.Kind.GOVERNMENT))
    made = Organization.objects.bulk_create(
        Organization(
            name=name,
            local_name=local,
            kind=kind,
            slug=run.slug(name, n),
            description=f"{name}: a synthetic organisation for benchmarks.",
        )
        for n, (name, local, kind) in enumerate(rows)
    )
    return {org.name: org for org in made}


STATUSES = {
    Status.ANNOUNCED: 12, Status.AGREEMENT: 10, Status.APPROVALS: 8, Status.CONSTRUCTION: 30,
    Status.TRIAL: 10, Status.OPERATING: 24, Status.ON_HOLD: 4, Status.CANCELLED: 2,
}  # fmt: skip
ZONES = ["Economic and Technological Development Zone", "High-tech Zone", "Industrial Park"]


def build_project(run, n):
    r = run.random("project", n)
    place, line, unit = r.choice(words.PLACES), r.choice(words.LINES), r.choice(words.UNITS)
    facility = r.choice(words.FACILITIES)
    name = f"{unit} {line.product} {facility} ({place.city}){r.choice(['', '', ' Phase II'])}"
    located = r.random() < 0.7
    project = Project(
        name=name,
        local_name=f"奥克斯{place.local_name}{line.product}项目" if place.local_name else "",
        slug=run.slug(name, n),
        summary=f"A {facility} in {place.city} for {line.output}, built by {unit}.",
        sector=line.sector,
        product=line.product,
        status=run.weighted(r, STATUSES),
        status_as_of=run.today - datetime.timedelta(days=r.randrange(10, 400)),
        country=place.country,
        province=place.province,
        city=place.city,
        zone=f"{place.city} {r.choice(ZONES)}",
        latitude=Decimal(f"{place.latitude + r.uniform(-0.2, 0.2):.6f}") if located else None,
        longitude=Decimal(f"{place.longitude + r.uniform(-0.2, 0.2):.6f}") if located else None,
        coordinates_accuracy=r.choice(["site", "city"]) if located else "",
        is_published=r.random() < 0.93,
    )
    return Made(project, place, line, unit)


def write_projects(run):
    """The projects and their organisations' roles; returns {pk: Made}."""
    organizations = build_organizations(run)
    partners = [organizations[name] for name in words.PARTNERS]
    builders = [organizations[name] for name in words.CONTRACTORS]
    made = [build_project(run, n) for n in range(run.projects)]
    Project.objects.bulk_create((m.project for m in made), batch_size=run.batch)
    roles = []
    for n, m in enumerate(made):
        r = run.random("roles", n)
        roles.append(ProjectOrganization(project=m.project, organization=organizations[m.unit]))
        if r.random() < 0.4:
            partner = r.choice(partners)
            roles.append(ProjectOrganization(project=m.project, organization=partner, role=Role.PARTNER))  # fmt: skip
        government = organizations[f"{m.place.city} Municipal Government"]
        if r.random() < 0.6:
            roles.append(ProjectOrganization(project=m.project, organization=government, role=Role.AUTHORITY))  # fmt: skip
        if r.random() < 0.3:
            builder = r.choice(builders)
            roles.append(ProjectOrganization(project=m.project, organization=builder, role=Role.CONTRACTOR))  # fmt: skip
    ProjectOrganization.objects.bulk_create(roles, batch_size=run.batch)
    return {m.project.pk: m for m in made}


def write_records(run, made, announcements):
    """Sources, figures, milestones and designations of every project. `announcements` maps
    a project's pk to its public articles that announce it; the first one becomes a source."""
    sources, earlier, current, milestones, designations = [], [], [], [], []
    cited_articles = set()  # an article is one Source, however many projects cite it
    for n, m in enumerate(made.values()):
        r = run.random("record", n)
        announced = [a for a in announcements.get(m.project.pk, []) if a.pk not in cited_articles]
        cited_articles.update(a.pk for a in announced[:1])
        cited = build_sources(run, r, m, announced)
        m.project.status_source = cited[0]
        sources += cited
        old, new = build_figures(run, r, m, cited)
        earlier += old
        current += new
        milestones += build_milestones(run, r, m, cited)
        if r.random() < 0.5:
            designations.append(build_designation(run, r, m, cited[0]))
    with transaction.atomic():
        Source.objects.bulk_create(sources, batch_size=run.batch)
        # Earlier figures first, so that the figures revising them can point at them.
        Figure.objects.bulk_create(earlier, batch_size=run.batch)
        Figure.objects.bulk_create(current, batch_size=run.batch)
        Milestone.objects.bulk_create(milestones, batch_size=run.batch)
        Designation.objects.bulk_create(designations, batch_size=run.batch)
        projects = [m.project for m in made.values()]
        Project.objects.bulk_update(projects, ["status_source"], batch_size=run.batch)


REPORTS = ["investment agreement signed", "construction starts", "approved", "progress report"]


def build_sources(run, r, m, announcements):
    """One to three outside pages (their URLs carry the project's slug, so its run can find
    them again), and the project's first public announcement among our articles."""
    cited = []
    for k in range(r.randrange(1, 4)):
        published = run.today - datetime.timedelta(days=r.randrange(30, 1500))
        cited.append(
            Source(
                url=f"https://news.example.com/{published:%Y/%m}/{m.project.slug}-{k}",
                title=f"{m.project.name}: {r.choice(REPORTS)}",
                publisher=r.choice(words.PUBLISHERS),
                published_on=published,
            )
        )
    for article in announcements[:1]:
        cited.append(Source(article=article, published_on=article.publish_at.date()))
    return cited


QUALIFIERS = {
    Qualifier.EXACT: 30, Qualifier.ABOUT: 35, Qualifier.OVER: 15, Qualifier.UP_TO: 5,
    Qualifier.RANGE: 15,
}  # fmt: skip
# Plausible total investment in each currency, low and high.
INVESTMENT = {
    "CNY": (2e8, 2e10), "USD": (2e7, 3e9), "EUR": (2e7, 2e9), "THB": (5e8, 5e10),
    "IDR": (3e11, 3e13), "MXN": (4e8, 4e10), "BRL": (1e8, 1e10), "EGP": (1e9, 5e10),
    "INR": (2e9, 2e11),
}  # fmt: skip


def stated(value):
    """A figure as companies state it: two significant digits, in base units."""
    digits = len(str(int(value))) - 2
    return Decimal(round(value, -digits) if digits > 0 else round(value))


def money(run, r, kind, currency, scale=1.0):
    low, high = INVESTMENT[currency]
    value = stated(r.uniform(low, high) * scale)
    qualifier = run.weighted(r, QUALIFIERS)
    fields = {"kind": kind, "value": value, "currency": currency, "qualifier": qualifier,
              "is_estimate": kind != Kind.INVESTMENT}  # fmt: skip
    if qualifier == Qualifier.RANGE:
        fields["value_high"] = stated(value * Decimal(r.choice(["1.2", "1.5", "2"])))
    if currency == "CNY" and r.random() < 0.4:  # quoted in Chinese: 约50亿元
        about = "约" if qualifier == Qualifier.ABOUT else ""
        fields["as_stated"] = f"{about}{value / 100_000_000:.4g}亿元"
    return fields


def build_figures(run, r, m, cited):
    """(earlier, current) figures: money, capacity per phase, jobs; a quarter of the
    projects revised their investment, and the first figure stays in the history."""
    currency = m.place.currency if r.random() < 0.8 else "USD"
    on = run.today - datetime.timedelta(days=r.randrange(1, 900))

    def figure(**fields):
        return Figure(project=m.project, source=r.choice(cited), stated_on=on, **fields)

    current = [figure(**money(run, r, Kind.INVESTMENT, currency))]
    if r.random() < 0.6:
        kind = run.weighted(r, {Kind.REVENUE: 2, Kind.OUTPUT_VALUE: 1})
        current.append(figure(**money(run, r, kind, currency, scale=1.3)))
    if r.random() < 0.2:
        current.append(figure(**money(run, r, Kind.ANNUAL_INVESTMENT, currency, scale=0.3)))
    for phase in ["", "Phase 1", "Phase 2"][: r.choice([1, 1, 2, 3])]:
        current.append(
            figure(
                kind=Kind.CAPACITY,
                value=stated(r.uniform(m.line.low, m.line.high)),
                product=m.line.output,
                unit=m.line.unit,
                period="year",
                phase=phase,
                qualifier=r.choice([Qualifier.EXACT, Qualifier.ABOUT]),
            )
        )
    jobs_qualifier = run.weighted(r, {Qualifier.EXACT: 2, Qualifier.OVER: 1})
    current.append(figure(kind=Kind.JOBS, value=stated(r.uniform(200, 5000)),
                          job_type=JobType.DIRECT, qualifier=jobs_qualifier))  # fmt: skip
    if r.random() < 0.3:
        current.append(figure(kind=Kind.JOBS, value=stated(r.uniform(300, 3000)),
                              job_type=JobType.CONSTRUCTION, qualifier=Qualifier.ABOUT))  # fmt: skip
    earlier = []
    if r.random() < 0.25:
        investment = current[0]
        first = figure(kind=Kind.INVESTMENT, value=stated(investment.value * Decimal("0.8")),
                       currency=investment.currency, qualifier=Qualifier.ABOUT)  # fmt: skip
        first.stated_on = on - datetime.timedelta(days=r.randrange(60, 700))
        investment.replaces = first
        earlier.append(first)
    return earlier, current


def first_day(precision, day):
    """`day` moved back to the first day of its month, quarter or year (how partial dates
    are stored)."""
    if precision == Precision.MONTH:
        return day.replace(day=1)
    if precision == Precision.QUARTER:
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    if precision == Precision.YEAR:
        return day.replace(month=1, day=1)
    return day


STEPS = [
    (Milestone.Kind.ANNOUNCEMENT, "Project announced"),
    (Milestone.Kind.AGREEMENT, "Investment agreement signed"),
    (Milestone.Kind.GROUNDBREAKING, "Construction start"),
    (Milestone.Kind.TRIAL, "Trial production"),
    (Milestone.Kind.OPERATION, "Start of operation"),
]
# How many of the steps above a project in each status has taken.
TAKEN = {
    Status.ANNOUNCED: 1, Status.AGREEMENT: 2, Status.APPROVALS: 2, Status.CONSTRUCTION: 3,
    Status.TRIAL: 4, Status.OPERATING: 5, Status.ON_HOLD: 3, Status.CANCELLED: 2,
}  # fmt: skip
PLAN_PRECISION = {Precision.DAY: 1, Precision.MONTH: 4, Precision.QUARTER: 3, Precision.YEAR: 2}


def build_milestones(run, r, m, cited):
    """Steps taken have actual dates (some known only to the month), never in the future;
    later steps are planned to a day, month, quarter or year, and some plans have moved."""
    taken = TAKEN[m.project.status]
    day = run.today - datetime.timedelta(days=r.randrange(200, 1800))
    milestones = []
    for order, (kind, title) in enumerate(STEPS, start=1):
        day += datetime.timedelta(days=r.randrange(20, 240))
        milestone = Milestone(
            project=m.project, kind=kind, title=title, order=order, source=r.choice(cited)
        )
        if order <= taken and day <= run.today:
            precision = run.weighted(r, {Precision.DAY: 8, Precision.MONTH: 2})
            milestone.actual_date, milestone.actual_precision = first_day(precision, day), precision
            if r.random() < 0.3:
                planned = day - datetime.timedelta(days=r.randrange(0, 200))
                precision = r.choice([Precision.MONTH, Precision.QUARTER])
                milestone.planned_date = first_day(precision, planned)
                milestone.planned_precision = precision
        else:
            precision = run.weighted(r, PLAN_PRECISION)
            milestone.planned_date, milestone.planned_precision = (
                first_day(precision, day),
                precision,
            )
            if r.random() < 0.25:
                first = day - datetime.timedelta(days=r.randrange(90, 400))
                milestone.original_planned_date = first_day(precision, first)
                milestone.original_planned_precision = precision
        # What Milestone.save() stores so that "overdue" can be filtered in the database.
        plan = PreciseDate.of(milestone.planned_date, milestone.planned_precision)
        milestone.planned_end = plan.end if plan else None
        milestones.append(milestone)
    return milestones


def build_designation(run, r, m, source):
    year = run.today.year - r.randrange(0, 5)
    province = m.place.province
    return Designation(
        project=m.project,
        authority=f"{province} Province" if m.place.country == "CN" else province,
        list_name="Major projects",
        year=year,
        batch=r.choice(["", "first batch", "second batch"]),
        designated_on=datetime.date(year, r.randrange(1, 13), 1),
        source=source,
    )


def links(run, r, article, project_ids):
    """A third of the articles are about one or two projects: announcing, updating or
    mentioning them."""
    if not project_ids or r.random() >= 0.35:
        return []
    chosen = {r.choice(project_ids) for _ in range(r.choice([1, 1, 1, 2]))}
    kinds = {ArticleProject.Link.ANNOUNCES: 15, ArticleProject.Link.UPDATES: 35,
             ArticleProject.Link.MENTIONS: 50}  # fmt: skip
    return [
        ArticleProject(article=article, project_id=pk, link=run.weighted(r, kinds))
        for pk in sorted(chosen)
    ]
