"""Synthetic project records for `generate_content`, written once the projects and their
articles exist: sources (outside pages and our own announcements), figures (some revised),
milestones (taken or planned, to a day, month, quarter or year) and designations."""

import datetime
from decimal import Decimal

from django.db import transaction

from newsroom.demo import vocabulary as words
from projects.dates import PreciseDate, Precision
from projects.models import (
    Designation,
    Figure,
    JobType,
    Kind,
    Milestone,
    Project,
    Qualifier,
    Source,
    Status,
)


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
    Qualifier.EXACT: 30,
    Qualifier.ABOUT: 35,
    Qualifier.OVER: 15,
    Qualifier.UP_TO: 5,
    Qualifier.RANGE: 15,
}
# Plausible total investment in each currency, low and high.
INVESTMENT = {
    "CNY": (2e8, 2e10),
    "USD": (2e7, 3e9),
    "EUR": (2e7, 2e9),
    "THB": (5e8, 5e10),
    "IDR": (3e11, 3e13),
    "MXN": (4e8, 4e10),
    "BRL": (1e8, 1e10),
    "EGP": (1e9, 5e10),
    "INR": (2e9, 2e11),
}


def stated(value):
    """A figure as companies state it: two significant digits, in base units."""
    digits = len(str(int(value))) - 2
    return Decimal(round(value, -digits) if digits > 0 else round(value))


def money(run, r, kind, currency, scale=1.0):
    low, high = INVESTMENT[currency]
    value = stated(r.uniform(low, high) * scale)
    qualifier = run.weighted(r, QUALIFIERS)
    fields = {
        "kind": kind,
        "value": value,
        "currency": currency,
        "qualifier": qualifier,
        "is_estimate": kind != Kind.INVESTMENT,
    }
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
    current.append(
        figure(
            kind=Kind.JOBS,
            value=stated(r.uniform(200, 5000)),
            job_type=JobType.DIRECT,
            qualifier=jobs_qualifier,
        )
    )
    if r.random() < 0.3:
        current.append(
            figure(
                kind=Kind.JOBS,
                value=stated(r.uniform(300, 3000)),
                job_type=JobType.CONSTRUCTION,
                qualifier=Qualifier.ABOUT,
            )
        )
    earlier = []
    if r.random() < 0.25:
        investment = current[0]
        first = figure(
            kind=Kind.INVESTMENT,
            value=stated(investment.value * Decimal("0.8")),
            currency=investment.currency,
            qualifier=Qualifier.ABOUT,
        )
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
    Status.ANNOUNCED: 1,
    Status.AGREEMENT: 2,
    Status.APPROVALS: 2,
    Status.CONSTRUCTION: 3,
    Status.TRIAL: 4,
    Status.OPERATING: 5,
    Status.ON_HOLD: 3,
    Status.CANCELLED: 2,
}
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
