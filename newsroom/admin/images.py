"""The image library in the admin."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.core import uploads
from newsroom.core.gallery_admin import thumbnail_html
from newsroom.core.publishing import PublishingAdminMixin
from newsroom.models import Image

ACCEPT = ",".join(uploads.CONTENT_TYPES[kind] for kind in uploads.FORMATS)


class ImageForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = [
            "file",
            "title",
            "alt_text",
            "is_decorative",
            "caption",
            "creator",
            "credit",
            "copyright_notice",
            "licence_url",
            "usage_terms",
            "focal_x",
            "focal_y",
        ]
        widgets = {
            "file": forms.ClearableFileInput(attrs={"accept": ACCEPT}),
            "usage_terms": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The uploaded name is replaced by a safe one, so its length does not matter. (A picture
        # a writer may only view has no file field: it is shown read-only.)
        if "file" in self.fields:
            self.fields["file"].max_length = None


class DescribedFilter(admin.SimpleListFilter):
    title = _("alt text")
    parameter_name = "described"

    def lookups(self, request, model_admin):
        return [("no", "Needs alt text"), ("yes", "Described or decorative")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.undescribed()
        if self.value() == "yes":
            return queryset.described()
        return queryset


@admin.register(Image)
class ImageAdmin(PublishingAdminMixin, admin.ModelAdmin):
    """A picture on a published page is public content: only those who may publish change it
    (replace it, reword it); writers see it read-only."""

    form = ImageForm
    list_display = [
        "title",
        "thumbnail",
        "is_described",
        "dimensions",
        "size",
        "credit",
        "uploaded_by",
        "uploaded_at",
    ]
    list_display_links = ["title"]
    list_filter = [DescribedFilter, "is_decorative", "format", "uploaded_at"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "alt_text", "caption", "creator", "credit", "original_filename"]
    date_hierarchy = "uploaded_at"
    readonly_fields = [
        "preview",
        "dimensions",
        "size",
        "original_filename",
        "uploaded_by",
        "uploaded_at",
    ]
    fieldsets = [
        (None, {"fields": ["file", "title", "alt_text", "is_decorative", "caption"]}),
        (
            "Rights",
            {
                "fields": ["creator", "credit", "copyright_notice", "licence_url", "usage_terms"],
                "description": "Written into the picture's files, so they travel with every "
                "download and copy. Left blank on upload, they are taken from the file's own "
                "details (EXIF, IPTC, XMP) where it has them.",
            },
        ),
        (
            "Focal point",
            {
                "fields": ["preview", "focal_x", "focal_y"],
                "description": "Crops (cards, social media) keep this point in view. Click the "
                "picture to set it, or type the numbers.",
            },
        ),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": ["dimensions", "size", "original_filename", "uploaded_by", "uploaded_at"],
            },
        ),
    ]

    class Media:
        js = ["newsroom/focal-point.js"]
        css = {"all": ["newsroom/admin-images.css"]}

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def delete_queryset(self, request, queryset):
        for image in queryset:
            image.delete()  # with its files

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        return thumbnail_html(obj)

    @admin.display(description=_("picture"))
    def preview(self, obj):
        urls = obj.rendition_urls("full", obj.fallback_extension) if obj.pk else []
        if not urls:
            return "Shown after saving."
        url, width, height = urls[min(1, len(urls) - 1)]
        return format_html(
            '<div class="focal-preview"><img src="{}" width="{}" height="{}" alt="">'
            '<span class="focal-marker" aria-hidden="true"></span></div>',
            url,
            width,
            height,
        )

    @admin.display(boolean=True, description=_("alt text"))
    def is_described(self, obj):
        return obj.is_described

    @admin.display(description=_("size in pixels"), ordering="width")
    def dimensions(self, obj):
        return f"{obj.width:,} × {obj.height:,}"

    @admin.display(description=_("file size"), ordering="file_size")
    def size(self, obj):
        return uploads.megabytes(obj.file_size)
