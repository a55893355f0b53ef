"""The project directory: filters, sorts and totals, published projects only, never a 500."""

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from newsroom import chrome
from projects.models import Milestone, Status
from projects.totals import combined_qualifier
from tests import factories

B = Decimal(1_000_000_000)


def main(response):
    """The page's own content; the layout's canonical link repeats the query string."""
    page = response.content.decode()
    return page[page.index("<main") : page.index("</main>")]


def listed(client, params=None):
    """The names of the projects on the directory page, in order."""
    response = client.get("/en/projects/", params or {})
    assert response.status_code == 200
    return [project.name for project in response.context["projects"]]


def totals(client, params=None):
    context = client.get("/en/projects/", params or {}).context
    return [t.text for t in context["totals"].investment], [t.text for t in context["totals"].jobs]


@pytest.fixture
def places(db):
    """Three projects in different sectors and places."""
    factories.project(name="Anhui plant", sector="Home appliances", province="Anhui")
    factories.project(name="Zhejiang plant", sector="Batteries", province="Zhejiang")
    factories.project(name="Thai plant", sector="Batteries", province="Rayong", country="TH")


def test_the_directory_lists_projects_by_name_by_default(client, places):
    assert listed(client) == ["Anhui plant", "Thai plant", "Zhejiang plant"]


def test_status_filter_lists_only_projects_of_that_status(client, db):
    factories.project(name="Building", status=Status.CONSTRUCTION)
    factories.project(name="Running", status=Status.OPERATING)
    assert listed(client, {"status": "construction"}) == ["Building"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sector": "Batteries"}, ["Thai plant", "Zhejiang plant"]),
        ({"country": "TH"}, ["Thai plant"]),
        ({"province": "Anhui"}, ["Anhui plant"]),
        ({"sector": "Batteries", "country": "CN"}, ["Zhejiang plant"]),
    ],
)
def test_sector_country_and_province_filters_narrow_the_list(client, places, params, expected):
    assert listed(client, params) == expected


def test_organisation_filter_takes_the_slug_and_lists_each_project_once(client, db):
    aux, other = factories.organization(slug="aux-group"), factories.organization()
    both_roles = factories.project(name="Owned and built by AUX")
    factories.role(both_roles, aux, role="owner")
    factories.role(both_roles, aux, role="contractor")
    factories.role(factories.project(name="Someone else's"), other)
    assert listed(client, {"organization": "aux-group"}) == ["Owned and built by AUX"]


def test_designation_filter_takes_the_listing_authority(client, db):
    factories.designation(factories.project(name="Anhui major"), authority="Anhui Province")
    factories.designation(factories.project(name="Zhejiang major"), authority="Zhejiang Province")
    factories.project(name="Not listed")
    assert listed(client, {"designation": "Anhui Province"}) == ["Anhui major"]


def test_year_filter_uses_the_actual_construction_start_else_the_planned_one(client, db):
    started = factories.project(name="Started 2024")
    factories.milestone(
        started, planned_date=datetime.date(2023, 1, 1), actual_date=datetime.date(2024, 3, 1)
    )
    planned = factories.project(name="Planned for 2024")
    factories.milestone(planned, planned_date=datetime.date(2024, 7, 1), planned_precision="month")
    other_milestone = factories.project(name="Only an operation date in 2024")
    factories.milestone(
        other_milestone, kind=Milestone.Kind.OPERATION, planned_date=datetime.date(2024, 1, 1)
    )
    assert listed(client, {"year": "2024"}) == ["Planned for 2024", "Started 2024"]
    year_choices = client.get("/en/projects/").content.decode()
    assert 'value="2023"' not in year_choices  # only the superseded plan said 2023


def test_filters_combine(client, places):
    factories.project(name="Anhui batteries", sector="Batteries", province="Anhui")
    assert listed(client, {"sector": "Batteries", "province": "Anhui"}) == ["Anhui batteries"]


def test_investment_sort_groups_by_currency_then_puts_the_largest_first(client, db):
    for name, value, currency in [
        ("CNY small", 1 * B, "CNY"),
        ("USD large", 2 * B, "USD"),
        ("CNY large", 5 * B, "CNY"),
        ("USD small", B / 10, "USD"),
    ]:
        factories.money(factories.project(name=name), value=value, currency=currency)
    factories.project(name="A project without investment")
    assert listed(client, {"sort": "investment"}) == [
        "CNY large",
        "CNY small",
        "USD large",
        "USD small",
        "A project without investment",
    ]


def test_investment_sort_uses_the_current_figure_not_the_revised_one(client, db):
    revised = factories.project(name="Revised down")
    old = factories.money(revised, value=9 * B)
    factories.money(revised, value=1 * B, replaces=old)
    factories.money(factories.project(name="Steady"), value=2 * B)
    assert listed(client, {"sort": "investment"}) == ["Steady", "Revised down"]


def test_jobs_sorts_compare_one_type_of_job_with_the_same_type(client, db):
    few, many = factories.project(name="Few jobs"), factories.project(name="Many jobs")
    factories.jobs(few, 100)
    factories.jobs(many, 50)
    factories.jobs(many, 5000, job_type="construction")
    old = factories.jobs(few, 9000, job_type="construction")
    factories.jobs(few, 10, job_type="construction", replaces=old)
    factories.project(name="A project without jobs")
    assert listed(client, {"sort": "jobs"}) == ["Few jobs", "Many jobs", "A project without jobs"]
    assert listed(client, {"sort": "construction_jobs"}) == [
        "Many jobs",
        "Few jobs",
        "A project without jobs",
    ]


def test_capacity_sort_puts_the_largest_current_capacity_first(client, db):
    factories.capacity(factories.project(name="Small"), 1_000)
    factories.capacity(factories.project(name="Large"), 30_000_000)
    factories.project(name="A project without capacity")
    assert listed(client, {"sort": "capacity"}) == ["Large", "Small", "A project without capacity"]


def test_capacity_sort_never_ranks_one_unit_against_another(client, db):
    factories.capacity(factories.project(name="Compressor plant"), 30_000_000)
    factories.capacity(factories.project(name="Big battery plant"), 40, unit="GWh")
    factories.capacity(factories.project(name="Small battery plant"), 12, unit="GWh")
    grouped = listed(client, {"sort": "capacity"})
    assert grouped.index("Big battery plant") + 1 == grouped.index("Small battery plant")
    assert listed(client, {"sort": "capacity", "unit": "GWh"}) == [
        "Big battery plant",
        "Small battery plant",
    ]
    assert "GWh" in client.get("/en/projects/").content.decode()  # offered as a unit to choose


def test_start_sort_puts_the_newest_construction_start_first_and_unknown_last(client, db):
    old, new = factories.project(name="Old"), factories.project(name="New")
    factories.milestone(old, actual_date=datetime.date(2019, 5, 1))
    factories.milestone(new, planned_date=datetime.date(2026, 1, 1), planned_precision="year")
    factories.project(name="A project without a start")
    assert listed(client, {"sort": "start"}) == ["New", "Old", "A project without a start"]


def test_unpublished_projects_appear_nowhere_in_the_directory(client, db):
    public = factories.project(name="Public plant", sector="Batteries")
    factories.money(public, value=1 * B)
    secret = factories.project(
        name="Secret plant", sector="Secret sector", province="Secret province", is_published=False
    )
    factories.money(secret, value=7 * B, currency="EUR")
    factories.jobs(secret, 987654)
    factories.designation(secret, authority="Secret authority")
    factories.role(secret, factories.organization(name="Secret company"))
    factories.milestone(secret, actual_date=datetime.date(2001, 1, 1))
    for params in ({}, {"sort": "investment"}, {"sector": "Secret sector"}):
        response = client.get("/en/projects/", params)
        page = main(response)
        for secret_word in ("Secret", "EUR", "987,654", 'value="2001"'):
            assert secret_word not in page, (params, secret_word)
        assert response.context["paginator"].count == 1
    assert totals(client) == (["CNY 1 billion"], [])


def test_totals_of_the_demo_are_the_aux_projects_figures(client, demo):
    assert totals(client) == (["about CNY 5 billion"], ["3,000 direct jobs"])
    page = main(client.get("/en/projects/"))
    assert '<h2 id="totals-heading">' in page


def test_totals_add_investment_per_currency_and_never_across_currencies(client, db):
    factories.money(factories.project(), value=2 * B, currency="CNY")
    factories.money(factories.project(), value=3 * B, currency="CNY")
    factories.money(factories.project(), value=B / 5, currency="USD")
    factories.money(factories.project(), value=B, currency="CNY", kind="revenue")
    investment, _ = totals(client)
    assert investment == ["CNY 5 billion", "USD 200 million"]
    page = client.get("/en/projects/").content.decode()
    assert "CNY 5 billion" in page and "USD 200 million" in page
    assert "a range counts by its low value" in page


def test_totals_count_only_current_figures(client, db):
    project = factories.project()
    old_money = factories.money(project, value=9 * B)
    factories.money(project, value=4 * B, replaces=old_money)
    old_jobs = factories.jobs(project, 9000)
    factories.jobs(project, 3000, replaces=old_jobs)
    assert totals(client) == (["CNY 4 billion"], ["3,000 direct jobs"])


def test_totals_add_jobs_per_job_type(client, db):
    first, second = factories.project(), factories.project()
    factories.jobs(first, 1000)
    factories.jobs(second, 2000)
    factories.jobs(second, 500, job_type="construction")
    _, jobs = totals(client)
    assert jobs == ["3,000 direct jobs", "500 construction jobs"]
    assert "3,000 direct jobs" in client.get("/en/projects/").content.decode()


def test_totals_follow_the_filters(client, db):
    factories.money(factories.project(status=Status.CONSTRUCTION), value=2 * B)
    factories.money(factories.project(status=Status.OPERATING), value=3 * B)
    response = client.get("/en/projects/", {"status": "operating"})
    assert [t.text for t in response.context["totals"].investment] == ["CNY 3 billion"]
    assert response.context["paginator"].count == 1


def test_totals_carry_qualifiers_over_loosely_and_count_ranges_by_their_low_value(client, db):
    factories.money(factories.project(), value=5 * B, qualifier="about")
    factories.money(factories.project(), value=1 * B)
    factories.money(
        factories.project(), value=1 * B, value_high=2 * B, qualifier="range", currency="USD"
    )
    factories.money(factories.project(), value=1 * B, currency="USD")
    assert totals(client)[0] == ["about CNY 6 billion", "over USD 2 billion"]


@pytest.mark.parametrize(
    ("qualifiers", "expected"),
    [
        ([], "exact"),
        (["exact", "exact"], "exact"),
        (["exact", "about"], "about"),
        (["over", "range", "exact"], "over"),
        (["up_to", "exact"], "up_to"),
        (["over", "up_to"], "about"),
    ],
)
def test_the_qualifier_of_a_sum_is_loose(qualifiers, expected):
    assert combined_qualifier(qualifiers) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"status": "exploded"},
        {"year": "abc"},
        {"year": "1999"},
        {"sort": "price"},
        {"sort": "-name"},
        {"sector": "x" * 10_000},
        {"organization": "nobody"},
        {"designation": "<script>alert(1)</script>"},
        {"country": "ZZ", "province": "\x00"},
        {"page": "abc"},
        {"page": "99999999999999999999"},
        {"status": ["construction", "operating"], "unknown": "1"},
    ],
)
def test_bad_parameters_show_the_page_not_an_error(client, places, params):
    response = client.get("/en/projects/", params)
    assert response.status_code == 200
    page = main(response)
    assert "<script>alert(1)</script>" not in page
    assert "x" * 10_000 not in page


def test_an_unknown_value_is_reported_on_its_field_and_the_other_filters_still_apply(
    client, places
):
    response = client.get("/en/projects/", {"status": "exploded", "country": "TH"})
    page = response.content.decode()
    assert 'id="id_status_error"' in page
    assert 'aria-invalid="true"' in page
    assert [p.name for p in response.context["projects"]] == ["Thai plant"]


def test_every_form_control_has_a_label_and_the_form_a_submit_button(client, places):
    page = client.get("/en/projects/").content.decode()
    form = page[page.index('<form method="get"') : page.index("</form>")]
    controls = re.findall(r'<select name="(\w+)"[^>]*id="(\w+)"', form)
    assert {name for name, _ in controls} == {
        "status",
        "sector",
        "country",
        "province",
        "organization",
        "designation",
        "year",
        "sort",
        "unit",
        "updated",
    }
    for _, control_id in controls:
        assert f'<label for="{control_id}">' in form
    assert '<button type="submit">' in form
    assert page.count("<h1") == 1


def test_sort_choice_says_investment_is_compared_only_within_one_currency(client, places):
    assert "compared only within one currency" in client.get("/en/projects/").content.decode()


def test_pagination_and_export_links_keep_the_valid_filters_only(client, db):
    for n in range(30):
        factories.project(name=f"Plant {n:02}", sector="Batteries")
    response = client.get("/en/projects/", {"sector": "Batteries", "status": "bogus", "utm": "x"})
    page = response.content.decode()
    assert 'href="?sector=Batteries&amp;page=2"' in page
    assert 'href="/en/projects/export.csv?sector=Batteries"' in page
    assert 'href="/en/projects/export.json?sector=Batteries"' in page
    assert 'href="/en/projects/data/"' in page
    second = client.get("/en/projects/", {"sector": "Batteries", "page": "2"})
    assert second.context["projects"][0].name == "Plant 24"


def test_cards_show_the_construction_start_with_its_precision(client, db):
    factories.milestone(
        factories.project(), planned_date=datetime.date(2025, 3, 1), planned_precision="month"
    )
    page = client.get("/en/projects/").content.decode()
    assert 'planned to start <time datetime="2025-03">March 2025</time>' in page


# count, page, figures of the page, totals, then the form's choices: sector, country,
# province and year; organisations; designation authorities; capacity units
DIRECTORY_QUERIES = 8


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"sort": "investment"},
        {"sort": "start", "year": "2021", "organization": "bulk-owner"},
        {"designation": "Anhui Province", "country": "CN", "status": "bogus", "page": "2"},
    ],
)
def test_directory_queries_are_pinned_and_do_not_grow_with_projects(client, db, params):
    def count_queries():
        # The page's own: the header's and footer's data is pinned in test_query_counts.
        with translation.override("en"):
            chrome.load()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/projects/", params).status_code == 200
        return len(captured)

    owner = factories.organization(slug="bulk-owner")
    factories.many_projects(10, owner)
    assert count_queries() == DIRECTORY_QUERIES
    factories.many_projects(190, owner)
    assert count_queries() == DIRECTORY_QUERIES
