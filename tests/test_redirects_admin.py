"""Editors see, add, correct and remove the old addresses of articles and projects; writers
cannot touch them; an address still in use is refused with a message, never a 500."""

import pytest
from django.urls import reverse

from newsroom.models import ArticleRedirect
from projects.models import ProjectRedirect
from tests import factories

ARTICLES = "/admin/newsroom/articleredirect/"
PROJECTS = "/admin/projects/projectredirect/"


@pytest.fixture
def story(db):
    story = factories.article(title="Plant opens", slug="plant-opens")
    story.slug = "plant-opens-in-wuhu"
    story.save()  # leaves plant-opens behind as a redirect
    return story


def test_a_changed_slug_is_listed_and_searchable(editor_client, story):
    page = editor_client.get(ARTICLES, {"q": "plant"}).content.decode()
    assert "plant-opens" in page and "plant-opens-in-wuhu" in page


def test_an_editor_adds_a_redirect_that_then_works(editor_client, story):
    response = editor_client.post(ARTICLES + "add/", {"old_slug": "old-name", "article": story.pk})
    assert response.status_code == 302
    visit = editor_client.get("/en/news/old-name/")
    assert visit.status_code == 301 and visit["Location"].endswith("/plant-opens-in-wuhu/")


def test_an_editor_edits_and_removes_a_redirect(editor_client, story):
    redirect = ArticleRedirect.objects.get(old_slug="plant-opens")
    url = reverse("admin:newsroom_articleredirect_change", args=[redirect.pk])
    edited = {"old_slug": "plant-opened", "article": story.pk}
    assert editor_client.post(url, edited).status_code == 302
    delete = reverse("admin:newsroom_articleredirect_delete", args=[redirect.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not ArticleRedirect.objects.exists()


def test_a_live_articles_current_address_is_refused(editor_client, story):
    other = factories.article(title="Other story", slug="other-story")
    response = editor_client.post(
        ARTICLES + "add/", {"old_slug": "other-story", "article": story.pk}
    )
    assert response.status_code == 200
    assert "is the current address of “Other story”" in response.content.decode()
    assert not ArticleRedirect.objects.filter(old_slug=other.slug).exists()


def test_a_redirect_to_its_own_address_is_refused_as_a_loop(editor_client, story):
    data = {"old_slug": "plant-opens-in-wuhu", "article": story.pk}
    response = editor_client.post(ARTICLES + "add/", data)
    assert response.status_code == 200 and "would never be followed" in response.content.decode()


def test_an_old_address_taken_twice_is_refused_with_a_message(editor_client, story):
    response = editor_client.post(
        ARTICLES + "add/", {"old_slug": "plant-opens", "article": story.pk}
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()


def test_a_bad_address_gets_a_message_not_a_500(editor_client, story):
    response = editor_client.post(ARTICLES + "add/", {"old_slug": "a/b c", "article": story.pk})
    assert response.status_code == 200 and "errorlist" in response.content.decode()


def test_project_redirects_work_the_same_way(editor_client, db):
    project = factories.project(name="Wuhu plant", slug="wuhu-plant")
    other = factories.project(name="Hefei plant", slug="hefei-plant")
    added = editor_client.post(PROJECTS + "add/", {"old_slug": "wuhu", "project": project.pk})
    assert added.status_code == 302 and ProjectRedirect.objects.get().project == project
    refused = editor_client.post(PROJECTS + "add/", {"old_slug": other.slug, "project": project.pk})
    assert "is the current address of “Hefei plant”" in refused.content.decode()
    assert editor_client.get(PROJECTS, {"q": "wuhu"}).status_code == 200


@pytest.mark.parametrize("url", [ARTICLES, ARTICLES + "add/", PROJECTS, PROJECTS + "add/"])
def test_writers_cannot_see_or_add_redirects(writer_client, story, url):
    assert writer_client.get(url).status_code == 403


def test_a_writer_cannot_delete_a_redirect(writer_client, story):
    redirect = ArticleRedirect.objects.get()
    delete = reverse("admin:newsroom_articleredirect_delete", args=[redirect.pk])
    assert writer_client.post(delete, {"post": "yes"}).status_code == 403
    assert ArticleRedirect.objects.exists()


def test_the_editor_role_holds_every_redirect_permission(editor):
    for action in ("view", "add", "change", "delete"):
        assert editor.has_perm(f"newsroom.{action}_articleredirect")
        assert editor.has_perm(f"projects.{action}_projectredirect")


@pytest.mark.parametrize("value", ["x", "1.5", "-", "１２"])
def test_a_choice_that_is_no_key_gets_the_fields_message_not_a_500(editor_client, story, value):
    response = editor_client.post(ARTICLES + "add/", {"old_slug": "old-name", "article": value})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert 'value="old-name"' in response.content.decode()  # what was typed is kept
