from newsroom.models.articles import Article
from newsroom.models.brand import Brand
from newsroom.models.gallery import ArticleImage
from newsroom.models.images import Image
from newsroom.models.search_index import SearchDocument, SearchWord
from newsroom.models.staff import StaffLanguage
from newsroom.models.taxonomy import Category, Tag, TaggedArticle
from newsroom.models.topics import MediaTopic
from newsroom.models.workflow import ArticleRedirect, Correction, PreviewLink

__all__ = [
    "Article",
    "ArticleImage",
    "ArticleRedirect",
    "Brand",
    "Category",
    "Correction",
    "Image",
    "MediaTopic",
    "PreviewLink",
    "SearchDocument",
    "SearchWord",
    "StaffLanguage",
    "Tag",
    "TaggedArticle",
]
