"""dateModified, the sitemap's lastmod, the feeds' updated and the API's updated_at move only
with a change a reader can see: the text, a correction, a withdrawal; not with every save."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from newsroom.models import Article, Correction
from tests import factories

DAY = datetime.timedelta(days=1)


@pytest.fixture
def story(db, time_machine):
    time_machine.move_to(timezone.now() - 10 * DAY, tick=False)
    made = factories.article(publish_at=timezone.now())
    time_machine.move_to(timezone.now() + 5 * DAY, tick=False)
    return Article.objects.get(pk=made.pk)


def json_ld_modified(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page)[1])
    return datetime.datetime.fromisoformat(data[0]["dateModified"])


def test_a_save_that_changes_nothing_readers_see_leaves_the_modified_date(client, story):
    story.is_featured = True
    story.seo_title = "Another SEO title"
    story.save()
    story.refresh_from_db()
    assert story.modified_at == story.publish_at
    assert json_ld_modified(client, story) == story.publish_at


@pytest.mark.parametrize("field", ["title", "subtitle", "summary", "body"])
def test_a_change_to_the_text_moves_the_modified_date(client, story, field):
    setattr(story, field, "<p>New words</p>" if field == "body" else "New words")
    story.save()
    story.refresh_from_db()
    assert story.content_changed_at == timezone.now()
    assert json_ld_modified(client, story) == timezone.now()


def test_a_correction_moves_the_modified_date(client, story, editor):
    story.correct("The capacity is 3 million, not 30 million.", by=editor)
    story.refresh_from_db()
    assert story.modified_at == timezone.now()
    inline = Correction.objects.create(article=story, note="Later", noted_at=timezone.now() + DAY)
    story.refresh_from_db()
    assert story.modified_at == inline.noted_at


def test_a_withdrawal_moves_the_modified_date(story, editor):
    story.withdraw("Wrong.", by=editor)
    story.refresh_from_db()
    assert story.modified_at == timezone.now()


def test_edits_before_publication_never_date_a_change_after_it(db):
    draft = factories.draft(publish_at=timezone.now() + DAY)
    draft.body = "<p>Rewritten</p>"
    draft.save()
    assert draft.modified_at == draft.publish_at


def test_the_sitemap_and_feeds_follow_only_reader_changes(client, story):
    story.noindex = False
    story.is_featured = True
    story.save()
    published = timezone.localtime(story.publish_at).date().isoformat()  # the site's own day
    assert f"<lastmod>{published}" in client.get("/sitemap-articles.xml").content.decode()
    atom = client.get("/en/news/feed.atom").content.decode()
    assert f"<updated>{story.publish_at.isoformat()}" in atom
    story.title = "A new title"
    story.save()
    today = timezone.localdate().isoformat()
    assert f"<lastmod>{today}" in client.get("/sitemap-articles.xml").content.decode()
    api = client.get(f"/api/v1/articles/{story.slug}").json()
    moved = datetime.datetime.fromisoformat(api["updated_at"])
    assert abs(moved - timezone.now()) < datetime.timedelta(seconds=1)
