"""Every admin path a role can take to change data, for tests/test_roles_on_every_path.py.

The walker takes every model in admin.site._registry, so a new admin is walked as soon as it
is registered; a model a Writer may write must obey newsroom/core/publishing.py or be listed
in EXEMPT with the reason.
"""

from django.contrib import admin

from newsroom.core.publishing import PublishingAdminMixin

# Writer-writable models that no public page shows, with the reason.
EXEMPT = {
    "newsroom.previewlink": "writers hold no permission on it; it shows a draft to one reader",
}

# Public pages and API answers, read before and after every attempted write.
PUBLIC = [
    lambda demo: f"/en/news/{demo.ARTICLE_SLUG}/",
    lambda demo: f"/en/projects/{demo.PROJECT_SLUG}/",
    lambda demo: "/en/projects/",
    lambda demo: "/en/projects/export.json",
    lambda demo: f"/api/v1/articles/{demo.ARTICLE_SLUG}",
    lambda demo: f"/api/v1/projects/{demo.PROJECT_SLUG}",
    lambda demo: "/api/v1/organizations",
    lambda demo: f"/en/programmes/{demo.PROGRAMME_SLUG}/",
    lambda demo: f"/api/v1/programmes/{demo.PROGRAMME_SLUG}",
    lambda demo: "/api/v1/tags",
    lambda demo: "/en/news/topics/04000000/",
    lambda demo: "/api/v1/ninjs",
]


def answers_the_rule(model):
    return any(hasattr(model, name) for name in ("public_owner", "public_through", "public_flag"))


def obeys_the_rule(model_admin):
    return isinstance(model_admin, PublishingAdminMixin)


def writable_by(user):
    """(model, its admin) for each registered model `user` may add, change or delete."""
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        actions = ("add", "change", "delete")
        if any(user.has_perm(f"{opts.app_label}.{a}_{opts.model_name}") for a in actions):
            yield model, model_admin


def admin_url(obj, view="change"):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/{view}/"


def changelist_url(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def defaced(data, model):
    """The form's values with every text field and number of `model` changed."""
    changed = dict(data)
    for field in model._meta.concrete_fields:
        name = field.attname if field.is_relation else field.name
        if not isinstance(changed.get(name), str) or not changed[name]:
            continue  # an empty field may have to stay empty (a source is an article or a URL)
        kind = field.get_internal_type()
        if changed[name].startswith("http"):
            changed[name] = "https://elsewhere.example/"
        elif kind in ("CharField", "TextField") and not field.choices:
            changed[name] += " defaced"
        elif kind == "DecimalField":
            changed[name] = "9999999999"
    return changed
