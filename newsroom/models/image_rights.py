"""The rights of a library image (IPTC Photo Metadata's core fields), which its files carry."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from newsroom.core import imaging
from newsroom.core.rights import Rights

LICENCE_RULE = "The licence address is a web address starting with https:// or http://."
# The image's fields that are written into its files, by their newsroom.core.rights name.
RIGHTS_FIELDS = {
    "creator": "creator",
    "credit": "credit",
    "copyright": "copyright_notice",
    "licence_url": "licence_url",
    "usage_terms": "usage_terms",
}


class WebAddressField(models.URLField):
    """A URL field whose form assumes https:// when an editor types "aux.com"."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class ImageRights(models.Model):
    # The rights below are written into the original and every rendition (EXIF and XMP), so
    # they travel with a downloaded or hotlinked picture. Blank ones are filled on upload
    # from the file's own metadata; changing one later rewrites the files.
    creator = models.CharField(
        max_length=200, blank=True, help_text=_("Who took the photo or made the picture.")
    )
    credit = models.CharField(
        "credit line",
        max_length=200,
        blank=True,
        help_text=_("As it must be printed beside the picture, e.g. “AUX Group / Zhang Wei”."),
    )
    copyright_notice = models.CharField(
        max_length=200, blank=True, help_text=_("Who holds the rights, e.g. “© 2024 AUX Group”.")
    )
    licence_url = WebAddressField(
        "licence address",
        max_length=500,
        blank=True,
        help_text=_(
            "A web page stating how the picture may be used or licensed; image search "
            "shows the picture as licensable with it."
        ),
    )
    usage_terms = models.TextField(
        max_length=1000,
        blank=True,
        help_text=_("How others may use it, e.g. “Free for editorial use with the credit line”."),
    )

    class Meta:
        abstract = True

    @staticmethod
    def licence_constraint(name):
        return models.CheckConstraint(
            condition=Q(licence_url="")
            | Q(licence_url__startswith="https://")
            | Q(licence_url__startswith="http://"),
            name=name,
            violation_error_message=LICENCE_RULE,
        )

    @property
    def rights(self):
        return Rights(**{name: getattr(self, field) for name, field in RIGHTS_FIELDS.items()})

    def clean_rights(self):
        if self.licence_url and not self.licence_url.startswith(("https://", "http://")):
            raise ValidationError({"licence_url": LICENCE_RULE})

    def _rewrite_rights(self):
        """A new original carrying the changed rights, under a new name: a stored file never
        changes under its name, since browsers and CDNs may keep it for a year. (Its
        renditions follow, as the rendition key holds the file name and the rights.)"""
        if self.format == "GIF":
            return  # GIF has no place for them; the renditions carry them
        with self.file.open("rb"):
            content = imaging.rewrite(self.file, self.format, self.rights)
        self.file.save(PurePath(self.file.name).name, ContentFile(content), save=False)
        self.file_size = len(content)
