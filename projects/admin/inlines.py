"""The inlines of the project form: figures by kind, milestones, designations, roles, links."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from newsroom.core.accessibility import LabelledTabularInline
from newsroom.core.autocomplete import TolerantAutocompleteAdmin
from newsroom.core.gallery_admin import GalleryInline
from newsroom.core.publishing import can_publish
from projects import models
from projects.admin.amounts import AsStatedForm, reads_as
from projects.models.figures import MONEY_KINDS, Kind


def limit_replaces(form, project, figure=None):
    """Offer as "replaces" only the earlier figures of the same project (Figure.clean says why)."""
    if "replaces" in form.base_fields:
        field = form.base_fields["replaces"]
        choices = models.Figure.objects.filter(project=project) if project else field.queryset
        field.queryset = choices.exclude(pk=figure.pk) if figure else choices


def editors_mark(request, fields):
    """`fields` with "not stated publicly" read-only for those who may not publish a project:
    the mark lets an unsourced fact onto a public page, so it is the editors' word."""
    if can_publish(request.user, models.Project):
        return fields
    return [*fields, "not_stated_publicly"]


class SourcedInline(TolerantAutocompleteAdmin, admin.StackedInline):
    """Stacked, a few fields a line, so the form fits a laptop's width (static/css/admin.css)."""

    extra = 0
    autocomplete_fields = ["source"]
    classes = ["facts"]

    def get_readonly_fields(self, request, obj=None):
        return editors_mark(request, super().get_readonly_fields(request, obj))


class FigureInline(SourcedInline):
    """One inline per kind of figure; all of them edit rows of the one Figure table."""

    model = models.Figure
    form = AsStatedForm
    kinds = ()
    readonly_fields = ["revise"]
    sourcing = ("source", "stated_on", "not_stated_publicly")

    def get_queryset(self, request):
        queryset = super().get_queryset(request).filter(kind__in=self.kinds)
        return queryset.select_related("source", "replaces", "replaced_by")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if "as_stated" in formset.form.base_fields:
            attrs = formset.form.base_fields["as_stated"].widget.attrs
            attrs["data-reading-url"] = reverse("admin:projects_project_amount_reading")
            attrs["data-amount-kind"] = reads_as(self.kinds[0])
        return formset

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            kwargs["choices"] = [(k, label) for k, label in db_field.choices if k in self.kinds]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.display(description=_("history"))
    def revise(self, obj):
        """A revision is a new figure that replaces this one, made from a copy of it."""
        if obj is None or obj.pk is None:
            return "—"
        earlier = f"Revises “{obj.replaces.display}”. " if obj.replaces_id else ""
        if hasattr(obj, "replaced_by"):
            return f"{earlier}Revised by “{obj.replaced_by.display}”."
        url = reverse("admin:projects_figure_add") + f"?revises={obj.pk}"
        return format_html('{}<a href="{}">Revise this figure</a>', earlier, url)


class MoneyInline(FigureInline):
    verbose_name, verbose_name_plural = (
        _("money figure"),
        "money: investment, revenue, output value",
    )
    kinds = MONEY_KINDS
    fields = [
        ("kind", "as_stated"),
        ("qualifier", "value", "value_high", "currency", "is_estimate"),
        FigureInline.sourcing,
        "revise",
    ]


class CapacityInline(FigureInline):
    verbose_name, verbose_name_plural = _("capacity"), "capacities"
    kinds = (Kind.CAPACITY,)
    form = type("CapacityForm", (AsStatedForm,), {"kind": Kind.CAPACITY})
    fields = [
        ("as_stated", "product", "phase"),
        ("qualifier", "value", "value_high", "unit", "period"),
        FigureInline.sourcing,
        "revise",
    ]


class JobsInline(FigureInline):
    verbose_name, verbose_name_plural = _("jobs figure"), "jobs"
    kinds = (Kind.JOBS,)
    form = type("JobsForm", (AsStatedForm,), {"kind": Kind.JOBS})
    fields = [
        ("as_stated", "job_type"),
        ("qualifier", "value", "value_high"),
        FigureInline.sourcing,
        "revise",
    ]


class MilestoneInline(TranslationStackedInline, SourcedInline):
    model = models.Milestone
    fields = [
        ("order", "kind", "title"),
        ("planned_date", "planned_precision"),
        ("actual_date", "actual_precision"),
        ("original_planned_date", "original_planned_precision"),
        ("source", "not_stated_publicly"),
        "note",
    ]


class DesignationInline(admin.StackedInline):
    model = models.Designation
    extra = 0
    autocomplete_fields = ["source"]
    classes = ["facts"]  # stacked like the figures: as a table it is wider than a laptop
    fields = [("authority", "list_name"), ("year", "batch", "designated_on"), "source"]


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
