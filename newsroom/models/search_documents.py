"""What search finds an article by: the one place its search document is written."""

from newsroom.core.search import paragraphs
from newsroom.models.search_index import Indexed


def search_document_for(article):
    """The article's title; its keywords (tags, category, the projects it is linked to);
    its text. Reads relations through .all() so that prefetched rows are used, and only
    fields, so that a migration's historical models can run it too."""
    projects = getattr(article, "projects", None)  # the projects app's link, when installed
    # Through the link rows, not `tags`: taggit's manager needs methods historical models lack.
    keywords = [row.tag.name for row in article.taggedarticle_set.all()]
    keywords += [article.category.name] if article.category_id else []
    for project in projects.all() if projects is not None else ():
        keywords += [project.name, project.local_name]
    text = [article.subtitle, article.summary, *paragraphs(article.body or "")]
    return {
        "title": article.title,
        "keywords": "\n".join(k for k in keywords if k),
        "body": "\n".join(t for t in text if t),
    }


class SearchableArticle(Indexed):
    """Article's part in the search index (newsroom/models/search_index.py)."""

    search_kind = "article"
    search_document = search_document_for
