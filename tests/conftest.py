import io
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from newsroom import cache as page_cache
from newsroom import chrome
from newsroom.demo import loader
from tests import servers
from tests.alerts_support import smtp_server, webhook_receiver  # noqa: F401 (fixtures)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files of each test go to a folder of its own, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(db):
    """The AUX story and its project, as `make run` loads them."""
    call_command("load_demo", stdout=io.StringIO())
    return loader


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(
        "editor", "editor@example.com", "pw-for-tests"
    )


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def member(django_user_model, username, role):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.com", "pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def writer(db, django_user_model):
    return member(django_user_model, "wanda", "Writer")


@pytest.fixture
def editor(db, django_user_model):
    return member(django_user_model, "eddie", "Editor")


@pytest.fixture
def writer_client(client, writer):
    client.force_login(writer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages; the page cache would otherwise carry over
    (this process's own copies too: newsroom/core/page_lease.py)."""
    cache.clear()
    page_cache.forget()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests may also use the read replica, which mirrors the test database
    (tests/environment.py): outside a transaction the app reads public pages from it, as it
    does behind a live server. (Other tests run inside one, so everything uses the primary.)"""
    for item in items:
        marker = item.get_closest_marker("django_db")
        args, kwargs = (marker.args, marker.kwargs) if marker else ((), {})
        by_fixture = {"transactional_db", "live_server"} & set(item.fixturenames)
        transactional = kwargs.get("transaction") or (args and args[0]) or by_fixture
        if transactional and "databases" not in kwargs:
            marked = pytest.mark.django_db(*args, **kwargs, databases="__all__")
            item.add_marker(marked, append=False)  # before, so the closest


@pytest.fixture
def shared_stores(tmp_path):
    """The settings that point several app servers at the same database and cache."""
    return servers.shared_stores(tmp_path)


def load_chrome():
    """The header's and footer's data in every language: read once per cache generation
    (newsroom/chrome.py) and pinned on its own in test_query_counts."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            chrome.load()


def page_own(assert_queries):
    @contextmanager
    def counted(*args, **kwargs):
        load_chrome()
        with assert_queries(*args, **kwargs) as captured:
            yield captured

    return counted


@pytest.fixture
def django_assert_num_queries(django_assert_num_queries):
    """pytest-django's, counting the page's own queries (the chrome is loaded first)."""
    return page_own(django_assert_num_queries)


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries):
    return page_own(django_assert_max_num_queries)
