"""Sections and tags in the admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from taggit.models import Tag as TaggitTag

from newsroom.core.pagination import LargeTableAdmin
from newsroom.core.publishing import PublishingAdminMixin
from newsroom.models import Category, Tag

# We use our own case-insensitive Tag model; taggit's stock one stays empty.
admin.site.unregister(TaggitTag)
admin.site.site_header = admin.site.site_title = _("Newsroom administration")


@admin.register(Category)
class CategoryAdmin(PublishingAdminMixin, TranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name"]}


# TranslationAdmin: a box per language for each translated field (newsroom/translation.py).
# Not the tabbed variant: it loads jQuery UI from a CDN, which our CSP refuses.
@admin.register(Tag)
class TagAdmin(LargeTableAdmin, PublishingAdminMixin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name"]}
