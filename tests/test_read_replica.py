"""With DATABASE_REPLICA_URL, public reads go to the replica and everything else to the
primary. The test run's replica mirrors the test database (tests/environment.py), so these
tests use real connections: what they check is which connection each query ran on. They
are transactional, because a mirror sees only committed rows."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from newsroom.core.replicas import ReplicaMiddleware
from newsroom.models import Article, Category
from tests import factories

ROOT = Path(__file__).resolve().parent.parent
# Serialized rollback puts back what the migrations made (the roles) after each flush, as the
# other transactional tests do.
both = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica"]
)


class Queries:
    """The queries run on the primary and on the replica while inside the block."""

    def __enter__(self):
        self.primary = CaptureQueriesContext(connections["default"]).__enter__()
        self.replica = CaptureQueriesContext(connections["replica"]).__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)


def test_the_test_run_has_a_replica_that_mirrors_the_test_database(settings):
    replica = settings.DATABASES["replica"]
    assert replica["TEST"]["MIRROR"] == "default"
    assert settings.DATABASE_ROUTERS == ["newsroom.core.replicas.PrimaryReplicaRouter"]
    assert settings.MIDDLEWARE.index("newsroom.core.replicas.ReplicaMiddleware") == (
        settings.MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
    )


@both
def test_a_visitors_page_is_read_from_the_replica(client):
    story = factories.article(title="Read from the replica")
    with Queries() as queries:
        response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert "Read from the replica" in response.content.decode()
    assert len(queries.replica) > 0
    assert len(queries.primary) == 0


@both
def test_staff_pages_and_the_admin_read_from_the_primary(client, django_user_model):
    story = factories.article()
    with Queries() as queries:
        client.get("/admin/login/")
    assert len(queries.replica) == 0
    staff = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(staff)
    with Queries() as queries:
        assert client.get(story.get_absolute_url()).status_code == 200
        assert client.get("/admin/newsroom/article/").status_code == 200
    assert len(queries.replica) == 0
    assert len(queries.primary) > 0


@both
def test_a_post_reads_from_the_primary(client):
    with Queries() as queries:
        client.post("/en/search/", {"q": "anything"})
    assert len(queries.replica) == 0


def public_request(view):
    """`view` run for an anonymous GET, through the middleware, as a request would be."""
    request = RequestFactory().get("/en/news/")
    request.user = AnonymousUser()
    return ReplicaMiddleware(view)(request)


@both
def test_reads_after_a_write_in_the_same_request_go_to_the_primary():
    seen = {}

    def view(request):
        with Queries() as before:
            Article.objects.count()
        Category.objects.create(name="Written here", slug="written-here")
        with Queries() as after:
            seen["found"] = Category.objects.filter(slug="written-here").exists()
            Article.objects.count()
        seen["before"], seen["after"] = before, after
        return HttpResponse()

    public_request(view)
    assert len(seen["before"].replica) == 1 and len(seen["before"].primary) == 0
    assert len(seen["after"].replica) == 0 and len(seen["after"].primary) == 2
    assert seen["found"]


@both
def test_reads_inside_a_transaction_go_to_the_primary():
    def view(request):
        with transaction.atomic(), Queries() as inside:
            Article.objects.count()
        assert len(inside.replica) == 0 and len(inside.primary) == 1
        return HttpResponse()

    public_request(view)


@both
def test_outside_requests_reads_go_to_the_primary_and_a_request_leaves_no_trace():
    public_request(lambda request: HttpResponse())
    with Queries() as queries:
        Article.objects.count()
    assert len(queries.replica) == 0 and len(queries.primary) == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [("nosuchdb://x", "DATABASE_REPLICA_URL is not a valid database URL")],
)
def test_a_bad_replica_url_stops_start_up_with_a_clear_message(value, message):
    environment = {**os.environ, "DATABASE_REPLICA_URL": value}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert message in result.stderr


def test_without_a_replica_url_there_is_no_router():
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URL"}
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(sorted(settings.DATABASES), settings.DATABASE_ROUTERS, "
        "'newsroom.core.replicas.ReplicaMiddleware' in settings.MIDDLEWARE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env={**environment, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
    )
    assert result.stdout.strip() == "['default'] [] False"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_any_transactional_test_may_read_from_the_replica(client):
    """tests/conftest.py lets every transactional test use the replica alias: its requests
    read from there, as a live server's do."""
    story = factories.article()
    with Queries() as queries:
        assert client.get(story.get_absolute_url()).status_code == 200
    assert len(queries.replica) > 0
