"""Withdrawing a story (410 with a notice, withdrawal items in feeds and the API) and taking
one down (410 with a bare notice, gone everywhere), by editors only, recorded with reasons."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from reversion.models import Version

from newsroom.models import Article
from tests import factories

REASON = "The plant's capacity was misreported; the company's filing says otherwise."


@pytest.fixture
def story(db):
    return factories.article(
        title="Capacity doubles", summary="A summary.", body="<p>Secret body words.</p>"
    )


def test_a_withdrawn_article_answers_410_with_its_title_date_and_reason(client, story, editor):
    story.withdraw(REASON, by=editor)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 410
    page = response.content.decode()
    assert "Withdrawn" in page and "Capacity doubles" in page
    assert "misreported" in page and "Secret body words" not in page
    assert story.publish_at.strftime("%Y") in page


def test_a_taken_down_article_answers_410_with_a_bare_notice(client, story, editor):
    story.take_down("Court order 2026/114", by=editor)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 410
    page = response.content.decode()
    assert "no longer available" in page
    assert "Capacity doubles" not in page and "Court order" not in page
    assert "Secret body words" not in page


def test_withdrawn_and_taken_down_articles_are_not_published(story, editor):
    other = factories.article()
    story.withdraw(REASON, by=editor)
    other.take_down("Legal", by=editor)
    assert list(Article.objects.published()) == []
    assert set(Article.objects.gone()) == {story, other}
    assert not story.is_published and story.visibility == "Withdrawn"


def test_a_writer_may_neither_withdraw_nor_take_down(story, writer):
    with pytest.raises(PermissionDenied):
        story.withdraw(REASON, by=writer)
    with pytest.raises(PermissionDenied):
        story.take_down(REASON, by=writer)
    story.refresh_from_db()
    assert story.status == "published"


def test_a_reason_is_required(story, editor):
    with pytest.raises(ValidationError):
        story.withdraw("  ", by=editor)


def test_the_database_refuses_a_withdrawn_article_without_a_reason(story):
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=story.pk).update(status="withdrawn")


def test_clean_refuses_a_withdrawn_status_without_a_reason(story):
    story.status = "withdrawn"
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert "reason" in str(refused.value)


def test_withdrawing_is_recorded_in_the_history_and_the_revision(story, editor):
    story.withdraw(REASON, by=editor)
    entry = LogEntry.objects.get(object_id=str(story.pk))
    assert entry.user == editor and entry.change_message == f"Withdrawn: {REASON}"
    version = Version.objects.get_for_object(story).get()
    assert version.revision.comment == f"Withdrawn: {REASON}"


def test_a_taken_down_article_keeps_its_revisions_for_staff(story, editor, editor_client):
    story.take_down("Court order", by=editor)
    assert Version.objects.get_for_object(story).exists()
    page = editor_client.get(f"/admin/newsroom/article/{story.pk}/history/").content.decode()
    assert "Taken down: Court order" in page
    assert editor_client.get(story.get_absolute_url()).status_code == 200  # staff still see it


def test_feeds_carry_a_withdrawal_item_with_the_same_id(client, story, editor):
    before = client.get("/en/news/feed.atom").content.decode()
    story.withdraw(REASON, by=editor)
    for address in (
        "/en/news/feed.atom",
        "/en/news/feed.rss",
        f"{story.category.get_absolute_url()}feed.rss",
    ):
        feed = client.get(address).content.decode()
        assert "Withdrawn: Capacity doubles" in feed and "misreported" in feed
        assert "Secret body words" not in feed
    assert f"urn:uuid:{story.uuid}" in before
    assert f"urn:uuid:{story.uuid}" in client.get("/en/news/feed.atom").content.decode()


def test_the_withdrawal_item_leaves_the_feeds_after_the_notice_period(
    client, story, editor, settings, time_machine
):
    story.withdraw(REASON, by=editor)
    later = story.retracted_at + datetime.timedelta(days=settings.WITHDRAWAL_NOTICE_DAYS, hours=1)
    time_machine.move_to(later)
    assert "Capacity doubles" not in client.get("/en/news/feed.rss").content.decode()
    assert client.get(story.get_absolute_url()).status_code == 410  # the notice stays


def test_a_taken_down_article_leaves_no_item_in_feeds(client, story, editor):
    story.take_down("Court order", by=editor)
    feed = client.get("/en/news/feed.atom").content.decode()
    assert "Capacity doubles" not in feed and str(story.uuid) not in feed


def test_the_api_answers_410_naming_the_withdrawal(client, story, editor):
    story.withdraw(REASON, by=editor)
    response = client.get(f"/api/v1/articles/{story.slug}")
    assert response.status_code == 410
    body = response.json()
    assert body["state"] == "withdrawn"
    assert body["withdrawal"]["title"] == "Capacity doubles"
    assert body["withdrawal"]["reason"] == REASON
    listed = client.get("/api/v1/articles").json()
    assert listed["results"] == []
    assert [item["slug"] for item in listed["withdrawn"]] == [story.slug]


def test_the_api_answers_410_without_a_title_for_a_taken_down_article(client, story, editor):
    story.take_down("Court order", by=editor)
    response = client.get(f"/api/v1/articles/{story.slug}")
    assert response.status_code == 410
    assert response.json() == {
        "detail": "This article was taken down.",
        "state": "taken_down",
        "withdrawal": None,
    }
    assert client.get("/api/v1/articles").json()["withdrawn"] == []


def test_the_api_lists_withdrawals_on_the_first_page_only(client, story, editor):
    factories.many_articles(3)
    story.withdraw(REASON, by=editor)
    assert client.get("/api/v1/articles?page_size=2&page=2").json()["withdrawn"] == []


def test_the_sitemaps_drop_withdrawn_and_taken_down_articles(client, story, editor):
    other = factories.article(title="Second")
    story.withdraw(REASON, by=editor)
    other.take_down("Court order", by=editor)
    for address in ("/sitemap-articles.xml", "/sitemap-news.xml"):
        text = client.get(address).content.decode()
        assert story.slug not in text and other.slug not in text


def test_an_old_address_of_a_taken_down_article_leads_nowhere(client, story, editor):
    story.slug = "capacity-doubles-new"
    story.save()
    story.take_down("Court order", by=editor)
    old = story.redirects.get().old_slug
    assert client.get(f"/en/news/{old}/").status_code == 404


def test_a_withdrawn_story_leaves_the_page_cache_at_once(client, story, editor, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert client.get(story.get_absolute_url()).status_code == 200
    assert client.get(story.get_absolute_url())["X-Cache"] == "hit"
    story.withdraw(REASON, by=editor)
    assert client.get(story.get_absolute_url()).status_code == 410
    assert "Capacity doubles" not in client.get("/en/").content.decode()


def test_editors_withdraw_from_the_changelist_giving_a_reason(editor_client, story):
    changelist = "/admin/newsroom/article/"
    chosen = {"action": "withdraw", "_selected_action": [story.pk]}
    asked = editor_client.post(changelist, chosen)
    assert asked.status_code == 200 and "Reason" in asked.content.decode()
    done = editor_client.post(changelist, chosen | {"reason": REASON}, follow=True)
    assert "1 article(s) withdrawn." in done.content.decode()
    story.refresh_from_db()
    assert story.status == "withdrawn" and story.retraction_reason == REASON


def test_editors_take_down_from_the_changelist(editor_client, story):
    chosen = {"action": "take_down", "_selected_action": [story.pk], "reason": "Court order"}
    editor_client.post("/admin/newsroom/article/", chosen)
    story.refresh_from_db()
    assert story.status == "taken_down" and story.retracted_at is not None


def test_writers_have_no_withdraw_action(writer_client, story):
    chosen = {"action": "withdraw", "_selected_action": [story.pk], "reason": REASON}
    writer_client.post("/admin/newsroom/article/", chosen)
    story.refresh_from_db()
    assert story.status == "published"


def test_the_edit_form_offers_withdrawal_only_through_the_action(editor_client, story):
    page = editor_client.get(f"/admin/newsroom/article/{story.pk}/change/").content.decode()
    assert 'value="withdrawn"' not in page and 'value="taken_down"' not in page


def test_an_editor_may_bring_a_withdrawn_story_back_to_draft(editor_client, story, editor):
    story.withdraw(REASON, by=editor)
    editor_client.post(
        "/admin/newsroom/article/", {"action": "unpublish", "_selected_action": [story.pk]}
    )
    story.refresh_from_db()
    assert story.status == "draft"
