from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import TagBase, TaggedItemBase

from newsroom.sanitize import sanitize_html

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "HTML": True,
}


class Category(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Categories are listed by this number, lowest first."
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("category", kwargs={"slug": self.slug})


class Tag(TagBase):
    """A taggit tag whose name is unique regardless of case, enforced by the database."""

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="tag_name_unique_ignoring_case"),
        ]

    def slugify(self, tag, i=None):
        # A name made only of punctuation slugifies to "", which would break the tag page.
        slug = slugify(tag, allow_unicode=True) or "tag"
        return slug if i is None else f"{slug}-{i}"

    def get_absolute_url(self):
        return reverse("tag", kwargs={"slug": self.slug})


class TaggedArticle(TaggedItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tag_once_per_article")
        ]


class ArticleQuerySet(models.QuerySet):
    def live(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def published(self):
        """The one rule for what the public may see: published, and its time has come."""
        return self.live().filter(publish_at__lte=timezone.now())

    def for_listing(self):
        return self.select_related("category").prefetch_related("tags").defer("body")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text="The last part of the article's address. Must be unique.",
    )
    subtitle = models.CharField("subtitle (dek)", max_length=300, blank=True)
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences shown in lists and used as the search-engine description.",
    )
    body = ProseEditorField(
        extensions=EDITOR_EXTENSIONS,
        sanitize=sanitize_html,
        blank=True,
        help_text="Scripts, styles and unknown markup are removed when the article is saved.",
    )
    dateline = models.CharField(
        max_length=100, blank=True, help_text="Where the story was reported, e.g. “Wuhu, Anhui”."
    )
    byline = models.CharField(max_length=200, blank=True, help_text="Author names as printed.")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="articles")
    tags = TaggableManager(
        through=TaggedArticle,
        blank=True,
        help_text="Comma-separated. Case is ignored: “Energy” and “energy” are one tag.",
    )
    lead_image = models.ImageField(upload_to="articles/%Y/%m/", blank=True)
    lead_image_alt = models.CharField(
        "lead image alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it. Required with an image.",
    )
    lead_image_caption = models.CharField(max_length=300, blank=True)
    lead_image_credit = models.CharField(max_length=150, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        "publish at",
        default=timezone.now,
        db_index=True,
        help_text="Visible to the public once published and this time has passed.",
    )
    is_featured = models.BooleanField(
        "featured", default=False, help_text="Featured stories lead the home page."
    )
    related_articles = models.ManyToManyField("self", symmetrical=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        get_latest_by = "publish_at"
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_public_order"),
            models.Index(fields=["category", "status", "-publish_at"], name="article_category"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "published"]),
                name="article_known_status",
                violation_error_message="Choose one of the listed statuses.",
            ),
            models.CheckConstraint(
                condition=models.Q(lead_image="") | ~models.Q(lead_image_alt=""),
                name="article_lead_image_has_alt",
                violation_error_message="Describe the lead image for readers who cannot see it.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article", kwargs={"slug": self.slug})

    def clean(self):
        if self.lead_image and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": "Describe the lead image for readers who cannot see it."}
            )

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED and self.publish_at <= timezone.now()
