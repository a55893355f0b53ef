"""Drafts and articles scheduled for later appear on no public page."""

import pytest
from django.utils import timezone

from newsroom.models import Article
from tests import factories


@pytest.fixture
def hidden(db):
    news = factories.category(name="Hidden category", slug="hidden")
    draft = factories.draft(title="Secret draft", category=news, tags=["Secret"])
    future = factories.scheduled(title="Future story", category=news, tags=["Secret"])
    project = factories.project(name="Visible project")
    factories.link(draft, project)
    factories.link(future, project)
    return draft, future, project


def test_published_is_status_published_and_time_has_come(db):
    live = factories.article()
    factories.draft()
    factories.scheduled()
    assert list(Article.objects.published()) == [live]


def test_article_becomes_public_exactly_at_its_publish_time(db, time_machine):
    moment = timezone.now() + timezone.timedelta(hours=2)
    story = factories.article(publish_at=moment)
    time_machine.move_to(moment - timezone.timedelta(seconds=1))
    assert story not in Article.objects.published()
    time_machine.move_to(moment)
    assert story in Article.objects.published()


@pytest.mark.parametrize(
    "url",
    ["/en/", "/en/news/", "/en/news/category/hidden/", "/en/news/tag/secret/", "/en/projects/"],
)
def test_hidden_articles_are_absent_from_every_list(client, hidden, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    page = response.content.decode()
    assert "Secret draft" not in page
    assert "Future story" not in page


def test_hidden_articles_are_absent_from_the_project_page(client, hidden):
    page = client.get(hidden[2].get_absolute_url()).content.decode()
    assert "Secret draft" not in page and "Future story" not in page


def test_hidden_articles_are_absent_from_archives(client, hidden):
    factories.article(title="Public story")
    year = timezone.localdate().year
    page = client.get(f"/en/news/{year}/").content.decode()
    assert "Public story" in page
    assert "Secret draft" not in page and "Future story" not in page


@pytest.mark.parametrize("which", [0, 1])
def test_anonymous_visitor_gets_404_for_a_hidden_article(client, hidden, which):
    assert client.get(hidden[which].get_absolute_url()).status_code == 404


def test_unpublished_project_gets_404_and_leaves_the_directory(client, db):
    project = factories.project(name="Quiet project", is_published=False)
    assert client.get(project.get_absolute_url()).status_code == 404
    assert "Quiet project" not in client.get("/en/projects/").content.decode()


def test_related_story_that_is_a_draft_is_not_shown(client, db):
    story = factories.article()
    story.related_articles.add(factories.draft(title="Unready related"))
    assert "Unready related" not in client.get(story.get_absolute_url()).content.decode()


def test_a_tag_only_a_draft_has_gives_404(client, db):
    factories.draft(tags=["Secret merger"])
    assert client.get("/en/news/tag/secret-merger/").status_code == 404
    assert client.get("/en/news/tag/secret-merger/feed.rss").status_code == 404


def test_an_organisation_with_only_unpublished_projects_gives_404(client, db):
    from projects.models import Organization, ProjectOrganization

    quiet = Organization.objects.create(name="Quiet partner", slug="quiet-partner")
    ProjectOrganization.objects.create(
        project=factories.project(is_published=False), organization=quiet
    )
    assert client.get("/en/organizations/quiet-partner/").status_code == 404


@pytest.mark.parametrize("action", ["withdraw", "take_down"])
def test_withdrawn_and_taken_down_articles_are_not_published(db, editor, action):
    story = factories.article()
    getattr(story, action)("A reason.", by=editor)
    assert story not in Article.objects.published()
    assert story in Article.objects.gone()


@pytest.mark.parametrize("action", ["withdraw", "take_down"])
@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/news/",
        "/en/news/category/hidden/",
        "/en/news/tag/secret/",
        "/en/projects/",
        "/en/search/?q=Gone",
    ],
)
def test_withdrawn_and_taken_down_articles_are_absent_from_every_list(
    client, db, editor, action, url
):
    news = factories.category(name="Hidden category", slug="hidden")
    story = factories.article(title="Gone story", category=news, tags=["Secret"])
    getattr(story, action)("A reason.", by=editor)
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert "Gone story" not in response.content.decode()


@pytest.mark.parametrize("action", ["withdraw", "take_down"])
def test_withdrawn_and_taken_down_articles_leave_the_project_page_and_related_links(
    client, db, editor, action
):
    project = factories.project()
    story = factories.article(title="Gone story")
    factories.link(story, project)
    public = factories.article()
    public.related_articles.add(story)
    getattr(story, action)("A reason.", by=editor)
    for url in (project.get_absolute_url(), public.get_absolute_url()):
        assert "Gone story" not in client.get(url).content.decode()
    assert client.get(f"{story.get_absolute_url()}pictures.zip").status_code == 404
