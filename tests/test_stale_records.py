"""A record the company has not confirmed for PROJECT_STALE_MONTHS says so: on its page, in a
public directory filter and in the admin's list of projects."""

import datetime

import pytest
from django.utils import timezone

from projects.models import Project
from tests import factories


def months_ago(n):
    today = timezone.localdate()
    return today.replace(year=today.year - (n // 12)) - datetime.timedelta(days=31 * (n % 12))


@pytest.fixture
def records(db):
    old = factories.project(name="Old record", status="construction", status_as_of=months_ago(23))
    fresh = factories.project(
        name="Fresh record", status="construction", status_as_of=months_ago(2)
    )
    factories.project(name="Cancelled long ago", status="cancelled", status_as_of=months_ago(40))
    return old, fresh


def test_a_record_not_confirmed_for_a_year_is_stale(records, settings):
    old, fresh = records
    assert list(Project.objects.stale().values_list("name", flat=True)) == ["Old record"]
    assert old.is_stale and not fresh.is_stale
    settings.PROJECT_STALE_MONTHS = 36
    assert not Project.objects.stale().exists()


def test_the_demo_record_says_it_has_not_been_updated_since_january_2024(client, demo):
    page = client.get("/en/projects/aux-compressor-wuhu/").content.decode()
    assert "Not updated since" in page and "2024" in page.split("Not updated since")[1][:120]


def test_a_fresh_record_shows_no_warning(client, records):
    _, fresh = records
    assert "Not updated since" not in client.get(fresh.get_absolute_url()).content.decode()


def test_visitors_can_list_the_records_that_are_not_updated(client, records):
    page = client.get("/en/projects/", {"updated": "stale"}).content.decode()
    assert "Old record" in page and "Fresh record" not in page
    page = client.get("/en/projects/", {"updated": "current"}).content.decode()
    assert "Fresh record" in page and "Old record" not in page


def test_editors_find_stale_and_overdue_projects_in_the_admin(editor_client, records):
    page = editor_client.get("/admin/projects/project/", {"stale": "yes"}).content.decode()
    assert "Old record" in page and "Fresh record" not in page
    assert "overdue=yes" in editor_client.get("/admin/projects/project/").content.decode()
