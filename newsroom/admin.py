from django.contrib import admin
from taggit.models import Tag as TaggitTag

from newsroom.models import Article, Category, Tag
from projects.admin import ArticleProjectInline

# We use our own case-insensitive Tag model; taggit's stock one stays empty.
admin.site.unregister(TaggitTag)
admin.site.site_header = admin.site.site_title = "Newsroom administration"


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title", "category", "status", "publish_at", "is_published", "is_featured", "tag_list",
    ]  # fmt: skip
    list_filter = ["status", "is_featured", "category", "publish_at"]
    list_select_related = ["category"]
    search_fields = ["title", "subtitle", "summary", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["category", "related_articles"]
    readonly_fields = ["created_at", "updated_at", "created_by"]
    inlines = [ArticleProjectInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "subtitle", "summary", "body"]}),
        ("Reporting", {"fields": ["dateline", "byline", "category", "tags"]}),
        (
            "Lead image",
            {"fields": ["lead_image", "lead_image_alt", "lead_image_caption", "lead_image_credit"]},
        ),
        ("Publishing", {"fields": ["status", "publish_at", "is_featured"]}),
        (
            "Related",
            {"classes": ["collapse"], "fields": ["related_articles"]},
        ),
        (
            "Record",
            {"classes": ["collapse"], "fields": ["created_at", "updated_at", "created_by"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    @admin.display(description="tags")
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    @admin.display(boolean=True, description="public")
    def is_published(self, obj):
        return obj.is_published

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
