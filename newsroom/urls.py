from django.conf import settings
from django.contrib import admin
from django.urls import include, path, register_converter

from newsroom import media, views
from newsroom.converters import UnicodeSlugConverter

register_converter(UnicodeSlugConverter, "uslug")

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.ArticleListView.as_view(), name="news"),
    path("news/<int:year>/", views.YearArchive.as_view(), name="archive_year"),
    path("news/<int:year>/<int:month>/", views.MonthArchive.as_view(), name="archive_month"),
    path("news/category/<uslug:slug>/", views.CategoryView.as_view(), name="category"),
    path("news/tag/<uslug:slug>/", views.TagView.as_view(), name="tag"),
    path("news/<uslug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("news/<uslug:slug>/pictures.zip", views.article_media_kit, name="article_media_kit"),
    path("preview/<str:token>/", views.preview, name="preview"),
    path("", include("projects.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve)]
