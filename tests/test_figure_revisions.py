"""An editor revises a figure from the project form: a link opens a copy of it that, once
saved, replaces it, with no figure id to type."""

from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import Figure
from tests import factories
from tests.admin_forms import form_data


def revise_url(figure):
    return reverse("admin:projects_figure_add") + f"?revises={figure.pk}"


@pytest.fixture
def draft(db):
    return factories.project(is_published=False)


def test_each_current_figure_offers_a_revise_link_and_no_figure_ids(editor_client, draft):
    old = factories.money(draft)
    new = factories.money(draft, replaces=old)
    page = editor_client.get(reverse("admin:projects_project_change", args=[draft.pk]))
    html = page.content.decode()
    assert html.count("Revise this figure") == 1
    assert revise_url(new).replace("&", "&amp;") in html
    assert 'name="figures-0-replaces"' not in html


def test_the_revision_starts_as_a_copy_and_replaces_the_old_figure(editor_client, draft):
    source = factories.web_source()
    old = factories.money(draft, value=Decimal("5e9"), as_stated="5 billion yuan", source=source)
    data = form_data(editor_client, revise_url(old))
    assert data["replaces"] == str(old.pk)
    assert (data["project"], data["kind"], data["source"]) == (
        str(draft.pk),
        "investment",
        str(source.pk),
    )
    data["as_stated"] = "约60亿元"
    response = editor_client.post(revise_url(old), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:projects_project_change", args=[draft.pk])
    new = Figure.objects.get(replaces=old)
    assert (new.value, new.qualifier) == (Decimal("6e9"), "about")
    assert list(Figure.objects.current()) == [new]


def test_a_figure_cannot_replace_one_of_another_project(editor_client, draft):
    theirs = factories.money(factories.project(is_published=False))
    own = factories.money(draft)
    data = form_data(editor_client, revise_url(own)) | {"replaces": theirs.pk}
    response = editor_client.post(revise_url(own), data)
    assert response.status_code == 200
    assert "is a figure of another project" in response.content.decode()
    assert not Figure.objects.filter(replaces=theirs).exists()


def test_a_figure_already_revised_offers_no_copy(editor_client, draft):
    old = factories.money(draft)
    factories.money(draft, replaces=old)
    assert form_data(editor_client, revise_url(old)).get("replaces", "") == ""


@pytest.mark.parametrize("revises", ["abc", "99999", "1.5", "٣"])
def test_a_bad_figure_to_revise_opens_an_empty_form(editor_client, db, revises):
    response = editor_client.get(reverse("admin:projects_figure_add"), {"revises": revises})
    assert response.status_code == 200
