"""Validates the ninjs the site gives against IPTC's JSON Schema, by hand while developing
(not part of the suite, which never reads files outside the project):

    DATABASE_URL=... python -m tests.tools.check_ninjs path/to/ninjs-schema_3.1.json

Every published article of that database, at its API address with the ninjs Accept header,
and every page of /api/v1/ninjs. Prints each error and exits 1 if there is any.
"""

import json
import os
import sys


def main(schema_path):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from django.test import Client
    from jsonschema import Draft202012Validator

    from newsroom.models import Article

    with open(schema_path, encoding="utf-8") as file:
        schema = json.load(file)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    client = Client(HTTP_HOST="localhost")
    items, errors = [], 0
    for slug in Article.objects.published().values_list("slug", flat=True):
        response = client.get(
            f"/api/v1/articles/{slug}", HTTP_ACCEPT="application/vnd.iptc.ninjs+json"
        )
        assert response["Content-Type"] == "application/vnd.iptc.ninjs+json", slug
        items.append((f"article {slug}", json.loads(response.content)))
    page = "/api/v1/ninjs?page_size=100"
    while page:
        body = json.loads(client.get(page).content)
        items += [(f"{page} item {n}", item) for n, item in enumerate(body["results"])]
        page = body["next"]
    for name, item in items:
        for error in validator.iter_errors(item):
            errors += 1
            print(f"{name}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    print(f"{len(items)} ninjs objects checked, {errors} errors.")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
