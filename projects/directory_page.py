"""What the directory page shows beside its list: the view, sortable columns and filter chips.

Everything here reads the filter form that the list already validated and the choices it
already loaded, so the page costs no query more for it.
"""

from typing import NamedTuple
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from projects.directory_sorts import ASCENDING

VIEWS = ("cards", "table")

# The table's sortable columns: (sort key, heading); a heading without a key does not sort.
COLUMNS = [
    ("name", _("Project")),
    ("status", _("Status")),
    ("investment", _("Investment")),
    ("capacity", _("Capacity")),
    ("jobs", _("Jobs")),
    ("start", _("Construction start")),
    ("operation", _("Operation start")),
]
NUMERIC = {"investment", "capacity", "jobs"}
# The filters of the bar's first row; the others sit under "More filters".
FIRST_ROW = ("status", "sector", "country", "province", "sort")


class Column(NamedTuple):
    key: str
    heading: str
    href: str
    aria_sort: str  # "ascending"/"descending" on the sorted column, else ""
    numeric: bool


class Chip(NamedTuple):
    label: str
    value: str
    remove_href: str


def chosen_view(request):
    view = request.GET.get("view")
    return view if view in VIEWS else "cards"


def query(params, **changes):
    """ "?a=1&b=2" from the parameters with `changes` applied; a None value drops one."""
    merged = {**params, **changes}
    encoded = urlencode({key: value for key, value in merged.items() if value})
    return f"?{encoded}" if encoded else "?"


def valid_params(filterset):
    return {name: value for name, value in filterset.form.cleaned_data.items() if value}


def columns(filterset, view):
    """The table's headings, each a link sorting by it; the current sort marked for aria-sort."""
    params = valid_params(filterset)
    current = params.get("sort") or "name"
    view = None if view == "cards" else view
    return [
        Column(
            key,
            heading,
            query(params, sort=None if key == "name" else key, view=view),
            ("ascending" if key in ASCENDING else "descending") if key == current else "",
            key in NUMERIC,
        )
        for key, heading in COLUMNS
    ]


def chips(filterset, view):
    """The filters in force, each with a link to the same list without it."""
    params = valid_params(filterset)
    view = None if view == "cards" else view
    form = filterset.form
    active = []
    for name, value in params.items():
        if name == "sort":
            continue
        field = form.fields[name]
        shown = dict(field.choices).get(value, value)
        active.append(Chip(field.label, str(shown), query(params, **{name: None}, view=view)))
    return active


def filter_rows(filterset):
    """The bar's (first row, more filters, whether "More filters" starts open)."""
    form = filterset.form
    first = [form[name] for name in FIRST_ROW]
    more = [field for field in form if field.name not in FIRST_ROW]
    in_use = any(form.cleaned_data.get(f.name) or f.errors for f in more)
    return first, more, in_use
