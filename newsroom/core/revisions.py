"""Revisions (django-reversion) shown as a readable diff between any two of them.

A revision holds the object and everything registered to follow it (tags, project
links, figures, milestones...), so the diff covers those too.
"""

import difflib

import reversion
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin
from reversion.models import Version


def snapshot(version):
    """{label: text} for one version of an object, with its followed objects."""
    model = version._model
    rows = {}
    for field in model._meta.concrete_fields:
        if field.attname in version.field_dict and field.editable:
            value = version.field_dict[field.attname]
            rows[str(field.verbose_name).capitalize()] = (
                strip_tags(str(value)) if value is not None else ""
            )
    related = {}
    for other in version.revision.version_set.exclude(pk=version.pk).select_related("content_type"):
        label = str(other._model._meta.verbose_name_plural).capitalize()
        related.setdefault(label, []).append(other.object_repr)
    for label, items in related.items():
        rows[label] = "\n".join(sorted(items))
    return rows


def diff_html(old, new):
    """Words removed in <del>, words added in <ins>."""
    a, b = old.split(), new.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
        if op == "equal":
            parts.append(escape(" ".join(a[i1:i2])))
    # Every part above was escaped.
    return mark_safe(" ".join(parts))


def changes(older, newer):
    before, after = snapshot(older), snapshot(newer)
    return [
        (label, diff_html(before.get(label, ""), after.get(label, "")))
        for label in dict.fromkeys([*before, *after])
        if before.get(label, "") != after.get(label, "")
    ]


class RevisionAdmin(VersionAdmin):
    """VersionAdmin (history, revert, recover deleted) plus a compare view."""

    object_history_template = "admin/revision_history.html"

    def log_change(self, request, obj, message):
        # One save can log a state change and the edited fields; the revision keeps both.
        earlier = reversion.get_comment() if reversion.is_active() else ""
        entry = super().log_change(request, obj, message)
        if earlier and reversion.is_active():
            reversion.set_comment(f"{earlier}; {entry.get_change_message()}")
        return entry

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def compare_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = list(Version.objects.get_for_object(obj).select_related("revision__user"))
        if len(versions) < 2:
            rows, older, newer = [], None, None
        else:
            by_id = {str(v.pk): v for v in versions}
            newer = by_id.get(request.GET.get("newer"), versions[0])
            older = by_id.get(request.GET.get("older"), versions[1])
            rows = changes(older, newer)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": f"Compare revisions of “{obj}”",
            "versions": versions,
            "older": older,
            "newer": newer,
            "rows": rows,
        }
        return render(request, "admin/revision_compare.html", context)
