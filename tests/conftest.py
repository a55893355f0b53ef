import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command

from newsroom.demo import loader


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
    """Each test starts with no cached pages; the page cache would otherwise carry over."""
    cache.clear()
