"""Coverage (clippings): what the media published about a story or a project."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from newsroom.core.publishing import public_owner
from newsroom.models import Article
from projects.fields import WebAddressField
from projects.models import Project


class Coverage(models.Model):
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="coverage"
    )
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="coverage"
    )
    outlet = models.CharField(max_length=200, help_text=_("E.g. “Reuters”, “第一财经”."))
    title = models.CharField(max_length=300, help_text=_("The headline as the outlet printed it."))
    url = WebAddressField("address", max_length=500)
    published_on = models.DateField("date")
    country = models.CharField(
        max_length=2, blank=True, help_text=_("Two-letter country code (ISO 3166), e.g. “CN”.")
    )
    language = models.CharField(max_length=12, blank=True, help_text=_("E.g. “en”, “zh”."))
    reach = models.PositiveBigIntegerField(
        null=True, blank=True, help_text=_("Estimated audience, as the outlet or a service states.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = _("coverage")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False) ^ Q(project__isnull=False),
                name="coverage_of_one_story_or_project",
                violation_error_message="Choose either a story or a project (one of them).",
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__regex=r"^[A-Z]{2}$"),
                name="coverage_country_code",
                violation_error_message="The country is a two-letter code such as “CN”.",
            ),
        ]

    def __str__(self):
        return f"{self.outlet}: {self.title}"

    def clean(self):
        # On a field, so that the form does not also report the constraint's own message.
        if bool(self.article_id) == bool(self.project_id):
            raise ValidationError(
                {"article": _("Choose either a story or a project (one of them).")}
            )
        self.country = self.country.upper()
        if self.country and not (len(self.country) == 2 and self.country.isalpha()):
            raise ValidationError({"country": _("The country is a two-letter code such as “CN”.")})

    def public_owner(self):
        # Shown on the page of its story or project once that is public (core/publishing.py).
        if self.article_id:
            return public_owner(self.article)
        return public_owner(self.project) if self.project_id else None
