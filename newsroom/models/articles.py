import datetime
import functools
import operator
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from newsroom.core.content import SearchEngineFields, VersionedContent
from newsroom.core.sanitize import sanitize_html
from newsroom.models.archives import ArchiveQuerySet
from newsroom.models.gallery import ArticleImage, social_image_field
from newsroom.models.images import Image, needs_description
from newsroom.models.notices import NOTICE_CONSTRAINTS, EditorialNotices, NoticeQuerySet
from newsroom.models.related import RelatedQuerySet
from newsroom.models.search_documents import SearchableArticle
from newsroom.models.taxonomy import Category, TaggedArticle
from newsroom.models.topics import MediaTopic
from newsroom.models.translations import (
    TRANSLATION_CONSTRAINTS,
    Translatable,
    TranslationQuerySet,
)

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


class ArticleQuerySet(TranslationQuerySet, NoticeQuerySet, RelatedQuerySet, ArchiveQuerySet):
    def published(self):
        """The one rule for what the public may see, decided at query time (no cron job):
        published, its publish time has come, no embargo holds it and it has not expired.
        Withdrawn and taken-down articles have their own statuses, so they are never in it."""
        now = timezone.now()
        return self.filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now),
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now),
            status=Article.Status.PUBLISHED,
            publish_at__lte=now,
        )

    def under_embargo(self):
        """Stories ready to go out except for an embargo that still holds: what approved
        journalists may read early (newsroom/press). The public never sees these."""
        now = timezone.now()
        return self.filter(
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=F("embargo_until")),
            status=Article.Status.PUBLISHED,
            embargo_until__gt=now,
        )

    def in_review(self):
        """Submitted by a writer and waiting for an editor, the longest waiting first."""
        return self.filter(status=Article.Status.REVIEW).order_by("updated_at", "pk")

    def pending(self):
        """Published but not yet public: scheduled or under embargo, in the order they go
        out (`goes_live_at`, the later of the two times)."""
        now = timezone.now()
        goes_live = Greatest("publish_at", Coalesce("embargo_until", "publish_at"))
        return (
            self.filter(Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))
            .filter(
                Q(publish_at__gt=now) | Q(embargo_until__gt=now), status=Article.Status.PUBLISHED
            )
            .annotate(goes_live_at=goes_live)
            .order_by("goes_live_at", "pk")
        )

    def next_visibility_change(self, after=None):
        """When the published set next changes by the clock alone (a schedule, an embargo
        lifting, an expiry, a withdrawal notice leaving the feeds and the API), so caches
        can stop short of it; None if nothing is pending."""
        now = after or timezone.now()
        notice = datetime.timedelta(days=settings.WITHDRAWAL_NOTICE_DAYS)
        published = self.filter(status=Article.Status.PUBLISHED)
        withdrawn = self.filter(status=Article.Status.WITHDRAWN)
        # One query of four subqueries, each the first entry of its own index: one pass
        # over every published row instead took 40 ms at 100,000 articles.
        moments = (
            self.model._base_manager.annotate(
                scheduled=nearest(published, "publish_at", now),
                embargo=nearest(published, "embargo_until", now),
                expiry=nearest(published, "unpublish_at", now),
                oldest_notice=nearest(withdrawn, "retracted_at", now - notice),
            )
            .values("scheduled", "embargo", "expiry", "oldest_notice")
            .first()
        )
        if moments is None:  # no article at all
            return None
        oldest = moments.pop("oldest_notice")
        return min((m for m in (*moments.values(), oldest and oldest + notice) if m), default=None)

    def with_pictures(self):
        """The lead image joined, the gallery with its images in one more query."""
        gallery = ArticleImage.objects.select_related("image")
        return self.select_related("lead_image").prefetch_related(
            models.Prefetch("gallery", queryset=gallery)
        )

    def for_listing(self):
        return self.select_related("category", "lead_image").prefetch_related("tags").defer("body")


def nearest(articles, field, after):
    """The first moment of `field` after `after` among `articles`, as a subquery."""
    later = articles.filter(**{f"{field}__gt": after}).order_by(field)
    return models.Subquery(later.values(field)[:1])


STATUSES = ("draft", "review", "published", "archived", "withdrawn", "taken_down")


class Article(
    Translatable, SearchableArticle, SearchEngineFields, VersionedContent, EditorialNotices
):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        TAKEN_DOWN = "taken_down", _("Taken down")

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,  # filled from the title on save (Chinese in pinyin): never empty
        help_text=_(
            "The last part of the article's address. Must be unique. Left blank, it is "
            "made from the title (Chinese titles in pinyin)."
        ),
    )
    subtitle = models.CharField("subtitle (dek)", max_length=300, blank=True)
    summary = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "One or two sentences shown in lists and used as the search-engine description."
        ),
    )
    body = ProseEditorField(
        extensions=EDITOR_EXTENSIONS,
        sanitize=sanitize_html,
        blank=True,
        help_text=_("Scripts, styles and unknown markup are removed when the article is saved."),
    )
    dateline = models.CharField(
        max_length=100, blank=True, help_text=_("Where the story was reported, e.g. “Wuhu, Anhui”.")
    )
    byline = models.CharField(max_length=200, blank=True, help_text=_("Author names as printed."))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="articles")
    tags = TaggableManager(
        through=TaggedArticle,
        blank=True,
        help_text=_("Comma-separated. Case is ignored: “Energy” and “energy” are one tag."),
    )
    subjects = models.ManyToManyField(
        MediaTopic,
        blank=True,
        related_name="articles",
        help_text=_(
            "IPTC Media Topics the story is about (type to search by name or code); "
            "they give it topic pages and tell news agencies' systems what it covers."
        ),
    )
    lead_image = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lead_articles",
        help_text=_(
            "From the image library. It needs alt text (or to be marked decorative) "
            "before the article is published."
        ),
    )
    status = models.CharField(
        max_length=20,
        choices=Status,
        default=Status.DRAFT,
        help_text=_("Writers save drafts and submit them for review; editors publish and archive."),
    )
    publish_at = models.DateTimeField(
        "publish at",
        default=timezone.now,
        help_text=_(
            "Visible to the public once published and this time has passed. "
            "A time in the future schedules the article: it appears at that second, by itself."
        ),
    )
    unpublish_at = models.DateTimeField(
        "unpublish at",
        null=True,
        blank=True,
        help_text=_("Optional: the article leaves the public site at this time."),
    )
    embargo_until = models.DateTimeField(
        "embargoed until",
        null=True,
        blank=True,
        help_text=_(
            "Until this time the article is on no public page, feed, list or search, "
            "even if published; only preview links show it."
        ),
    )
    is_featured = models.BooleanField(
        "featured", default=False, help_text=_("Featured stories lead the home page.")
    )
    related_articles = models.ManyToManyField("self", symmetrical=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    uuid = models.UUIDField(
        "feed ID",
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("The article's permanent identity in feeds; never changes."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    social_image = social_image_field()

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        get_latest_by = "publish_at"
        permissions = [("publish_article", "Can publish, schedule, unpublish and archive")]
        indexes = [
            # The admin's order (and its deep pages' keys); archives by date.
            models.Index(fields=["-publish_at", "-id"], name="article_order"),
            models.Index(fields=["status", "-publish_at"], name="article_public_order"),
            # published() in the public order, answered from the index alone (counts, the keys
            # of deep pages); the embargo and expiry columns are there so that no row is read,
            # and the language and group for a search's walk by date (for_language(), ranked()).
            models.Index(
                fields=["-publish_at", "-id", "embargo_until", "unpublish_at"],
                condition=Q(status="published"),
                include=["language", "translation_group"],
                name="article_published",
            ),
            models.Index(
                fields=["category", "-publish_at", "-id", "embargo_until", "unpublish_at"],
                condition=Q(status="published"),
                name="article_published_category",
            ),
            # The article sitemap's filter (published, not noindex): its count, its latest
            # change and its pages from the index alone (README, "Deployment at scale").
            models.Index(
                fields=["-publish_at", "-id", "embargo_until", "unpublish_at"],
                include=["content_changed_at", "slug", "language", "translation_group"],
                condition=Q(status="published", noindex=False),
                name="article_sitemap",
            ),
            # published() by key, from the index alone: the search's matches read from its
            # GIN index are checked against it (newsroom/models/search_index.py, ranked()).
            models.Index(
                fields=["id"],
                include=[
                    "publish_at",
                    "embargo_until",
                    "unpublish_at",
                    "language",
                    "translation_group",
                    "category",
                ],
                condition=Q(status="published"),
                name="article_published_by_id",
            ),
            # The clock's next change (next_visibility_change): each moment from its own
            # small index, as few stories have an embargo, an expiry or a notice.
            models.Index(
                fields=["embargo_until"],
                condition=Q(status="published", embargo_until__isnull=False),
                name="article_embargo_pending",
            ),
            models.Index(
                fields=["unpublish_at"],
                condition=Q(status="published", unpublish_at__isnull=False),
                name="article_expiry_pending",
            ),
            models.Index(
                fields=["retracted_at"], condition=Q(status="withdrawn"), name="article_withdrawn"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=[*STATUSES]),
                name="article_known_status",
                violation_error_message="Choose one of the listed statuses.",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=F("publish_at")),
                name="article_unpublished_after_published",
                violation_error_message="The unpublish time must come after the publish time.",
            ),
            *NOTICE_CONSTRAINTS,
            *TRANSLATION_CONSTRAINTS,
        ]

    # The boilerplate printed under a press release, from the one `about_row` the press
    # office's with_about() puts in the article's row (None without it).
    @property
    def about(self):
        return (getattr(self, "about_row", None) or {}).get("text")

    @property
    def about_heading(self):
        return (getattr(self, "about_row", None) or {}).get("heading")

    @property
    def about_language(self):
        return (getattr(self, "about_row", None) or {}).get("language")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_slug()
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        published = self.status == self.Status.PUBLISHED
        if published and self.lead_image_id and not self.lead_image.is_described:
            errors["lead_image"] = needs_description(self.lead_image)
        if published and self.social_image_id and not self.social_image.is_described:
            errors["social_image"] = needs_description(self.social_image)
        if self.unpublish_at and self.publish_at and self.unpublish_at <= self.publish_at:
            errors["unpublish_at"] = "The unpublish time must come after the publish time."
        errors.update(self.notice_errors())
        errors.update(self.translation_errors())
        if errors:
            raise ValidationError(errors)

    @property
    def media_kit(self):
        """The pictures the public may see, lead first, from prefetched rows: images without
        alt text (and not decorative) never appear on a page or in a download."""
        found = [self.lead_image] if self.lead_image_id else []
        found += [row.image for row in self.gallery.all()]
        return list({image.pk: image for image in found if image.is_described}.values())

    def undescribed_images(self):
        return (
            Image.objects.undescribed()
            .filter(Q(lead_articles=self) | Q(article_uses__article=self))
            .distinct()
        )

    def public_owner(self):
        # Scheduled and embargoed articles count: they go out by themselves (core/publishing.py).
        return None if self.status in (self.Status.DRAFT, self.Status.REVIEW) else self

    @property
    def is_published(self):
        """The published() rule for one loaded article, without a query."""
        return self.visibility == "Live"

    @property
    def visibility(self):
        """What the public sees now, in an editor's words."""
        now = timezone.now()
        if self.status != self.Status.PUBLISHED:
            return self.get_status_display()
        if self.unpublish_at and self.unpublish_at <= now:
            return "Expired"
        if self.publish_at > now:
            return "Scheduled"
        if self.embargo_until and self.embargo_until > now:
            return "Embargoed"
        return "Live"

    @property
    def byline_list(self):
        return [name.strip() for name in self.byline.split(",") if name.strip()]

    @staticmethod
    def byline_names(name):
        """Articles whose byline (names separated by commas) includes `name` exactly."""
        parts = [Q(byline=name), Q(byline__startswith=f"{name},")]
        parts += [Q(byline__endswith=f",{name}"), Q(byline__endswith=f", {name}")]
        parts += [Q(byline__contains=f", {name},"), Q(byline__contains=f",{name},")]
        return functools.reduce(operator.or_, parts)

    @property
    def is_embargoed(self):
        return bool(self.embargo_until and self.embargo_until > timezone.now())
