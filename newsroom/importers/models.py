"""What an import remembers: which article or picture each item of an export became (so a
second run updates instead of duplicating) and the addresses it had on the old site (so
they keep answering, 301)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from newsroom.models import Article, Category, Image, Tag

ONE_TARGET = "An imported post points at an article, an attachment at a picture, never both."
ONE_TERM = "An old category address points at a category, an old tag address at a tag."


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        POST = "post", "Post or feed item"
        ATTACHMENT = "attachment", "Attachment"

    source = models.CharField(
        max_length=500, help_text="The old site's address (WordPress) or the feed's address."
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.POST)
    guid = models.CharField("GUID", max_length=500, help_text="The export's own identity.")
    post_id = models.PositiveBigIntegerField(
        "post ID", null=True, blank=True, help_text="WordPress's number (“/?p=ID”); none in feeds."
    )
    # Kept when the article or picture is deleted here, so a later run does not bring back
    # what an editor removed on purpose.
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="imported_from"
    )
    image = models.ForeignKey(
        Image, null=True, blank=True, on_delete=models.SET_NULL, related_name="imported_from"
    )
    legacy_path = models.CharField(
        "old address",
        max_length=500,
        blank=True,
        db_index=True,
        help_text="The path it had on the old site, e.g. /2019/03/04/new-plant/; it redirects.",
    )
    checksum = models.CharField(
        max_length=64, help_text="Of the item as exported: a re-run updates only what changed."
    )
    note = models.TextField(blank=True, help_text="What the editors should know, e.g. “private”.")
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "guid"],
                name="imported_item_guid_once_per_source",
                violation_error_message="This item of this export was already imported.",
            ),
            models.UniqueConstraint(
                fields=["source", "kind", "post_id"],
                condition=Q(post_id__isnull=False),
                name="imported_item_post_id_once_per_source",
                violation_error_message="This post ID of this export was already imported.",
            ),
            models.CheckConstraint(
                condition=Q(kind="post", image__isnull=True)
                | Q(kind="attachment", article__isnull=True),
                name="imported_item_one_target",
                violation_error_message=ONE_TARGET,
            ),
        ]

    def __str__(self):
        return f"{self.source} #{self.post_id or self.guid}"

    def clean(self):
        if (self.kind == self.Kind.POST and self.image_id) or (
            self.kind == self.Kind.ATTACHMENT and self.article_id
        ):
            raise ValidationError(ONE_TARGET)


class ImportedTerm(models.Model):
    """An old category or tag address (/category/parent/child/, /tag/slug/) and where it
    now leads."""

    class Taxonomy(models.TextChoices):
        CATEGORY = "category", "Category"
        TAG = "post_tag", "Tag"

    source = models.CharField(max_length=500)
    taxonomy = models.CharField(max_length=20, choices=Taxonomy)
    legacy_path = models.CharField(
        "old path", max_length=500, help_text="After /category/ or /tag/, e.g. “news/plants”."
    )
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "taxonomy", "legacy_path"],
                name="imported_term_once_per_source",
                violation_error_message="This old address is already imported.",
            ),
            models.CheckConstraint(
                condition=Q(taxonomy="category", category__isnull=False, tag__isnull=True)
                | Q(taxonomy="post_tag", tag__isnull=False, category__isnull=True),
                name="imported_term_one_target",
                violation_error_message=ONE_TERM,
            ),
        ]
        indexes = [models.Index(fields=["taxonomy", "legacy_path"], name="imported_term_path")]

    def __str__(self):
        return f"/{'category' if self.taxonomy == 'category' else 'tag'}/{self.legacy_path}/"

    def clean(self):
        wants_category = self.taxonomy == self.Taxonomy.CATEGORY
        if wants_category != bool(self.category_id) or wants_category == bool(self.tag_id):
            raise ValidationError(ONE_TERM)
