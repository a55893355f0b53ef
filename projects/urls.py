from django.urls import path

from projects import views

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="projects"),
    path("projects/<uslug:slug>/", views.ProjectDetailView.as_view(), name="project"),
    path(
        "organizations/<uslug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization",
    ),
]
