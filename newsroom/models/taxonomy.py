from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase

from newsroom.core.addresses import slug_path
from newsroom.core.translated import DefaultLanguageColumns, OriginalColumnsQuerySet
from newsroom.models.search_index import Indexed


class Category(Indexed, DefaultLanguageColumns):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Categories are listed by this number, lowest first.")
    )

    objects = OriginalColumnsQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("category", self.slug)

    def search_followers(self):
        return [self.articles.all()] if self.pk else []  # their documents name the category


class TagQuerySet(OriginalColumnsQuerySet):
    def public(self):
        """Tags of at least one published article: a draft's tag is nobody's business yet."""
        from newsroom.models.articles import Article

        return self.filter(Exists(Article.objects.published().filter(tags=OuterRef("pk"))))


class Tag(Indexed, DefaultLanguageColumns, TagBase):
    """A taggit tag whose name is unique regardless of case, enforced by the database. The
    rule holds for the English name (the original column); translations are free."""

    objects = NaturalKeyManager.from_queryset(TagQuerySet)()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="tag_name_unique_ignoring_case",
                violation_error_message="A tag with this name already exists: tag names "
                "ignore upper and lower case, so “Wuhu” and “wuhu” are one tag.",
            ),
        ]

    def slugify(self, tag, i=None):
        # A name made only of punctuation slugifies to "", which would break the tag page.
        slug = slugify(tag, allow_unicode=True) or "tag"
        return slug if i is None else f"{slug}-{i}"

    def get_absolute_url(self):
        return slug_path("tag", self.slug)

    def search_followers(self):
        from newsroom.models.articles import Article

        return [Article.objects.filter(tags=self)] if self.pk else []  # documents name it

    def public_owner(self):
        # Shared by articles, so one public article makes it the editors'.
        if self.pk is None:
            return None
        used = self.tagged_articles.exclude(content_object__status__in=["draft", "review"])
        first = used.select_related("content_object").first()
        return first.content_object if first else None


class TaggedArticle(TaggedItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)
    public_through = "content_object"  # shown on its page (newsroom/core/publishing.py)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tag_once_per_article")
        ]
        # A tag's articles from the index alone: tag pages, their counts and feeds.
        indexes = [models.Index(fields=["tag", "content_object"], name="tagged_article_by_tag")]
