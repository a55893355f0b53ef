"""Accessible names for the admin's tabular inlines, where Django labels each column with
a header cell only and leaves the inputs in the rows without a name of their own."""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.forms.widgets import MultiWidget
from django.utils.text import capfirst


class LabelledInlineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        for field in form.fields.values():
            # A split date and time labels its own parts ("Date:", "Time:").
            if not field.widget.is_hidden and not isinstance(field.widget, MultiWidget):
                label = capfirst(str(field.label))
                field.widget.attrs.setdefault("aria-label", label)
                # The admin's related-object wrapper renders its inner widget, whose attrs
                # are not always the wrapper's once a form class's fields were changed.
                if inner := getattr(field.widget, "widget", None):
                    inner.attrs.setdefault("aria-label", label)


class LabelledTabularInline(admin.TabularInline):
    formset = LabelledInlineFormSet
