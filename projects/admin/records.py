"""What project records are made of, each also in a list of its own: organisations, sources,
figures, milestones, designations, links and exchange rates."""

from django.contrib import admin
from django.forms import HiddenInput
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from newsroom.core.pagination import LargeTableAdmin
from newsroom.core.publishing import PublishingAdminMixin
from projects import models
from projects.admin.amounts import AsStatedForm
from projects.admin.inlines import editors_mark, limit_replaces

REVISED_FIELDS = [
    "project", "kind", "qualifier", "value", "value_high", "currency", "product", "unit",
    "period", "phase", "job_type", "is_estimate", "as_stated", "source", "stated_on",
]  # fmt: skip
SOURCED = (models.Figure, models.Milestone)  # they take the editors' "not stated publicly"


@admin.register(models.Organization)
class OrganizationAdmin(LargeTableAdmin, PublishingAdminMixin, TranslationAdmin):
    list_display = ["name", "local_name", "kind", "parent"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "name_zh_hans", "local_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(models.Source)
class SourceAdmin(LargeTableAdmin, PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "publisher", "published_on", "url"]
    list_select_related = ["article"]
    search_fields = ["title", "publisher", "url", "article__title"]
    autocomplete_fields = ["article"]


class ProjectPartAdmin(LargeTableAdmin, PublishingAdminMixin, admin.ModelAdmin):
    """The parts of a project are edited inline; these lists help find them across projects.
    A part of a published project is the editors', as the project form is."""

    list_select_related = ["project"]
    search_fields = ["project__name"]
    autocomplete_fields = ["project"]

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return editors_mark(request, fields) if self.model in SOURCED else fields


class UnsourcedFilter(admin.SimpleListFilter):
    """Current figures that cite no source and are not marked "not stated publicly"."""

    title = _("source")
    parameter_name = "unsourced"

    def lookups(self, request, model_admin):
        return [("yes", _("No source"))]

    def queryset(self, request, queryset):
        return queryset.unsourced() if self.value() == "yes" else queryset


@admin.register(models.Figure)
class FigureAdmin(ProjectPartAdmin):
    list_display = ["project", "kind", "display", "source", "stated_on", "is_current"]
    list_select_related = ["project", "source__article", "replaced_by"]
    list_filter = [UnsourcedFilter, "kind", "currency", "qualifier"]
    search_fields = ["project__name", "as_stated", "product"]
    autocomplete_fields = ["project", "source"]
    form = AsStatedForm

    class Media:
        js = ["js/amount-reading.js"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        limit_replaces(form, obj.project if obj else None, obj)
        # Set by "Revise this figure" and checked by Figure.clean: never a raw id to type.
        fields = form.base_fields  # a writer's view of a public figure has none of them
        if "replaces" in fields:
            fields["replaces"].widget = HiddenInput()
        if "as_stated" in fields:
            url = reverse("admin:projects_project_amount_reading")
            fields["as_stated"].widget.attrs["data-reading-url"] = url
        return form

    def get_changeform_initial_data(self, request):
        """ "Revise this figure" (?revises=pk): a copy of the figure that will replace it."""
        initial = super().get_changeform_initial_data(request)
        revises = request.GET.get("revises", "")
        old = (
            models.Figure.objects.filter(pk=revises).first()
            if revises.isascii() and revises.isdigit()
            else None
        )
        if old is None or hasattr(old, "replaced_by"):
            return initial
        copy = {name: getattr(old, name) for name in REVISED_FIELDS}
        copy.update(project=old.project_id, source=old.source_id, replaces=old.pk)
        return {**initial, **copy}

    def response_add(self, request, obj, post_url_continue=None):
        if (
            obj.replaces_id
            and "_continue" not in request.POST
            and "_addanother" not in request.POST
        ):
            self.message_user(request, f"“{obj}” now revises “{obj.replaces}”.")
            return redirect(reverse("admin:projects_project_change", args=[obj.project_id]))
        return super().response_add(request, obj, post_url_continue)

    @admin.display(boolean=True, description=_("current"))
    def is_current(self, obj):
        return not hasattr(obj, "replaced_by")


@admin.register(models.Milestone)
class MilestoneAdmin(ProjectPartAdmin, TranslationAdmin):  # a box per language for the title
    list_display = ["title", "project", "kind", "planned", "actual", "is_overdue"]
    list_filter = ["kind"]
    search_fields = [
        "title",
        "title_zh_hans",
        "project__name",
    ]  # also the events' milestone autocomplete
    autocomplete_fields = ["project", "source", "derived_from"]

    @admin.display(boolean=True, description=_("overdue"))
    def is_overdue(self, obj):
        return obj.is_overdue


@admin.register(models.StatedDuration)
class StatedDurationAdmin(ProjectPartAdmin):
    list_display = ["__str__", "project", "source"]
    autocomplete_fields = ["project", "source"]


@admin.register(models.Designation)
class DesignationAdmin(ProjectPartAdmin):
    list_display = ["__str__", "project", "year"]
    list_filter = ["year", "authority"]
    autocomplete_fields = ["project", "source"]


@admin.register(models.ArticleProject)
class ArticleProjectAdmin(ProjectPartAdmin):
    list_display = ["article", "link", "project"]
    list_select_related = ["article", "project"]
    list_filter = ["link"]
    search_fields = ["article__title", "project__name"]
    autocomplete_fields = ["article", "project"]


@admin.register(models.ProjectOrganization)
class ProjectOrganizationAdmin(ProjectPartAdmin):
    list_display = ["organization", "role", "project"]
    list_select_related = ["organization", "project"]
    list_filter = ["role"]
    autocomplete_fields = ["organization", "project"]


@admin.register(models.ExchangeRate)
class ExchangeRateAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["currency", "usd_per_unit", "on", "source"]
    list_filter = ["currency"]
    search_fields = ["currency"]
    date_hierarchy = "on"
