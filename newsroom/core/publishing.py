"""Who may publish, and what the admin lets those who may not do with public content."""

import reversion


def can_publish(user, model):
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def record_transition(model_admin, request, obj, text):
    """Write a move between states (its audit `text`, if any) into the admin history and
    the current revision's comment."""
    if text:
        model_admin.log_change(request, obj, text)
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
