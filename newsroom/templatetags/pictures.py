"""Responsive pictures from stored renditions: names only, never a file or a query."""

from django import template

register = template.Library()


def srcset(urls):
    return ", ".join(f"{url} {width}w" for url, width, _ in urls)


@register.inclusion_tag("includes/picture.html", takes_context=True)
def picture(
    context, image, kind="full", sizes="100vw", lead=False, eager=False, figure="", css_class=""
):
    """<picture> with AVIF, WebP and JPEG/PNG sources at every stored width, explicit width and
    height (no layout shift), lazy loading unless `eager` (at the top of a page), and
    fetchpriority="high" for the `lead` image.
    An image without alt text shows nothing to the public, a note to staff previewing."""
    shown = {"figure": figure, "css_class": css_class, "sizes": sizes, "lead": lead, "eager": eager}
    if image is None:
        return {}
    if not image.is_described:
        return {"undescribed": image, "staff_preview": context.get("staff_preview")}
    fallback = image.rendition_urls(kind, image.fallback_extension)
    if fallback:
        src = next((u for u in reversed(fallback) if u[1] <= 960), fallback[0])
        widest = fallback[-1]
        return {
            **shown,
            "image": image,
            "src": src[0],
            "srcset": srcset(fallback),
            "avif": srcset(image.rendition_urls(kind, "avif")),
            "webp": srcset(image.rendition_urls(kind, "webp")),
            "width": widest[1],
            "height": widest[2],
        }
    if image.file:  # renditions not made yet (`manage.py make_renditions`): the full image
        return {
            **shown,
            "image": image,
            "src": image.file.url,
            "width": image.width or None,
            "height": image.height or None,
        }
    return {}


@register.simple_tag(takes_context=True)
def social_card_url(context, obj):
    """The absolute address of the 1200×630 card of an article or project (its social image
    if chosen and described, else its lead picture, else its first), for og:image and
    twitter:image; "" when it has none."""
    chosen = obj.social_image if getattr(obj, "social_image_id", None) else None
    candidates = [chosen] if chosen is not None and chosen.is_described else []
    for image in [*candidates, *obj.media_kit]:
        if image.social_card_url:
            return context["request"].build_absolute_uri(image.social_card_url)
    return ""
