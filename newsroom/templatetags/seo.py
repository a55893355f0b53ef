from django import template
from django.templatetags.static import static

from newsroom.core import structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def social_image(context, image=None):
    """The absolute URL of a page's social card: its own image, or the site's default."""
    request = context["request"]
    return request.build_absolute_uri(image or static("img/social-card.png"))


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, image=None):
    request = context["request"]
    return structured_data.article_graph(request, article, social_image(context, image))


@register.simple_tag(takes_context=True)
def site_json_ld(context):
    return structured_data.site_graph(context["request"])


@register.simple_tag(takes_context=True)
def project_json_ld(context, project):
    return structured_data.project_graph(context["request"], project)


@register.simple_tag(takes_context=True)
def programme_json_ld(context, programme):
    return structured_data.programme_graph(context["request"], programme)
