"""What search finds an article by: the one place its search document is written."""

from django.conf import settings

from newsroom.core.search import paragraphs
from newsroom.models.search_index import Indexed


def every_language(row, field):
    """A translated field's value in each language (`name_en`, `name_zh_hans`…), so one
    search finds a tag or a project by its English or its Chinese name. Rows without
    the per-language columns (historical models in a migration) give the field itself."""
    values = [
        getattr(row, f"{field}_{code.replace('-', '_')}", None) for code, _ in settings.LANGUAGES
    ]
    return list(dict.fromkeys(v for v in values if v)) or [getattr(row, field)]


def search_document_for(article):
    """The article's title; its keywords (tags, category, the projects it is linked to);
    its text. Reads relations through .all() so that prefetched rows are used, and only
    fields, so that a migration's historical models can run it too."""
    projects = getattr(article, "projects", None)  # the projects app's link, when installed
    # Through the link rows, not `tags`: taggit's manager needs methods historical models lack.
    keywords = [
        name for row in article.taggedarticle_set.all() for name in every_language(row.tag, "name")
    ]
    keywords += every_language(article.category, "name") if article.category_id else []
    for project in projects.all() if projects is not None else ():
        if project.is_published:  # an unpublished project's name must not find the story
            keywords += [*every_language(project, "name"), project.local_name]
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
