"""Subscriptions, webhooks and the distribution log in the admin. No public page shows any
of them, so the publishing rule (newsroom/core/publishing.py) leaves them to the roles'
permissions: editors manage them, writers hold none."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.alerts.export import as_csv
from newsroom.alerts.models import Delivery, StoryEvent, Subscription, Webhook
from newsroom.alerts.models.webhooks import WEBHOOK_EVENTS, Event
from newsroom.alerts.tasks import enqueue, send
from newsroom.core.publishing import PublishingAdminMixin


@admin.register(Subscription)
class SubscriptionAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["email", "scope", "subject_name", "is_confirmed", "created_at"]
    list_filter = ["scope", ("confirmed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["category", "tag", "project"]
    search_fields = ["email"]
    raw_id_fields = ["category", "tag", "project"]
    readonly_fields = ["created_at", "confirmation_sent_at", "signup_ip"]

    @admin.display(boolean=True, description=_("confirmed"))
    def is_confirmed(self, obj):
        return obj.is_confirmed


class WebhookForm(forms.ModelForm):
    url = forms.URLField(
        label=_("URL"),
        max_length=500,
        assume_scheme="https",
        help_text=Webhook._meta.get_field("url").help_text,
    )
    events = forms.MultipleChoiceField(
        choices=[(e.value, e.label) for e in WEBHOOK_EVENTS],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A take-down is sent to those who chose withdrawals."),
    )

    class Meta:
        model = Webhook
        fields = ["name", "url", "events", "is_active", "secret"]


@admin.register(Webhook)
class WebhookAdmin(PublishingAdminMixin, admin.ModelAdmin):
    form = WebhookForm
    list_display = ["name", "url", "event_list", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]

    @admin.display(description=_("events"))
    def event_list(self, obj):
        return ", ".join(str(Event(e).label) for e in obj.events if e in Event.values)


class ArticleFilter(admin.SimpleListFilter):
    """The log of one article (the link in the article's admin)."""

    title = _("story")
    parameter_name = "article"

    def lookups(self, request, model_admin):
        value = request.GET.get(self.parameter_name, "")
        if not value.isdigit():
            return []
        event = StoryEvent.objects.filter(article_id=value).select_related("article").first()
        return [(value, str(event.article))] if event else []

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(story_event__article_id=self.value())
        return queryset


@admin.register(Delivery)
class DeliveryAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = [
        "recipient",
        "channel",
        "story",
        "event",
        "status",
        "attempts",
        "delivered_at",
        "opened",
        "error",
    ]
    list_filter = [ArticleFilter, "channel", "status", "story_event__event"]
    list_select_related = ["story_event__article", "story_event__project"]
    search_fields = ["recipient", "story_event__article__title", "story_event__project__name"]
    date_hierarchy = "created_at"
    show_full_result_count = False  # the log grows by a row per reader per story
    actions = ["resend", "export_csv"]
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request):
        return False  # deliveries are made by the queue

    @admin.display(description=_("story"), ordering="story_event__article__title")
    def story(self, obj):
        return obj.story_event.subject

    @admin.display(description=_("event"))
    def event(self, obj):
        return obj.story_event.get_event_display()

    @admin.display(description=_("opened"))
    def opened(self, obj):
        return obj.opened_at or "unknown"

    @admin.action(description=_("Resend selected failed deliveries"), permissions=["change"])
    def resend(self, request, queryset):
        failed = list(queryset.filter(status=Delivery.Status.FAILED).values_list("pk", flat=True))
        Delivery.objects.filter(pk__in=failed).update(
            status=Delivery.Status.PENDING, next_attempt_at=timezone.now(), attempts=0
        )
        for pk in failed:
            enqueue(send, pk)
        skipped = queryset.count() - len(failed)
        self.message_user(request, f"{len(failed)} delivery(ies) queued again.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"{skipped} not failed (delivered or under way) were left alone: nobody gets "
                "a story twice.",
                messages.WARNING,
            )

    @admin.action(description=_("Export selected as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        deliveries = queryset.select_related("story_event__article", "story_event__project")
        response = HttpResponse(as_csv(deliveries), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="distribution-log.csv"'
        return response


@admin.register(StoryEvent)
class StoryEventAdmin(PublishingAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "event", "due_at", "fanned_out_at"]
    list_filter = ["event"]
    list_select_related = ["article", "project"]
    search_fields = ["article__title", "project__name"]
    readonly_fields = [f.name for f in StoryEvent._meta.fields]

    def has_add_permission(self, request):
        return False
