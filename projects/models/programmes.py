"""A company's or government's plan that groups projects or promises a number of them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from newsroom.core.addresses import slug_path
from projects.dates import PreciseDate, Precision, precision_error


class ProgrammeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Programme(models.Model):
    """e.g. AUX's plan to build 12 more production bases and sales companies in 2024. Its
    projects are those whose record names it, as they appear."""

    name = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    organization = models.ForeignKey(
        "Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text=_("Whose plan it is."),
    )
    summary = models.TextField(blank=True)
    target_count = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("How many the plan promises, e.g. 12.")
    )
    target = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("What is counted, e.g. “production bases and sales companies”."),
    )
    as_stated = models.TextField(blank=True, help_text=_("The words of the source."))
    period_date = models.DateField(
        "period",
        null=True,
        blank=True,
        help_text=_("When the plan is for. For a year, enter its first day and choose “year”."),
    )
    period_precision = models.CharField(max_length=10, choices=Precision, default=Precision.YEAR)
    source = models.ForeignKey("Source", null=True, blank=True, on_delete=models.PROTECT)
    is_published = models.BooleanField(
        "published", default=False, help_text=_("Only editors publish a programme.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgrammeQuerySet.as_manager()
    public_flag = "is_published"  # newsroom/core/publishing.py

    class Meta:
        ordering = ["name"]
        permissions = [("publish_programme", "Can publish and unpublish programmes")]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_count__isnull=True) | ~Q(target=""),
                name="programme_count_says_what",
                violation_error_message="Say what the target count counts, e.g. "
                "“production bases”.",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("programme", self.slug)

    @cached_property
    def public_projects(self):
        """Its published projects, as its page, the API and the JSON-LD list them."""
        return list(self.projects.published())

    @property
    def period(self):
        return PreciseDate.of(self.period_date, self.period_precision)

    @property
    def promise(self):
        """The target in words, e.g. “12 production bases and sales companies in 2024”."""
        if self.target_count is None:
            return ""
        return " ".join(
            part
            for part in (str(self.target_count), self.target, self.period and f"in {self.period}")
            if part
        )

    def clean(self):
        errors = {}
        if self.target_count is not None and not self.target:
            errors["target"] = "Say what the target count counts, e.g. “production bases”."
        if self.period_date and (
            message := precision_error(self.period_date, self.period_precision)
        ):
            errors["period_date"] = message
        if errors:
            raise ValidationError(errors)
