"""Reading the API in tests: every JSON body is checked against the API's own OpenAPI schema,
so the documentation cannot drift from what the API sends."""

import functools
import json
import re
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from openapi_schema_validator import OAS31Validator

from newsroom.api.v1 import api

JSON = "application/json; charset=utf-8"


@functools.cache
def openapi():
    """The OpenAPI document as a client reads it (JSON: status codes are strings)."""
    return json.loads(json.dumps(api.get_openapi_schema(), cls=DjangoJSONEncoder))


def documented(path, status):
    """The schema the OpenAPI document gives for a GET of `path` answered with `status`."""
    for template, operations in openapi()["paths"].items():
        if re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", template), path):
            response = operations["get"]["responses"][str(status)]
            return response["content"]["application/json"]["schema"]
    raise AssertionError(f"{path} is not in the OpenAPI schema")


def get(client, url, params=None, status=200, **headers):
    """The JSON body of GET `url`, after checking its status, type and documented shape."""
    response = client.get(url, params or {}, headers=headers)
    assert response.status_code == status, response.content.decode()
    assert response["Content-Type"] == JSON
    data = response.json()
    schema = {**documented(urlsplit(url).path, status), "components": openapi()["components"]}
    OAS31Validator(schema).validate(data)
    return data


def slugs(page):
    return [item["slug"] for item in page["results"]]
