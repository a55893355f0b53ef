import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from projects.fields import WebAddressField

# What a citation shows of one of our articles: its title and address, and whether the
# public may see it yet (Article.visibility). The rest stays in the database: an export cites
# 800 articles, and their whole rows took twice as long to read.
CITED_ARTICLE_FIELDS = (
    "title", "slug", "language", "status", "publish_at", "embargo_until", "unpublish_at"
)  # fmt: skip


def with_cited_articles(queryset, path="source"):
    """`queryset` joined to the articles its rows cite at `path` (None: a queryset of
    sources), with what a citation shows of them (CITED_ARTICLE_FIELDS)."""
    article = f"{path}__article" if path else "article"
    return queryset.select_related(article).defer(*(f"{article}__{n}" for n in unshown()))


@functools.cache
def unshown():
    article = Source._meta.get_field("article").related_model
    return tuple(
        field.name
        for field in article._meta.concrete_fields
        if not field.primary_key and field.name not in CITED_ARTICLE_FIELDS
    )


class Source(models.Model):
    """Where a figure or milestone was stated: one of our articles, or an outside page."""

    article = models.ForeignKey(
        "newsroom.Article",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sources",
        help_text=_("One of our articles. Leave empty to cite an outside page instead."),
    )
    url = WebAddressField("URL", max_length=500, blank=True)
    title = models.CharField(
        max_length=300, blank=True, help_text=_("Required for an outside page.")
    )
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(article__isnull=False) & Q(url=""))
                | (Q(article__isnull=True) & ~Q(url="") & ~Q(title="")),
                name="source_is_article_or_titled_url",
                violation_error_message="Cite either one of our articles, or an outside URL "
                "with a title.",
            ),
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(article__isnull=False),
                name="one_source_per_article",
            ),
        ]

    def __str__(self):
        return self.label

    @cached_property
    def is_public(self):
        """An article source is citable only once the article is public: a draft's title or
        an embargoed story must not leak through a citation. Kept for the instance's life (a
        request): an export asks it three times for each figure that cites the source."""
        return not self.article_id or self.article.is_published

    def public_owner(self):
        """The first published project that cites this source, whose page shows it."""
        if self.pk is None:
            return None
        from projects.models.projects import Project

        citing = (
            Q(status_source=self)
            | Q(figures__source=self)
            | Q(milestones__source=self)
            | Q(designations__source=self)
            | Q(events__source=self)
            | Q(stated_durations__source=self)
        )
        from projects.models.programmes import Programme

        return (
            Project.objects.published().filter(citing).first()
            or Programme.objects.published().filter(source=self).first()
        )

    @property
    def label(self):
        return self.article.title if self.article_id else self.title

    @cached_property
    def href(self):
        # Kept: an export reads it for every figure citing the source (a reverse() each).
        return self.article.get_absolute_url() if self.article_id else self.url

    def public_url(self, request):
        """The full address the public reads the source at, or None while it may not. An outside
        address is given exactly as recorded: making it absolute would re-encode it."""
        if not self.is_public:
            return None
        return request.build_absolute_uri(self.href) if self.article_id else self.url

    @property
    def public_publisher(self):
        """Who the public is told published the source, or None while it may not see it."""
        if not self.is_public:
            return None
        return settings.SITE_NAME if self.article_id else self.publisher

    def clean(self):
        if self.article_id and self.url:
            raise ValidationError(_("Cite either one of our articles or an outside URL, not both."))
        if not self.article_id and not (self.url and self.title):
            raise ValidationError(_("An outside source needs both a URL and a title."))
