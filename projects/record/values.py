"""How each column's value is read from a project or a figure."""

import datetime
from decimal import Decimal

from django.utils.translation import get_language

from projects.dates import PreciseDate
from projects.formatting import labels


def plain(value):
    """For JSON: decimals written out in full as strings, dates in ISO 8601."""
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def label(choices, value):
    """A code's label in the active language, as get_FOO_display() gives it; that method
    rebuilds the field's whole dict of choices at every call, a cost per cell in an export."""
    return labels(choices, get_language()).get(value, value)


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


def related(record, name):
    """The rows of `record`'s relation `name`: the list an export prefetched to
    `<name>_rows`, else the manager's (prefetched or not)."""
    rows = getattr(record, f"{name.removesuffix('s')}_rows", None)
    return getattr(record, name).all() if rows is None else rows


def organizations(project, request):
    return [
        {
            "name": role.organization.name,
            "slug": role.organization.slug,
            "role": role.role,
            "role_label": label(type(role).Role, role.role),
            "url": absolute(request, role.organization.get_absolute_url()),
        }
        for role in related(project, "roles")
    ]


def organizations_text(project, request):
    """“AUX Group (Owner or sponsor)”, “; ” between: without the addresses it has no use for."""
    return "; ".join(
        f"{role.organization.name} ({label(type(role).Role, role.role)})"
        for role in related(project, "roles")
    )


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
        for d in related(project, "designations")
    ]


def source_of(figure):
    """The figure's source, unless it is one of our articles the public cannot see yet."""
    source = figure.source
    return source if source is not None and source.is_public else None


def events(project, request):
    return [
        {
            "date": event.when.iso,
            "date_precision": event.precision,
            "kind": event.kind,
            "name": event.name,
            "place": event.place,
            "people": [
                {
                    "name": a.person.name,
                    "local_name": a.person.local_name,
                    "title": a.person.title,
                    "role": a.role,
                    "organization": a.organization.name if a.organization else None,
                }
                for a in event.attendances.all()
            ],
        }
        for event in related(project, "events")
    ]


def events_text(project, request):
    """“2024-01-02 Mobilisation meeting (Xu Zhi (spoke), Li Jian (attended))”, “; ” between."""
    return "; ".join(
        f"{e['date']} {e['name']} ("
        + ", ".join(f"{p['name']} ({p['role']})" for p in e["people"])
        + ")"
        for e in events(project, request)
    )


def programme(project, request):
    """The programme's name, once it is published; a draft plan is not named."""
    plan = project.programme
    return plan.name if plan is not None and plan.is_published else None
