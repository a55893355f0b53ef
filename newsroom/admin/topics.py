"""IPTC Media Topics in the admin: loaded by `load_media_topics`, searched by the article
form's subject autocomplete, their labels correctable by editors."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from newsroom.core.publishing import PublishingAdminMixin
from newsroom.models import MediaTopic


class RetiredFilter(admin.SimpleListFilter):
    title = _("IPTC status")
    parameter_name = "retired"

    def lookups(self, request, model_admin):
        return [("no", "Current"), ("yes", "Retired by IPTC")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.current()
        if self.value() == "yes":
            return queryset.filter(retired_at__isnull=False)
        return queryset


@admin.register(MediaTopic)
class MediaTopicAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["qcode", "name", "name_zh_hans", "broader", "current"]
    list_filter = [RetiredFilter]
    list_select_related = ["broader"]
    search_fields = ["qcode", "name", "name_zh_hans"]
    # The codes and the hierarchy are IPTC's, from the file; the labels may be corrected.
    readonly_fields = ["qcode", "broader", "retired_at"]
    fields = ["qcode", "name", "name_zh_hans", "definition", "broader", "retired_at"]

    @admin.display(boolean=True, description=_("current"))
    def current(self, topic):
        return not topic.is_retired

    def has_add_permission(self, request):
        return False  # topics come from IPTC's file: `manage.py load_media_topics FILE`

    def get_search_results(self, request, queryset, search_term):
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        if request.path.endswith("/autocomplete/"):
            # A retired topic stays on the stories that have it but is not offered again.
            queryset = queryset.filter(retired_at__isnull=True)
        return queryset, duplicates
