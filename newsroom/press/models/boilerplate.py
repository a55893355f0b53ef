"""The company's “About” text printed under every press release, in feeds and in the API."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import JSONObject
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


def about_row():
    """The active boilerplate in the article's own language ("zh-hans" matches "zh-Hans"),
    else the default one, as one subquery: {"text", "heading", "language"} (Article.about,
    about_heading and about_language read it)."""
    own = Q(language__iexact=OuterRef("language"))
    # Of the own and the default text, the own first: whichever is not the default (the
    # order names no outer column, which SQLite would refuse).
    choice = (
        Boilerplate.objects.filter(Q(is_active=True) & (own | Q(language=DEFAULT_LANGUAGE)))
        .annotate(rank=Case(When(language=DEFAULT_LANGUAGE, then=Value(1)), default=Value(0)))
        .order_by("rank")
        .values(row=JSONObject(text="text", heading="heading", language="language"))
    )
    return Subquery(choice[:1], output_field=models.JSONField())
