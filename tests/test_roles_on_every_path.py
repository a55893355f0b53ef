"""A Writer changes nothing a published page shows, on any path the admin offers: change form,
add form, delete, bulk delete and every other action, revert and recover."""

import pytest
import reversion
from django.contrib import admin
from reversion.admin import VersionAdmin
from reversion.models import Version

from newsroom.core.publishing import public_owner
from newsroom.models import Article
from projects.models import Project
from tests import factories
from tests.admin_forms import form_data
from tests.role_paths import (
    EXEMPT,
    PUBLIC,
    answers_the_rule,
    changelist_url,
    defaced,
    obeys_the_rule,
    writable_by,
)
from tests.role_paths import admin_url as url_of


def public_output(client, demo):
    return {page(demo): client.get(page(demo)).content for page in PUBLIC}


def refused(response):
    if response.status_code == 403:
        return True
    return response.status_code == 200 and b"errorlist" in response.content


def test_every_model_a_writer_may_write_obeys_the_publishing_rule(writer):
    walked = dict(writable_by(writer))
    assert walked, "the Writer role writes nothing?"
    for model, model_admin in walked.items():
        label = model._meta.label_lower
        if label in EXEMPT:
            continue
        assert obeys_the_rule(model_admin), f"{label}: its admin lacks PublishingAdminMixin"
        assert answers_the_rule(model), f"{label}: the model does not say when it is public"


@pytest.fixture
def walk(demo, writer, client):
    with reversion.create_revision():
        for model in (Article, Project):
            for obj in model.objects.all():
                obj.save()
    before = public_output(client, demo)
    client.force_login(writer)

    def check(what):
        client.logout()
        assert public_output(client, demo) == before, f"a Writer changed a public page: {what}"
        client.force_login(writer)

    return client, check


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label_lower)
def test_a_writer_changes_no_public_row_through_its_admin(walk, model):
    client, check = walk
    assert client.get(changelist_url(model)).status_code in (200, 403)
    for obj in model._default_manager.all():
        public = public_owner(obj) is not None
        page = client.get(url_of(obj))
        assert page.status_code in (200, 302, 403), (obj, page.status_code)
        if page.status_code == 200 and public:
            data = defaced(form_data(client, url_of(obj)), model)
            response = client.post(url_of(obj), data)
            assert refused(response), (obj, response.status_code)
        if public:
            deleted = client.post(url_of(obj, "delete"), {"post": "yes"})
            assert deleted.status_code in (403, 404), (obj, deleted.status_code)
        check(f"change or delete {model._meta.label} {obj}")
        if not public:
            continue
        model_admin = admin.site._registry[model]
        for action in model_admin.get_actions(client.request().wsgi_request) or ["delete_selected"]:
            client.post(
                changelist_url(model),
                {"action": action, "_selected_action": [obj.pk], "post": "yes"},
            )
            check(f"action {action} on {model._meta.label} {obj}")


def test_a_writer_reverts_and_recovers_nothing_public(walk):
    client, check = walk
    reverted = 0
    for version in Version.objects.all():
        obj = version.object
        revisable = isinstance(admin.site._registry.get(type(obj)), VersionAdmin)
        if obj is None or not revisable or public_owner(obj) is None:
            continue
        url = url_of(obj, f"history/{version.pk}")
        response = client.post(
            url, form_data(client, url) if client.get(url).status_code == 200 else {}
        )
        assert response.status_code == 403, (obj, response.status_code)
        check(f"revert {obj}")
        reverted += 1
    assert reverted


def test_a_writer_cannot_recover_a_deleted_published_article(writer_client):
    with reversion.create_revision():
        article = factories.article(title="Withdrawn story", slug="withdrawn-story")
    version = Version.objects.get_for_object(article).get()
    article.delete()
    url = f"/admin/newsroom/article/recover/{version.pk}/"
    assert writer_client.post(url, {"_save": "Save"}).status_code == 403
    assert not Article.objects.filter(slug="withdrawn-story").exists()


@pytest.mark.parametrize(
    "model, data",
    [
        ("figure", {"kind": "investment", "value": "1", "currency": "CNY", "qualifier": "exact"}),
        ("milestone", {"kind": "other", "title": "Invented"}),
        ("designation", {"authority": "Nobody", "list_name": "Invented", "year": "2024"}),
        ("projectorganization", {"role": "partner"}),
    ],
)
def test_a_writer_adds_no_part_to_a_published_project(walk, demo, model, data):
    client, check = walk
    project = Project.objects.get(slug=demo.PROJECT_SLUG)
    add = f"/admin/projects/{model}/add/"
    fields = form_data(client, add) | data | {"project": project.pk}
    fields["organization"] = project.roles.first().organization_id
    response = client.post(add, fields)
    assert response.status_code == 200, response.status_code
    assert "only an editor may change it" in response.content.decode()
    check(f"add a {model} to {project}")
