"""The latest published articles as ninjs 3.1 objects, paged like every API list: for news
agencies' and aggregators' systems that poll for new items."""

from typing import Any

from ninja import Field, Query, Router, Schema

from newsroom.api.articles import LanguageCode
from newsroom.api.ninjs import OPENAPI_SCHEMA, for_ninjs, ninjs
from newsroom.api.pagination import Paging, paginate
from newsroom.api.schemas import Error, Page
from newsroom.models import Article

router = Router(tags=["News"])


class NinjsPage(Page):
    results: list[dict[str, Any]] = Field(
        description="ninjs 3.1 objects, newest first.", json_schema_extra={"items": OPENAPI_SCHEMA}
    )


class NinjsFilters(Schema):
    lang: LanguageCode | None = Field(None, description="Only the articles in this language.")


@router.get(
    "/ninjs",
    response={200: NinjsPage, 400: Error, 404: Error},
    url_name="ninjs",
    summary="The latest published articles as ninjs 3.1 (IPTC's news in JSON), newest first",
)
def list_ninjs(request, filters: Query[NinjsFilters], paging: Query[Paging]):
    """Each item is what `Accept: application/vnd.iptc.ninjs+json` gives at the article's
    address; its `versionCreated` moves when readers can see a change."""
    articles = Article.objects.published()
    if filters.lang is not None:
        articles = articles.in_language(filters.lang)
    page = paginate(request, for_ninjs(articles), paging)
    return {**page, "results": [ninjs(article, request) for article in page["results"]]}
