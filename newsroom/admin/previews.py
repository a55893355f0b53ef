"""Preview links in the admin: inline on an article, and a list of all of them to revoke."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.core.accessibility import LabelledTabularInline
from newsroom.core.publishing import PublishingAdminMixin
from newsroom.models import PreviewLink


class PreviewLinkForm(forms.ModelForm):
    revoke = forms.BooleanField(required=False, help_text=_("The link stops working at once."))

    class Meta:
        model = PreviewLink
        fields = ["recipient", "expires_at"]

    def save(self, commit=True):
        if self.cleaned_data.get("revoke") and not self.instance.revoked_at:
            self.instance.revoked_at = timezone.now()
        return super().save(commit)


class PreviewLinkInline(LabelledTabularInline):
    model = PreviewLink
    form = PreviewLinkForm
    extra = 0
    can_delete = False
    fields = ["recipient", "expires_at", "address", "state", "revoke"]
    readonly_fields = ["address", "state"]
    verbose_name_plural = _("preview links (for journalists under embargo; no account needed)")

    @admin.display(description=_("address"))
    def address(self, link):
        if not link.pk:
            return "Shown after saving."
        return self.request.build_absolute_uri(link.get_absolute_url())

    @admin.display(description=_("state"))
    def state(self, link):
        if link.revoked_at:
            return "Revoked"
        return "Active" if link.is_usable else "Expired"

    def get_formset(self, request, obj=None, **kwargs):
        self.request = request
        return super().get_formset(request, obj, **kwargs)


@admin.register(PreviewLink)
class PreviewLinkAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["article", "recipient", "expires_at", "revoked_at", "created_by"]
    list_select_related = ["article", "created_by"]
    search_fields = ["article__title", "recipient"]
    autocomplete_fields = ["article"]
    actions = ["revoke"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Revoke selected links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"{count} link(s) revoked.", messages.SUCCESS)
