"""The directory's table, filter chips and map: sorted on the server, marked for assistive
technology, published projects only, and never a 500 on bad parameters."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.models import Milestone, Status
from tests import factories


def page(client, params=None):
    response = client.get(reverse("projects"), params or {})
    assert response.status_code == 200
    return response.content.decode()


def table_rows(html):
    """The project names in the table, in order."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', body)


def sorted_headings(html):
    found = re.findall(r'<th scope="col" aria-sort="(\w+)"[^>]*><a href="[^"]*">([^<]+)', html)
    return [(direction, heading.strip()) for direction, heading in found]


def map_section(html):
    return html[
        html.index('class="project-map"') : html.index(
            "</section>", html.index('class="project-map"')
        )
    ]


@pytest.fixture
def three(db):
    small = factories.project(name="Small plant", status=Status.OPERATING)
    big = factories.project(name="Big plant", status=Status.ANNOUNCED)
    none = factories.project(name="No figures plant", status=Status.CONSTRUCTION)
    factories.money(small, value=Decimal(1_000_000))
    factories.money(big, value=Decimal(9_000_000_000))
    factories.jobs(small, 900)
    factories.jobs(big, 50)
    return small, big, none


def test_the_table_view_is_a_table_with_a_caption_and_scoped_headings(client, three):
    html = page(client, {"view": "table"})
    assert "<table" in html
    assert "<caption" in html
    assert html.count('<th scope="col"') == 7
    assert html.count('<th scope="row">') == 3
    assert 'role="region"' in html and 'tabindex="0"' in html


def test_the_table_sorts_on_the_server_by_the_existing_sort_keys(client, three):
    assert table_rows(page(client, {"view": "table"})) == [
        "Big plant",
        "No figures plant",
        "Small plant",
    ]
    assert table_rows(page(client, {"view": "table", "sort": "investment"}))[:2] == [
        "Big plant",
        "Small plant",
    ]
    assert table_rows(page(client, {"view": "table", "sort": "jobs"}))[:2] == [
        "Small plant",
        "Big plant",
    ]


def test_status_sort_lists_the_earliest_stage_first(client, three):
    rows = table_rows(page(client, {"view": "table", "sort": "status"}))
    assert rows == [
        "Big plant",
        "No figures plant",
        "Small plant",
    ]  # announced, construction, operating


def test_only_the_sorted_column_carries_aria_sort(client, three):
    assert sorted_headings(page(client, {"view": "table"})) == [("ascending", "Project")]
    assert sorted_headings(page(client, {"view": "table", "sort": "jobs"})) == [
        ("descending", "Jobs")
    ]


def test_column_headings_link_to_the_same_filters_sorted_by_them_in_the_table(client, three):
    html = page(client, {"view": "table", "status": "operating", "page": "1"})
    assert 'href="?status=operating&amp;sort=investment&amp;view=table"' in html
    assert 'href="?status=operating&amp;view=table">Project' in html


def test_an_unknown_sort_falls_back_to_name_order_in_the_table(client, three):
    html = page(client, {"view": "table", "sort": "price; DROP TABLE"})
    assert table_rows(html) == ["Big plant", "No figures plant", "Small plant"]
    assert sorted_headings(html) == [("ascending", "Project")]


def test_an_unknown_view_shows_the_cards(client, three):
    html = page(client, {"view": "<script>"})
    assert "<table" not in html
    assert html.count('class="card project-card"') == 3


def test_each_filter_in_force_is_a_chip_that_removes_it(client, three):
    html = page(client, {"status": "operating", "country": "CN", "sort": "jobs"})
    chips = html[html.index('class="chips"') : html.index("</ul>", html.index('class="chips"'))]
    assert "Status: Operating" in chips
    assert "Country: China" in chips
    assert 'href="?country=CN&amp;sort=jobs"' in chips  # without the status
    assert 'href="?status=operating&amp;sort=jobs"' in chips  # without the country
    assert "Sort by" not in chips
    assert "(2 active)" in html


def test_no_chips_without_filters_and_none_for_an_unknown_value(client, three):
    assert 'class="chips"' not in page(client)
    assert 'class="chips"' not in page(client, {"status": "exploded"})


def test_the_filter_bar_folds_behind_a_filters_summary(client, three):
    html = page(client)
    assert '<details class="filter-bar">' in html
    assert "<summary>Filters" in html
    assert '<details class="filter-bar" open>' in page(client, {"status": "exploded"})


def test_map_marks_only_projects_with_coordinates_and_lists_the_others(client, db):
    factories.project(
        name="Wuhu plant",
        city="Wuhu",
        province="Anhui",
        latitude=Decimal("31.33"),
        longitude=Decimal("118.43"),
        coordinates_accuracy="city",
    )
    factories.project(name="Somewhere plant")
    section = map_section(page(client))
    markers = re.findall(r'<a href="([^"]+)" class="marker[^"]*" aria-label="([^"]+)">', section)
    assert [label for _, label in markers] == ["Wuhu plant, Wuhu, Anhui, China"]
    # Plate carrée over a 1000-wide box from 84°N: Wuhu near (829, 147).
    assert 'cx="829.0" cy="146.3"' in section
    assert "Not on the map" in section and "Somewhere plant" in section
    assert "<title" in section and "Natural Earth" in section


def test_unpublished_projects_are_never_on_the_map(client, db):
    located = {
        "latitude": Decimal("30"),
        "longitude": Decimal("120"),
        "coordinates_accuracy": "city",
    }
    factories.project(name="Public plant", **located)
    factories.project(name="Secret plant", is_published=False, **located)
    factories.project(name="Secret unplaced plant", is_published=False)
    html = page(client)
    assert "Public plant" in map_section(html)
    assert "Secret" not in html


def test_the_table_shows_the_operation_start_and_says_when_it_is_planned(client, db):
    factories.milestone(
        factories.project(name="Planned plant"),
        kind=Milestone.Kind.OPERATION,
        title="Operation start",
        planned_date=datetime.date(2027, 9, 1),
        planned_precision="month",
    )
    html = page(client, {"view": "table", "sort": "operation"})
    assert (
        '<time datetime="2027-09">September 2027</time> <span class="note">(planned)</span>' in html
    )


@pytest.mark.parametrize(
    "params",
    [
        {"view": "table", "sort": "-jobs", "page": "-1"},
        {"view": ["table", "cards"], "status": ["operating", "bogus"]},
        {"view": "table", "unit": "\x00", "year": "99999999999999999999"},
        {"view": "x" * 5000},
    ],
)
def test_bad_parameters_in_the_table_view_show_the_page_not_an_error(client, three, params):
    response = client.get(reverse("projects"), params)
    assert response.status_code == 200
    html = response.content.decode()
    # The layout's canonical link repeats the query string; the page's own links do not.
    assert "x" * 5000 not in html[html.index("<main") : html.index("</main>")]


def test_the_chinese_table_is_translated(client, three):
    html = client.get("/zh-hans/projects/", {"view": "table"}).content.decode()
    assert "<table" in html
    assert "运营开始" in html or "投产" in html
