"""The inlines of the project form: figures by kind, milestones, designations, roles, links."""

from django import forms

from newsroom.core.accessibility import LabelledTabularInline
from newsroom.core.gallery_admin import GalleryInline
from projects import models
from projects.models.figures import MONEY_KINDS, Kind


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
