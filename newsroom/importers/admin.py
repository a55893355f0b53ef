"""What the imports left, for the editors: each item's article or picture, its old address
and the note (private, password-protected, held for alt text…). Read-only: the importer
writes these rows, people do not."""

from django.contrib import admin

from newsroom.importers.models import ImportedItem, ImportedTerm


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportedItem)
class ImportedItemAdmin(ReadOnly):
    list_display = ["__str__", "kind", "article", "image", "legacy_path", "has_note", "updated_at"]
    list_filter = ["kind", "source"]
    list_select_related = ["article", "image"]
    search_fields = ["guid", "legacy_path", "note", "article__title"]

    @admin.display(boolean=True, description="note")
    def has_note(self, obj):
        return bool(obj.note)


@admin.register(ImportedTerm)
class ImportedTermAdmin(ReadOnly):
    list_display = ["__str__", "taxonomy", "category", "tag", "source"]
    list_filter = ["taxonomy"]
    list_select_related = ["category", "tag"]
    search_fields = ["legacy_path"]
