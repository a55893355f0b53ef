"""Projects in the admin: the record's form with its inlines, and the list with its filters."""

import reversion
from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from newsroom.alerts import services as alerts
from newsroom.core.gallery_admin import thumbnail_html
from newsroom.core.locking import SafeConcurrencyAdminMixin
from newsroom.core.pagination import LargeTableAdmin
from newsroom.core.publishing import PublishingAdminMixin
from newsroom.core.revisions import RevisionAdmin
from newsroom.core.seo_admin import SEO_FIELDSET
from projects import models
from projects.admin.amounts import reading_view
from projects.admin.inlines import (
    ArticleProjectInline,
    CapacityInline,
    DesignationInline,
    JobsInline,
    MilestoneInline,
    MoneyInline,
    ProjectImageInline,
    RoleInline,
)
from projects.admin.suggestion_views import accept_view, suggest_view

# A revision of a project holds its figures, milestones, designations, roles, links, gallery.
for part in (
    models.Figure,
    models.Milestone,
    models.StatedDuration,
    models.Designation,
    models.ProjectOrganization,
    models.ProjectImage,
):
    reversion.register(part)
reversion.register(
    models.Project,
    follow=[
        "figures",
        "milestones",
        "stated_durations",
        "designations",
        "roles",
        "article_links",
        "gallery",
    ],
)


class StaleFilter(admin.SimpleListFilter):
    title = _("timeline")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", "Overdue milestone"), ("no", "Up to date")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            overdue = Exists(models.Milestone.objects.overdue().filter(project=OuterRef("pk")))
            return queryset.filter(overdue if self.value() == "yes" else ~overdue)
        return queryset


class NotUpdatedFilter(admin.SimpleListFilter):
    title = _("record")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", "Not updated recently"), ("no", "Updated recently")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.stale() if self.value() == "yes" else queryset.updated_recently()
        return queryset


@admin.register(models.Project)
class ProjectAdmin(
    LargeTableAdmin,
    PublishingAdminMixin,
    SafeConcurrencyAdminMixin,
    TranslationAdmin,
    RevisionAdmin,
):
    publish_fields = ["is_published"]
    list_display = [
        "name",
        "thumbnail",
        "status",
        "country",
        "province",
        "investment_display",
        "is_overdue",
        "not_updated",
        "is_published",
    ]
    list_display_links = ["name"]
    list_filter = ["status", "country", StaleFilter, NotUpdatedFilter, "is_published"]
    search_fields = [
        "name",
        "name_zh_hans",
        "local_name",
        "slug",
        "city",
        "province",
        "roles__organization__name",
    ]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["status_source", "programme", "social_image"]
    inlines = [
        RoleInline,
        MoneyInline,
        CapacityInline,
        JobsInline,
        MilestoneInline,
        DesignationInline,
        ProjectImageInline,
        ArticleProjectInline,
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "local_name",
                    "local_name_language",
                    "slug",
                    "summary",
                    "sector",
                    "product",
                ]
            },
        ),
        (_("Programme"), {"fields": ["programme"]}),
        (_("Status"), {"fields": ["status", "status_as_of", "status_source", "is_published"]}),
        (_("Location"), {"fields": ["country", "province", "city", "zone"]}),
        (
            "Coordinates",
            {
                "classes": ["collapse"],
                "fields": ["latitude", "longitude", "coordinates_accuracy"],
            },
        ),
        SEO_FIELDSET,
    ]

    class Media:
        js = ["js/amount-reading.js"]

    def get_urls(self):
        view = self.admin_site.admin_view(reading_view(self))
        reading = path("amount-reading/", view, name="projects_project_amount_reading")
        suggest = self.admin_site.admin_view(suggest_view(self))
        accept = self.admin_site.admin_view(accept_view(self))
        return [
            reading,
            path("suggest/", suggest, name="projects_project_suggest"),
            path("suggest/accept/", accept, name="projects_project_suggest_accept"),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        overdue = models.Milestone.objects.overdue().filter(project=OuterRef("pk"))
        queryset = super().get_queryset(request).with_facts().with_pictures()
        return queryset.annotate(overdue=Exists(overdue))

    def save_model(self, request, obj, form, change):
        was_public = form.initial.get("is_published", False) if change else False
        super().save_model(request, obj, form, change)
        if obj.is_published != was_public:
            text = "Published" if obj.is_published else "Unpublished"
            self.log_change(request, obj, text)
            reversion.set_comment(text)
        # Integrations that follow projects hear of each saved change to a public one.
        alerts.story_event(obj, "project.updated")

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        return thumbnail_html(next(iter(obj.media_kit), None), width=64)

    @admin.display(description=_("investment"))
    def investment_display(self, obj):
        return obj.investment.display if obj.investment else "—"

    @admin.display(boolean=True, description=_("overdue"), ordering="overdue")
    def is_overdue(self, obj):
        return obj.overdue

    @admin.display(boolean=True, description=_("not updated"), ordering="status_as_of")
    def not_updated(self, obj):
        return obj.is_stale
