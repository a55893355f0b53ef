from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("News")

    def ready(self):
        from newsroom.cache import content_changed
        from newsroom.core import fragments
        from newsroom.core.converters import UnicodeSlugConverter

        # Once per process, before any URLconf (the site's and each app's) is read.
        register_converter(UnicodeSlugConverter, "uslug")

        # Cache invalidation is the one job signals do here: any change to content. Logs
        # that no page shows (a journalist's read, a preview opening) say on_public_pages.
        for label in ("newsroom", "projects", "taggit", "press"):
            for model in apps.get_app_config(label).get_models():
                if not getattr(model, "on_public_pages", True):
                    continue
                post_save.connect(content_changed, sender=model, dispatch_uid=f"page-{model}")
                post_delete.connect(content_changed, sender=model, dispatch_uid=f"del-{model}")
        m2m_changed.connect(content_changed, dispatch_uid="page-m2m")
        fragments.connect()  # cards kept per generation read at each request's start
