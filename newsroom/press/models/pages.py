"""What the article and project pages need from the press office, in fixed queries."""

from django.db.models import Prefetch

from newsroom.press.models.boilerplate import about_text
from newsroom.press.models.contacts import PressContact


def with_press_office(queryset, about=False):
    """Active contacts (with photos) and coverage, one query each; with `about`, the active
    boilerplate rides in the main query's own row (articles: press releases)."""
    queryset = queryset.prefetch_related(
        Prefetch("press_contacts", queryset=PressContact.objects.active()),
        "coverage",
    )
    return with_about(queryset) if about else queryset


def with_about(articles):
    """Articles carrying the active boilerplate (`about`, `about_heading`, `about_language`)
    in their own row, in the article's language where there is one."""
    return articles.annotate(
        about=about_text(),
        about_heading=about_text("heading"),
        about_language=about_text("language"),
    )
