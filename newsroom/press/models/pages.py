"""What the article and project pages need from the press office, in fixed queries."""

from django.db.models import Prefetch

from newsroom.press.models.boilerplate import about_row
from newsroom.press.models.contacts import PressContact


def press_office():
    """The prefetch lookups of active contacts (with photos) and coverage."""
    return [Prefetch("press_contacts", queryset=PressContact.objects.active()), "coverage"]


def with_press_office(queryset, about=False):
    """Active contacts (with photos) and coverage, one query each; with `about`, the active
    boilerplate rides in the main query's own row (articles: press releases)."""
    queryset = queryset.prefetch_related(*press_office())
    return with_about(queryset) if about else queryset


def with_about(articles):
    """Articles carrying the active boilerplate (`about`, `about_heading`, `about_language`)
    in their own row, in the article's language where there is one."""
    return articles.annotate(about_row=about_row())
