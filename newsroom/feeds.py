"""RSS and Atom feeds of the news: all of it, or one category or tag."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from newsroom import clock
from newsroom.core import fragments
from newsroom.core.feeds import FEED_SIZE, ArticleFeed, RssWithContent
from newsroom.models import Article, Category, Correction, Tag
from newsroom.press.models import with_about


class NewsFeed(ArticleFeed):
    description = _("The latest news.")

    def kept(self, make):
        # The same for every reader of this address until the published set changes.
        return clock.remembered(("feed", self.request.path), make, fragments.records)

    def with_extras(self, articles):
        return with_about(articles)  # press releases end with the boilerplate

    def get_object(self, request, *args, **kwargs):
        return None

    def subject(self, obj):
        return "news"

    def link(self, obj):
        return reverse("news")

    def articles(self, obj):
        return Article.objects.published()

    def withdrawn(self, obj):
        return Article.objects.withdrawal_notices()


class CategoryFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def subject(self, category):
        return category.name

    def link(self, category):
        return category.get_absolute_url()

    def articles(self, category):
        return Article.objects.published().filter(category=category)

    def withdrawn(self, category):
        return Article.objects.withdrawal_notices().filter(category=category)


class TagFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag.objects.public(), slug=slug)

    def subject(self, tag):
        return f"news tagged “{tag.name}”"

    def link(self, tag):
        return tag.get_absolute_url()

    def articles(self, tag):
        return Article.objects.published().filter(tags=tag)

    def withdrawn(self, tag):
        return Article.objects.withdrawal_notices().filter(tags=tag)


class CorrectionsFeed(Feed):
    """The corrections and updates log as a feed: one item per note."""

    feed_type = RssWithContent
    description = _("Corrections and updates to our published stories.")

    def title(self):
        return f"{settings.SITE_NAME}: corrections and updates"

    def link(self):
        return reverse("corrections")

    def items(self):
        return Correction.objects.public()[:FEED_SIZE]

    def item_title(self, correction):
        return f"{correction.get_kind_display()}: {correction.article.title}"

    def item_description(self, correction):
        return escape(correction.note)

    def item_link(self, correction):
        return correction.get_absolute_url()

    def item_pubdate(self, correction):
        return correction.noted_at
