"""Change-list filters the dashboard's "view all" links open (newsroom/admin/dashboard.py)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class PendingFilter(admin.SimpleListFilter):
    """Published articles that are not public yet: scheduled or under embargo."""

    title = _("going out")
    parameter_name = "pending"

    def lookups(self, request, model_admin):
        return [("yes", _("Scheduled or embargoed"))]

    def queryset(self, request, queryset):
        return queryset.pending() if self.value() == "yes" else queryset
