"""Old article addresses in the admin: editors list, add, correct and remove the redirects
that changing a slug leaves behind (ArticleRedirect.clean refuses a current address)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.core.publishing import PublishingAdminMixin
from newsroom.models import ArticleRedirect


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["old_slug", "article", "current_slug", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title", "article__slug"]
    autocomplete_fields = ["article"]
    fields = ["old_slug", "article"]

    @admin.display(description=_("current address"), ordering="article__slug")
    def current_slug(self, obj):
        return obj.article.slug
