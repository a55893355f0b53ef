"""The gallery inline articles and projects share, and the thumbnails the admin shows."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.core.accessibility import LabelledTabularInline
from newsroom.core.renditions import CARD_RATIO


def thumbnail_html(image, width=96):
    if image is None or not image.thumbnail_url:
        return "—"
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="" class="image-thumbnail">',
        image.thumbnail_url,
        width,
        round(width / CARD_RATIO),
    )


class GalleryInline(LabelledTabularInline):
    """Pictures of an article or project, chosen from the library, in order."""

    extra = 0
    autocomplete_fields = ["image"]
    fields = ["image", "thumbnail", "order"]
    readonly_fields = ["thumbnail"]
    verbose_name_plural = _("gallery (pictures for the page and the press download)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    @admin.display(description=_("picture"))
    def thumbnail(self, row):
        return thumbnail_html(row.image) if row.image_id else "—"
