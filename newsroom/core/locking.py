"""Safe concurrent editing in the admin: optimistic locking and unique-value races.

Each versioned model carries a `version` raised by every save. The edit form
remembers the version it was opened at; a save from a form opened before
somebody else's save is refused with who and when, and the input stays in the
form. The row is locked while checking (PostgreSQL), so two saves in flight
cannot both pass.
"""

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone
from django.utils.formats import date_format


def last_change(obj):
    """Who changed `obj` last and when, from the admin's log."""
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    if entry is None:
        return "Someone", None
    return entry.user.get_username(), entry.action_time


class VersionedForm(forms.ModelForm):
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            model = type(self.instance)
            current = (
                model.objects.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if cleaned.get("seen_version") != current:
                who, when = last_change(self.instance)
                at = (
                    date_format(timezone.localtime(when), "DATETIME_FORMAT") if when else "just now"
                )
                raise ValidationError(
                    f"{who} saved this {model._meta.verbose_name} at {at}, after you opened it. "
                    "Your changes were NOT saved, so that theirs are not lost; they are still in "
                    "this form. Open the page again in a new tab to see the current version, "
                    "then apply your changes there.",
                    code="stale",
                )
        return cleaned


class SafeConcurrencyAdminMixin:
    """Admin pages for versioned models: stale forms refused, unique races reported."""

    form = VersionedForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        (name, options), *rest = fieldsets
        if "seen_version" in options["fields"]:
            return fieldsets
        return [(name, {**options, "fields": [*options["fields"], "seen_version"]}), *rest]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError:
            # Another request saved the same unique value (a slug, a tag) between our
            # validation and our save. Validating again now reports it as a form error.
            return super().changeform_view(request, object_id, form_url, extra_context)
