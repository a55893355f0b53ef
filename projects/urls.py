from django.urls import path

from newsroom.core.feeds import atom
from projects import embed, feeds, views

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="projects"),
    path("projects/export.csv", views.projects_csv, name="projects_export_csv"),
    path("projects/export.json", views.projects_json, name="projects_export_json"),
    # Before the project pages: a project with the slug "data" would be hidden by it.
    path("projects/data/", views.DataDictionaryView.as_view(), name="projects_data_dictionary"),
    path("projects/<uslug:slug>/", views.ProjectDetailView.as_view(), name="project"),
    path("projects/<uslug:slug>/embed/", embed.ProjectEmbedView.as_view(), name="project_embed"),
    path("oembed/", embed.oembed, name="oembed"),
    path("projects/<uslug:slug>/pictures.zip", views.project_media_kit, name="project_media_kit"),
    path("projects/<uslug:slug>/feed.rss", feeds.ProjectFeed(), name="project_rss"),
    path("projects/<uslug:slug>/feed.atom", atom(feeds.ProjectFeed)(), name="project_atom"),
    path("programmes/<uslug:slug>/", views.ProgrammeDetailView.as_view(), name="programme"),
    path(
        "organizations/<uslug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization",
    ),
]
