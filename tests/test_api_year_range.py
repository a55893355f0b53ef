"""The articles list's `year` is a year the site search accepts too, 1900 to 2200: outside it
the API's JSON 400 names the parameter, on every database. (Year 1 used to be a 500 on
SQLite: its bounds in the site's time zone fall before the first date Python has.)"""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.api_client import get, openapi, slugs


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1", "Input should be greater than or equal to 1900"),
        ("1899", "Input should be greater than or equal to 1900"),
        ("2201", "Input should be less than or equal to 2200"),
        ("9999", "Input should be less than or equal to 2200"),
    ],
)
def test_a_year_outside_1900_to_2200_is_a_400_naming_the_year(client, db, year, message):
    error = get(client, "/api/v1/articles", {"year": year}, status=400)
    assert error == {"detail": "Some parameters are not valid.", "errors": {"year": [message]}}


def test_the_first_and_last_year_are_accepted(client, db):
    for year in ("1900", "2200"):
        assert get(client, "/api/v1/articles", {"year": year})["results"] == []


def test_a_year_inside_the_range_filters_by_the_year_in_the_sites_time_zone(client, db):
    # 31 December 2024, 17:00 UTC is already 1 January 2025 in Shanghai.
    moment = datetime.datetime(2024, 12, 31, 17, tzinfo=datetime.UTC)
    factories.article(slug="new-year", publish_at=moment)
    assert slugs(get(client, "/api/v1/articles", {"year": "2025"})) == ["new-year"]
    assert slugs(get(client, "/api/v1/articles", {"year": "2024"})) == []
    assert timezone.get_current_timezone_name() == "Asia/Shanghai"


def test_the_openapi_document_gives_the_range(client, db):
    parameters = openapi()["paths"]["/api/v1/articles"]["get"]["parameters"]
    [year] = [p for p in parameters if p["name"] == "year"]
    [given] = [option for option in year["schema"]["anyOf"] if option["type"] != "null"]
    assert given == {"type": "integer", "minimum": 1900, "maximum": 2200}
