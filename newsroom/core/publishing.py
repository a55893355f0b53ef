"""Who may publish, and the one rule of what those who may not can change: nothing a public
page shows.

Every model a public page can show answers `public_owner()`: the published article or project
whose page shows the row, or None. (A model that is only part of one other row may instead
name the field leading to it in `public_through`; a published record, its flag in
`public_flag`.) Everything a writer can do in the admin
(form, inline, standalone part admin, changelist action, bulk delete, revert, recover) asks
`editors_only()` about the row as stored and as it would be saved, so no path leaves
a public page changed by someone who may not publish.
"""

import reversion
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied

from newsroom.core.autocomplete import TolerantAutocompleteAdmin


def can_publish(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def public_owner(obj):
    """The published article or project whose public page shows `obj`, or None."""
    if obj is None:
        return None
    answer = getattr(obj, "public_owner", None)
    if answer is not None:
        return answer()
    flag = getattr(obj, "public_flag", None)
    if flag:
        return obj if getattr(obj, flag) else None
    through = getattr(obj, "public_through", None)
    try:
        return public_owner(getattr(obj, through, None)) if through else None
    except ObjectDoesNotExist:
        return None  # an unsaved row whose parent is not chosen yet is on no page


def editors_only(user, obj):
    owner = public_owner(obj)
    return owner is not None and not can_publish(user, type(owner))


def stored(obj):
    """`obj` as the database holds it now, or None for a new row."""
    if obj is None or obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).first()


def refusal(obj):
    owner = public_owner(obj)
    if owner is None:
        return f"Only an editor may change “{obj}”."
    return (
        f"“{obj}” is shown on the published page of “{owner}”; only an editor may change it. "
        "Ask an editor, or make the change in a draft."
    )


def check_write(user, obj):
    """Refuse saving `obj` if its stored row or the row it would become is public."""
    for state in (stored(obj), obj):
        if editors_only(user, state):
            raise PermissionDenied(refusal(state))


def record_transition(model_admin, request, obj, text):
    """Write a move between states (its audit `text`, if any) into the admin history and
    the current revision's comment."""
    if text:
        model_admin.log_change(request, obj, text)
        if reversion.is_active():
            reversion.set_comment(text)


class PublishingAdminMixin(TolerantAutocompleteAdmin):
    """What is public is the editors' to change, delete or (un)publish; writers see it read-only.
    Enforced in the permission checks and again on every save and delete, so a crafted request,
    a list edit or a bulk action fails like a click would."""

    publish_fields = ()  # fields only those who may publish can set

    def editors_only(self, request, obj):
        return editors_only(request.user, obj)

    def has_change_permission(self, request, obj=None):
        return not self.editors_only(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self.editors_only(request, obj) and super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return can_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self.publish_fields and not can_publish(request.user, self.model):
            fields += self.publish_fields
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        # By name: TranslationAdmin.get_form takes `change` only as a keyword.
        form = super().get_form(request, obj, change=change, **kwargs)
        user = request.user

        class PublicRowForm(form):
            # After the model's own validation, so the row is checked as it would be saved:
            # a draft's part moved onto a published project is refused here, with a message.
            def _post_clean(self):
                super()._post_clean()
                if editors_only(user, self.instance):
                    self.add_error(None, refusal(self.instance))

        PublicRowForm.__name__ = form.__name__
        return PublicRowForm

    def save_model(self, request, obj, form, change):
        check_write(request.user, obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            for row in formset.forms:
                if row.has_changed() and row not in formset.deleted_forms:
                    check_write(request.user, row.instance)
            for row in formset.deleted_forms:
                check_write(request.user, stored(row.instance))
        super().save_related(request, form, formsets, change)

    def delete_model(self, request, obj):
        check_write(request.user, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            check_write(request.user, obj)
        super().delete_queryset(request, queryset)
