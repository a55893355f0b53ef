"""What articles and projects share as edited, public content."""

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class SearchEngineFields(models.Model):
    seo_title = models.CharField(
        "SEO title",
        max_length=70,
        blank=True,
        help_text=_(
            "Replaces the title in search results and social cards; at most 70 characters."
        ),
    )
    meta_description = models.CharField(
        max_length=160,
        blank=True,
        help_text=_(
            "Replaces the summary as the search-engine description; at most 160 characters."
        ),
    )
    noindex = models.BooleanField(
        "hide from search engines",
        default=False,
        help_text=_("Adds noindex; the page stays public."),
    )

    class Meta:
        abstract = True


class VersionedContent(models.Model):
    """A version raised by every save, so stale edit forms are refused (newsroom/core/locking.py),
    and a permanent redirect left behind by every change of slug."""

    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text=_("Raised by every save; stale edit forms are refused."),
    )

    redirects_name = "redirects"  # the reverse accessor of the model keeping old slugs
    _loaded_slug = None  # the slug as read from the database

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.keep_old_address()
        self._loaded_slug = self.slug

    @classmethod
    def from_db(cls, db, field_names, values):
        obj = super().from_db(db, field_names, values)
        obj._loaded_slug = obj.__dict__.get("slug")
        return obj

    def keep_old_address(self):
        redirects = getattr(self, self.redirects_name)
        if self._loaded_slug and self._loaded_slug != self.slug:
            redirects.model.objects.update_or_create(
                old_slug=self._loaded_slug, defaults={redirects.field.name: self}
            )
        # The current address is no longer an old one, if it ever was.
        redirects.model.objects.filter(old_slug=self.slug).delete()
