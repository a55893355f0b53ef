"""The image library: pictures reused across articles and projects, with their renditions."""

import hashlib
import secrets
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from newsroom.core import imaging, renditions, uploads
from newsroom.models.image_rights import RIGHTS_FIELDS, ImageRights
from newsroom.models.rendition_files import RenditionFiles

# Set from the file when it is saved; a save naming some fields saves these as well.
PROCESSED_FIELDS = (
    "file",
    "width",
    "height",
    "file_size",
    "format",
    "original_filename",
    "renditions",
)
FOCAL_RULE = "The focal point lies inside the picture: 0 to 1 across and down."


def upload_path(instance, filename):
    return uploads.stored_name(filename, instance.title)


def validate_upload(value):
    """Checks a new upload (a stored file was checked when it arrived). The result rides on
    the upload, so that saving it does not decode it once more."""
    if not getattr(value, "_committed", True):
        value.file.checked_as = imaging.check(value.file, value.name)


def needs_description(image):
    return (
        f"“{image}” has no alt text. Describe it in the image library, or mark it decorative, "
        "before it appears on a published page: readers who cannot see it need the description."
    )


class ImageQuerySet(models.QuerySet):
    def described(self):
        """Images that may appear on a published page: with alt text, or decorative."""
        return self.filter(Q(is_decorative=True) | ~Q(alt_text=""))

    def undescribed(self):
        return self.filter(is_decorative=False, alt_text="")


def focal_field(label, help_text):
    return models.DecimalField(
        label,
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.5"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=help_text,
    )


class Image(RenditionFiles, ImageRights, models.Model):
    file = models.FileField(
        "image file",
        upload_to=upload_path,
        max_length=255,
        validators=[validate_upload],
        help_text=_(
            "JPEG, PNG, WebP, GIF or AVIF. It is turned upright and its hidden details (location, "
            "camera) are removed; the full-size picture is offered to the press for download."
        ),
    )
    title = models.CharField(
        max_length=200, help_text=_("For finding the image in the library; names its download.")
    )
    alt_text = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it. Required before the "
            "image can appear on a published page, unless it is marked decorative."
        ),
    )
    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text=_(
            "The picture adds nothing a reader needs (a texture, an ornament); screen "
            "readers skip it and it needs no alt text."
        ),
    )
    caption = models.CharField(max_length=300, blank=True, help_text=_("Shown under the picture."))
    focal_x = focal_field("focal point across", "0 is the left edge, 1 the right edge.")
    focal_y = focal_field(
        "focal point down", "0 is the top, 1 the bottom. Crops keep the focal point in view."
    )
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    file_size = models.PositiveIntegerField("file size", default=0, editable=False)
    format = models.CharField(max_length=10, blank=True, editable=False)
    original_filename = models.CharField(max_length=255, blank=True, editable=False)
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        editable=False,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    _loaded_files = ()  # the files of the saved version, removed once replaced
    _loaded_rights = None  # the rights its files carry, when loaded from the database

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        get_latest_by = "uploaded_at"
        constraints = [
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
                violation_error_message=FOCAL_RULE,
            ),
            ImageRights.licence_constraint("image_licence_url_is_web_address"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self._store_upload()
        elif self.file and self._loaded_rights not in (None, self.rights):
            self._rewrite_rights()
        if self.file and self.renditions.get("key") != self.rendition_key:
            focal = float(self.focal_x), float(self.focal_y)
            with self.file.open("rb"):
                made = imaging.rerender(self.file, self.format, *focal, self.rights)
            self._store_renditions(made)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *PROCESSED_FIELDS}
        super().save(*args, **kwargs)
        replaced = set(self._loaded_files) - set(self.stored_files())
        if replaced:
            transaction.on_commit(lambda: remove_files(self.file.storage, replaced))
        self._loaded_files, self._loaded_rights = self.stored_files(), self.rights

    def delete(self, *args, **kwargs):
        files, storage = self.stored_files(), self.file.storage
        result = super().delete(*args, **kwargs)
        transaction.on_commit(lambda: remove_files(storage, files))
        return result

    @classmethod
    def from_db(cls, db, field_names, values):
        image = super().from_db(db, field_names, values)
        if {"file", "renditions"} <= image.__dict__.keys():
            image._loaded_files = image.stored_files()
        if set(RIGHTS_FIELDS.values()) <= image.__dict__.keys():
            image._loaded_rights = image.rights
        return image

    def clean(self):
        # A new upload is processed now, not on save, so that a form can refuse one too costly.
        fresh = self.file and not self.file._committed  # .file would open a stored one
        if upload := fresh and getattr(self.file.file, "checked_as", None):
            try:
                self._prepared = (self.rendition_key, self._process(upload))
            except ValidationError as error:
                raise ValidationError({"file": error}) from None
        self.clean_rights()
        if self.pk and not self.is_described:
            pages = self.published_uses()
            if pages:
                raise ValidationError(
                    {
                        "alt_text": f"This image is on published pages ({', '.join(pages)}). "
                        "Describe it, or mark it decorative."
                    }
                )

    def _process(self, upload):
        focal = float(self.focal_x), float(self.focal_y)
        return imaging.prepare(self.file.file, upload, *focal, self.rights)

    def _store_upload(self):
        upload = getattr(self.file.file, "checked_as", None)
        upload = upload or imaging.check(self.file.file, self.file.name)
        key, prepared = self.__dict__.pop("_prepared", (None, None))
        if key != self.rendition_key:  # not cleaned, or its focal point changed since
            prepared = self._process(upload)
        content, width, height, made, rights = prepared
        for name, field in RIGHTS_FIELDS.items():  # blanks as the upload stated them
            setattr(self, field, getattr(self, field) or getattr(rights, name))
        self.original_filename = PurePath(self.file.name).name[-255:]
        name = f"{PurePath(self.file.name).stem}.{uploads.FORMATS[upload.format][0]}"
        self.file.save(name, ContentFile(content), save=False)
        self.width, self.height = width, height
        self.file_size, self.format = len(content), upload.format
        self._store_renditions(made)

    def _store_renditions(self, made):
        """Stores renditions made by newsroom.core.imaging: (sets, alpha, files)."""
        sets, alpha, files = made
        folder = f"{PurePath(self.file.name).parent}/r{secrets.token_hex(4)}"
        for name, content in files:
            self.file.storage.save(f"{folder}/{name}", ContentFile(content))
        self.renditions = {"key": self.rendition_key, "folder": folder, "alpha": alpha, **sets}

    @property
    def rendition_key(self):
        """Renditions are redone when this changes: a new file, focal point, rendition set or
        rights."""
        focal = f"{Decimal(self.focal_x):.3f},{Decimal(self.focal_y):.3f}"
        rights = hashlib.sha256(repr(self.rights).encode()).hexdigest()[:12]
        return f"{renditions.RENDITIONS_VERSION}:{self.file.name}:{focal}:{rights}"

    @property
    def is_described(self):
        return self.is_decorative or bool(self.alt_text.strip())

    @property
    def alt(self):
        """The alt attribute: empty for a decorative picture, so screen readers skip it."""
        return "" if self.is_decorative else self.alt_text

    @property
    def content_type(self):
        return uploads.CONTENT_TYPES.get(self.format, "application/octet-stream")

    @property
    def label(self):
        """ "JPEG, 4000 × 3000 pixels, 5.2 MB", for the download link."""
        kind = uploads.LABELS.get(self.format, self.format)
        return (
            f"{kind}, {self.width:,} × {self.height:,} pixels, {uploads.megabytes(self.file_size)}"
        )

    @property
    def download_name(self):
        return PurePath(self.file.name).name

    def public_owner(self):
        """The first published article or project that shows this image."""
        if self.pk is None:
            return None
        for use in (
            self.lead_articles.filter(status="published"),
            (u.article for u in self.article_uses.filter(article__status="published")),
            (u.project for u in self.project_uses.filter(project__is_published=True)),
        ):
            for owner in use:
                return owner
        return None

    def published_uses(self):
        """Titles of the published articles and projects that show this image."""
        articles = {a.title for a in self.lead_articles.filter(status="published")}
        articles |= {
            use.article.title
            for use in self.article_uses.filter(article__status="published").select_related(
                "article"
            )
        }
        projects = {
            use.project.name
            for use in self.project_uses.filter(project__is_published=True).select_related(
                "project"
            )
        }
        return sorted(articles | projects)


def remove_files(storage, names):
    for name in names:
        storage.delete(name)
