"""Old project addresses in the admin: editors list, add, correct and remove the redirects
that changing a slug leaves behind (ProjectRedirect.clean refuses a current address)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.core.publishing import PublishingAdminMixin
from projects.models import ProjectRedirect


@admin.register(ProjectRedirect)
class ProjectRedirectAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["old_slug", "project", "current_slug"]
    list_select_related = ["project"]
    search_fields = ["old_slug", "project__name", "project__slug"]
    autocomplete_fields = ["project"]
    fields = ["old_slug", "project"]

    @admin.display(description=_("current address"), ordering="project__slug")
    def current_slug(self, obj):
        return obj.project.slug
