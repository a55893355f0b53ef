"""RSS and Atom feeds of the news: all of it, or one category or tag."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from newsroom.core.feeds import ArticleFeed
from newsroom.models import Article, Category, Tag
from newsroom.press.models import with_about


class NewsFeed(ArticleFeed):
    description = "The latest news."

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
