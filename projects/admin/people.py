"""People, the events they took part in (with who attended in what role), and programmes."""

import reversion
from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from newsroom.core.accessibility import LabelledTabularInline
from newsroom.core.pagination import LargeTableAdmin
from newsroom.core.publishing import PublishingAdminMixin
from projects import models
from projects.admin.records import ProjectPartAdmin

reversion.register(models.Attendance)
reversion.register(models.Event, follow=["attendances"])


@admin.register(models.Person)
class PersonAdmin(LargeTableAdmin, PublishingAdminMixin, TranslationAdmin):
    list_display = ["name", "local_name", "title"]
    search_fields = ["name", "local_name", "title"]


class AttendanceInline(LabelledTabularInline):
    model = models.Attendance
    extra = 0
    fields = ["person", "role", "organization", "order"]
    autocomplete_fields = ["person", "organization"]


@admin.register(models.Event)
class EventAdmin(ProjectPartAdmin):
    list_display = ["name", "project", "kind", "date", "place"]
    list_filter = ["kind"]
    search_fields = ["name", "place", "project__name", "attendances__person__name"]
    autocomplete_fields = ["project", "milestone", "source"]
    fields = ["project", "milestone", "kind", "name", "date", "precision", "place"]
    fields += ["source", "note"]
    inlines = [AttendanceInline]


@admin.register(models.Attendance)
class AttendanceAdmin(LargeTableAdmin, PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["person", "role", "event", "organization"]
    list_select_related = ["person", "event", "organization"]
    list_filter = ["role"]
    search_fields = ["person__name", "event__name"]
    autocomplete_fields = ["event", "person", "organization"]


@admin.register(models.Programme)
class ProgrammeAdmin(LargeTableAdmin, PublishingAdminMixin, admin.ModelAdmin):
    publish_fields = ["is_published"]
    list_display = ["name", "organization", "target_count", "target", "is_published"]
    list_select_related = ["organization"]
    list_filter = ["is_published"]
    search_fields = ["name", "target", "organization__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization", "source"]
