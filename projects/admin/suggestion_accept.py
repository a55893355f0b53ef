"""Saving what the editor accepted on the suggested-facts page, all or nothing.

Each accepted row is the project form's own inline form (projects/admin/suggestion_rows.py), so
Figure.clean()/Milestone.clean() decide what is valid; the publishing rule decides who may add
it, with the message a typed fact gets (newsroom/core/publishing.py). The facts cite the
article's Source (made once) or the press release's, reused by its address.
"""

import reversion
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from newsroom.core.publishing import check_write, editors_only, refusal
from projects.models import Organization, ProjectOrganization, Source


def source_for(evidence):
    """The Source the accepted facts cite: the article's own (made once), or the press
    release's, reused by its address."""
    if evidence.get("article"):
        return Source.objects.get_or_create(article_id=evidence["article"])[0]
    found = Source.objects.filter(article__isnull=True, url=evidence["url"]).first()
    if found:
        return found
    source = Source(
        url=evidence["url"],
        title=evidence["title"],
        publisher=evidence["publisher"],
        published_on=evidence["published"],
    )
    source.full_clean()
    source.save()
    return source


def accept(request, model_admin, evidence, target, project_form, rows, forms):
    """Save the accepted facts, all or none: (project, how many) or None with the errors on
    the forms. The source is made first, since a published project's facts must cite one."""
    accepted = [(row, form) for row, form in zip(rows, forms, strict=True) if row.accepted]
    if not accepted:
        target.add_error(None, "Accept at least one proposal; nothing has been saved.")
    if not target.is_valid():
        return None
    new = target.is_new
    if new and not model_admin.has_add_permission(request):
        target.add_error("target", "You may not add projects; choose an existing one.")
        return None
    project = project_form.instance if new else target.cleaned_data["project"]
    ok = (project_form.is_valid() if new else True) and bool(accepted)
    with transaction.atomic():
        try:
            source = source_for(evidence)
        except ValidationError as error:
            target.add_error(None, error.messages)
            return None
        for _row, form in accepted:
            form.instance.project, form.instance.source = project, source
            if hasattr(form.instance, "stated_on"):
                form.instance.stated_on = evidence.get("published")
            ok = form.is_valid() and ok
            if editors_only(request.user, form.instance):  # the rule of PublicRowForm
                form.add_error(None, refusal(form.instance))
                ok = False
        if not ok:
            transaction.set_rollback(True)
            return None
        if new:
            project = project_form.save()
            owner = target.cleaned_data.get("organization") or organization_named(
                request, target.cleaned_data.get("new_organization", "")
            )
            if owner:
                ProjectOrganization.objects.create(project=project, organization=owner)
        with reversion.create_revision():
            for _row, form in accepted:
                form.instance.project = project
                check_write(request.user, form.instance)
                form.save()
            reversion.set_user(request.user)
            reversion.set_comment(f"Accepted suggested facts from “{source}”")
            reversion.add_to_revision(project)
        model_admin.log_change(request, project, f"Accepted {len(accepted)} suggested facts")
    return project, len(accepted)


def organization_named(request, name):
    """A new organisation, for a writer who may add one, or the one of that name we have."""
    name = name.strip()
    if not name:
        return None
    found = Organization.objects.filter(name__iexact=name).first()
    if found or not request.user.has_perm("projects.add_organization"):
        return found
    base = slugify(name, allow_unicode=True)[:190] or "organization"
    slug, n = base, 1
    while Organization.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return Organization.objects.create(name=name, slug=slug)
