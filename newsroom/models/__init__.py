from newsroom.models.articles import Article
from newsroom.models.taxonomy import Category, Tag, TaggedArticle
from newsroom.models.workflow import ArticleRedirect, Correction, PreviewLink

__all__ = [
    "Article",
    "ArticleRedirect",
    "Category",
    "Correction",
    "PreviewLink",
    "Tag",
    "TaggedArticle",
]
