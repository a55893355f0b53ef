"""Synthetic projects for `generate_content`: organisations with their roles, and which
articles are about which projects. Their records come later, in synthetic_records."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from newsroom.demo import vocabulary as words
from newsroom.demo.vocabulary import Line, Place
from projects.models import (
    ArticleProject,
    Organization,
    Project,
    ProjectOrganization,
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
    Status.ANNOUNCED: 12,
    Status.AGREEMENT: 10,
    Status.APPROVALS: 8,
    Status.CONSTRUCTION: 30,
    Status.TRIAL: 10,
    Status.OPERATING: 24,
    Status.ON_HOLD: 4,
    Status.CANCELLED: 2,
}
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
            roles.append(
                ProjectOrganization(project=m.project, organization=partner, role=Role.PARTNER)
            )
        government = organizations[f"{m.place.city} Municipal Government"]
        if r.random() < 0.6:
            roles.append(
                ProjectOrganization(project=m.project, organization=government, role=Role.AUTHORITY)
            )
        if r.random() < 0.3:
            builder = r.choice(builders)
            roles.append(
                ProjectOrganization(project=m.project, organization=builder, role=Role.CONTRACTOR)
            )
    ProjectOrganization.objects.bulk_create(roles, batch_size=run.batch)
    return {m.project.pk: m for m in made}


def links(run, r, article, project_ids):
    """A third of the articles are about one or two projects: announcing, updating or
    mentioning them."""
    if not project_ids or r.random() >= 0.35:
        return []
    chosen = {r.choice(project_ids) for _ in range(r.choice([1, 1, 1, 2]))}
    kinds = {
        ArticleProject.Link.ANNOUNCES: 15,
        ArticleProject.Link.UPDATES: 35,
        ArticleProject.Link.MENTIONS: 50,
    }
    return [
        ArticleProject(article=article, project_id=pk, link=run.weighted(r, kinds))
        for pk in sorted(chosen)
    ]
