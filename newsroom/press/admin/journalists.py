"""Journalists (approve or refuse requests), invitations, and the logs of embargoed reads
and preview-link openings, which nobody edits."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.press.models import EmbargoedRead, Journalist, JournalistInvite, PreviewOpening


@admin.register(Journalist)
class JournalistAdmin(admin.ModelAdmin):
    list_display = ["__str__", "email", "outlet", "beat", "status", "requested_at"]
    list_filter = ["status"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__email", "outlet", "beat"]
    fields = ["user", "outlet", "beat", "status", "requested_at", "decided_at", "decided_by"]
    readonly_fields = ["user", "requested_at", "decided_at", "decided_by"]
    actions = ["approve", "refuse"]

    def has_add_permission(self, request):
        return False  # accounts come from the request form or an invitation

    @admin.display(description=_("email"), ordering="user__email")
    def email(self, journalist):
        return journalist.user.email

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.decided_by, obj.decided_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)

    def _decide(self, request, queryset, status):
        for journalist in queryset.select_related("user"):
            journalist.decide(status, request.user)
        self.message_user(request, f"{queryset.count()} journalist(s) updated.", messages.SUCCESS)

    @admin.action(description=_("Approve: may read embargoed stories"), permissions=["change"])
    def approve(self, request, queryset):
        self._decide(request, queryset, Journalist.Status.APPROVED)

    @admin.action(description=_("Refuse (or withdraw access)"), permissions=["change"])
    def refuse(self, request, queryset):
        self._decide(request, queryset, Journalist.Status.REFUSED)


@admin.register(JournalistInvite)
class JournalistInviteAdmin(admin.ModelAdmin):
    list_display = ["email", "outlet", "invited_by", "created_at", "state"]
    list_select_related = ["invited_by", "accepted_by"]
    fields = ["email", "outlet", "beat", "link", "state"]
    readonly_fields = ["link", "state"]

    def get_readonly_fields(self, request, obj=None):
        # What was sent is what the invitation says: an edit would not reach the journalist.
        fixed = ["email", "outlet", "beat"] if obj else []
        return [*fixed, *super().get_readonly_fields(request, obj)]

    @admin.display(description=_("invitation link"))
    def link(self, invite):
        if not invite.pk:
            return "Shown after saving: send it to the journalist."
        return self.request.build_absolute_uri(invite.get_absolute_url())

    @admin.display(description=_("state"))
    def state(self, invite):
        if not invite.pk:
            return "-"
        if invite.accepted_by_id:
            return "Accepted"
        if invite.expires_at <= timezone.now():
            return "Expired"
        return f"Open until {timezone.localtime(invite.expires_at):%Y-%m-%d %H:%M}"

    def get_form(self, request, obj=None, change=False, **kwargs):
        self.request = request
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.invited_by = request.user
        super().save_model(request, obj, form, change)


class LogAdmin(admin.ModelAdmin):
    """A record of what happened: readable by editors, changed by nobody."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EmbargoedRead)
class EmbargoedReadAdmin(LogAdmin):
    list_display = ["read_at", "journalist", "article"]
    list_select_related = ["journalist__user", "article"]
    list_filter = ["read_at"]
    search_fields = ["article__title", "journalist__outlet", "journalist__user__username"]
    date_hierarchy = "read_at"


@admin.register(PreviewOpening)
class PreviewOpeningAdmin(LogAdmin):
    list_display = ["opened_at", "link", "client"]
    list_select_related = ["link__article"]
    list_filter = ["opened_at", "client"]
    search_fields = ["link__recipient", "link__article__title"]
    date_hierarchy = "opened_at"
