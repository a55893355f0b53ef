"""The sitemaps of the projects and organisations the public may see."""

from django.contrib.sitemaps import Sitemap

from newsroom.core.sitemaps import EveryLanguage, LargeSitemap
from projects.models import Organization, Programme, Project


class ProjectSitemap(LargeSitemap):
    lastmod_fields = ["updated_at"]

    def items(self):
        return (
            Project.objects.published()
            .filter(noindex=False)
            .only("slug", "updated_at")
            .order_by("name", "pk")
        )

    def lastmod(self, project):
        return project.updated_at


class OrganizationSitemap(EveryLanguage, Sitemap):
    def items(self):
        return Organization.objects.public()


class ProgrammeSitemap(EveryLanguage, Sitemap):
    def items(self):
        return Programme.objects.published().only("slug").order_by("name", "pk")


SITEMAPS = {
    "projects": ProjectSitemap,
    "organizations": OrganizationSitemap,
    "programmes": ProgrammeSitemap,
}
