"""Press contacts (also under each article and project), the boilerplate and coverage."""

from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from newsroom.core.accessibility import LabelledTabularInline
from newsroom.core.publishing import PublishingAdminMixin
from newsroom.models import Article
from newsroom.press.export import coverage_csv
from newsroom.press.models import (
    ArticleContact,
    Boilerplate,
    Coverage,
    PressContact,
    ProjectContact,
)
from projects.models import Project


@admin.register(PressContact)
class PressContactAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["name", "role", "email", "phone", "is_featured", "is_active", "order"]
    list_editable = ["order"]
    list_filter = ["is_active", "is_featured"]
    list_select_related = ["photo"]
    search_fields = ["name", "role", "email"]
    autocomplete_fields = ["photo"]
    fields = ["name", "role", "email", "phone", "languages", "photo", "is_featured", "is_active"]
    fields += ["order"]


class ArticleContactInline(LabelledTabularInline):
    model = ArticleContact
    extra = 0
    autocomplete_fields = ["contact"]
    verbose_name_plural = _("press contacts (shown on the article's page)")


class ProjectContactInline(LabelledTabularInline):
    model = ProjectContact
    extra = 0
    autocomplete_fields = ["contact"]
    verbose_name_plural = _("press contacts (shown on the project's page)")


def attach(model, inline):
    """Add the press app's inline to another app's admin without editing its files: the
    press app comes after both in INSTALLED_APPS, so their admins are registered by now."""
    model_admin = admin.site._registry[model]
    model_admin.inlines = [*model_admin.inlines, inline]


attach(Article, ArticleContactInline)
attach(Project, ProjectContactInline)


@admin.register(Boilerplate)
class BoilerplateAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["heading", "language", "is_active", "updated_at"]
    list_filter = ["language", "is_active"]
    fields = ["language", "heading", "text", "is_active"]


@admin.register(Coverage)
class CoverageAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["published_on", "outlet", "title", "article", "project", "country", "reach"]
    list_select_related = ["article", "project"]
    list_filter = ["published_on", "country", "language"]
    search_fields = ["outlet", "title", "article__title", "project__name"]
    autocomplete_fields = ["article", "project"]
    date_hierarchy = "published_on"
    fields = [
        ("article", "project"),
        "outlet",
        "title",
        "url",
        "published_on",
        ("country", "language", "reach"),
    ]
    actions = ["export_csv"]

    @admin.action(description=_("Export selected coverage as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(coverage_csv(queryset), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="coverage.csv"'
        return response
