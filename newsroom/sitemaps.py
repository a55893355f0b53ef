"""The news sitemaps for search engines, a Google News sitemap and robots.txt."""

import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.core.addresses import SlugAddresses
from newsroom.core.sitemaps import PAGE, EveryLanguage, LargeSitemap
from newsroom.models import Article, Category, MediaTopic, Tag


class ArticleSitemap(LargeSitemap):
    """Up to 5,000 articles a page, built as rows rather than model instances: Django's
    sitemap, which makes an instance and reverses a URL in its language per item, spends
    most of a page's time on that. Their alternates are each article's published
    translations (itself included, as Google asks), found in one query for the page."""

    lastmod_fields = ["content_changed_at", "publish_at"]

    def items(self):
        return (
            Article.objects.published()
            .filter(noindex=False)
            .only(*ROW)
            .order_by("-publish_at", "-pk")
        )

    def lastmod(self, article):
        return article.modified_at

    def get_urls(self, page=1, site=None, protocol=None):
        number = page_number(page)
        # The article_sitemap index holds the page's columns: the rows before it are
        # skipped in the index, and the page read from it too.
        rows = self.items()[(number - 1) * self.limit : number * self.limit]
        translations = Article.objects.published().filter(
            noindex=False, translation_group__in=rows.values("translation_group")
        )
        siblings = {}
        for language, slug, group in translations.values_list(
            "language", "slug", "translation_group"
        ):
            siblings.setdefault(group, {})[language] = slug
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls, article_path = [], SlugAddresses("article")  # Article.get_absolute_url()
        for slug, language, group, changed, published in rows.values_list(*ROW):
            versions = siblings.get(group, ())
            urls.append({"location": f"{root}{article_path(slug, language)}",
                         "lastmod": max(published, changed or published),
                         "alternates": alternates(versions, root, article_path) if len(versions) > 1 else []})  # fmt: skip
        if not urls and number > 1:
            raise EmptyPage(f"Page {number} is empty")
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


ROW = ("slug", "language", "translation_group", "content_changed_at", "publish_at")
LAST_PAGE = 1_000_000  # 5 billion articles


def page_number(page):
    """The page asked for, checked without counting the list (a scan of every row at
    100,000 articles): a page past the end is found empty once read."""
    try:
        number = int(page)
    except (TypeError, ValueError):
        raise PageNotAnInteger(f"{page!r} is not a page number") from None
    if number < 1:
        raise EmptyPage(f"Page {number} is before the first")
    if number > LAST_PAGE:  # its offset would overflow the database's integers
        raise EmptyPage(f"Page {number} is past the last")
    return number


def alternates(found, root, article_path):
    """{language: slug} of one story's versions as xhtml:link alternates, x-default last."""
    links = [
        {"lang_code": code, "location": f"{root}{article_path(found[code], code)}"}
        for code in sorted(found)
    ]
    if settings.LANGUAGE_CODE in found:
        default = f"{root}{article_path(found[settings.LANGUAGE_CODE], settings.LANGUAGE_CODE)}"
        links.append({"lang_code": "x-default", "location": default})
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
