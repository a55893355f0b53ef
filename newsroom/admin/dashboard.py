"""The editor's dashboard, the admin's home page (newsroom/admin_site.py): what waits for
someone, each item linking to the form where it is fixed.

Each section asks the models' own rules (in_review(), pending(), published(), stale(),
overdue(), unsourced(), undescribed()), is shown only to those whose role may see its model
in the admin, and costs two queries (a count and the first few rows), whatever the numbers.
"""

import datetime

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from newsroom.models import Article, Image
from projects.models import Figure, Milestone, Project

SHOWN = 5  # rows per section; "view all" opens the filtered list
RECENT_DAYS = 7


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def list_url(model, query=""):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    return f"{url}?{query}" if query else url


def item(obj, when=None, note="", label=None):
    row = {"label": label or str(obj), "url": change_url(obj), "note": note, "when": None}
    if isinstance(when, datetime.datetime):
        when = timezone.localtime(when).replace(microsecond=0)  # HTML allows 3 digits at most
        row.update(when=when.isoformat(), when_text=date_format(when, "DATETIME_FORMAT"))
    elif when is not None:
        row.update(when=when.isoformat(), when_text=date_format(when, "DATE_FORMAT"))
    return row


def in_review():
    rows = Article.objects.in_review().only("title", "updated_at")
    return {
        "key": "review",
        "model": Article,
        "title": _("In review"),
        "empty": _("No story is waiting for review."),
        "count": rows.count(),
        "items": [item(a, a.updated_at, _("submitted or last saved")) for a in rows[:SHOWN]],
        "links": [(_("View all in review"), list_url(Article, "status__exact=review"))],
    }


def pending():
    rows = Article.objects.pending().only(
        "title", "status", "publish_at", "embargo_until", "unpublish_at"
    )
    notes = {"Scheduled": _("scheduled"), "Embargoed": _("embargoed until")}
    return {
        "key": "pending",
        "model": Article,
        "title": _("Scheduled and embargoed"),
        "empty": _("Nothing is scheduled or under embargo."),
        "count": rows.count(),
        "items": [item(a, a.goes_live_at, notes.get(a.visibility, "")) for a in rows[:SHOWN]],
        "links": [(_("View all scheduled and embargoed"), list_url(Article, "pending=yes"))],
    }


def recently_published():
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    rows = Article.objects.published().filter(publish_at__gte=since).only("title", "publish_at")
    rows = rows.order_by("-publish_at", "-pk")
    return {
        "key": "published",
        "model": Article,
        "title": _("Published in the last seven days"),
        "empty": _("Nothing was published in the last seven days."),
        "count": rows.count(),
        "items": [item(a, a.publish_at) for a in rows[:SHOWN]],
        "links": [(_("View all published"), list_url(Article, "status__exact=published"))],
    }


def projects_to_update():
    overdue = Exists(Milestone.objects.overdue().filter(project=OuterRef("pk")))
    rows = (
        (Project.objects.stale() | Project.objects.filter(overdue))
        .annotate(overdue=overdue)
        .only("name", "status", "status_as_of", "created_at")
        .order_by("status_as_of", "created_at", "pk")
    )

    def note(project):
        if project.overdue:
            return _("overdue milestone; record last confirmed")
        return _("not updated since")

    return {
        "key": "projects",
        "model": Project,
        "title": _("Projects overdue or not updated"),
        "empty": _("Every project record is up to date."),
        "count": rows.count(),
        "items": [item(p, p.confirmed_on, note(p)) for p in rows[:SHOWN]],
        "links": [
            (_("View all with an overdue milestone"), list_url(Project, "overdue=yes")),
            (_("View all not updated recently"), list_url(Project, "stale=yes")),
        ],
    }


def unsourced_figures():
    # Those of published projects first: their page shows the figure with no source.
    rows = Figure.objects.unsourced().select_related("project")
    rows = rows.order_by("-project__is_published", "project__name", "pk")
    return {
        "key": "figures",
        "model": Figure,
        "title": _("Figures without a source"),
        "empty": _("Every figure cites a source."),
        "count": rows.count(),
        "items": [item(f, label=f"{f.project}: {f}") for f in rows[:SHOWN]],
        "links": [(_("View all figures without a source"), list_url(Figure, "unsourced=yes"))],
    }


def undescribed_pictures():
    rows = Image.objects.undescribed().only("title", "uploaded_at").order_by("-uploaded_at", "-pk")
    return {
        "key": "pictures",
        "model": Image,
        "title": _("Pictures without alt text"),
        "empty": _("Every picture has alt text or is marked decorative."),
        "count": rows.count(),
        "items": [item(i, i.uploaded_at, _("uploaded")) for i in rows[:SHOWN]],
        "links": [(_("View all pictures without alt text"), list_url(Image, "described=no"))],
    }


SECTIONS = [
    (Article, in_review),
    (Article, pending),
    (Article, recently_published),
    (Project, projects_to_update),
    (Figure, unsourced_figures),
    (Image, undescribed_pictures),
]


def sections(request, site):
    """The sections `request.user` may see: those whose model's admin lets them view it."""
    shown = []
    for model, build in SECTIONS:
        model_admin = site._registry.get(model)
        if model_admin is not None and model_admin.has_view_or_change_permission(request):
            shown.append(build())
    return shown
