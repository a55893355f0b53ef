"""The API's projects: the directory's filters, and every fact of a project with its source."""

import datetime
from decimal import Decimal

from newsroom.demo.loader import ARTICLE_SLUG, PROJECT_SLUG
from projects.dates import Precision
from projects.models import Figure, Kind, Milestone, Status
from projects.models.projects import STATUS_DEFINITIONS
from tests import factories
from tests.api_client import get, slugs

PROJECT = f"/api/v1/projects/{PROJECT_SLUG}"
ARTICLE_URL = f"http://testserver/en/news/{ARTICLE_SLUG}/"


def figures_by_kind(project):
    return {figure["kind"]: figure for figure in project["figures"]}


def test_demo_project_gives_its_figures_exactly_as_the_story_stated_them(client, demo):
    figures = figures_by_kind(get(client, PROJECT))
    investment = figures["investment"]
    assert investment["value"] == "5000000000.000"  # a string: no float rounding
    assert (investment["qualifier"], investment["currency"]) == ("about", "CNY")
    assert investment["value_high"] is None
    assert investment["as_stated"] == "about 5 billion yuan"
    assert investment["text"] == "about CNY 5 billion"
    assert investment["is_estimate"] is False
    assert investment["stated_on"] == "2024-01-02"
    assert investment["history"] == []
    revenue = figures["revenue"]
    assert (revenue["value"], revenue["qualifier"], revenue["currency"]) == (
        "6000000000.000",
        "over",
        "CNY",
    )
    assert revenue["is_estimate"] is True
    capacity = figures["capacity"]
    assert capacity["value"] == "30000000.000"
    assert capacity["product"] == "intelligent air-conditioning compressors"
    assert (capacity["unit"], capacity["period"], capacity["currency"]) == ("", "year", "")
    jobs = figures["jobs"]
    assert (jobs["value"], jobs["job_type"], jobs["text"]) == (
        "3000.000",
        "direct",
        "3,000 direct jobs",
    )


def test_demo_project_cites_the_story_as_the_source_of_its_figures(client, demo):
    investment = figures_by_kind(get(client, PROJECT))["investment"]
    assert investment["source"] == {
        "title": "AUX Compressor Project Listed as Major Construction Project in Anhui Province",
        "url": ARTICLE_URL,
        "publisher": "AUX Group Newsroom",
        "published_on": "2024-01-02",
        "article": ARTICLE_SLUG,
    }


def test_demo_project_gives_its_milestones_with_planned_and_actual_dates_and_precision(
    client, demo
):
    milestones = {m["kind"]: m for m in get(client, PROJECT)["milestones"]}
    assert list(milestones) == ["land", "groundbreaking", "operation"]  # in time order
    operation = milestones["operation"]
    assert operation["planned"] == {
        "date": "2025-03",
        "precision": "month",
        "text": "March 2025",
        "start": "2025-03-01",
        "end": "2025-03-31",
    }
    assert (operation["actual"], operation["original_plan"], operation["slip"]) == (
        None,
        None,
        None,
    )
    assert operation["is_overdue"] is True  # March 2025 has passed with no start recorded
    assert operation["source"]["article"] == ARTICLE_SLUG
    start = milestones["groundbreaking"]
    assert start["actual"]["date"] == "2024-01-02"
    assert start["actual"]["precision"] == "day"
    assert (start["planned"], start["is_overdue"]) == (None, False)
    assert milestones["land"]["actual"]["date"] == "2023-12-17"


def test_demo_project_gives_its_status_location_designation_owner_and_news(client, demo):
    project = get(client, PROJECT)
    assert project["status"]["code"] == "construction"
    assert project["status"]["label"] == "Under construction"
    assert project["status"]["definition"] == STATUS_DEFINITIONS[Status.CONSTRUCTION]
    assert project["status"]["as_of"] == "2024-01-02"
    assert project["status"]["source"]["url"] == ARTICLE_URL
    assert project["location"] == {
        "country": "CN",
        "country_name": "China",
        "province": "Anhui",
        "city": "Wuhu",
        "zone": "",
        "latitude": None,
        "longitude": None,
        "coordinates_accuracy": "",
    }
    assert project["construction_start"]["date"] == "2024-01-02"
    assert project["construction_started"] is True
    [designation] = project["designations"]
    assert designation["text"] == "Anhui Province, first batch of major projects, 2024"
    assert (designation["year"], designation["designated_on"]) == (2024, "2024-01-02")
    [owner] = project["organizations"]
    assert (owner["slug"], owner["role"], owner["role_label"]) == (
        "aux-group",
        "owner",
        "Owner or sponsor",
    )
    assert owner["local_name"] == "奥克斯集团"
    assert owner["api_url"] == "http://testserver/api/v1/organizations/aux-group"
    [news] = project["articles"]
    assert (news["slug"], news["link"]) == (ARTICLE_SLUG, "announces")


def test_a_revised_figure_carries_the_values_it_replaced_newest_first(client, db):
    plant = factories.project()
    first = factories.money(plant, value=Decimal("1000000000"), qualifier="about")
    second = factories.money(plant, value=Decimal("1500000000"), replaces=first)
    third = factories.money(plant, value=Decimal("2000000000"), replaces=second)
    [figure] = get(client, f"/api/v1/projects/{plant.slug}")["figures"]
    assert figure["value"] == "2000000000.000"
    assert [old["value"] for old in figure["history"]] == ["1500000000.000", "1000000000.000"]
    assert figure["history"][1]["qualifier"] == "about"
    assert third


def test_a_range_gives_its_low_and_high_ends_as_exact_strings(client, db):
    plant = factories.project()
    factories.money(
        plant, qualifier="range", value=Decimal("12345678901.235"), value_high=Decimal("2E10")
    )
    factories.project(
        slug="located",
        latitude=Decimal("-31.2"),
        longitude=Decimal("121.5"),
        coordinates_accuracy="city",
    )
    [figure] = get(client, f"/api/v1/projects/{plant.slug}")["figures"]
    assert (figure["value"], figure["value_high"]) == ("12345678901.235", "20000000000.000")
    location = get(client, "/api/v1/projects/located")["location"]
    assert (location["latitude"], location["longitude"]) == ("-31.200000", "121.500000")


def test_a_moved_milestone_keeps_its_first_plan_and_reports_the_slip(client, db):
    plant = factories.project()
    opening = factories.milestone(
        plant,
        kind=Milestone.Kind.OPERATION,
        planned_date=datetime.date(2025, 1, 1),
        planned_precision=Precision.QUARTER,
    )
    opening.planned_date, opening.planned_precision = datetime.date(2025, 6, 1), Precision.MONTH
    opening.save()
    [milestone] = get(client, f"/api/v1/projects/{plant.slug}")["milestones"]
    assert milestone["original_plan"]["text"] == "Q1 2025"
    assert milestone["original_plan"]["date"] == "2025"  # a quarter gives only its year
    assert milestone["original_plan"]["end"] == "2025-03-31"
    assert milestone["planned"]["date"] == "2025-06"
    assert milestone["slip"] == "about 5 months later than planned"


def test_an_outside_source_is_cited_and_an_unpublished_article_is_not(client, db):
    plant = factories.project()
    report = factories.web_source(title="Annual report", publisher="AUX Group")
    draft_source = factories.draft(title="Draft story").sources.create()
    factories.money(plant, source=report)
    factories.jobs(plant, 100, source=draft_source)
    figures = figures_by_kind(get(client, f"/api/v1/projects/{plant.slug}"))
    assert figures["investment"]["source"]["title"] == "Annual report"
    assert figures["investment"]["source"]["publisher"] == "AUX Group"
    assert figures["investment"]["source"]["article"] is None
    assert figures["jobs"]["source"] is None
    assert b"Draft story" not in client.get(f"/api/v1/projects/{plant.slug}").content


def test_project_list_gives_each_project_with_its_current_figures(client, demo):
    page = get(client, "/api/v1/projects")
    [project] = page["results"]
    assert project["slug"] == PROJECT_SLUG
    assert project["api_url"] == f"http://testserver{PROJECT}"
    assert figures_by_kind(project)["investment"]["value"] == "5000000000.000"
    assert "history" not in project["figures"][0]
    assert "milestones" not in project


def test_projects_are_filtered_and_sorted_by_the_directory_filterset(client, db):
    maker = factories.organization(slug="maker")
    big = factories.project(name="Big", slug="big", status=Status.CONSTRUCTION, sector="Batteries")
    small = factories.project(name="Small", slug="small", status=Status.CONSTRUCTION)
    factories.project(name="Idea", slug="idea", status=Status.ANNOUNCED)
    factories.money(big, value=Decimal("9000000000"))
    factories.money(small, value=Decimal("10000000"))
    factories.role(small, maker)
    factories.milestone(big, actual_date=datetime.date(2023, 5, 1))
    projects = "/api/v1/projects"
    assert slugs(get(client, projects)) == ["big", "idea", "small"]  # by name
    assert slugs(get(client, projects, {"status": "construction"})) == ["big", "small"]
    assert slugs(get(client, projects, {"organization": "maker"})) == ["small"]
    assert slugs(get(client, projects, {"sector": "Batteries"})) == ["big"]
    assert slugs(get(client, projects, {"year": "2023"})) == ["big"]
    assert slugs(get(client, projects, {"sort": "investment"})) == ["big", "small", "idea"]


def test_a_project_filter_value_no_published_project_has_is_a_400(client, db):
    factories.project(slug="hidden", sector="Secret sector", is_published=False)
    factories.project()
    for params in ({"status": "bogus"}, {"sector": "Secret sector"}, {"sort": "price"}):
        error = get(client, "/api/v1/projects", params, status=400)
        [name] = params
        assert error["errors"][name] == [
            "Choose one of the listed options; this one is not among them."
        ]


def test_projects_come_in_pages(client, db):
    factories.many_projects(5)
    first = get(client, "/api/v1/projects", {"page_size": 2})
    assert (first["count"], first["pages"], len(first["results"])) == (5, 3, 2)
    last = get(client, "/api/v1/projects", {"page_size": 2, "page": 3})
    assert (len(last["results"]), last["next"]) == (1, None)


def test_an_unpublished_project_is_a_json_404(client, db):
    factories.project(slug="unannounced", is_published=False)
    assert get(client, "/api/v1/projects/unannounced", status=404) == {
        "detail": "Not found: nothing published has this address."
    }


def test_organisations_list_their_published_projects_and_roles(client, db):
    group = factories.organization(name="Group", slug="group", local_name="集团")
    daughter = factories.organization(name="Daughter", slug="daughter", parent=group)
    plant = factories.project(name="Plant", slug="plant")
    factories.role(plant, group)
    factories.role(plant, daughter, role="partner")
    factories.role(factories.project(slug="secret", is_published=False), group)
    page = get(client, "/api/v1/organizations")
    assert slugs(page) == ["daughter", "group"]
    detail = get(client, "/api/v1/organizations/daughter")
    assert detail["parent"] == {"slug": "group", "name": "Group"}
    [role] = detail["projects"]
    assert (role["slug"], role["role"], role["role_label"]) == ("plant", "partner", "Partner")
    assert [p["slug"] for p in get(client, "/api/v1/organizations/group")["projects"]] == ["plant"]


def test_an_organisation_whose_only_projects_are_unpublished_is_not_in_the_api(client, db):
    partner = factories.organization(slug="partner")
    factories.role(factories.project(is_published=False), partner)
    assert slugs(get(client, "/api/v1/organizations")) == []
    get(client, "/api/v1/organizations/partner", status=404)


def test_figure_kinds_are_listed_in_the_fact_sheet_order(client, db):
    plant = factories.project()
    factories.jobs(plant, 10)
    factories.capacity(plant, 5)
    factories.money(plant, kind=Kind.REVENUE)
    factories.money(plant)
    kinds = [f["kind"] for f in get(client, f"/api/v1/projects/{plant.slug}")["figures"]]
    assert kinds == ["investment", "revenue", "capacity", "jobs"]
    assert Figure.objects.count() == 4
