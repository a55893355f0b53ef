"""Figures typed as people write them: one "as stated" input read by projects.amounts.

The phrase fills the numbers (value, high value, currency, qualifier; unit, period and product
for a capacity), which stay on the form so that an editor can see and check them. A phrase
that cannot be read is an error quoting it; the numbers are never guessed.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse

from projects import amounts
from projects.models.figures import MONEY_KINDS, Kind

READS_AS = {Kind.CAPACITY: amounts.QUANTITY, Kind.JOBS: amounts.COUNT}
AS_STATED_HELP = (
    "Type the amount as the source words it: “about 5 billion yuan”, “约50亿元”, "
    "“Rs 20,000 crore”, “30 million units a year”, “3,000 jobs”. It fills the numbers below."
)


def reads_as(kind):
    """How a figure of `kind` is read: as money, a quantity (capacity) or a count (jobs)."""
    return amounts.MONEY if kind in MONEY_KINDS or not kind else READS_AS.get(kind, amounts.COUNT)


def filled(reading, kind):
    """The figure's fields as `reading` says them."""
    # The stored choices have one "Over / at least"; the parser keeps the two apart for extraction.
    qualifier = "over" if reading.qualifier == "at_least" else reading.qualifier
    fields = {"value": reading.value, "value_high": reading.high, "qualifier": qualifier}
    if kind == amounts.MONEY:
        fields["currency"] = reading.currency
    if kind == amounts.QUANTITY:
        fields.update(unit=reading.unit, period=reading.period)
    return fields


class AsStatedForm(forms.ModelForm):
    """A figure's form whose "as stated" words fill its numbers. `kind` fixes the kind of
    figure for inlines of one kind (capacity, jobs), so the editor does not pick it."""

    kind = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.kind:
            self.instance.kind = self.kind
        kind = self.kind or self.initial.get("kind") or self.instance.kind
        for name in ("value", "currency", "unit", "period"):
            if name in self.fields:
                self.fields[name].required = False  # the phrase fills them
        if "as_stated" in self.fields:
            field = self.fields["as_stated"]
            field.label, field.help_text = "Amount as stated", AS_STATED_HELP
            if kind:
                field.widget.attrs["data-amount-kind"] = reads_as(kind)

    def clean(self):
        data = super().clean()
        text = (data.get("as_stated") or "").strip()
        kind = self.kind or data.get("kind") or self.instance.kind
        if text and "as_stated" in self.changed_data:
            try:
                reading = amounts.read(text, reads_as(kind), currency=data.get("currency") or "")
            except amounts.AmountError as error:
                self.add_error("as_stated", str(error))
                return data
            data.update(filled(reading, reads_as(kind)))
            if kind == Kind.CAPACITY and reading.counted and not data.get("product"):
                data["product"] = reading.counted
            # Without script, the reading shows here when the form comes back with an error.
            # (The bound field copied the help text when changed_data was worked out.)
            self.fields["as_stated"].help_text = self["as_stated"].help_text = f"Read as: {reading}"
        elif data.get("value") is None and "value" not in self.errors:
            self.add_error("as_stated", "Type the amount as the source states it.")
        return data


def reading_view(model_admin):
    """GET ?text=&kind= → {"reading": "CNY 5,000,000,000 · about"} or {"error": "…"}: the
    live reading beside the input (static/js/amount-reading.js), for staff who edit figures."""

    def view(request):
        if not model_admin.has_change_permission(request) and not model_admin.has_add_permission(
            request
        ):
            raise PermissionDenied
        kind = request.GET.get("kind", amounts.MONEY)
        if kind not in (amounts.MONEY, amounts.QUANTITY, amounts.COUNT):
            return JsonResponse({"error": f"“{kind}” is not a kind of amount."}, status=400)
        try:
            reading = amounts.read(request.GET.get("text", ""), kind)
        except amounts.AmountError as error:
            return JsonResponse({"error": str(error)})
        return JsonResponse({"reading": str(reading)})

    return view
