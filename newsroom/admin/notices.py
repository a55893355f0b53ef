"""The article changelist's withdraw and take-down actions: each asks for the reason on a
page of its own, then calls the model's one entry point (Article.withdraw / take_down)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from newsroom.alerts import services as alerts
from newsroom.models import Article

# Which articles each action applies to: what was public, or a withdrawn story taken down.
ACTIONS = {
    "withdraw": {
        "event": "article.withdrawn",
        "from": (Article.Status.PUBLISHED, Article.Status.ARCHIVED),
        "title": "Withdraw articles",
        "done": "withdrawn",
        "help": "Shown to readers at the story's address, in feeds and in the API: why the "
        "story is wrong or must not be used.",
    },
    "take_down": {
        "event": "article.taken_down",
        "from": (Article.Status.PUBLISHED, Article.Status.ARCHIVED, Article.Status.WITHDRAWN),
        "title": "Take down articles (legal)",
        "done": "taken down",
        "help": "Kept for staff in the history only; readers see a bare notice without the "
        "title, and the story leaves every page, feed, sitemap, search and the API.",
    },
}


class ReasonForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "cols": 60}))


class NoticeActionsMixin:
    @admin.action(description=_("Withdraw (410 with a notice)…"), permissions=["publish"])
    def withdraw(self, request, queryset):
        return self.retract(request, queryset, "withdraw")

    @admin.action(description=_("Take down (legal)…"), permissions=["publish"])
    def take_down(self, request, queryset):
        return self.retract(request, queryset, "take_down")

    def retract(self, request, queryset, action):
        spec = ACTIONS[action]
        chosen = queryset.filter(status__in=spec["from"])
        form = ReasonForm(request.POST if "reason" in request.POST else None)
        form.fields["reason"].help_text = spec["help"]
        if form.is_valid():
            done = 0
            with transaction.atomic():
                for article in chosen.select_for_update(of=("self",)):
                    try:
                        getattr(article, action)(form.cleaned_data["reason"], request.user)
                    except PermissionDenied as refusal:
                        self.message_user(request, str(refusal), messages.ERROR)
                        return None
                    # Those who received the story are told it was withdrawn or taken down.
                    alerts.story_event(article, spec["event"])
                    done += 1
            self.message_user(request, f"{done} article(s) {spec['done']}.", messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": spec["title"],
            "opts": self.model._meta,
            "form": form,
            "action": action,
            "articles": chosen.select_related(None).only("title", "status"),
            "skipped": queryset.exclude(status__in=spec["from"])
            .select_related(None)
            .only("title", "status"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/newsroom/article/retract.html", context)
