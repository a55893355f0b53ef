"""Every save keeps a revision; editors compare, revert and recover deleted content."""

import re

from reversion.models import Version

from newsroom.models import Article
from projects.models import ArticleProject
from tests import factories
from tests.admin_forms import form_data


def edit(client, article, **changes):
    url = f"/admin/newsroom/article/{article.pk}/change/"
    response = client.post(url, form_data(client, url) | changes)
    assert response.status_code == 302, re.findall(r"errorlist.*", response.content.decode())
    return response


def first_version(article):
    return Version.objects.get_for_object(article).order_by("pk").first()


def test_revert_restores_body_tags_and_project_links(editor_client, db):
    article = factories.draft(body="<p>First words.</p>")
    project = factories.project(name="Wuhu plant")
    edit(
        editor_client,
        article,
        tags="AUX, Wuhu",
        **{
            "project_links-TOTAL_FORMS": "1",
            "project_links-0-project": project.pk,
            "project_links-0-link": "announces",
            "project_links-0-article": article.pk,
        },
    )
    original = first_version(article)
    edit(
        editor_client,
        article,
        body="<p>Rewritten.</p>",
        tags="Ningbo",
        **{
            "project_links-0-DELETE": "on",
        },
    )
    article.refresh_from_db()
    assert set(article.tags.names()) == {"Ningbo"} and not ArticleProject.objects.exists()

    url = f"/admin/newsroom/article/{article.pk}/history/{original.pk}/"
    response = editor_client.post(url, form_data(editor_client, url))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>First words.</p>"
    assert set(article.tags.names()) == {"AUX", "Wuhu"}
    assert ArticleProject.objects.get().project == project
    assert "Reverted" in Version.objects.get_for_object(article).first().revision.get_comment()


def test_compare_shows_a_readable_diff_of_two_revisions(editor_client, db):
    article = factories.draft(title="Plant opens", body="<p>About 5 billion yuan.</p>")
    edit(editor_client, article)
    edit(editor_client, article, body="<p>About 6 billion yuan.</p>", tags="Energy")
    page = editor_client.get(f"/admin/newsroom/article/{article.pk}/history/compare/").content
    page = page.decode()
    assert "<del>5</del>" in page and "<ins>6</ins>" in page
    assert "Energy" in page


def test_history_links_to_the_compare_view(editor_client, db):
    article = factories.draft()
    edit(editor_client, article)
    page = editor_client.get(f"/admin/newsroom/article/{article.pk}/history/").content.decode()
    assert 'href="compare/"' in page


def test_a_deleted_article_can_be_recovered(editor_client, db):
    article = factories.draft(title="Deleted by mistake")
    edit(editor_client, article, tags="Wuhu")
    editor_client.post(f"/admin/newsroom/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.exists()
    deleted = Version.objects.get_deleted(Article).get()
    assert (
        "Deleted by mistake"
        in editor_client.get("/admin/newsroom/article/recover/").content.decode()
    )
    url = f"/admin/newsroom/article/recover/{deleted.pk}/"
    assert editor_client.post(url, form_data(editor_client, url)).status_code == 302
    recovered = Article.objects.get()
    assert recovered.title == "Deleted by mistake" and list(recovered.tags.names()) == ["Wuhu"]


def test_project_revisions_include_figures(editor_client, db):
    project = factories.project()
    factories.money(project, source=factories.web_source())  # published: it needs a source
    url = f"/admin/projects/project/{project.pk}/change/"
    assert editor_client.post(url, form_data(editor_client, url)).status_code == 302
    revision = Version.objects.get_for_object(project).get().revision
    assert {v._model.__name__ for v in revision.version_set.all()} >= {"Project", "Figure"}


def test_a_writers_revert_of_a_draft_leaves_a_tag_as_an_editor_renamed_it(
    writer_client, editor_client, db
):
    from newsroom.models import Tag

    factories.article(tags=["Wuhu"])  # the tag has a public page
    draft = factories.draft(body="<p>First words.</p>")
    edit(writer_client, draft, tags="Wuhu")
    edit(writer_client, draft, body="<p>Second words.</p>")
    tag = Tag.objects.get(name="Wuhu")
    tag.name, tag.slug = "Wuhu, Anhui", "wuhu-anhui"
    tag.save()
    url = f"/admin/newsroom/article/{draft.pk}/history/{first_version(draft).pk}/"
    data = form_data(writer_client, url)
    assert writer_client.post(url, data).status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("Wuhu, Anhui", "wuhu-anhui")
    assert editor_client.get("/en/news/tag/wuhu-anhui/").status_code == 200
