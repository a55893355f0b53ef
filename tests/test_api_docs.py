"""The API's OpenAPI document and its browsable documentation, which loads nothing from
outside the site."""

import json
import re
from pathlib import Path

from django.conf import settings
from openapi_spec_validator import validate

from newsroom.api import urls as api_urls
from projects.directory import SORTS, ProjectFilter
from projects.models import Status

NOT_OPERATIONS = {"openapi-json", "openapi-view", "api-root", "not-found"}


def openapi(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def test_openapi_document_is_valid_openapi_3_json(client, db):
    schema = openapi(client)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["version"] == "1"
    validate(schema)  # raises on anything that is not valid OpenAPI


def test_openapi_document_declares_every_address_the_api_serves(client, db):
    served = {
        "/api/v1/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
        for pattern in api_urls.urlpatterns
        if pattern.name not in NOT_OPERATIONS
    }
    assert served == set(openapi(client)["paths"])
    assert len(served) == 11  # with /programmes, /programmes/{slug} and /ninjs


def test_openapi_document_declares_the_errors_each_address_can_give(client, db):
    for path, operations in openapi(client)["paths"].items():
        assert set(operations) == {"get"}, path  # read-only
        responses = operations["get"]["responses"]
        expected = {"200", "404"} if "{slug}" in path else {"200", "400", "404"}
        if path == "/api/v1/articles/{slug}":
            expected.add("406")  # an Accept header that allows neither JSON nor ninjs
            expected.add("410")  # withdrawn or taken down: its own schema, Gone
            gone = responses["410"]["content"]["application/json"]["schema"]
            assert gone == {"$ref": "#/components/schemas/Gone"}
        assert set(responses) == expected, path
        for status in expected - {"200", "410"}:
            schema = responses[status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}


def test_project_list_parameters_are_documented_from_the_directory_filterset(client, db):
    operation = openapi(client)["paths"]["/api/v1/projects"]["get"]
    names = {parameter["name"] for parameter in operation["parameters"]}
    assert names == set(ProjectFilter.base_filters) | {"page", "page_size"}


def test_decimals_are_documented_as_strings(client, db):
    figure = openapi(client)["components"]["schemas"]["Figure"]["properties"]
    assert figure["value"]["type"] == "string"
    assert figure["value"]["examples"] == ["5000000000.000"]


def test_docs_page_loads_only_collected_files_from_this_site(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) == 4  # stylesheet, icon, Swagger UI, its start-up script
    for url in assets:
        assert url.startswith(settings.STATIC_URL), url
        assert (Path(settings.STATIC_ROOT) / url.removeprefix(settings.STATIC_URL)).is_file(), url
    assert not re.search(r"https?://|//[a-z]", html)


def test_docs_page_points_swagger_ui_at_this_apis_schema_and_turns_off_its_validator_call(
    client, db
):
    html = client.get("/api/v1/docs").content.decode()
    data = re.search(r'id="swagger-settings">(.*?)</script>', html, re.DOTALL)
    swagger = json.loads(data.group(1))
    assert swagger["url"] == "/api/v1/openapi.json"
    assert swagger["validatorUrl"] == "none"  # else it sends the schema to swagger.io
    start_up = re.search(r'src="([^"]*swagger-ui-init[^"]*)"', html).group(1)
    script = (Path(settings.STATIC_ROOT) / start_up.removeprefix(settings.STATIC_URL)).read_text()
    assert "http" not in script


def project_filter(client, name):
    operation = openapi(client)["paths"]["/api/v1/projects"]["get"]
    [parameter] = [p for p in operation["parameters"] if p["name"] == name]
    [given] = [option for option in parameter["schema"]["anyOf"] if option["type"] != "null"]
    return given, parameter["description"]


def test_the_project_lists_fixed_choices_are_enums_of_the_directorys_keys(client, db):
    status, text = project_filter(client, "status")
    assert status == {"type": "string", "enum": [key for key, _ in Status.choices]}
    assert text.endswith("Any other value is a 400.")
    sort, _ = project_filter(client, "sort")
    assert sort["enum"] == list(SORTS)


def test_project_filters_whose_values_are_data_give_their_shape_and_say_the_rest_is_a_400(
    client, db
):
    country, text = project_filter(client, "country")
    assert country == {"type": "string", "minLength": 1, "pattern": "^[A-Z]{2}$"}
    assert "two-letter ISO code" in text and text.endswith("Any other value is a 400.")
    for name in ("sector", "province", "organization", "designation", "year"):
        shape, text = project_filter(client, name)
        assert shape["minLength"] == 1, name
        assert "not listed here. Any other value is a 400." in text, name
