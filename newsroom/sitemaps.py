"""The news sitemaps for search engines, a Google News sitemap and robots.txt."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.core.sitemaps import PAGE, EveryLanguage, LargeSitemap
from newsroom.models import Article, Category, MediaTopic, Tag


class ArticleSitemap(LargeSitemap):
    lastmod_fields = ["content_changed_at", "publish_at"]

    def items(self):
        return (
            Article.objects.published()
            .filter(noindex=False)
            .only("slug", "language", "translation_group", "content_changed_at", "publish_at")
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, article):
        return article.modified_at

    def get_urls(self, page=1, site=None, protocol=None):
        """Each article lists its published translations as xhtml:link alternates (itself
        included, as Google asks), found in one query for the whole page."""
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        if not urls:
            return urls
        groups = {url["item"].translation_group for url in urls}
        siblings = defaultdict(list)
        versions = Article.objects.published().filter(translation_group__in=groups, noindex=False)
        for version in versions.only("slug", "language", "translation_group"):
            siblings[version.translation_group].append(version)
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            versions = siblings[url["item"].translation_group]
            if len(versions) > 1:
                url["alternates"] = alternates(versions, root)
        return urls


def alternates(versions, root):
    found = {v.language: f"{root}{v.get_absolute_url()}" for v in versions}
    links = [{"lang_code": code, "location": found[code]} for code in sorted(found)]
    if settings.LANGUAGE_CODE in found:
        links.append({"lang_code": "x-default", "location": found[settings.LANGUAGE_CODE]})
    return links


def in_use(queryset, **link):
    """Only the rows that published articles (or projects) point at: no empty pages."""
    return queryset.filter(Exists(link["through"].filter(**{link["field"]: OuterRef("pk")})))


class CategorySitemap(EveryLanguage, Sitemap):
    def items(self):
        return in_use(Category.objects.all(), through=Article.objects.published(), field="category")


class TagSitemap(EveryLanguage, Sitemap):
    limit = PAGE

    def items(self):
        return Tag.objects.public()


class TopicSitemap(EveryLanguage, Sitemap):
    def items(self):
        return MediaTopic.objects.public()


SITEMAPS = {
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "topics": TopicSitemap,
}


# Google News wants ISO 639 codes, except "zh-cn" for Simplified and "zh-tw" for Traditional
# Chinese (its News sitemap reference).
NEWS_LANGUAGES = {"zh-hans": "zh-cn", "zh-hant": "zh-tw"}


def news_language(code):
    return NEWS_LANGUAGES.get(code.lower(), code.split("-")[0])


def news_sitemap(request):
    """Google News: the articles of the last two days."""
    since = timezone.now() - datetime.timedelta(days=2)
    articles = (
        Article.objects.published()
        .filter(noindex=False, publish_at__gte=since)
        .only("slug", "language", "title", "publish_at")
        .order_by("-publish_at")[:1000]
    )
    for article in articles:
        article.news_language = news_language(article.language)
    context = {"articles": articles, "publication": settings.SITE_NAME}
    return render(request, "sitemap_news.xml", context, content_type="application/xml")


def searches():
    for code, _ in settings.LANGUAGES:
        with translation.override(code):
            yield reverse("search")


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        *(f"Disallow: {path}" for path in searches()),
        "Disallow: /language/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap_news'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
