"""A project is published only when every current figure and every milestone that happened
cites a source, or an editor has marked it "not stated publicly"; pages say which is which."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import Figure, Project
from tests import factories
from tests.admin_forms import form_data


def change_url(project):
    return reverse("admin:projects_project_change", args=[project.pk])


def publish(client, project, **changes):
    data = form_data(client, change_url(project)) | {"is_published": "on", **changes}
    return client.post(change_url(project), data)


@pytest.fixture
def draft(db):
    return factories.project(is_published=False)


def test_publishing_is_refused_naming_each_unsourced_figure(editor_client, draft):
    factories.money(draft, value=Decimal("5e9"))
    factories.jobs(draft, 3000)
    response = publish(editor_client, draft)
    page = response.content.decode()
    assert response.status_code == 200
    assert "“Total investment: CNY 5 billion” has no source." in page
    assert "“Jobs: 3,000 direct jobs” has no source." in page
    draft.refresh_from_db()
    assert not draft.is_published


def test_a_project_whose_figures_cite_sources_is_published(editor_client, draft):
    factories.money(draft, source=factories.web_source())
    assert publish(editor_client, draft).status_code == 302
    draft.refresh_from_db()
    assert draft.is_published


def test_choosing_the_source_in_the_same_save_publishes(editor_client, draft):
    factories.money(draft)
    source = factories.web_source()
    response = publish(editor_client, draft, **{"figures-0-source": source.pk})
    assert response.status_code == 302
    assert Project.objects.get().is_published


def test_an_editor_may_mark_a_figure_not_stated_publicly(editor_client, draft):
    factories.money(draft)
    response = publish(editor_client, draft, **{"figures-0-not_stated_publicly": "on"})
    assert response.status_code == 302
    assert Figure.objects.get().not_stated_publicly


def test_a_writer_cannot_mark_a_figure_not_stated_publicly(writer_client, draft):
    factories.money(draft)
    data = form_data(writer_client, change_url(draft))
    assert "figures-0-not_stated_publicly" not in data  # shown read-only
    data["figures-0-not_stated_publicly"] = "on"
    assert writer_client.post(change_url(draft), data).status_code == 302
    assert not Figure.objects.get().not_stated_publicly


def test_a_revised_figure_keeps_its_history_without_a_source(editor_client, draft):
    old = factories.money(draft)
    factories.money(draft, replaces=old, source=factories.web_source())
    assert publish(editor_client, draft).status_code == 302


def test_a_milestone_that_happened_needs_a_source_and_a_plan_does_not(editor_client, draft):
    factories.milestone(draft, planned_date=datetime.date(2030, 1, 1))
    factories.milestone(draft, title="Signed", actual_date=datetime.date(2024, 5, 1))
    response = publish(editor_client, draft)
    assert "“Signed” has no source." in response.content.decode()
    assert "“Construction start” has no source." not in response.content.decode()
    assert not Project.objects.get().is_published


def test_an_unsourced_figure_cannot_be_added_to_a_published_project(editor_client, db):
    project = factories.project(is_published=True)
    data = form_data(editor_client, change_url(project))
    data |= {"figures-TOTAL_FORMS": "1", "figures-0-project": project.pk}
    data |= {"figures-0-kind": "investment", "figures-0-as_stated": "5 billion yuan"}
    data |= {"figures-0-qualifier": "exact"}
    response = editor_client.post(change_url(project), data)
    assert "has no source" in response.content.decode()
    assert not Figure.objects.exists()


def test_the_public_page_marks_unsourced_and_not_stated_facts(client, db):
    project = factories.project(is_published=True)
    factories.money(project)  # entered before the rule
    factories.jobs(project, 300, not_stated_publicly=True)
    factories.capacity(project, 1000, source=factories.web_source(title="Annual report"))
    page = client.get(project.get_absolute_url()).content.decode()
    assert page.count("(Unsourced)") == 1
    assert page.count("(Source: not stated publicly)") == 1
    assert "Annual report" in page
