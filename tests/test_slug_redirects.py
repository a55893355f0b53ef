"""When a slug changes, the old address redirects permanently to the new one."""

from newsroom.models import ArticleRedirect
from tests import factories


def test_old_article_address_redirects_301_to_the_new_one(client, db):
    article = factories.article(slug="old-name")
    article.slug = "new-name"
    article.save()
    response = client.get("/en/news/old-name/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/new-name/"


def test_a_chain_of_renames_redirects_straight_to_the_current_address(client, db):
    article = factories.article(slug="first")
    for slug in ("second", "third"):
        article.slug = slug
        article.save()
    assert client.get("/en/news/first/")["Location"] == "/en/news/third/"
    assert client.get("/en/news/second/")["Location"] == "/en/news/third/"


def test_renaming_back_to_an_old_slug_removes_its_redirect(client, db):
    article = factories.article(slug="a")
    article.slug = "b"
    article.save()
    article.slug = "a"
    article.save()
    assert client.get("/en/news/a/").status_code == 200
    assert client.get("/en/news/b/")["Location"] == "/en/news/a/"
    assert not ArticleRedirect.objects.filter(old_slug="a").exists()


def test_old_address_of_an_unpublished_article_gives_404_not_its_new_slug(client, db):
    article = factories.draft(slug="secret-old")
    article.slug = "secret-new"
    article.save()
    assert client.get("/en/news/secret-old/").status_code == 404


def test_old_project_address_redirects_too(client, db):
    project = factories.project(slug="wuhu-plant")
    project.slug = "aux-wuhu-plant"
    project.save()
    response = client.get("/en/projects/wuhu-plant/")
    assert response.status_code == 301 and response["Location"] == "/en/projects/aux-wuhu-plant/"


def test_a_writers_draft_cannot_take_a_published_articles_old_address(writer_client, db):
    from tests.admin_forms import form_data

    published = factories.article(slug="old-name")
    published.slug = "new-name"
    published.save()
    draft = factories.draft(slug="my-draft")
    url = f"/admin/newsroom/article/{draft.pk}/change/"
    response = writer_client.post(url, form_data(writer_client, url) | {"slug": "old-name"})
    assert "is the old address of the published article" in response.content.decode()
    assert ArticleRedirect.objects.filter(old_slug="old-name", article=published).exists()
