"""Accessible names for the admin's tabular inlines, where Django labels each column with
a header cell only and leaves the inputs in the rows without a name of their own."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.forms.widgets import MultiWidget
from django.utils.text import capfirst

from newsroom.core.autocomplete import TolerantAutocompleteAdmin


class LabelledInlineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            # A split date and time labels its own parts ("Date:", "Time:").
            # A foreign key's select is wrapped (add/change links); the wrapper's attrs are not
            # the copy it renders, so the name goes on the select itself.
            widget = getattr(field.widget, "widget", field.widget)
            if not widget.is_hidden and not isinstance(widget, MultiWidget):
                widget.attrs.setdefault("aria-label", capfirst(str(field.label)))


class LabelledTabularInline(TolerantAutocompleteAdmin, admin.TabularInline):
    formset = LabelledInlineFormSet
