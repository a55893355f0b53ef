"""Administrators set the brand, editors may look at it, writers cannot reach it."""

import pytest
from django.urls import reverse

from newsroom.models import Brand
from tests.conftest import member

FORM = {"name": "AUX Group", "accent": "#0b57d0", "accent_dark": "#8ab4f8", "typeface": "system"}


@pytest.fixture
def administrator_client(client, db, django_user_model):
    client.force_login(member(django_user_model, "ada", "Administrator"))
    return client


def test_an_administrator_sets_the_brand_then_changes_it(administrator_client):
    typeface = Brand._meta.get_field("typeface").choices[0][0]
    data = {**FORM, "typeface": typeface}
    added = administrator_client.post(reverse("admin:newsroom_brand_add"), data)
    assert added.status_code == 302, added.content.decode()[:2000]
    brand = Brand.objects.get()
    changed = administrator_client.post(
        reverse("admin:newsroom_brand_change", args=[brand.pk]), {**data, "name": "AUX"}
    )
    assert changed.status_code == 302
    assert Brand.objects.get().name == "AUX"


def test_an_editor_sees_the_brand_but_cannot_change_it(editor_client):
    brand = Brand.defaults()
    brand.name = "AUX Group"
    brand.save()
    url = reverse("admin:newsroom_brand_change", args=[1])
    assert editor_client.get(url).status_code == 200
    editor_client.post(url, {**FORM, "name": "Someone else"})
    assert Brand.objects.get().name == "AUX Group"


def test_a_writer_cannot_reach_the_brand(writer_client):
    assert writer_client.get(reverse("admin:newsroom_brand_changelist")).status_code == 403


def test_there_is_one_brand_the_add_page_leads_to_it(administrator_client):
    Brand.defaults().save()
    response = administrator_client.post(reverse("admin:newsroom_brand_add"), FORM)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:newsroom_brand_change", args=[1])
    assert Brand.objects.count() == 1
