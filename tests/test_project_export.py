"""CSV and JSON exports of the directory, and the data dictionary that describes them."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.demo.loader import ARTICLE_SLUG, PROJECT_SLUG
from projects import export
from projects.models import Figure, Kind, Source, Status
from projects.models.figures import MONEY_KINDS
from projects.models.projects import STATUS_DEFINITIONS
from tests import factories

B = Decimal(1_000_000_000)
ARTICLE_URL = f"http://testserver/en/news/{ARTICLE_SLUG}/"


def csv_rows(client, params=None):
    response = client.get("/en/projects/export.csv", params or {})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def json_projects(client, params=None):
    response = client.get("/en/projects/export.json", params or {})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == len(data["projects"])
    return data["projects"]


def test_csv_is_a_streamed_utf8_attachment_with_a_header_row(client, demo):
    response = client.get("/en/projects/export.csv")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="projects.csv"'
    text = b"".join(response.streaming_content).decode("utf-8")
    header = next(csv.reader(io.StringIO(text)))
    assert header[:3] == ["name", "local_name", "url"]
    assert "奥克斯智能空调压缩机生产建设项目（芜湖分公司）" in text


def test_demo_project_exports_its_figures_as_the_story_stated_them_in_csv(client, demo):
    [row] = csv_rows(client)
    assert row["url"] == f"http://testserver/en/projects/{PROJECT_SLUG}/"
    assert row["status"] == "construction"
    assert (row["country"], row["province"], row["city"]) == ("CN", "Anhui", "Wuhu")
    assert row["organizations"] == "AUX Group (Owner or sponsor)"
    assert row["designations"] == "Anhui Province, first batch of major projects, 2024"
    assert row["investment_1_value"] == "5000000000"
    assert row["investment_1_qualifier"] == "about"
    assert row["investment_1_currency"] == "CNY"
    assert row["investment_1_text"] == "about CNY 5 billion"
    assert row["investment_1_as_stated"] == "about 5 billion yuan"
    assert row["investment_1_source_title"].startswith("AUX Compressor Project")
    assert row["investment_1_source_url"] == ARTICLE_URL
    assert (row["revenue_1_value"], row["revenue_1_qualifier"]) == ("6000000000", "over")
    assert row["revenue_1_is_estimate"] == "true"
    assert row["capacity_1_value"] == "30000000"
    assert row["capacity_1_product"] == "intelligent air-conditioning compressors"
    assert row["capacity_1_period"] == "year"
    assert (row["jobs_1_value"], row["jobs_1_job_type"]) == ("3000", "direct")
    assert row["jobs_1_text"] == "3,000 direct jobs"
    assert row["investment_1_is_estimate"] == "false"


def test_demo_project_exports_its_figures_as_the_story_stated_them_in_json(client, demo):
    [project] = json_projects(client)
    figures = project["figures"]
    [investment] = figures["investment"]
    assert investment["value"] == "5000000000"
    assert (investment["qualifier"], investment["currency"]) == ("about", "CNY")
    assert investment["value_high"] is None
    assert investment["source_url"] == ARTICLE_URL
    [revenue] = figures["revenue"]
    assert (revenue["value"], revenue["qualifier"], revenue["is_estimate"]) == (
        "6000000000",
        "over",
        True,
    )
    [capacity] = figures["capacity"]
    assert (capacity["value"], capacity["period"]) == ("30000000", "year")
    assert capacity["text"] == "30 million intelligent air-conditioning compressors per year"
    [jobs] = figures["jobs"]
    assert (jobs["value"], jobs["job_type"], jobs["text"]) == (
        "3000",
        "direct",
        "3,000 direct jobs",
    )
    assert figures["annual_investment"] == figures["output_value"] == []
    assert project["organizations"][0]["slug"] == "aux-group"
    assert project["designations"][0]["authority"] == "Anhui Province"


def test_exports_give_construction_start_and_planned_operation_with_their_precision(client, demo):
    [row] = csv_rows(client)
    [project] = json_projects(client)
    for record in (row, project):
        assert record["construction_start"] == "2024-01-02"
        assert record["construction_start_precision"] == "day"
        assert record["construction_start_text"] == "2 January 2024"
        assert record["planned_operation"] == "2025-03"
        assert record["planned_operation_precision"] == "month"
        assert record["planned_operation_text"] == "March 2025"
    assert row["construction_started"] == "true"
    assert project["construction_started"] is True


def test_a_planned_start_is_exported_as_not_yet_started(client, db):
    factories.milestone(
        factories.project(), planned_date=datetime.date(2026, 7, 1), planned_precision="quarter"
    )
    [project] = json_projects(client)
    assert project["construction_start"] == "2026"
    assert project["construction_start_text"] == "Q3 2026"
    assert project["construction_started"] is False
    assert project["planned_operation"] is None


def test_json_decimals_are_strings_written_out_in_full(client, db):
    factories.money(factories.project(), value=Decimal("12345678901.5"))
    factories.money(factories.project(), value=Decimal("5E+9"))
    values = [p["figures"]["investment"][0]["value"] for p in json_projects(client)]
    assert values == ["12345678901.5", "5000000000"]


def test_a_range_exports_its_low_and_high_values(client, db):
    factories.money(factories.project(), value=1 * B, value_high=2 * B, qualifier="range")
    [row] = csv_rows(client)
    assert (row["investment_1_value"], row["investment_1_value_high"]) == (
        "1000000000",
        "2000000000",
    )
    assert row["investment_1_qualifier"] == "range"


def test_several_capacities_take_numbered_columns_as_many_as_the_largest_count(client, db):
    two = factories.project(name="Two capacities")
    factories.capacity(two, 100, product="cells", phase="Phase 1")
    factories.capacity(two, 5, product="packs", unit="GWh", phase="Phase 2")
    factories.capacity(factories.project(name="One capacity"), 7)
    factories.project(name="No capacity")
    rows = {row["name"]: row for row in csv_rows(client)}
    header = list(rows["No capacity"])
    assert "capacity_2_value" in header and "capacity_3_value" not in header
    assert not any(name.startswith("jobs_") for name in header)
    assert rows["Two capacities"]["capacity_1_product"] == "cells"
    assert rows["Two capacities"]["capacity_2_unit"] == "GWh"
    assert rows["One capacity"]["capacity_2_value"] == ""
    assert rows["No capacity"]["capacity_1_value"] == ""
    [json_two] = [p for p in json_projects(client) if p["name"] == "Two capacities"]
    assert [c["product"] for c in json_two["figures"]["capacity"]] == ["cells", "packs"]


def test_an_outside_source_gives_its_title_url_and_publisher(client, db):
    report = factories.web_source(
        title="Annual report", url="https://example.com/report.pdf", publisher="AUX Group"
    )
    factories.jobs(factories.project(), 500, source=report)
    [row] = csv_rows(client)
    assert row["jobs_1_source_title"] == "Annual report"
    assert row["jobs_1_source_url"] == "https://example.com/report.pdf"
    assert row["jobs_1_source_publisher"] == "AUX Group"


def test_an_article_not_yet_published_is_not_named_as_a_source(client, db):
    draft = factories.draft(title="Secret draft story")
    source = Source.objects.create(article=draft)
    factories.jobs(factories.project(), 500, source=source)
    [row] = csv_rows(client)
    assert row["jobs_1_value"] == "500"
    assert row["jobs_1_source_title"] == row["jobs_1_source_url"] == ""
    assert "Secret draft story" not in str(json_projects(client))


def test_revised_figures_are_left_out_of_exports(client, db):
    project = factories.project()
    old = factories.money(project, value=9 * B)
    factories.money(project, value=4 * B, replaces=old)
    [row] = csv_rows(client)
    assert row["investment_1_value"] == "4000000000"
    assert "investment_2_value" not in row
    [exported] = json_projects(client)
    assert [f["value"] for f in exported["figures"]["investment"]] == ["4000000000"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "operating"}, ["Running in Thailand"]),
        ({"country": "CN"}, ["Building in China"]),
        ({"organization": "aux-group"}, ["Building in China"]),
        ({"sort": "investment"}, ["Building in China", "Running in Thailand"]),
    ],
)
def test_the_directory_filters_apply_to_both_exports(client, db, params, expected):
    china = factories.project(name="Building in China", status=Status.CONSTRUCTION)
    factories.role(china, factories.organization(slug="aux-group"))
    factories.money(china, value=1 * B, currency="CNY")
    thai = factories.project(name="Running in Thailand", status=Status.OPERATING, country="TH")
    factories.money(thai, value=1 * B, currency="THB")
    assert [row["name"] for row in csv_rows(client, params)] == expected
    assert [project["name"] for project in json_projects(client, params)] == expected


def test_unpublished_projects_are_never_exported(client, db):
    factories.project(name="Public plant")
    secret = factories.project(name="Secret plant", is_published=False, sector="Secret")
    factories.money(secret, value=7 * B)
    for params in ({}, {"sector": "Secret"}):  # not a sector of a published project: refused
        for url in ("/en/projects/export.csv", "/en/projects/export.json"):
            assert b"Secret plant" not in client.get(url, params).getvalue()
    assert [row["name"] for row in csv_rows(client)] == ["Public plant"]


@pytest.mark.parametrize(
    "params", [{"status": "exploded"}, {"year": "abc"}, {"sort": "x" * 10_000}]
)
def test_an_export_with_an_unknown_filter_value_is_refused_with_the_reason(client, db, params):
    for url in ("/en/projects/export.csv", "/en/projects/export.json"):
        response = client.get(url, params)
        assert response.status_code == 400
        assert list(response.json()["errors"]) == list(params)


@pytest.mark.parametrize("formula", ["=HYPERLINK(1)", "+1+1", "-1+1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_a_spreadsheet_would_run_as_formulas_get_an_apostrophe(client, db, formula):
    project = factories.project(name=formula, city=formula)
    factories.jobs(project, 10, as_stated=formula)
    [row] = csv_rows(client)
    assert row["name"] == row["city"] == row["jobs_1_as_stated"] == f"'{formula}"
    assert [p["name"] for p in json_projects(client)] == [formula]  # JSON is data, not a sheet


def test_harmless_cells_are_left_alone():
    assert export.cell("AUX = good") == "AUX = good"
    assert export.cell(Decimal("30000000.000")) == "30000000"
    assert export.cell(None) == ""
    assert export.cell(False) == "false"


def test_data_dictionary_describes_every_column_of_the_single_column_list(client, db):
    response = client.get("/en/projects/data/")
    assert response.status_code == 200
    page = response.content.decode()
    for column in export.PROJECT_COLUMNS + export.FIGURE_COLUMNS:
        assert f"<code>{column.name}</code>" in page, column.name
        assert column.description.split("“")[0].replace("'", "&#x27;") in page, column.name


def test_every_exported_csv_column_comes_from_the_single_column_list(client, db):
    project = factories.project()
    for kind in MONEY_KINDS:  # one of each kind of money, operating income included
        factories.money(project, kind=kind)
    factories.capacity(project, 100)
    factories.capacity(project, 200, product="packs")
    factories.jobs(project, 10)
    header = list(csv_rows(client)[0])
    counts = dict.fromkeys(Kind.values, 1) | {Kind.CAPACITY: 2}
    assert header == export.csv_header(counts)
    documented = {c.name for c in export.PROJECT_COLUMNS}
    for kind in Kind.values:
        for n in range(1, counts[kind] + 1):
            documented |= {f"{kind}_{n}_{c.name}" for c in export.figure_columns(kind)}
    assert set(header) == documented
    assert Figure.objects.count() == len(
        {name.rsplit("_value", 1)[0] for name in header if name.endswith("_value")}
    )


def test_data_dictionary_explains_statuses_qualifiers_precision_and_units(client, db):
    page = client.get("/en/projects/data/").content.decode()
    for text in STATUS_DEFINITIONS.values():
        assert text.replace("'", "&#x27;") in page
    for qualifier in ("exact", "about", "over", "up_to", "range"):
        assert f"<code>{qualifier}</code>" in page
    for precision in ("day", "month", "quarter", "year"):
        assert f"<code>{precision}</code>" in page
    assert "Units" in page and "ISO 4217" in page


def test_the_directory_and_the_dictionary_link_to_each_other_and_to_the_exports(client, db):
    directory = client.get("/en/projects/").content.decode()
    dictionary = client.get("/en/projects/data/").content.decode()
    assert 'href="/en/projects/data/"' in directory
    for page in (directory, dictionary):
        assert 'href="/en/projects/export.csv' in page and 'href="/en/projects/export.json' in page
    assert 'href="/en/projects/"' in dictionary


# projects (with their programmes), their figures, their roles, the organisations in them
# (each read once), their designations, their events (the people at them and the figures'
# sources are one more query each, made only when there are any)
EXPORT_QUERIES = 6


@pytest.mark.parametrize("url", ["/en/projects/export.csv", "/en/projects/export.json"])
@pytest.mark.parametrize(
    ("params", "choice_queries"),
    [
        ({}, 0),
        ({"status": "announced", "sort": "jobs"}, 0),
        # validating these values reads their choices: start years, organisations, authorities
        ({"year": "2021", "organization": "bulk-owner", "designation": "Anhui Province"}, 3),
    ],
)
def test_export_queries_are_pinned_and_do_not_grow_with_projects(
    client, db, url, params, choice_queries
):
    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
            assert response.status_code == 200
            if response.streaming:
                b"".join(response.streaming_content)
        return len(captured)

    owner = factories.organization(slug="bulk-owner")
    factories.many_projects(10, owner)
    assert count_queries() == EXPORT_QUERIES + choice_queries
    factories.many_projects(190, owner)
    assert count_queries() == EXPORT_QUERIES + choice_queries
