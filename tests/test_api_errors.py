"""API errors are JSON with the right status: 400 for bad parameters, 404 for anything not
public or not there; never a 500 or an HTML page, whatever the input."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.api_client import JSON, get

NOT_PUBLIC = {"detail": "Not found: nothing published has this address."}
NO_ADDRESS = {"detail": "Not found. The API's addresses are in /api/v1/docs."}


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"page": "abc"}, "page", "Input should be a valid integer"),
        ({"page": "0"}, "page", "Input should be greater than or equal to 1"),
        ({"page": "-1"}, "page", "Input should be greater than or equal to 1"),
        ({"page": "1.5"}, "page", "Input should be a valid integer"),
        ({"page": ""}, "page", "Input should be a valid integer"),
        ({"page_size": "0"}, "page_size", "Input should be greater than or equal to 1"),
        ({"page_size": "101"}, "page_size", "Input should be less than or equal to 100"),
        ({"year": "abc"}, "year", "Input should be a valid integer"),
        ({"year": "0"}, "year", "Input should be greater than or equal to 1900"),
        ({"category": "no spaces"}, "category", "String should match pattern"),
        ({"tag": "nul\x00"}, "tag", "String should match pattern"),
    ],
)
def test_a_bad_parameter_gets_a_400_naming_it(client, db, params, parameter, message):
    error = get(client, "/api/v1/articles", params, status=400)
    assert error["detail"] == "Some parameters are not valid."
    [text] = error["errors"][parameter]
    assert text.startswith(message)


def test_every_bad_parameter_is_named_at_once(client, db):
    error = get(client, "/api/v1/articles", {"page": "0", "year": "abc"}, status=400)
    assert set(error["errors"]) == {"page", "year"}


@pytest.mark.parametrize("url", ["/api/v1/categories", "/api/v1/tags", "/api/v1/organizations"])
def test_other_lists_check_their_page_parameters_too(client, db, url):
    assert set(get(client, url, {"page": "x"}, status=400)["errors"]) == {"page"}


def test_a_bad_project_filter_gets_the_directorys_message(client, db):
    error = get(client, "/api/v1/projects", {"status": "bogus", "page": "1"}, status=400)
    assert error == {
        "detail": "Some parameters are not valid.",
        "errors": {"status": ["Choose one of the listed options; this one is not among them."]},
    }


@pytest.mark.parametrize("name", ["status", "sort", "sector", "country", "organization"])
def test_an_empty_project_filter_is_a_400_the_parameter_is_to_be_left_out(client, db, name):
    error = get(client, "/api/v1/projects", {name: ""}, status=400)
    assert error["errors"] == {name: ["String should have at least 1 character"]}


def test_a_page_past_the_last_is_a_404_and_an_empty_list_has_an_empty_page_one(client, db):
    assert get(client, "/api/v1/articles", {"page": "2"}, status=404) == {
        "detail": "There is no page 2; the last is 1."
    }
    page = get(client, "/api/v1/articles")
    assert (page["count"], page["page"], page["results"]) == (0, 1, [])


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": "draft"},
        {"status": "review"},
        {"status": "archived"},
        {"publish_at": datetime.timedelta(hours=1)},
        {"publish_at": -datetime.timedelta(hours=1), "embargo_until": datetime.timedelta(hours=1)},
        {"publish_at": -datetime.timedelta(hours=2), "unpublish_at": -datetime.timedelta(hours=1)},
    ],
    ids=["draft", "review", "archived", "scheduled", "embargoed", "expired"],
)
def test_an_article_the_public_may_not_see_is_the_same_json_404_as_none(client, db, hidden):
    now = timezone.now()
    fields = {k: now + v if isinstance(v, datetime.timedelta) else v for k, v in hidden.items()}
    story = factories.article(slug="hidden", **fields)
    assert get(client, f"/api/v1/articles/{story.slug}", status=404) == NOT_PUBLIC
    assert get(client, "/api/v1/articles/never-was", status=404) == NOT_PUBLIC


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/",
        "/api/v1/nothing",
        "/api/v1/articles/",
        "/api/v1/articles/a/b",
        "/api/v1/v2/articles",
    ],
)
def test_an_address_the_api_does_not_have_is_a_json_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == JSON
    assert response.json() == NO_ADDRESS


@pytest.mark.parametrize("slug", ["%00", "no%20spaces", "a.b", "%F0%9F%98%80"])
def test_a_malformed_slug_is_a_404_like_an_unknown_one(client, db, slug):
    for kind in ("articles", "projects", "organizations"):
        assert get(client, f"/api/v1/{kind}/{slug}", status=404) == NOT_PUBLIC


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/articles?category=%00",
        "/api/v1/articles?project=' OR 1=1 --",
        "/api/v1/articles?year=99999999999999999999",
        "/api/v1/articles?page=99999999999999999999",
        "/api/v1/articles?page_size=-0",
        "/api/v1/articles?tag=压缩机&tag=other",
        "/api/v1/articles/压缩机",
        "/api/v1/projects?year=abc",
        "/api/v1/projects?organization=%00",
        "/api/v1/projects?sort=name&sort=investment",
        "/api/v1/projects/%E5%8E%8B",
        "/api/v1/organizations/" + "x" * 2000,
        "/api/v1/tags?page=1&page=2",
    ],
)
def test_odd_input_gets_a_json_answer_and_never_a_server_error(client, db, url):
    factories.article(tags=["压缩机"])
    response = client.get(url)
    assert response.status_code in (200, 400, 404), response.content
    assert response["Content-Type"] == JSON
    assert isinstance(response.json(), dict)
