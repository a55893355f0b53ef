"""Writers write, editors publish; every rule holds on the server, not just in the form."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from newsroom.models import Article
from tests import factories
from tests.admin_forms import form_data

ADD = "/admin/newsroom/article/add/"


def change_url(article):
    return f"/admin/newsroom/article/{article.pk}/change/"


def perms(role):
    group = Group.objects.get(name=role)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_roles_are_created_with_least_privilege(db):
    writer, editor, administrator = perms("Writer"), perms("Editor"), perms("Administrator")
    assert {"newsroom.add_article", "newsroom.change_article", "projects.add_project"} <= writer
    assert (
        not {"newsroom.publish_article", "newsroom.delete_article", "projects.publish_project"}
        & writer
    )
    assert not {"newsroom.change_category", "newsroom.delete_tag", "auth.change_user"} & writer
    assert {
        "newsroom.publish_article",
        "newsroom.delete_article",
        "newsroom.change_category",
        "newsroom.add_previewlink",
        "projects.publish_project",
    } <= editor
    assert "auth.change_user" not in editor
    assert {"auth.change_user", "auth.add_user"} <= administrator


def test_add_staff_command_gives_a_role(db, django_user_model):
    out = io.StringIO()
    call_command("add_staff", "lin", "Editor", stdout=out)
    user = django_user_model.objects.get(username="lin")
    assert user.is_staff and user.has_perm("newsroom.publish_article")
    assert "password is:" in out.getvalue()


def test_writer_sees_only_draft_and_review_and_no_schedule_fields(writer_client, db):
    page = writer_client.get(ADD).content.decode()
    assert 'value="review"' in page
    assert 'value="published"' not in page
    assert 'name="publish_at_0"' not in page and 'name="embargo_until_0"' not in page


@pytest.mark.parametrize("status", ["published", "archived"])
def test_writers_forged_publish_post_is_refused(writer_client, db, status):
    news = factories.category()
    data = form_data(writer_client, ADD)
    data |= {
        "title": "Forged",
        "slug": "forged",
        "category": news.pk,
        "status": status,
        "publish_at_0": "2020-01-01",
        "publish_at_1": "00:00:00",
    }
    response = writer_client.post(ADD, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Article.objects.exists()


def test_writer_cannot_publish_their_draft_by_editing_it(writer_client, db):
    draft = factories.draft()
    data = form_data(writer_client, change_url(draft)) | {"status": "published"}
    writer_client.post(change_url(draft), data)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_writer_can_submit_a_draft_for_review(writer_client, db):
    draft = factories.draft()
    data = form_data(writer_client, change_url(draft)) | {"status": "review"}
    assert writer_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == "review"


def test_writer_cannot_change_or_delete_a_published_article(writer_client, db):
    live = factories.article(title="Live story")
    page = writer_client.get(change_url(live)).content.decode()
    assert 'name="title"' not in page  # view only
    data = {"title": "Defaced", "slug": live.slug, "category": live.category_id}
    assert writer_client.post(change_url(live), data).status_code == 403
    assert (
        writer_client.post(
            f"/admin/newsroom/article/{live.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    live.refresh_from_db()
    assert live.title == "Live story"


def test_writer_cannot_run_the_publish_action(writer_client, db):
    draft = factories.draft()
    writer_client.post(
        "/admin/newsroom/article/", {"action": "publish_now", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_editor_publishes_with_the_action(editor_client, db):
    draft = factories.draft()
    editor_client.post(
        "/admin/newsroom/article/", {"action": "publish_now", "_selected_action": [draft.pk]}
    )
    assert Article.objects.published().get() == draft


def test_editor_schedules_by_publishing_with_a_future_time(editor_client, db):
    draft = factories.draft()
    data = form_data(editor_client, change_url(draft))
    data |= {"status": "published", "publish_at_0": "2099-01-01", "publish_at_1": "09:00:00"}
    assert editor_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.visibility == "Scheduled"
    assert not Article.objects.published().exists()


def test_writer_cannot_publish_a_project(client, writer, db):
    client.force_login(writer)
    project = factories.project(is_published=False)
    url = f"/admin/projects/project/{project.pk}/change/"
    data = form_data(client, url) | {"is_published": "on"}
    client.post(url, data)
    project.refresh_from_db()
    assert not project.is_published


def test_an_administrator_gives_no_one_more_than_they_hold(client, django_user_model):
    from tests.conftest import member

    admin = member(django_user_model, "ada", "Administrator")
    root = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(admin)
    url = f"/admin/auth/user/{admin.pk}/change/"
    data = form_data(client, url) | {"is_superuser": "on"}
    client.post(url, data)
    admin.refresh_from_db()
    assert not admin.is_superuser
    assert (
        client.post(f"/admin/auth/user/{root.pk}/change/", {"is_superuser": ""}).status_code == 403
    )
