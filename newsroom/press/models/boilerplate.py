"""The company's “About” text printed under every press release, in feeds and in the API."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

DEFAULT_LANGUAGE = "en"


class Boilerplate(models.Model):
    language = models.CharField(
        max_length=12,
        default=DEFAULT_LANGUAGE,
        help_text=_("A language code (BCP 47), e.g. “en” or “zh-Hans”; one active text each."),
    )
    heading = models.CharField(max_length=200, default="About AUX Group")
    text = models.TextField(help_text=_("Plain text; a blank line starts a new paragraph."))
    is_active = models.BooleanField(
        "active", default=True, help_text=_("The active text is printed under every press release.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    public_flag = "is_active"  # on every article page while active (core/publishing.py)

    class Meta:
        verbose_name = _("boilerplate (“About” text)")
        verbose_name_plural = _("boilerplate (“About” texts)")
        ordering = ["language", "-is_active", "-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["language"],
                condition=Q(is_active=True),
                name="one_active_boilerplate_per_language",
                violation_error_message="Another text is already active for this language; "
                "make it inactive first.",
            )
        ]

    def __str__(self):
        state = "active" if self.is_active else "inactive"
        return f"{self.heading} ({self.language}, {state})"

    @classmethod
    def for_language(cls, language):
        """The active text in `language`, else in the default language (one query)."""
        texts = cls.objects.filter(is_active=True).filter(
            Q(language__iexact=language) | Q(language=DEFAULT_LANGUAGE)
        )
        return min(texts, key=lambda text: text.language.lower() != language.lower(), default=None)

    def clean(self):
        others = Boilerplate.objects.filter(language=self.language, is_active=True)
        if self.is_active and others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {
                    "is_active": "Another text is already active for this language; make it "
                    "inactive first."
                }
            )


def about_text(field="text", language=None):
    """The active boilerplate's `field` as a subquery, so an article query carries it in its
    own row (no extra query on the page, the feed or the API). Without `language`: the text
    in the article's own language ("zh-hans" matches "zh-Hans"), else the default one."""
    active = Boilerplate.objects.filter(is_active=True).order_by()
    default = Subquery(active.filter(language=DEFAULT_LANGUAGE).values(field)[:1])
    if language:
        return Subquery(active.filter(language__iexact=language).values(field)[:1])
    own = Subquery(active.filter(language__iexact=OuterRef("language")).values(field)[:1])
    return Coalesce(own, default)
