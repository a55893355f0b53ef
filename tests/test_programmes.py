"""A programme (a company plan that promises a number of projects): its page, its API
endpoint, its JSON-LD, and the link from its projects' pages; only published ones, with
only their published projects."""

import datetime

import extruct
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from projects.models import Programme
from tests import factories


def json_ld(html):
    return extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]


def test_the_demo_plan_promises_what_the_article_says(demo):
    plan = Programme.objects.get(slug=demo.PROGRAMME_SLUG)
    assert plan.promise == "12 production bases and sales companies in 2024"
    assert plan.source.article.slug == demo.ARTICLE_SLUG
    assert list(plan.projects.all()) == []  # "12 more": the Wuhu plant is not one of them


def test_the_programme_page_shows_the_target_and_period(client, demo):
    page = client.get(f"/en/programmes/{demo.PROGRAMME_SLUG}/").content.decode()
    assert "12 production bases and sales companies" in page
    assert '<time datetime="2024">2024</time>' in page
    assert "No project of this plan has been recorded yet." in page


def test_the_programme_page_lists_only_its_published_projects(client, demo):
    plan = Programme.objects.get(slug=demo.PROGRAMME_SLUG)
    factories.project(name="Ningbo base", programme=plan)
    factories.project(name="Unannounced base", programme=plan, is_published=False)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Ningbo base" in page and "1 of 12 recorded" in page
    assert "Unannounced base" not in page
    api = client.get(f"/api/v1/programmes/{plan.slug}").json()
    assert [p["name"] for p in api["projects"]] == ["Ningbo base"]


def test_a_project_page_links_to_its_published_programme(client, demo):
    plan = Programme.objects.get(slug=demo.PROGRAMME_SLUG)
    project = factories.project(name="Ningbo base", programme=plan)
    assert (
        f'href="{plan.get_absolute_url()}"'
        in client.get(project.get_absolute_url()).content.decode()
    )
    assert client.get(f"/api/v1/projects/{project.slug}").json()["programme"]["slug"] == plan.slug
    plan.is_published = False
    plan.save()
    assert plan.get_absolute_url() not in client.get(project.get_absolute_url()).content.decode()
    assert client.get(f"/api/v1/projects/{project.slug}").json()["programme"] is None


def test_an_unpublished_programme_is_a_404_on_the_page_and_the_api(client, db):
    plan = Programme.objects.create(name="Secret plan", slug="secret-plan")
    assert client.get(plan.get_absolute_url()).status_code == 404
    assert client.get("/api/v1/programmes/secret-plan").status_code == 404
    assert client.get("/api/v1/programmes").json()["count"] == 0
    assert b"secret-plan" not in client.get("/sitemap-programmes.xml").content


def test_the_api_gives_the_plan_with_its_period_and_source(client, demo):
    [plan] = client.get("/api/v1/programmes").json()["results"]
    assert plan["target_count"] == 12
    assert plan["period"]["date"] == "2024" and plan["period"]["precision"] == "year"
    assert plan["organization"] == {"slug": "aux-group", "name": "AUX Group"}
    assert plan["source"]["article"] == demo.ARTICLE_SLUG


def test_the_programme_json_ld_is_a_project_of_its_organisation(client, demo):
    plan = Programme.objects.get(slug=demo.PROGRAMME_SLUG)
    factories.project(name="Ningbo base", programme=plan)
    [data] = json_ld(client.get(plan.get_absolute_url()).content.decode())
    assert data["@type"] == "Project"
    assert data["parentOrganization"][0]["name"] == "AUX Group"
    assert [p["name"] for p in data["subOrganization"]] == ["Ningbo base"]


def test_the_organisation_page_lists_its_plans(client, demo):
    page = client.get("/en/organizations/aux-group/").content.decode()
    assert f'href="/en/programmes/{demo.PROGRAMME_SLUG}/"' in page


def test_the_sitemap_lists_published_programmes(client, demo):
    assert demo.PROGRAMME_SLUG.encode() in client.get("/sitemap-programmes.xml").content


def test_a_target_count_must_say_what_it_counts(db):
    plan = Programme(name="Plan", slug="plan", target_count=12)
    with pytest.raises(ValidationError, match="Say what the target count counts"):
        plan.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        plan.save()


def test_a_year_period_is_entered_as_the_first_of_january(db):
    plan = Programme(name="Plan", slug="plan", period_date=datetime.date(2024, 6, 1))
    with pytest.raises(ValidationError, match="1 January"):
        plan.full_clean()
