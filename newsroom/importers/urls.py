"""The old WordPress addresses. Unprefixed on purpose: they are the old site's, in no
language, and each answers 301 with the new (prefixed) address."""

from django.urls import path

from newsroom.importers import legacy

urlpatterns = [
    path(
        "<int:year>/<int:month>/<int:day>/<str:slug>/",
        legacy.dated_post,
        name="legacy_dated_post",
    ),
    path("category/<path:path>/", legacy.category, name="legacy_category"),
    path("tag/<str:slug>/", legacy.tag, name="legacy_tag"),
]
