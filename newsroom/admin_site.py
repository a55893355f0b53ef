"""The admin site as editors use it: the home page is their dashboard (newsroom/admin/
dashboard.py), and the index and sidebar group the models by what people work on (News,
Projects, Media, People, Settings) rather than by app. An app's own page (/admin/newsroom/)
still lists all of its models.

Installed as `default_site` (settings.INSTALLED_APPS), so `admin.site` and every
`@admin.register` keep working unchanged."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# In the order an editor looks for them. A model in none of these lands in Settings, so a new
# admin shows up there until it is placed.
GROUPS = [
    (
        "news",
        _("News"),
        [
            "newsroom.article",
            "newsroom.category",
            "newsroom.tag",
            "newsroom.mediatopic",
            "newsroom.previewlink",
            "press.boilerplate",
            "press.coverage",
        ],
    ),
    (
        "projects",
        _("Projects"),
        [
            "projects.project",
            "projects.programme",
            "projects.organization",
            "projects.source",
            "projects.figure",
            "projects.event",
        ],
    ),
    ("media", _("Media"), ["newsroom.image"]),
    (
        "people",
        _("People"),
        [
            "projects.person",
            "press.presscontact",
            "press.journalist",
            "press.journalistinvite",
            "press.embargoedread",
            "press.previewopening",
            "alerts.subscription",
            "auth.user",
            "auth.group",
        ],
    ),
    (
        "settings",
        _("Settings"),
        [
            "newsroom.articleredirect",
            "projects.projectredirect",
            "projects.exchangerate",
            "alerts.webhook",
            "alerts.delivery",
            "alerts.storyevent",
        ],
    ),
]
FALLBACK = "settings"

# Parts of a project edited in its form (its inlines): listed on /admin/projects/ only.
PARTS = {
    "projects.milestone",
    "projects.statedduration",
    "projects.designation",
    "projects.articleproject",
    "projects.projectorganization",
    "projects.attendance",
}


def group_of(label):
    for key, _name, labels in GROUPS:
        if label in labels:
            return key
    return FALLBACK


def grouped(app_list, extra_links=()):
    """Django's app list (each app with its models) regrouped into GROUPS, each in its
    declared order, unknown models after the known ones in alphabetical order."""
    models = {FALLBACK: []}
    for app in app_list:
        for model in app["models"]:
            label = model["model"]._meta.label_lower
            if label not in PARTS:
                models.setdefault(group_of(label), []).append((label, model))
    models[FALLBACK] += extra_links
    order = {label: n for _key, _name, labels in GROUPS for n, label in enumerate(labels)}
    groups = []
    for key, name, _labels in GROUPS:
        rows = sorted(
            models.get(key, []), key=lambda r: (order.get(r[0], len(order)), r[1]["name"])
        )
        if rows:
            groups.append(
                {
                    "name": name,
                    "app_label": key,
                    "app_url": "",  # a group has no page of its own (templates/admin/app_list.html)
                    "has_module_perms": True,
                    "is_group": True,
                    "models": [model for _label, model in rows],
                }
            )
    return groups


class NewsroomAdminSite(AdminSite):
    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        if app_label is not None:
            return app_list  # an app's own page lists all its models, by app
        return grouped(app_list, self.extra_links(request))

    def extra_links(self, request):
        """Settings pages that are not models: the staff member's own interface language."""
        try:
            url = reverse("admin:staff_language", current_app=self.name)
        except NoReverseMatch:
            return []
        entry = {
            "name": _("Staff language"),
            "object_name": "StaffLanguage",
            "admin_url": url,
            "add_url": None,
            "view_only": False,
            "perms": {"change": True},
        }
        return [("newsroom.stafflanguage", entry)]

    def index(self, request, extra_context=None):
        from newsroom.admin import dashboard  # the admin's modules load after the site

        context = {"dashboard": dashboard.sections(request, self), **(extra_context or {})}
        return super().index(request, context)


class NewsroomAdminConfig(AdminConfig):
    default_site = "newsroom.admin_site.NewsroomAdminSite"
