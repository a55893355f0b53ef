"""The news sitemaps for search engines, a Google News sitemap and robots.txt."""

import datetime
import html
from collections import defaultdict
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.core.sitemaps import PAGE, EveryLanguage, LargeSitemap
from newsroom.models import Article, Category, MediaTopic, Tag

SLUG_MARK = "slug-mark"
URL_SAFE = "!$&'()*+,;=/~:@"  # what reverse() leaves unquoted (RFC 3986 sub-delims and /~:@)


class ArticleSitemap(LargeSitemap):
    """Up to 5,000 articles a page, built as rows rather than model instances, their XML
    written here (templates/sitemap_section.xml passes it through): Django's sitemap, which
    makes an instance, reverses a URL in its language and renders a template block per item,
    spends most of a page's time on that. Their alternates are each article's published
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
        number = self.paginator.validate_number(page)  # a 404 for a page that is not there
        # The article_sitemap index holds the page's columns: the rows before it are
        # skipped in the index, and the page read from it too.
        rows = self.items()[(number - 1) * self.limit : number * self.limit]
        translations = Article.objects.published().filter(
            noindex=False, translation_group__in=rows.values("translation_group")
        )
        siblings = defaultdict(dict)
        for language, slug, group in translations.values_list(
            "language", "slug", "translation_group"
        ):
            siblings[group][language] = slug
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        path, urls, zone = ArticlePaths(), [], timezone.get_current_timezone()
        for slug, language, group, changed, published in rows.values_list(*ROW):
            modified = max(published, changed or published)
            location = f"{root}{path(language, slug)}"
            versions = siblings[group]
            links = alternates(versions, root, path) if len(versions) > 1 else []
            urls.append({"location": location, "lastmod": modified, "alternates": links,
                         "xml": url_xml(location, modified.astimezone(zone), links)})  # fmt: skip
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


ROW = ("slug", "language", "translation_group", "content_changed_at", "publish_at")


def url_xml(location, modified, links):
    """One <url> of the sitemap, as Django's sitemap.xml template would write it; `modified`
    in the site's time zone. html.escape() is what Django's escape() runs, without its
    lazy-text wrapper (5,000 times a page)."""
    parts = [f"<url><loc>{html.escape(location)}</loc><lastmod>{modified:%Y-%m-%d}</lastmod>"]
    parts += [
        f'<xhtml:link rel="alternate" hreflang="{link["lang_code"]}" '
        f'href="{html.escape(link["location"])}"/>'
        for link in links
    ]
    # Plain text, not mark_safe()'d 5,000 times: the template writes it as it is.
    return "".join(parts) + "</url>"


def article_address(language):
    """An article's address in `language` as (before, after) its slug."""
    with translation.override(language):
        path = reverse("article", kwargs={"slug": SLUG_MARK})
    before, _mark, after = path.partition(SLUG_MARK)
    return before, after


class ArticlePaths:
    """What Article.get_absolute_url() gives, with reverse()'s own quoting of the slug, but
    reversed once per language: a sitemap page would otherwise reverse 5,000 times or more,
    each in its article's language."""

    def __init__(self):
        self.addresses = {}

    def __call__(self, language, slug):
        if language not in self.addresses:
            self.addresses[language] = article_address(language)
        before, after = self.addresses[language]
        return f"{before}{quote(slug, safe=URL_SAFE)}{after}"


def alternates(found, root, path):
    """{language: slug} of one story's versions as xhtml:link alternates, x-default last."""
    links = [
        {"lang_code": code, "location": f"{root}{path(code, found[code])}"}
        for code in sorted(found)
    ]
    if settings.LANGUAGE_CODE in found:
        default = f"{root}{path(settings.LANGUAGE_CODE, found[settings.LANGUAGE_CODE])}"
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
