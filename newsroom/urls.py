from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, register_converter

from newsroom import views
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
    path("preview/<str:token>/", views.preview, name="preview"),
    path("", include("projects.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "newsroom.errors.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
