"""What a public page reads (the record with its relations, a list's rows, a feed's items,
the API's page) is read once per content generation and kept until the published set
changes, by a save or by the clock (newsroom/clock.py); never for staff, never past it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.core import fragments
from newsroom.models import Article
from projects.models import Project
from tests import factories
from tests.kept_support import page_cache_on, quietly, visit  # noqa: F401 (fixture)

pytestmark = pytest.mark.usefixtures("page_cache_on")


def queries_of(client, url):
    with CaptureQueriesContext(connection) as read:
        visit(client, url)
    return len(read)


@pytest.fixture
def story(db):
    project = factories.project(name="Wuhu plant")
    factories.money(project)
    article = factories.article(title="Plant opens", tags=["Wuhu"])
    article.projects.add(project)
    return article


def test_an_article_page_is_read_once_until_the_next_save(client, story):
    url = story.get_absolute_url()
    assert "Plant opens" in visit(client, url)
    assert queries_of(client, url) == 0
    quietly(Article, story.pk, title="Quiet title")
    assert "Plant opens" in visit(client, url)
    story.refresh_from_db()
    story.title = "Plant opens early"
    story.save()
    assert "Plant opens early" in visit(client, url)


def test_an_article_page_is_not_kept_past_its_expiry(client, db, time_machine):
    ends = (timezone.now() + datetime.timedelta(seconds=30)).replace(microsecond=0)
    article = factories.article(title="Offer ends", unpublish_at=ends)
    time_machine.move_to(ends - datetime.timedelta(seconds=10), tick=False)
    assert "Offer ends" in visit(client, article.get_absolute_url())
    time_machine.move_to(ends + datetime.timedelta(seconds=1), tick=False)
    assert "Offer ends" not in visit(client, article.get_absolute_url(), status=404)


def test_staff_read_the_article_afresh_not_what_visitors_were_given(client, story, staff):
    url = story.get_absolute_url()
    visit(client, url)
    quietly(Article, story.pk, title="Quiet title")
    client.force_login(staff)
    assert "Quiet title" in visit(client, url)
    client.logout()
    assert "Plant opens" in visit(client, url)


def test_a_project_page_is_read_once_until_the_next_save(client, story):
    project = story.projects.get()
    url = project.get_absolute_url()
    assert "Wuhu plant" in visit(client, url)
    assert queries_of(client, url) == 0
    project.name = "Hefei plant"
    project.save()
    assert "Hefei plant" in visit(client, url)


# Each list, with the story or project it shows first and what a save then adds to it.
LISTS = {
    "/en/news/": ("Plant opens", "Second story"),
    "/en/news/tag/wuhu/": ("Plant opens", "Second story"),
    "/en/news/feed.rss": ("Plant opens", "Second story"),
    "/api/v1/articles": ("Plant opens", "Second story"),
    "/en/projects/": ("Wuhu plant", "Second plant"),
}


@pytest.mark.parametrize("url", LISTS)
def test_lists_feeds_and_the_api_read_their_rows_once_until_the_next_save(client, story, url):
    shown, added = LISTS[url]
    assert shown in visit(client, url)
    assert queries_of(client, url) == 0
    factories.article(title="Second story", tags=["Wuhu"])
    factories.project(name="Second plant")
    page = visit(client, url)
    assert shown in page and added in page


def test_a_withdrawal_notice_leaves_the_feed_and_the_api_when_its_days_are_over(
    client, story, staff, settings, time_machine
):
    settings.WITHDRAWAL_NOTICE_DAYS = 1
    story.withdraw("The figures were wrong.", by=staff)
    story.refresh_from_db()
    ends = story.retracted_at + datetime.timedelta(days=1)
    time_machine.move_to(ends - datetime.timedelta(seconds=10), tick=False)
    assert "Withdrawn: Plant opens" in visit(client, "/en/news/feed.rss")
    assert "Plant opens" in visit(client, "/api/v1/articles")
    time_machine.move_to(ends + datetime.timedelta(seconds=1), tick=False)
    assert "Plant opens" not in visit(client, "/en/news/feed.rss")
    assert "Plant opens" not in visit(client, "/api/v1/articles")


def test_a_tag_no_published_story_has_any_more_is_gone_from_its_page(client, story):
    visit(client, "/en/news/tag/wuhu/")
    story.tags.clear()
    story.save()  # the tags are set in the admin's form and the story saved
    visit(client, "/en/news/tag/wuhu/", status=404)


def test_what_is_kept_for_one_project_is_not_given_for_another(client, story):
    other = factories.project(name="Hefei plant")
    assert "Wuhu plant" in visit(client, story.projects.get().get_absolute_url())
    page = visit(client, Project.objects.get(pk=other.pk).get_absolute_url())
    assert "Hefei plant" in page and "Wuhu plant" not in page


def test_large_kept_parts_are_held_within_a_size_the_oldest_out_first():
    store = fragments.Memory(1000, weigh=len)
    for key in ("a", "b"):
        store.set(key, key * 400)
    store.get("a")
    store.set("c", "c" * 400)
    assert (store.get("a"), store.get("b"), store.get("c")) == ("a" * 400, None, "c" * 400)
    store.set("too big", "x" * 2000)
    assert store.get("too big") is None
    assert store.used <= 1000
