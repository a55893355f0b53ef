"""Withdrawal items of the API: what those who took a story through it must learn."""

import datetime

from django.conf import settings
from ninja import Field, Schema

from newsroom.api.schemas import absolute


class Withdrawal(Schema):
    slug: str
    title: str
    url: str = Field(description="The story's address; it answers 410 with this notice.")
    published_at: datetime.datetime
    withdrawn_at: datetime.datetime
    reason: str


class Gone(Schema):
    detail: str
    state: str = Field(description="One of: withdrawn, taken_down.")
    withdrawal: Withdrawal | None = Field(
        description="The notice of a withdrawn story; null for one taken down (legal)."
    )


WITHDRAWN_DESCRIPTION = (
    f"Articles matching the filters withdrawn in the last {settings.WITHDRAWAL_NOTICE_DAYS} "
    "days, newest first, on the first page only: remove them wherever you used them."
)


def withdrawal(request, article):
    return {
        "slug": article.slug,
        "title": article.title,
        "url": absolute(request, article.get_absolute_url()),
        "published_at": article.publish_at,
        "withdrawn_at": article.retracted_at,
        "reason": article.retraction_reason,
    }


def gone(request, article):
    """The 410 body for an article's API address."""
    if article.status == "withdrawn":
        detail = "This article was withdrawn; do not use it."
        return {"detail": detail, "state": "withdrawn", "withdrawal": withdrawal(request, article)}
    return {"detail": "This article was taken down.", "state": "taken_down", "withdrawal": None}
