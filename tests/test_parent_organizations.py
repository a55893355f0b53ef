"""An organisation's parent is named only if the parent is public itself (it has a role in a
published project): one known only from an unpublished project, or from none, could reveal
an unannounced project's partner. The rule is `Organization.public_parent`, and every
surface that names organisations follows it: the organisation's page, the project and
article pages with their JSON-LD, and the API."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Organization
from tests import factories
from tests.api_client import get

HIDDEN = "Hidden Holdings"


@pytest.fixture
def family(db):
    """A published project whose owner's parent is known only from an unpublished project,
    and whose partner's parent has a published project of its own."""
    hidden = factories.organization(name=HIDDEN, slug="hidden-holdings")
    factories.role(factories.project(slug="unannounced", is_published=False), hidden)
    known = factories.organization(name="Known Group", slug="known-group")
    factories.role(factories.project(slug="known-plant"), known)
    owner = factories.organization(name="Owner Ltd", slug="owner", parent=hidden)
    partner = factories.organization(name="Partner Ltd", slug="partner", parent=known)
    plant = factories.project(slug="plant", name="The plant")
    factories.role(plant, owner)
    factories.role(plant, partner, role="partner")
    story = factories.article(slug="about-the-plant")
    factories.link(story, plant)
    return {"plant": plant, "story": story}


def json_ld(html):
    return [json.loads(s) for s in re.findall(r'application/ld\+json">(.*?)</script>', html)]


def test_a_parent_known_only_from_an_unpublished_project_is_not_public(family):
    assert Organization.objects.get(slug="owner").public_parent is None
    assert Organization.objects.get(slug="partner").public_parent.slug == "known-group"


def test_a_parent_with_no_projects_at_all_is_not_named_either(family):
    Organization.objects.filter(slug="known-group").update(parent=None)
    orphan = factories.organization(name="Shell Co", slug="shell-co")
    Organization.objects.filter(slug="partner").update(parent=orphan)
    assert Organization.objects.get(slug="partner").public_parent is None


def test_with_public_parent_answers_for_each_organisation_in_the_same_query(family):
    organizations = Organization.objects.public().with_public_parent().order_by("slug")
    with CaptureQueriesContext(connection) as queries:
        parents = {o.slug: o.public_parent and o.public_parent.slug for o in organizations}
    assert parents == {"known-group": None, "owner": None, "partner": "known-group"}
    assert len(queries) == 1


def test_the_organisation_page_names_only_a_public_parent(client, family):
    owner = client.get("/en/organizations/owner/").content.decode()
    assert HIDDEN not in owner
    assert "hidden-holdings" not in owner
    assert "Part of" not in owner
    partner = client.get("/en/organizations/partner/").content.decode()
    assert 'Part of <a href="/en/organizations/known-group/">Known Group</a>.' in partner


def test_the_hidden_parents_own_page_is_a_404(client, family):
    assert client.get("/en/organizations/hidden-holdings/").status_code == 404


def test_project_and_article_pages_and_their_json_ld_never_name_the_hidden_parent(client, family):
    for obj in (family["plant"], family["story"]):
        response = client.get(obj.get_absolute_url())
        assert response.status_code == 200
        html = response.content.decode()
        assert "Owner Ltd" in html
        assert HIDDEN not in html
        graphs = json_ld(html)
        assert graphs
        assert HIDDEN not in json.dumps(graphs, ensure_ascii=False)


def test_the_api_gives_a_hidden_parent_as_null_and_a_public_one_by_name(client, family):
    assert get(client, "/api/v1/organizations/owner")["parent"] is None
    partner = get(client, "/api/v1/organizations/partner")
    assert partner["parent"] == {"slug": "known-group", "name": "Known Group"}
    listed = {o["slug"]: o["parent"] for o in get(client, "/api/v1/organizations")["results"]}
    assert listed == {"known-group": None, "owner": None, "partner": partner["parent"]}
    body = client.get("/api/v1/organizations").content.decode()
    assert HIDDEN not in body and "hidden-holdings" not in body
