"""Who may move content between states, and the audit line each move leaves."""

import reversion
from django.utils import timezone
from django.utils.formats import date_format

from newsroom.models import Article

# The states a writer may set; anything public is an editor's decision.
WRITER_STATUSES = (Article.Status.DRAFT, Article.Status.REVIEW)


def can_publish(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def describe_transition(article, before):
    """The audit text for a move between states ("Published", "Scheduled for ..."), or ""
    when nothing the public sees has changed. `before` is the article as it was, or None."""
    now = timezone.now()
    if article.status == Article.Status.PUBLISHED:
        unchanged = before is not None and (
            before.status,
            before.publish_at,
            before.embargo_until,
        ) == (article.status, article.publish_at, article.embargo_until)
        if unchanged:
            return ""
        if article.publish_at > now:
            text = f"Scheduled for {_local(article.publish_at)}"
        else:
            text = "Published"
        if article.is_embargoed:
            text += f", embargoed until {_local(article.embargo_until)}"
        return text
    if before is not None and article.status == before.status:
        return ""
    if article.status == Article.Status.REVIEW:
        return "Submitted for review"
    if article.status == Article.Status.ARCHIVED:
        return "Archived"
    if before is None:
        return "Created as a draft"
    if before.status == Article.Status.REVIEW:
        return "Sent back to draft"
    return "Unpublished (back to draft)"


def _local(moment):
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def record_transition(model_admin, request, article, before):
    """Write the move into the admin history and the current revision's comment."""
    text = describe_transition(article, before)
    if text:
        model_admin.log_change(request, article, text)
        if reversion.is_active():
            reversion.set_comment(text)


class PublishingAdminMixin:
    """What is public is the editors' to change, delete or (un)publish; writers see it read-only.
    Enforced in the permission checks, so a crafted request fails like a click would."""

    publish_fields = ()  # fields only those who may publish can set

    def is_public(self, obj):
        raise NotImplementedError

    def editors_only(self, request, obj):
        public = obj is not None and self.is_public(obj)
        return public and not can_publish(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        return not self.editors_only(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self.editors_only(request, obj) and super().has_delete_permission(request, obj)

    def has_publish_permission(self, request):
        return can_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user, self.model):
            fields += self.publish_fields
        return fields
