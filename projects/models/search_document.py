"""What search finds a project by: the one place its search document is written."""

from newsroom.models.search_documents import every_language
from newsroom.models.search_documents import search_document_for as article_document
from newsroom.models.search_index import Indexed


def search_document_for(project):
    """The project's names; its keywords (organisations with their local names, sector,
    product, place, programme); its summary. Fields and .all() only, so that prefetched
    rows are used and a migration's historical models can run it too."""
    keywords = []
    for organization in project.organizations.all():
        keywords += [*every_language(organization, "name"), organization.local_name]
    keywords += [project.sector, project.product]
    keywords += every_language(project, "city") + every_language(project, "province")
    keywords += [project.programme.name] if project.programme_id else []
    names = [*every_language(project, "name"), project.local_name]
    return {
        "title": "\n".join(n for n in names if n),
        "keywords": "\n".join(k for k in keywords if k),
        "body": "\n".join(s for s in every_language(project, "summary") if s),
    }


class SearchableProject(Indexed):
    """Project's part in the search index (newsroom/models/search_index.py)."""

    search_kind = "project"
    search_document = search_document_for

    def search_followers(self):
        return [self.articles.all()] if self.pk else []  # their documents name the project


def search_sources(Article, Project):
    """What the whole index is built from, (kind, rows with what their documents read,
    builder): for `rebuild_search_index` and, with historical models, the migration."""
    return [
        (
            "article",
            Article.objects.select_related("category").prefetch_related(
                "taggedarticle_set__tag", "projects"
            ),
            article_document,
        ),
        (
            "project",
            Project.objects.select_related("programme").prefetch_related("organizations"),
            search_document_for,
        ),
    ]
