"""Every public page that can list or show an article, so visibility rules are tested on each.

A test (test_visibility.py) fails when the URLconf gains a public page that is neither
listed here nor exempted with a reason, so a new surface cannot skip the published rule.
"""

import datetime

from django.utils import timezone

# name -> function(article, project) giving the address to check.
SURFACES = {
    "home": lambda a, p: "/",
    "news": lambda a, p: "/news/",
    "category": lambda a, p: a.category.get_absolute_url(),
    "tag": lambda a, p: "/news/tag/hidden-topic/",
    "archive_year": lambda a, p: f"/news/{timezone.localtime(a.publish_at).year}/",
    "archive_month": lambda a, p: f"/news/{timezone.localtime(a.publish_at):%Y/%m}/",
    "article": lambda a, p: a.get_absolute_url(),
    "project": lambda a, p: p.get_absolute_url(),
    "organization": lambda a, p: p.roles.get().organization.get_absolute_url(),
    "related": lambda a, p: p.article_links.get(link="announces").article.get_absolute_url(),
}

# Public pages that never show articles, with the reason.
EXEMPT = {
    "projects": "the directory lists projects only",
    "projects_export_csv": "exports hold projects and figures only",
    "projects_export_json": "exports hold projects and figures only",
    "projects_data_dictionary": "documentation, no content",
    "preview": "shows unpublished articles on purpose, through a signed link",
    "article_media_kit": "a ZIP, not a page; its 404 for every unpublished state is in "
    "test_media_kit.py",
    "project_media_kit": "a ZIP of project pictures; tested in test_media_kit.py",
}


def hidden_story_setting(factories, **article_fields):
    """An article linked to a project and an organisation, tagged, next to a public story
    that links to it, so that every surface above has a place where it could leak."""
    from projects.models import ArticleProject, Organization, ProjectOrganization

    news = factories.category(name="Company news", slug="company-news")
    hidden = factories.article(
        title="Hidden story", category=news, tags=["Hidden topic"], **article_fields
    )
    project = factories.project()
    organization = Organization.objects.create(name="Org", slug="org")
    ProjectOrganization.objects.create(project=project, organization=organization)
    public = factories.article(
        title="Public story",
        category=news,
        publish_at=timezone.now() - datetime.timedelta(days=400),
    )
    public.related_articles.add(hidden)
    factories.link(public, project, ArticleProject.Link.ANNOUNCES)
    factories.link(hidden, project, ArticleProject.Link.UPDATES)
    return hidden, project
