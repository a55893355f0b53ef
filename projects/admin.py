import reversion
from django import forms
from django.contrib import admin
from django.db.models import Exists, OuterRef

from newsroom.core.accessibility import LabelledTabularInline
from newsroom.core.gallery_admin import GalleryInline, thumbnail_html
from newsroom.core.locking import SafeConcurrencyAdminMixin
from newsroom.core.pagination import LargeTableAdmin
from newsroom.core.publishing import PublishingAdminMixin
from newsroom.core.revisions import RevisionAdmin
from projects import models
from projects.models.figures import MONEY_KINDS, Kind

# A revision of a project holds its figures, milestones, designations, roles, links, gallery.
for part in (
    models.Figure,
    models.Milestone,
    models.Designation,
    models.ProjectOrganization,
    models.ProjectImage,
):
    reversion.register(part)
reversion.register(
    models.Project,
    follow=["figures", "milestones", "designations", "roles", "article_links", "gallery"],
)


class StaleFilter(admin.SimpleListFilter):
    title = "timeline"
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", "Overdue milestone"), ("no", "Up to date")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            overdue = Exists(models.Milestone.objects.overdue().filter(project=OuterRef("pk")))
            return queryset.filter(overdue if self.value() == "yes" else ~overdue)
        return queryset


def limit_replaces(form, project, figure=None):
    """Offer as "replaces" only the earlier figures of the same project (Figure.clean says why)."""
    if "replaces" in form.base_fields:
        field = form.base_fields["replaces"]
        choices = models.Figure.objects.filter(project=project) if project else field.queryset
        field.queryset = choices.exclude(pk=figure.pk) if figure else choices


class SourcedInline(LabelledTabularInline):
    extra = 0
    autocomplete_fields = ["source"]


class FigureInline(SourcedInline):
    """One inline per kind of figure; all of them edit rows of the one Figure table."""

    model = models.Figure
    kinds = ()

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind__in=self.kinds).select_related("source")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        limit_replaces(formset.form, obj)
        return formset

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = [(k, label) for k, label in db_field.choices if k in self.kinds]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class SingleKindForm(forms.ModelForm):
    """For inlines whose rows are all of one kind, so the editor does not pick it."""

    kind = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.kind = self.kind


class MoneyInline(FigureInline):
    verbose_name, verbose_name_plural = "money figure", "money: investment, revenue, output value"
    kinds = MONEY_KINDS
    fields = [
        "kind",
        "qualifier",
        "value",
        "value_high",
        "currency",
        "is_estimate",
        "as_stated",
        "source",
        "stated_on",
        "replaces",
    ]


class CapacityInline(FigureInline):
    verbose_name, verbose_name_plural = "capacity", "capacities"
    kinds = (Kind.CAPACITY,)
    form = type("CapacityForm", (SingleKindForm,), {"kind": Kind.CAPACITY})
    fields = [
        "product",
        "qualifier",
        "value",
        "value_high",
        "unit",
        "period",
        "phase",
        "as_stated",
        "source",
        "stated_on",
        "replaces",
    ]


class JobsInline(FigureInline):
    verbose_name, verbose_name_plural = "jobs figure", "jobs"
    kinds = (Kind.JOBS,)
    form = type("JobsForm", (SingleKindForm,), {"kind": Kind.JOBS})
    fields = [
        "job_type",
        "qualifier",
        "value",
        "value_high",
        "as_stated",
        "source",
        "stated_on",
        "replaces",
    ]


class MilestoneInline(SourcedInline):
    model = models.Milestone
    fields = [
        "order",
        "kind",
        "title",
        "planned_date",
        "planned_precision",
        "actual_date",
        "actual_precision",
        "original_planned_date",
        "original_planned_precision",
        "source",
        "note",
    ]


class DesignationInline(SourcedInline):
    model = models.Designation


class RoleInline(LabelledTabularInline):
    model = models.ProjectOrganization
    extra = 0
    autocomplete_fields = ["organization"]


class ProjectImageInline(GalleryInline):
    model = models.ProjectImage


class ArticleProjectInline(LabelledTabularInline):
    model = models.ArticleProject
    extra = 0
    autocomplete_fields = ["article", "project"]


@admin.register(models.Project)
class ProjectAdmin(LargeTableAdmin, PublishingAdminMixin, SafeConcurrencyAdminMixin, RevisionAdmin):
    publish_fields = ["is_published"]
    list_display = [
        "name",
        "thumbnail",
        "status",
        "country",
        "province",
        "investment_display",
        "is_overdue",
        "is_published",
    ]
    list_display_links = ["name"]
    list_filter = ["status", "country", StaleFilter, "is_published"]
    search_fields = ["name", "local_name", "slug", "city", "province", "roles__organization__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["status_source"]
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
        (None, {"fields": ["name", "local_name", "slug", "summary", "sector", "product"]}),
        ("Status", {"fields": ["status", "status_as_of", "status_source", "is_published"]}),
        ("Location", {"fields": ["country", "province", "city", "zone"]}),
        (
            "Coordinates",
            {
                "classes": ["collapse"],
                "fields": ["latitude", "longitude", "coordinates_accuracy"],
            },
        ),
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

    @admin.display(description="picture")
    def thumbnail(self, obj):
        return thumbnail_html(next(iter(obj.media_kit), None), width=64)

    @admin.display(description="investment")
    def investment_display(self, obj):
        return obj.investment.display if obj.investment else "—"

    @admin.display(boolean=True, description="overdue", ordering="overdue")
    def is_overdue(self, obj):
        return obj.overdue


@admin.register(models.Organization)
class OrganizationAdmin(LargeTableAdmin, PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["name", "local_name", "kind", "parent"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "local_name"]
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


@admin.register(models.Figure)
class FigureAdmin(ProjectPartAdmin):
    list_display = ["project", "kind", "display", "source", "stated_on", "is_current"]
    list_select_related = ["project", "source__article", "replaced_by"]
    list_filter = ["kind", "currency", "qualifier"]
    search_fields = ["project__name", "as_stated", "product"]
    autocomplete_fields = ["project", "source"]
    raw_id_fields = ["replaces"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        limit_replaces(form, obj.project if obj else None, obj)
        return form

    @admin.display(boolean=True, description="current")
    def is_current(self, obj):
        return not hasattr(obj, "replaced_by")


@admin.register(models.Milestone)
class MilestoneAdmin(ProjectPartAdmin):
    list_display = ["title", "project", "kind", "planned", "actual", "is_overdue"]
    list_filter = ["kind"]
    search_fields = ["title", "project__name"]
    autocomplete_fields = ["project", "source"]

    @admin.display(boolean=True, description="overdue")
    def is_overdue(self, obj):
        return obj.is_overdue


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
