"""The "suggested facts" admin pages: ask for suggestions (from an article or a pasted press
release), review them beside the highlighted text, and accept, edit or reject each one.

An accepted fact is saved through the project form's own inline form for its kind, with
Figure.clean()/Milestone.clean() and the publishing rule of newsroom/core/publishing.py, citing
the article (or the press release) as its Source. Nothing is stored before the editor's click,
and a rejected proposal is stored nowhere.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.serializers.json import DjangoJSONEncoder
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from newsroom.models import Article
from projects import extraction
from projects.admin.suggested_facts import LABELS, initial_values, name_of, pieces, plain_text
from projects.admin.suggestion_accept import accept
from projects.admin.suggestion_forms import (
    TOO_LONG,
    EvidenceForm,
    PasteForm,
    RowFormSet,
    TargetForm,
)
from projects.admin.suggestion_rows import (
    NEW_PROJECT_FIELDS,
    fact_form,
    new_project_form,
    reading,
)
from projects.models import Organization, Qualifier

TOO_BIG = TOO_LONG


def check_allowed(model_admin, request):
    """Staff who may change projects; an article's text also needs leave to read it."""
    if not model_admin.has_change_permission(request):
        raise PermissionDenied


def render(request, model_admin, template, title, context):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        **context,
    }
    return TemplateResponse(request, f"admin/projects/project/{template}", context)


def paste_page(request, model_admin, form, status=200):
    response = render(request, model_admin, "suggest_paste.html", "Suggest facts", {"form": form})
    response.status_code = status
    return response


def evidence_of(article):
    published = timezone.localdate(article.publish_at) if article.publish_at else None
    return {
        "article": article.pk,
        "title": article.title,
        "published": published,
        "text": plain_text(article.body),
        "url": "",
        "publisher": "",
    }


def suggest_view(model_admin):
    """GET ?article=pk: its suggestions; GET: the paste form; POST: the pasted text's."""

    def view(request):
        check_allowed(model_admin, request)
        if request.method == "POST":
            try:
                form = PasteForm(request.POST)
            # Over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB). Usually the CSRF middleware reads the
            # body first and answers 400 itself; this is for a request it let through unread.
            except RequestDataTooBig:
                messages.error(request, TOO_BIG)
                return paste_page(request, model_admin, PasteForm(), status=413)
            if form.is_valid():
                return review_page(request, model_admin, form.cleaned_data)
            return paste_page(request, model_admin, form)
        article_id = request.GET.get("article", "")
        if not article_id:
            return paste_page(request, model_admin, PasteForm())
        if not request.user.has_perm("newsroom.view_article"):
            raise PermissionDenied
        article = (
            Article.objects.only("pk", "title", "body", "publish_at").filter(pk=article_id).first()
            if article_id.isascii() and article_id.isdigit()
            else None
        )
        if article is None:
            messages.error(request, _("There is no such article; paste the text instead."))
            return paste_page(request, model_admin, PasteForm(), status=404)
        return review_page(request, model_admin, evidence_of(article))

    return view


def review_page(request, model_admin, evidence):
    """The proposals for `evidence` (a dict of EvidenceForm's fields), none decided yet."""
    found = extraction.suggest(
        evidence["text"], published=evidence.get("published"), title=evidence.get("title", "")
    )
    # In the order the text states them, so the list reads alongside the text.
    facts = sorted((s for s in found.all() if s.field in LABELS), key=lambda s: (s.start, s.end))
    rows = RowFormSet(
        prefix="row",
        initial=[
            {
                "field": s.field,
                "start": s.start,
                "end": s.end,
                "unsure": s.unsure,
                "reason": s.reason,
                "suggested": json.dumps(initial_values(s), cls=DjangoJSONEncoder),
            }
            for s in facts
        ],
    )
    owner = name_of(found.organization)
    known = Organization.objects.filter(name__iexact=owner).first() if owner else None
    target = TargetForm(
        prefix="target",
        admin_site=model_admin.admin_site,
        initial={"organization": known, "new_organization": "" if known else owner},
    )
    name = name_of(found.project) or evidence.get("title", "")[:300]
    location = (found.location.value or {}) if found.location else {}
    place = {
        "name_en": name,
        "slug": slugify(name, allow_unicode=True)[:200],
        "country": location.get("country", ""),
        "province_en": location.get("province", ""),
        "city_en": location.get("city") or (name_of(found.location) if found.location else ""),
    }
    project_form = new_project_form(model_admin, request, initial=place)
    forms = [fact_form(model_admin, request, None, row) for row in rows]
    return review(request, model_admin, evidence, target, project_form, rows, forms)


def review(request, model_admin, evidence, target, project_form, rows, forms):
    text = evidence["text"]
    spans, listed = [], []
    for number, (row, form) in enumerate(zip(rows, forms, strict=True), 1):
        meta = row.cleaned_data if row.is_bound and row.is_valid() else row.initial
        start, end = meta.get("start") or 0, meta.get("end") or 0
        spans.append((start, end))
        listed.append(
            {
                "number": number,
                "row": row,
                "fact": form,
                "label": LABELS[meta["field"]],
                "reading": reading(meta["field"], form),
                "sentence": text[start:end],
                "qualifier": qualifier_label(form.initial.get("qualifier")),
                "unsure": meta.get("unsure"),
                "reason": meta.get("reason", ""),
                "open": bool(form.is_bound and form.errors),
            }
        )
    evidence_form = EvidenceForm(prefix="evidence", initial=evidence)
    media = target.media + project_form.media
    context = {
        "evidence": evidence,
        "evidence_form": evidence_form,
        "pieces": pieces(text, spans),
        "rows": rows,
        "listed": listed,
        "target": target,
        "project_form": project_form,
        "media": media,
        "source_title": evidence.get("title", ""),
        "has_errors": target.is_bound
        and bool(target.errors or project_form.errors or any(i["open"] for i in listed)),
    }
    return render(request, model_admin, "suggest_review.html", "Suggested facts", context)


def qualifier_label(value):
    return Qualifier(value).label if value in Qualifier.values else ""


def accept_view(model_admin):
    @require_POST
    def view(request):
        check_allowed(model_admin, request)
        try:
            post = request.POST
        except RequestDataTooBig:
            messages.error(request, TOO_BIG)
            return paste_page(request, model_admin, PasteForm(), status=413)
        evidence = EvidenceForm(post, prefix="evidence")
        rows = RowFormSet(post, prefix="row")
        if not evidence.is_valid() or not rows.is_valid():
            form = PasteForm()
            errors = [*evidence.non_field_errors(), *evidence.errors.get("text", [])]
            messages.error(
                request, " ".join(errors) or _("This review came back damaged; ask again.")
            )
            return paste_page(request, model_admin, form, status=400)
        if evidence.cleaned_data.get("article") and not request.user.has_perm(
            "newsroom.view_article"
        ):
            raise PermissionDenied
        target = TargetForm(post, prefix="target", admin_site=model_admin.admin_site)
        project = target.cleaned_data.get("project") if target.is_valid() else None
        existing = project if target.is_valid() and not target.is_new else None
        if existing is None:
            project_form = new_project_form(model_admin, request, data=post)
        else:  # not validated: its errors would be beside the point
            typed = {name: post.get(f"project-{name}", "") for name in NEW_PROJECT_FIELDS}
            project_form = new_project_form(model_admin, request, initial=typed)
        forms = [fact_form(model_admin, request, existing, row, post) for row in rows]
        saved = accept(
            request, model_admin, evidence.cleaned_data, target, project_form, rows, forms
        )
        if saved is None:
            return review(
                request, model_admin, evidence.cleaned_data, target, project_form, rows, forms
            )
        project, count = saved
        messages.success(
            request,
            f"{count} fact{'s' * (count != 1)} added to “{project}”, "
            f"citing “{evidence.cleaned_data['title'] or project}”.",
        )
        return redirect(reverse("admin:projects_project_change", args=[project.pk]))

    return view
