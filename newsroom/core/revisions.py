"""Revisions (django-reversion) shown as a readable diff between any two of them.

A revision holds the object and everything registered to follow it (tags, project
links, figures, milestones...), so the diff covers those too.
"""

import difflib
from itertools import chain

import reversion
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models.deletion import Collector
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin
from reversion.models import Version
from reversion.revisions import _follow_relations_recursive

from newsroom.core.publishing import editors_only, refusal


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


def unchanged(version, current):
    """Whether reverting `version` would leave the row `current` as it is."""
    restored = version._object_version
    for field in current._meta.concrete_fields:
        if getattr(restored.object, field.attname) != getattr(current, field.attname):
            return False
    return all(
        {getattr(o, "pk", o) for o in pks}
        == set(getattr(current, name).values_list("pk", flat=True))
        for name, pks in restored.m2m_data.items()
    )


class RevisionAdmin(VersionAdmin):
    """VersionAdmin (history, revert, recover deleted) plus a compare view. A revert or recover
    writes only what the user could write by hand: each row it would save or delete passes the
    same checks as the admin of that row (newsroom/core/publishing.py)."""

    object_history_template = "admin/revision_history.html"
    # Rows several records share (tags): a revert of one record recreates them if they are
    # gone but never rewrites or deletes them, since the others show them as they are now.
    shared_models = ()

    def revert_plan(self, revision):
        """(versions to write, rows to delete) for reverting to `revision`, as reversion's
        revert(delete=True) would do them, minus no-op writes and shared rows."""
        versions, present = [], []
        for version in revision.version_set.all():
            current = version._model._default_manager.filter(pk=version.object_id).first()
            if current is not None:
                present.append(current)
                if version._model in self.shared_models or unchanged(version, current):
                    continue
            versions.append((version, current))
        now = chain.from_iterable(_follow_relations_recursive(obj) for obj in present)
        kept = set(present)
        gone = {obj for obj in now if obj not in kept and type(obj) not in self.shared_models}
        return versions, gone

    def may_write(self, request, current, new):
        admin = self.admin_site._registry.get(type(new))
        if admin is not None:
            allowed = (
                admin.has_change_permission(request, current)
                if current is not None
                else admin.has_add_permission(request)
            )
            if not allowed:
                return False
        return not (editors_only(request.user, current) or editors_only(request.user, new))

    def may_delete(self, request, obj):
        admin = self.admin_site._registry.get(type(obj))
        if admin is not None and not admin.has_delete_permission(request, obj):
            return False
        return not editors_only(request.user, obj)

    def check_revert(self, request, revision):
        versions, gone = self.revert_plan(revision)
        restored = {
            (v._model, str(v.object_id)): v._object_version.object
            for v in revision.version_set.all()
        }
        for version, current in versions:
            new = version._object_version.object
            # A restored part is judged with its article or project as restored too.
            for field in new._meta.concrete_fields:
                parent = field.is_relation and restored.get(
                    (field.related_model, str(getattr(new, field.attname)))
                )
                if parent:
                    field.set_cached_value(new, parent)
            if not self.may_write(request, current, new):
                owner = current if editors_only(request.user, current) else new
                raise PermissionDenied(f"Not reverted: {refusal(owner)}")
        for obj in gone:
            if not self.may_delete(request, obj):
                raise PermissionDenied(f"Not reverted, it would delete a row: {refusal(obj)}")
        return versions, gone

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        # Checked before anything is written: the change form VersionAdmin shows afterwards
        # would see only the main object, and only as reverted.
        versions, gone = self.check_revert(request, version.revision)

        def revert(delete=False):
            if delete:
                collector = Collector(using=version.db)
                collector.collect(list(gone))
                collector.delete()
            for old, _current in versions:
                try:
                    with transaction.atomic(using=old.db):
                        old.revert()
                except IntegrityError:
                    pass  # as reversion does: a row whose dependency is gone stays out

        # VersionAdmin calls version.revision.revert(); this revision reverts as planned.
        version.revision.revert = revert
        return super()._reversion_revisionform_view(request, version, template_name, extra_context)

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
