"""News in the API: articles, categories and tags, all from `Article.objects.published()`."""

import datetime
from typing import Annotated, Literal
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from ninja import Field, Query, Router, Schema, Status
from pydantic import BeforeValidator

from newsroom import clock
from newsroom.api.http import error_response
from newsroom.api.images import Images, images
from newsroom.api.ninjs import MEDIA_TYPE, OPENAPI_SCHEMA, for_ninjs, ninjs_response
from newsroom.api.pagination import Paging, paginate
from newsroom.api.schemas import SLUG_PATTERN, Error, Page, Slug, absolute, links_to
from newsroom.api.withdrawals import WITHDRAWN_DESCRIPTION, Gone, Withdrawal, gone, withdrawal
from newsroom.core import fragments
from newsroom.core.negotiation import JSON, choose
from newsroom.models import Article, Category, Tag
from newsroom.models.notices import NOTICE_FIELDS
from newsroom.press.models import with_about
from newsroom.press.models.boilerplate import DEFAULT_LANGUAGE
from projects.models import ArticleProject, Project

router = Router(tags=["News"])


def articles_with(**filters):
    return f"{reverse('api-v1:articles')}?{urlencode(filters)}"


class CategoryRef(Schema):
    slug: str
    name: str


class TagRef(Schema):
    slug: str
    name: str


class Correction(Schema):
    kind: str = Field(description="One of: correction, update.")
    note: str
    noted_at: datetime.datetime


class ProjectLink(links_to("project", "project")):
    slug: str = Field(alias="project.slug")
    name: str = Field(alias="project.name")
    link: str = Field(description="One of: announces, updates, mentions.")
    link_label: str = Field(alias="get_link_display")


# The site's languages (settings.LANGUAGES), in any case ("zh-Hans" is "zh-hans" in BCP 47);
# any other ?lang= is a 400.
LanguageCode = Annotated[
    Literal[tuple(code for code, _name in settings.LANGUAGES)],
    BeforeValidator(lambda value: value.lower() if isinstance(value, str) else value),
]


class Translation(Schema):
    language: str
    slug: str
    url: str = Field(description="Its page on this site.")

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.get_absolute_url())


class ArticleItem(links_to("", "article")):
    slug: str
    language: str = Field(description="The language it is written in (BCP 47).")
    title: str
    subtitle: str
    summary: str
    dateline: str
    byline: str
    published_at: datetime.datetime
    updated_at: datetime.datetime = Field(
        description="The last change readers can see: text, a correction, a withdrawal."
    )
    category: CategoryRef
    tags: list[TagRef]
    images: Images
    url: str = Field(description="The article's page on this site.")

    @staticmethod
    def resolve_published_at(obj):
        return obj.publish_at

    @staticmethod
    def resolve_updated_at(obj):
        return obj.modified_at

    @staticmethod
    def resolve_tags(obj):
        return obj.tags.all()

    @staticmethod
    def resolve_images(obj, context):
        return images(obj, context["request"])


class Boilerplate(Schema):
    heading: str
    text: str = Field(description="Plain text; a blank line separates paragraphs.")
    language: str = Field(description="Its language code (BCP 47).")


class ArticleDetail(ArticleItem):
    body: str = Field(description="HTML, sanitised when the article was saved.")
    corrections: list[Correction]
    projects: list[ProjectLink] = Field(description="Published projects the article is about.")
    translations: list[Translation] = Field(
        description="Its published translations (never one under embargo or scheduled)."
    )
    about: Boilerplate | None = Field(
        description="The company's “About” text printed under every press release, or null "
        "if none is active."
    )

    @staticmethod
    def resolve_about(obj):
        if not obj.about:
            return None
        language = getattr(obj, "about_language", None) or DEFAULT_LANGUAGE
        return {"heading": obj.about_heading, "text": obj.about, "language": language}

    @staticmethod
    def resolve_corrections(obj):
        return obj.corrections.all()

    @staticmethod
    def resolve_projects(obj):
        return obj.public_project_links


class ArticlePage(Page):
    results: list[ArticleItem]
    withdrawn: list[Withdrawal] = Field(description=WITHDRAWN_DESCRIPTION)


def slug(description):
    return Field(None, pattern=SLUG_PATTERN, description=description)  # else a 400


# The years the site search accepts. Wider would reach datetime's limits: on SQLite the
# bounds of year 1 in the site's time zone (UTC+8) fall before 0001-01-01 UTC, a 500.
FIRST_YEAR, LAST_YEAR = 1900, 2200


class ArticleFilters(Schema):
    category: str | None = slug("A category's slug.")
    tag: str | None = slug("A tag's slug.")
    year: int | None = Field(
        None,
        ge=FIRST_YEAR,
        le=LAST_YEAR,
        description=f"The year of publication, in the site's time zone: {FIRST_YEAR} to "
        f"{LAST_YEAR}, else a 400.",
    )
    project: str | None = slug("The slug of a project the articles are about.")
    lang: LanguageCode | None = Field(None, description="Only the articles in this language.")


@router.get(
    "/articles",
    response={200: ArticlePage, 400: Error, 404: Error},
    url_name="articles",
    summary="Published articles, newest first",
)
def list_articles(request, filters: Query[ArticleFilters], paging: Query[Paging]):
    """A filter value that names nothing (an unknown category, say) gives an empty list,
    not an error: the API never tells a tag or project that is not public from one that
    does not exist."""
    # The same for every client until the published set changes (newsroom/clock.py).
    asked = ("api-articles", *sorted(filters.model_dump().items()), paging.page, paging.page_size)
    page = paginate(
        request,
        narrow(Article.objects.published().for_listing(), filters),
        paging,
        kept=lambda make: clock.remembered(asked, make, fragments.records),
    )
    withdrawn = []
    if page["page"] == 1:
        notices = narrow(Article.objects.withdrawal_notices(), filters)
        withdrawn = clock.remembered((*asked, "withdrawn"), lambda: list(notices))
    return {**page, "withdrawn": [withdrawal(request, article) for article in withdrawn]}


def narrow(articles, filters):
    if filters.category is not None:
        articles = articles.filter(category__slug=filters.category)
    if filters.tag is not None:
        articles = articles.filter(tags__slug=filters.tag)
    if filters.year is not None:
        articles = articles.filter(publish_at__year=filters.year)
    if filters.lang is not None:
        articles = articles.in_language(filters.lang)
    if filters.project is not None:
        articles = articles.filter(
            projects__in=Project.objects.published().filter(slug=filters.project)
        )
    return articles


NOT_ACCEPTABLE = (
    f"This address gives {JSON} (the default) or {MEDIA_TYPE} (ninjs 3.1); "
    "ask for one of them in the Accept header."
)


@router.get(
    "/articles/{slug}",
    response={200: ArticleDetail, 404: Error, 406: Error, 410: Gone},
    url_name="article",
    summary="One published article, as JSON or as ninjs 3.1 (410 once withdrawn or taken down)",
    description=f"`Accept: {MEDIA_TYPE}` gives the article as IPTC's ninjs 3.1 with that "
    "Content-Type; without it (or with `application/json` or `*/*`) the JSON below. "
    "An Accept header that allows neither is a 406.",
    openapi_extra={"responses": {200: {"content": {MEDIA_TYPE: {"schema": OPENAPI_SCHEMA}}}}},
)
def get_article(request, slug: Slug, response: HttpResponse):
    patch_vary_headers(response, ("Accept",))
    representation = choose(request, (JSON, MEDIA_TYPE))
    if representation is None:
        refusal = error_response(406, NOT_ACCEPTABLE)
        patch_vary_headers(refusal, ("Accept",))
        return refusal
    if representation == MEDIA_TYPE:
        article = for_ninjs(Article.objects.published()).filter(slug=slug).first()
        if article is not None:
            return ninjs_response(article, request)
        return gone_or_404(request, slug)
    links = ArticleProject.objects.filter(project__in=Project.objects.published())
    articles = (
        with_about(Article.objects.published())
        .select_related("category", "lead_image")
        .prefetch_related(
            "tags",
            "corrections",
            Prefetch(
                "project_links",
                queryset=links.select_related("project").order_by("project__name"),
                to_attr="public_project_links",
            ),
        )
    )
    found = articles.filter(slug=slug).first()
    if found is not None:
        found.translations = found.visible_translations()
        return found
    return gone_or_404(request, slug)


def gone_or_404(request, slug):
    """A withdrawn or taken-down story's 410 notice (in JSON, whatever was asked for)."""
    retracted = Article.objects.gone().filter(slug=slug).only(*NOTICE_FIELDS).first()
    if retracted is None:
        raise Http404
    return Status(410, gone(request, retracted))


class CategoryItem(Schema):
    slug: str
    name: str
    description: str
    article_count: int = Field(description="How many published articles it has.")
    url: str
    articles_url: str = Field(description="Its published articles in the API.")

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.get_absolute_url())

    @staticmethod
    def resolve_articles_url(obj, context):
        return absolute(context["request"], articles_with(category=obj.slug))


class CategoryPage(Page):
    results: list[CategoryItem]


@router.get(
    "/categories",
    response={200: CategoryPage, 400: Error, 404: Error},
    url_name="categories",
    summary="Categories, in the site's order, with their number of published articles",
)
def list_categories(request, paging: Query[Paging]):
    published = Q(articles__in=Article.objects.published())
    categories = Category.objects.annotate(article_count=Count("articles", filter=published))
    return paginate(request, categories.order_by("order", "name"), paging)


class TagItem(Schema):
    slug: str
    name: str
    article_count: int = Field(description="How many published articles it has.")
    url: str
    articles_url: str

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.get_absolute_url())

    @staticmethod
    def resolve_articles_url(obj, context):
        return absolute(context["request"], articles_with(tag=obj.slug))


class TagPage(Page):
    results: list[TagItem]


@router.get(
    "/tags",
    response={200: TagPage, 400: Error, 404: Error},
    url_name="tags",
    summary="Tags of published articles, by name, with their number of published articles",
)
def list_tags(request, paging: Query[Paging]):
    """Only tags that a published article has: a tag given only to a draft or an embargoed
    story could tell what it is about."""
    published = Q(tagged_articles__content_object__in=Article.objects.published())
    tags = Tag.objects.public().annotate(article_count=Count("tagged_articles", filter=published))
    return paginate(request, tags.order_by(Lower("name"), "pk"), paging)
