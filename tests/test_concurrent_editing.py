"""Two people saving the same thing: nobody's work is silently lost, nothing crashes."""

from newsroom.admin.articles import ArticleForm
from newsroom.models import Article
from tests import factories
from tests.admin_forms import form_data


def url(article):
    return f"/admin/newsroom/article/{article.pk}/change/"


def test_the_second_of_two_editors_is_refused_with_who_and_when(client, editor, writer, db):
    article = factories.draft(title="Original")
    client.force_login(writer)
    writers_form = form_data(client, url(article))
    client.force_login(editor)
    editors_form = form_data(client, url(article))
    assert client.post(url(article), editors_form | {"title": "Editor's title"}).status_code == 302

    client.force_login(writer)
    response = client.post(url(article), writers_form | {"title": "Writer's title"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "eddie saved this article at" in page and "NOT saved" in page
    assert 'value="Writer&#x27;s title"' in page  # the input stays in the form
    assert Article.objects.get().title == "Editor's title"  # the first save is kept


def test_a_double_clicked_save_button_saves_once(editor_client, db):
    article = factories.draft()
    data = form_data(editor_client, url(article)) | {"summary": "Once"}
    assert editor_client.post(url(article), data).status_code == 302
    assert editor_client.post(url(article), data).status_code == 200
    article.refresh_from_db()
    assert article.version == 2


def test_a_fresh_form_after_the_other_save_goes_through(editor_client, db):
    article = factories.draft()
    first = form_data(editor_client, url(article))
    editor_client.post(url(article), first | {"summary": "One"})
    second = form_data(editor_client, url(article))
    assert editor_client.post(url(article), second | {"summary": "Two"}).status_code == 302
    assert Article.objects.get().summary == "Two"


def test_a_slug_taken_between_check_and_save_gives_a_form_error(editor_client, db, monkeypatch):
    news = factories.category()
    data = form_data(editor_client, "/admin/newsroom/article/add/")
    data |= {"title": "Race", "slug": "race", "category": news.pk, "status": "draft"}
    factories.article(slug="race", category=news)
    # The other request committed "race" just after our uniqueness check ran: the first
    # check passes, the database refuses the row, and the page must not crash.
    checks = []
    original = ArticleForm.validate_unique

    def late_check(form):
        checks.append(form)
        if len(checks) > 1:
            original(form)

    monkeypatch.setattr(ArticleForm, "validate_unique", late_check)
    response = editor_client.post("/admin/newsroom/article/add/", data)
    assert response.status_code == 200
    assert "Article with this Slug already exists." in response.content.decode()
    assert Article.objects.filter(slug="race").count() == 1
