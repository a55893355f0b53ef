"""Public corrections, and the admin history of who did what to an article."""

import datetime

from django.contrib.admin.models import LogEntry
from django.utils import timezone

from newsroom.models import Correction
from tests import factories
from tests.admin_forms import form_data


def test_corrections_show_in_order_under_the_article(client, db):
    article = factories.article()
    now = timezone.now()
    Correction.objects.create(article=article, note="Second note", noted_at=now)
    Correction.objects.create(
        article=article, note="First note", kind="update", noted_at=now - datetime.timedelta(days=1)
    )
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Corrections and updates" in page
    assert page.index("First note") < page.index("Second note")


def history(article):
    return list(
        LogEntry.objects.filter(object_id=str(article.pk))
        .order_by("action_time", "pk")
        .values_list("user__username", "change_message")
    )


def test_history_records_who_submitted_scheduled_published_and_unpublished(
    client, writer, editor, db
):
    client.force_login(writer)
    add = "/admin/newsroom/article/add/"
    data = form_data(client, add) | {
        "title": "Audit",
        "slug": "audit",
        "status": "draft",
        "category": factories.category().pk,
    }
    client.post(add, data)
    article = factories.Article.objects.get(slug="audit")
    change = f"/admin/newsroom/article/{article.pk}/change/"
    client.post(change, form_data(client, change) | {"status": "review"})

    client.force_login(editor)
    client.post(
        change,
        form_data(client, change)
        | {"status": "published", "publish_at_0": "2099-01-01", "publish_at_1": "09:00:00"},
    )
    changelist = "/admin/newsroom/article/"
    client.post(changelist, {"action": "publish_now", "_selected_action": [article.pk]})
    client.post(changelist, {"action": "unpublish", "_selected_action": [article.pk]})

    messages = [(user, text) for user, text in history(article) if not text.startswith("[")]
    assert messages[0] == ("wanda", "Created as a draft")
    assert ("wanda", "Submitted for review") in messages
    assert any(u == "eddie" and t.startswith("Scheduled for") for u, t in messages)
    assert ("eddie", "Published") in messages
    assert ("eddie", "Unpublished (back to draft)") in messages


def test_the_history_page_shows_state_changes_and_reverts_with_their_authors(editor_client, db):
    from reversion.models import Version

    article = factories.draft()
    change = f"/admin/newsroom/article/{article.pk}/change/"
    editor_client.post(change, form_data(editor_client, change) | {"summary": "v2"})
    editor_client.post(change, form_data(editor_client, change) | {"status": "published"})
    first = Version.objects.get_for_object(article).order_by("pk").first()
    revert = f"/admin/newsroom/article/{article.pk}/history/{first.pk}/"
    editor_client.post(revert, form_data(editor_client, revert))
    page = editor_client.get(f"/admin/newsroom/article/{article.pk}/history/").content.decode()
    assert "Published" in page
    assert "Reverted to previous version" in page
    assert page.count("eddie") >= 3
