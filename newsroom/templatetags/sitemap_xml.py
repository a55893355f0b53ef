from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from newsroom.core import sitemaps

register = template.Library()


@register.filter
def urls_xml(urls):
    """A sitemap page's <url> elements, escaped where they are written."""
    return mark_safe(sitemaps.urls_xml(urls, timezone.get_current_timezone()))
