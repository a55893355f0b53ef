from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from newsroom import design, feeds, languages, search, sitemaps, views
from newsroom.core import media
from newsroom.core.feeds import atom
from newsroom.core.health import health
from newsroom.core.sitemaps import SectionSitemap
from newsroom.errors import favicon
from projects import sitemaps as projects_sitemaps

# The sitemap index lists each app's own sitemaps.
SITEMAPS = {
    "sections": SectionSitemap(["home", "news", "projects"]),
    **sitemaps.SITEMAPS,
    **projects_sitemaps.SITEMAPS,
}

# Pages for readers, under /en/… and /zh-hans/… (newsroom/core/locale.py).
urlpatterns = i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.NewsView.as_view(), name="news"),
    path("news/<int:year>/", views.YearArchive.as_view(), name="archive_year"),
    path("news/<int:year>/<int:month>/", views.MonthArchive.as_view(), name="archive_month"),
    path("news/category/<uslug:slug>/", views.CategoryView.as_view(), name="category"),
    path("news/tag/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("news/topics/<str:code>/", views.TopicView.as_view(), name="topic"),
    path("news/by/<path:name>/", views.AuthorView.as_view(), name="author"),
    # Before the article's address, which would take "corrections" for a slug.
    path("news/corrections/", views.CorrectionsLogView.as_view(), name="corrections"),
    path("news/corrections/feed.rss", feeds.CorrectionsFeed(), name="corrections_rss"),
    path("news/corrections/feed.atom", atom(feeds.CorrectionsFeed)(), name="corrections_atom"),
    path("news/<uslug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("news/<uslug:slug>/pictures.zip", views.article_media_kit, name="article_media_kit"),
    path("search/", search.search, name="search"),
    path("styleguide/", design.styleguide, name="styleguide"),
    path("news/feed.rss", feeds.NewsFeed(), name="feed_rss"),
    path("news/feed.atom", atom(feeds.NewsFeed)(), name="feed_atom"),
    path("news/category/<uslug:slug>/feed.rss", feeds.CategoryFeed(), name="category_rss"),
    path(
        "news/category/<uslug:slug>/feed.atom",
        atom(feeds.CategoryFeed)(),
        name="category_atom",
    ),
    path("news/tag/<uslug:slug>/feed.rss", feeds.TagFeed(), name="tag_rss"),
    path("news/tag/<uslug:slug>/feed.atom", atom(feeds.TagFeed)(), name="tag_atom"),
    path("", include("projects.urls")),
    path("press/", include("newsroom.press.urls")),
    path("", include("newsroom.alerts.urls")),
)

# For machines and staff, in no language of their own.
urlpatterns += [
    path("", languages.root, name="root"),
    path("language/<str:code>/", languages.switch, name="switch_language"),
    # A preview link is mailed to a reviewer; it shows the draft in its own language.
    path("preview/<str:token>/", views.preview, name="preview"),
    # The old WordPress addresses (/2019/03/04/slug/, /category/…, /tag/…): unprefixed.
    path("", include("newsroom.importers.urls")),
    path("api/v1/", include("newsroom.api.urls")),
    path("admin/", admin.site.urls),
    path("brand.css", design.brand_css, name="brand_css"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("health/", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path("sitemap-news.xml", sitemaps.news_sitemap, name="sitemap_news"),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        # Django's template, passing through the XML a sitemap wrote itself (newsroom/sitemaps.py).
        {"sitemaps": SITEMAPS, "template_name": "sitemap_section.xml"},
        name="sitemap_section",
    ),
]

handler500 = "newsroom.errors.server_error"

# Uploaded media, when Django serves it (SERVE_MEDIA) rather than nginx or object storage.
MEDIA_PATTERNS = [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve)]
if settings.SERVE_MEDIA:
    urlpatterns += MEDIA_PATTERNS
