"""RSS 2.0 and Atom feeds of the news: all of it, or one category, tag or project."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed

from newsroom.models import Article, Category, Tag
from projects.models import Project

FEED_SIZE = 30


class RssWithContent(Rss201rev2Feed):
    """RSS 2.0 with the full (sanitised) article in content:encoded."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class NewsFeed(Feed):
    feed_type = RssWithContent
    description = "The latest news."

    def get_object(self, request, *args, **kwargs):
        return None

    def __call__(self, request, *args, **kwargs):
        self.request = request  # enclosure addresses must be absolute
        return super().__call__(request, *args, **kwargs)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {self.subject(obj)}"

    def subject(self, obj):
        return "news"

    def link(self, obj):
        return reverse("news")

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj):
        return (
            self.articles(obj)
            .select_related("category", "lead_image")
            .prefetch_related("tags")
            .order_by("-publish_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary or article.subtitle

    def item_guid(self, article):
        return f"urn:uuid:{article.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return max(article.updated_at, article.publish_at)

    def item_author_name(self, article):
        return article.byline or settings.SITE_NAME

    def item_categories(self, article):
        return [article.category.name, *(tag.name for tag in article.tags.all())]

    def item_enclosures(self, article):
        """The lead picture, if it may be shown: its metadata-free original."""
        image = article.lead_image
        if not (image and image.is_described and image.file):
            return []
        url = self.request.build_absolute_uri(image.file.url)
        return [Enclosure(url, str(image.file_size), image.content_type)]

    def item_extra_kwargs(self, article):
        return {"content": article.body}


class CategoryFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def subject(self, category):
        return category.name

    def link(self, category):
        return category.get_absolute_url()

    def articles(self, category):
        return Article.objects.published().filter(category=category)


class TagFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag.objects.public(), slug=slug)

    def subject(self, tag):
        return f"news tagged “{tag.name}”"

    def link(self, tag):
        return tag.get_absolute_url()

    def articles(self, tag):
        return Article.objects.published().filter(tags=tag)


class ProjectFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Project.objects.published(), slug=slug)

    def subject(self, project):
        return f"news about {project.name}"

    def link(self, project):
        return project.get_absolute_url()

    def articles(self, project):
        return Article.objects.published().filter(projects=project)


def atom(feed_class):
    """The Atom twin of an RSS feed class."""
    return type(f"Atom{feed_class.__name__}", (feed_class,), {
        "feed_type": AtomWithContent,
        "subtitle": lambda self, obj: self.description,
    })  # fmt: skip
