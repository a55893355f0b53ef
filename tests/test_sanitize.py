"""Article bodies are cleaned on save, whatever path the HTML came in by."""

import pytest

from newsroom.models import Article
from tests import factories
from tests.admin_forms import form_data


@pytest.mark.parametrize(
    ("dirty", "forbidden"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "<script"),
        ('<p onclick="steal()">Hi</p>', "onclick"),
        ('<img src=x onerror="steal()">', "onerror"),
        ('<a href="javascript:alert(1)">link</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">link</a>', "avascript"),
        ("<style>body{display:none}</style><p>x</p>", "<style"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ("<svg><script>alert(1)</script></svg>", "<svg"),
        ('<p style="position:fixed">x</p>', "style="),
    ],
)
def test_body_loses_dangerous_markup_on_save(db, dirty, forbidden):
    story = factories.article(body=dirty)
    story.refresh_from_db()
    assert forbidden not in story.body.lower()


def test_body_keeps_the_formatting_editors_use(db):
    html = (
        '<h2>Heading</h2><p><strong>bold</strong> <em>em</em> <a href="https://aux.example/">'
        "link</a></p><ul><li>one</li></ul><blockquote>quote</blockquote>"
    )
    story = factories.article(body=html)
    story.refresh_from_db()
    for kept in ("<h2>", "<strong>", "<em>", 'href="https://aux.example/"', "<ul>", "<blockquote>"):
        assert kept in story.body


def test_links_get_noopener(db):
    story = factories.article(body='<a href="https://aux.example/">x</a>')
    assert 'rel="noopener noreferrer"' in Article.objects.get(pk=story.pk).body


def test_body_posted_through_the_admin_is_cleaned(staff_client, db):
    news = factories.category()
    data = form_data(staff_client, "/admin/newsroom/article/add/")
    data |= {
        "title": "Posted",
        "slug": "posted",
        "body": "<p>Safe</p><script>alert(1)</script>",
        "category": news.pk,
        "status": "draft",
    }
    response = staff_client.post("/admin/newsroom/article/add/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert Article.objects.get(slug="posted").body == "<p>Safe</p>"
