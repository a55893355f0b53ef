"""An article's pictures as the API gives them: the lead image with its renditions."""

from ninja import Field, Schema


class Rendition(Schema):
    url: str
    width: int
    height: int
    format: str


class Image(Schema):
    url: str = Field(description="The original, without metadata, for download.")
    alt: str = Field(description="What the image shows; empty for a decorative picture.")
    caption: str
    credit: str
    width: int
    height: int
    renditions: list[Rendition]
    social_card: str = Field(description="A 1200×630 JPEG for social cards.")


class Images(Schema):
    lead: Image | None = Field(description="Null when the article has no (described) lead image.")


def describe(image, request):
    absolute = request.build_absolute_uri
    renditions = [
        {"url": absolute(url), "width": width, "height": height, "format": extension}
        for extension in ("webp", image.fallback_extension)
        for url, width, height in image.rendition_urls("full", extension)
    ]
    return {
        "url": absolute(image.file.url),
        "alt": image.alt,
        "caption": image.caption,
        "credit": image.credit,
        "width": image.width,
        "height": image.height,
        "renditions": renditions,
        "social_card": absolute(image.social_card_url) if image.social_card_url else "",
    }


def images(article, request):
    # The public site never shows an undescribed picture; neither does the API.
    lead = article.lead_image
    return {"lead": describe(lead, request) if lead and lead.is_described else None}
