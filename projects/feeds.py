"""RSS and Atom feeds of the news about one project."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from newsroom.core.feeds import ArticleFeed
from newsroom.models import Article
from newsroom.press.models import with_about
from projects.models import Project


class ProjectFeed(ArticleFeed):
    description = _("The latest news.")

    def get_object(self, request, slug):
        return get_object_or_404(Project.objects.published(), slug=slug)

    def subject(self, project):
        return f"news about {project.name}"

    def link(self, project):
        return project.get_absolute_url()

    def with_extras(self, articles):
        return with_about(articles)  # press releases end with the boilerplate

    def articles(self, project):
        return Article.objects.published().filter(projects=project)

    def withdrawn(self, project):
        return Article.objects.withdrawal_notices().filter(projects=project)
