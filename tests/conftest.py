import io

import pytest
from django.core.management import call_command

from newsroom.demo import loader


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
