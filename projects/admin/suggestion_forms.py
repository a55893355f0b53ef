"""The forms of the "suggested facts" pages: the pasted press release, the text the proposals
were read from (carried through the review), where accepted facts go, and one row a proposal.

The figure and milestone fields of each row are not here: they are the project form's own
inline forms (projects/admin/inlines.py), built by the view for the target project.
"""

import json

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from projects.admin.suggested_facts import FACTS
from projects.models import Figure, Organization, Project, ProjectOrganization

MAX_TEXT = 100_000  # characters: a long announcement is a tenth of it
TOO_LONG = (
    f"This text is too long to read at once: paste at most {MAX_TEXT:,} characters "
    "(one announcement, not a whole page or file)."
)


def one_newline(text):
    """Browsers send every line break as CRLF; the offsets count a line break as one."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_field(widget):
    return forms.CharField(
        widget=widget,
        max_length=MAX_TEXT,
        strip=False,  # the proposals' offsets count every character
        error_messages={"max_length": TOO_LONG},
    )


class PasteForm(forms.Form):
    title = forms.CharField(max_length=300, help_text=_("The press release's headline."))
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Where it was published; the facts you accept cite it as their source."),
    )
    publisher = forms.CharField(max_length=200, required=False)
    published = forms.DateField(
        label=_("Published on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Dates such as “next year” are read from it; leave empty if not stated."),
    )
    text = text_field(forms.Textarea(attrs={"rows": 16}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A browser would cut a long paste short without a word; the form says why instead.
        self.fields["text"].widget.attrs.pop("maxlength", None)

    def clean_text(self):
        text = one_newline(self.cleaned_data["text"])
        if not text.strip():
            raise ValidationError(_("Paste the text of the press release."))
        return text


class EvidenceForm(forms.Form):
    """What the proposals were read from, carried hidden through the review."""

    article = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(max_length=300, required=False, widget=forms.HiddenInput)
    url = forms.URLField(
        max_length=500, required=False, widget=forms.HiddenInput, assume_scheme="https"
    )
    publisher = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    published = forms.DateField(required=False, widget=forms.HiddenInput)
    text = text_field(forms.HiddenInput)

    def clean_text(self):
        return one_newline(self.cleaned_data["text"])

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("article") and not (data["url"] and data["title"]):
            raise ValidationError(_("Say where the text was published: its URL and title."))
        return data


class TargetForm(forms.Form):
    target = forms.ChoiceField(
        label=_("Add the accepted facts to"),
        choices=[("new", "a new project"), ("existing", "an existing project")],
        widget=forms.RadioSelect,
        initial="new",
    )
    project = forms.ModelChoiceField(
        Project.objects.all(),
        required=False,
        label=_("Existing project"),
        help_text=_("Type part of its name."),
    )
    organization = forms.ModelChoiceField(
        Organization.objects.all(),
        required=False,
        label=_("Owner"),
        help_text=_("A new project's owner: choose an organisation we have, or name a new one."),
    )
    new_organization = forms.CharField(
        label=_("or a new organisation"), max_length=200, required=False
    )

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        project_field = Figure._meta.get_field("project")
        owner_field = ProjectOrganization._meta.get_field("organization")
        for name, db_field in (("project", project_field), ("organization", owner_field)):
            field = self.fields[name]
            field.widget = AutocompleteSelect(db_field, admin_site)
            field.widget.choices = field.choices

    def clean(self):
        data = super().clean()
        if data.get("target") == "existing" and not data.get("project"):
            self.add_error("project", "Choose the project, or add the facts to a new one.")
        if data.get("target") == "new" and data.get("organization"):
            data["new_organization"] = ""  # a chosen organisation wins over a typed name
        return data

    @property
    def is_new(self):
        return self.cleaned_data.get("target") != "existing"


class SuggestionRowForm(forms.Form):
    """One proposal: what the engine read (hidden) and the editor's decision on it."""

    field = forms.ChoiceField(choices=[(f, f) for f in FACTS], widget=forms.HiddenInput)
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    unsure = forms.BooleanField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(max_length=500, required=False, widget=forms.HiddenInput)
    suggested = forms.CharField(max_length=5000, widget=forms.HiddenInput)  # the initial values
    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("reject", "Reject")],
        widget=forms.RadioSelect,
        initial="reject",
    )

    def clean_suggested(self):
        try:
            value = json.loads(self.cleaned_data["suggested"])
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise ValidationError(_("This proposal came back damaged; ask for suggestions again."))
        return value

    @property
    def accepted(self):
        return self.is_valid() and self.cleaned_data["decision"] == "accept"


RowFormSet = formset_factory(SuggestionRowForm, extra=0, max_num=200, validate_max=True)
