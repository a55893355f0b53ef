"""Staff accounts: whoever manages them may give no one more than they hold themselves."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _

from newsroom.models import StaffLanguage


def held(user):
    """The permissions `user` holds, as Permission rows."""
    if user.is_superuser:
        return Permission.objects.all()
    names = user.get_all_permissions()
    pks = [
        p.pk
        for p in Permission.objects.select_related("content_type")
        if f"{p.content_type.app_label}.{p.codename}" in names
    ]
    return Permission.objects.filter(pk__in=pks)


def grantable_groups(user):
    """The groups whose every permission `user` holds."""
    if user.is_superuser:
        return Group.objects.all()
    return Group.objects.exclude(permissions__in=Permission.objects.exclude(pk__in=held(user)))


class NoEscalationMixin:
    """A non-superuser cannot make anyone (themselves included) a superuser, give a group or
    permission they do not hold, or change or delete a superuser, who could then do anything."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            kwargs["queryset"] = held(request.user)
        elif db_field.name == "groups":
            kwargs["queryset"] = grantable_groups(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(User)
admin.site.unregister(Group)


class StaffLanguageInline(admin.StackedInline):
    model = StaffLanguage
    can_delete = False


class StaffLanguageForm(forms.ModelForm):
    class Meta:
        model = StaffLanguage
        fields = ["language"]


@admin.register(User)
class StaffUserAdmin(NoEscalationMixin, UserAdmin):
    inlines = [StaffLanguageInline]

    def get_urls(self):
        view = self.admin_site.admin_view(self.own_language_view)
        return [path("language/", view, name="staff_language"), *super().get_urls()]

    def own_language_view(self, request):
        """Any staff member chooses their own admin language, without rights over accounts."""
        preference = StaffLanguage.objects.filter(user=request.user).first()
        form = StaffLanguageForm(request.POST or None, instance=preference)
        if request.method == "POST" and form.is_valid():
            form.instance.user = request.user
            chosen = form.save()
            with translation.override(chosen.language):
                messages.success(request, _("Your admin language is saved."))
            return redirect("admin:staff_language")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Admin language"),
            "form": form,
        }
        return TemplateResponse(request, "admin/staff_language.html", context)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else [*fields, "is_superuser"]

    def guards_superuser(self, request, obj):
        """A superuser, or anyone holding more than the user (whose form would drop it)."""
        if obj is None or request.user.is_superuser:
            return False
        return obj.is_superuser or held(obj).exclude(pk__in=held(request.user)).exists()

    def has_change_permission(self, request, obj=None):
        if self.guards_superuser(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self.guards_superuser(request, obj):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Group)
class StaffGroupAdmin(NoEscalationMixin, GroupAdmin):
    def has_change_permission(self, request, obj=None):
        # A group holding more than the user would let them hand that out by editing it.
        if obj is not None and not grantable_groups(request.user).filter(pk=obj.pk).exists():
            return False
        return super().has_change_permission(request, obj)
