"""Shapes several parts of the API share: errors, pages, sources, partial dates, decimals."""

import datetime
from decimal import Decimal
from typing import Annotated

from django.urls import reverse
from ninja import Field, Schema
from pydantic import PlainSerializer, StringConstraints, WithJsonSchema

# Letters (any script), digits, hyphens and underscores, as our slugs are (压缩机 too).
SLUG_PATTERN = r"^[-\w]+$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]

# Exact decimals as strings ("5000000000.000"): a JSON number would be read as a float.
DecimalString = Annotated[
    Decimal,
    PlainSerializer(lambda value: f"{value:f}", return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^-?\d+(\.\d+)?$",
            "description": "An exact decimal number written as a string.",
            "examples": ["5000000000.000"],
        }
    ),
]


class Error(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None  # 400 only: what is wrong with each parameter


class Page(Schema):
    count: int = Field(description="Items in all pages.")
    page: int
    pages: int
    page_size: int
    next: str | None = Field(description="The address of the next page, or null on the last.")
    previous: str | None


class Source(Schema):
    """Where a fact was stated; one of our articles only once the public may read it."""

    title: str
    url: str
    publisher: str
    published_on: datetime.date | None
    article: str | None = Field(description="The slug of our article, when the source is one.")


class PartialDate(Schema):
    """A date known to the day, month, quarter, half_year or year."""

    date: str = Field(
        description='Only the known parts: "2024-01-02", "2025-03", "2027" '
        "(a quarter or half-year gives its year; its text and end say which)."
    )
    precision: str = Field(
        description="How precisely the date is known. One of: day, month, quarter, half_year, year."
    )
    text: str = Field(description='In words: "2 January 2024", "March 2025", "Q3 2025", "2027".')
    start: datetime.date = Field(description="The first day it can mean.")
    end: datetime.date = Field(description="The last day it can mean.")


def absolute(request, url):
    return request.build_absolute_uri(url)


def api_url(context, name, slug):
    """The full API address `name` (e.g. "article") of `slug`, from a schema's context."""
    return absolute(context["request"], reverse(f"api-v1:{name}", args=[slug]))


def links_to(attribute, route):
    """A schema base for an article, project or organisation (`attribute` ""), or a row that
    points at one (`attribute` names it): its page on the site and its address in the API."""

    class Links(Schema):
        url: str = Field(description="Its page on this site.")
        api_url: str = Field(description="Its address in this API.")

        @staticmethod
        def resolve_url(obj, context):
            target = getattr(obj, attribute) if attribute else obj
            return absolute(context["request"], target.get_absolute_url())

        @staticmethod
        def resolve_api_url(obj, context):
            return api_url(context, route, (getattr(obj, attribute) if attribute else obj).slug)

    return Links


def source(source, request):
    """`source` as the API shows it, or None when there is none or it is not public yet."""
    if source is None or not source.is_public:
        return None
    return {
        "title": source.label,
        "url": source.public_url(request),
        "publisher": source.public_publisher,
        "published_on": source.published_on,
        "article": source.article.slug if source.article_id else None,
    }


def partial_date(date):
    """A projects.dates.PreciseDate as PartialDate, or None."""
    if date is None:
        return None
    return {
        "date": date.iso,
        "precision": date.precision,
        "text": str(date),
        "start": date.start,
        "end": date.end,
    }
