"""The public corrections and updates log (/news/corrections/), its feeds, and corrections
in the articles' own feed entries."""

import datetime

import pytest
from django.utils import timezone

from newsroom.models import Correction
from tests import factories

HOUR = datetime.timedelta(hours=1)


def note(article, text, hours_ago=0, kind="correction"):
    noted = timezone.now() - hours_ago * HOUR
    return Correction.objects.create(article=article, note=text, kind=kind, noted_at=noted)


def test_the_log_lists_corrections_and_updates_newest_first(client, db):
    story = factories.article(title="Plant opens")
    note(story, "Older correction", hours_ago=3)
    note(story, "Newer update", hours_ago=1, kind="update")
    page = client.get("/en/news/corrections/").content.decode()
    assert page.index("Newer update") < page.index("Older correction")
    assert "Plant opens" in page and "Update" in page


def test_each_entry_links_to_the_note_under_its_article(client, db):
    story = factories.article()
    correction = note(story, "Fixed a date")
    page = client.get("/en/news/corrections/").content.decode()
    assert f'href="{story.get_absolute_url()}#correction-{correction.pk}"' in page
    article_page = client.get(story.get_absolute_url()).content.decode()
    assert f'id="correction-{correction.pk}"' in article_page


@pytest.mark.parametrize("state", ["draft", "scheduled", "withdrawn", "taken_down"])
def test_only_published_articles_corrections_are_in_the_log(client, db, editor, state):
    if state == "draft":
        story = factories.draft(title="Not public")
    elif state == "scheduled":
        story = factories.scheduled(title="Not public")
    else:
        story = factories.article(title="Not public")
    note(story, "Hidden note")
    if state == "withdrawn":
        story.withdraw("Wrong.", by=editor)
    if state == "taken_down":
        story.take_down("Legal.", by=editor)
    for url in (
        "/en/news/corrections/",
        "/en/news/corrections/feed.rss",
        "/en/news/corrections/feed.atom",
    ):
        text = client.get(url).content.decode()
        assert "Hidden note" not in text and "Not public" not in text


def test_the_log_is_paged(client, db, settings):
    story = factories.article()
    for n in range(settings.NEWS_PAGE_SIZE + 2):
        note(story, f"Note number {n:02}", hours_ago=n)
    first = client.get("/en/news/corrections/").content.decode()
    second = client.get("/en/news/corrections/?page=2").content.decode()
    assert "Note number 00" in first and "Note number 13" not in first
    assert "Note number 13" in second and "Page 2 of 2" in second
    assert client.get("/en/news/corrections/?page=9").status_code == 404


def test_the_log_costs_the_same_queries_for_many_notes(client, db, django_assert_num_queries):
    for story in factories.many_articles(5):
        note(story, "A note")
    # The count and the page of notes joined to their articles.
    with django_assert_num_queries(2):
        client.get("/en/news/corrections/")


def test_the_log_has_its_own_rss_and_atom_feeds(client, db):
    story = factories.article(title="Plant opens")
    correction = note(story, "The date was 3 May")
    rss = client.get("/en/news/corrections/feed.rss")
    atom = client.get("/en/news/corrections/feed.atom")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    for feed in (rss.content.decode(), atom.content.decode()):
        assert "Correction: Plant opens" in feed and "The date was 3 May" in feed
        assert f"#correction-{correction.pk}" in feed
    page = client.get("/en/news/corrections/").content.decode()
    assert 'href="/en/news/corrections/feed.atom"' in page


def test_corrections_appear_in_the_articles_feed_entry_as_updates(client, db, editor):
    story = factories.article(title="Plant opens")
    story.correct("The capacity is 3 million a year.", by=editor)
    for url in ("/en/news/feed.rss", "/en/news/feed.atom"):
        feed = client.get(url).content.decode()
        assert "Corrections and updates" in feed and "3 million a year" in feed
    atom = client.get("/en/news/feed.atom").content.decode()
    story.refresh_from_db()
    assert f"<updated>{story.modified_at.isoformat()}" in atom


def test_correcting_is_for_editors_and_recorded_in_the_history(db, editor, writer):
    from django.contrib.admin.models import LogEntry
    from django.core.exceptions import PermissionDenied

    story = factories.article()
    with pytest.raises(PermissionDenied):
        story.correct("No.", by=writer)
    story.correct("The figure was wrong.", by=editor)
    entry = LogEntry.objects.get(object_id=str(story.pk))
    assert entry.change_message == "Correction: The figure was wrong."


def test_every_page_links_to_the_log(client, db):
    assert 'href="/en/news/corrections/"' in client.get("/en/news/").content.decode()
