"""A <select> rendered in Python: the directory's filters list hundreds of options, and
rendering each through Django's option template cost more than the rest of the page."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom.core import fragments


class QuickSelect(forms.Select):
    """The same markup as forms.Select (without optgroups, which the filters do not use).

    With `remember`, the markup is kept per name, value and content generation
    (newsroom/core/fragments.py): for choices that change only with content."""

    def __init__(self, attrs=None, choices=(), remember=None):
        super().__init__(attrs, choices)
        self.remember = remember

    def render(self, name, value, attrs=None, renderer=None):
        if self.remember is None:
            return self.markup(name, value, attrs)
        parts = ("select", self.remember, name, repr(value), repr(attrs))
        return mark_safe(fragments.remembered(parts, lambda: self.markup(name, value, attrs)))

    def markup(self, name, value, attrs):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "\n",
            '  <option value="{}"{}>{}</option>',
            (
                (option["value"], flatatt(option["attrs"]), option["label"])
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        opening = format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))
        return mark_safe(f"{opening}\n{options}\n</select>")
