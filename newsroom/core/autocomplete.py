"""Autocomplete boxes that survive a value that is no key.

Django's autocomplete widget looks the submitted keys up to redraw the form; a crafted POST
with `article=x` made that lookup raise (a 500) instead of showing the field's own "Select a
valid choice" error. These widgets drop such values before the lookup, so the form comes
back with its message and the rest of what was typed."""

from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError


class KeysOnly:
    def keys(self, value):
        remote = self.field.remote_field
        options = remote.model._meta
        target = options.get_field(getattr(remote, "field_name", None) or options.pk.name)
        kept = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            kept.append(item)
        return kept

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, self.keys(value), attr)


class TolerantAutocompleteSelect(KeysOnly, AutocompleteSelect):
    pass


class TolerantAutocompleteSelectMultiple(KeysOnly, AutocompleteSelectMultiple):
    pass


class TolerantAutocompleteAdmin:
    """For a ModelAdmin or inline: its autocomplete fields use the widgets above."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = TolerantAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = TolerantAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
