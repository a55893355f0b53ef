"""The forms an accepted proposal is saved through: the project form's own, so a suggested
fact meets every rule a typed one does.

A figure's row is the form of the project form's inline for its kind (money, capacity, jobs:
AsStatedForm with Figure.clean()), a milestone's that of the milestone inline, each built by
the inline for the target project and the user (read-only fields and kinds as there); a new
project's form is ProjectAdmin's own, with the publishing rule of PublishingAdminMixin.
"""

import datetime
import json
from decimal import Decimal, InvalidOperation

from projects.admin.inlines import CapacityInline, JobsInline, MilestoneInline, MoneyInline
from projects.dates import PreciseDate
from projects.models import Figure, Project

MONEY_FIELDS = ["kind", "as_stated", "qualifier", "value", "value_high", "currency", "phase"]
ROWS = {
    "investment": (MoneyInline, MONEY_FIELDS),
    "annual_revenue": (MoneyInline, MONEY_FIELDS),
    "capacity": (
        CapacityInline,
        ["as_stated", "product", "phase", "qualifier", "value", "value_high", "unit", "period"],
    ),
    "jobs": (JobsInline, ["as_stated", "job_type", "qualifier", "value", "value_high"]),
    "milestone": (
        MilestoneInline,
        [
            "kind",
            "title",
            "planned_date",
            "planned_precision",
            "actual_date",
            "actual_precision",
            "note",
        ],
    ),
}
# The English columns of the translated fields (projects/translation.py): the suggestions
# come from an English announcement, and the project form edits each language's box.
NEW_PROJECT_FIELDS = ["name_en", "slug", "country", "province_en", "city_en"]


def fact_form(model_admin, request, project, row, data=None):
    """The inline form for the proposal of `row` (its field and suggested values), bound to
    `data` when the editor sent it; the suggested values stay its initial ones, so only what
    the editor changed is read again (a changed "as stated" fills the numbers anew)."""
    meta = row.cleaned_data if data is not None else row.initial
    inline_class, fields = ROWS[meta["field"]]
    inline = inline_class(Project, model_admin.admin_site)
    form_class = inline.get_formset(request, project, fields=fields).form
    suggested = meta["suggested"]
    if isinstance(suggested, str):
        suggested = json.loads(suggested)
    return form_class(data, initial=suggested, prefix=f"{row.prefix}-fact")


def new_project_form(model_admin, request, data=None, initial=None):
    form_class = model_admin.get_form(request, None, fields=NEW_PROJECT_FIELDS)
    return form_class(data, initial=initial, prefix="project")


def reading(field, form):
    """The proposal in words as the record would show it: "about CNY 5 billion"."""
    values = form.initial
    if field == "milestone":
        for when in ("actual", "planned"):
            if date := _date(values.get(f"{when}_date")):
                shown = PreciseDate(date, values.get(f"{when}_precision") or "day")
                return f"{values.get('title', '')}, {when}: {shown}"
        return f"{values.get('title', '')}: no date the text states"
    try:
        value = Decimal(values.get("value") or "")
        high = Decimal(values["value_high"]) if values.get("value_high") else None
    except InvalidOperation:
        return "no figure read"
    kind = values.get("kind") or getattr(form, "kind", None) or form.instance.kind
    figure = Figure(
        kind=kind,
        value=value,
        value_high=high,
        qualifier=values.get("qualifier") or "exact",
        currency=values.get("currency", ""),
        unit=values.get("unit", ""),
        product=values.get("product", ""),
        period=values.get("period", ""),
        job_type=values.get("job_type", ""),
    )
    return figure.display


def _date(value):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None
