"""An article's images as the API gives them. Today only the lead image, from the
article's own fields; the image library replaces this module's body, not its callers."""

from ninja import Field, Schema


class Image(Schema):
    url: str
    alt: str = Field(description="What the image shows, for readers who cannot see it.")
    caption: str
    credit: str


class Images(Schema):
    lead: Image | None = Field(description="Null when the article has no lead image.")


def images(article, request):
    lead = None
    if article.lead_image:
        lead = {
            "url": request.build_absolute_uri(article.lead_image.url),
            "alt": article.lead_image_alt,
            "caption": article.lead_image_caption,
            "credit": article.lead_image_credit,
        }
    return {"lead": lead}
