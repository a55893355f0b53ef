"""Cards and the directory's filters, kept per record, language and content generation,
are never older than the last change (newsroom/core/fragments.py)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from newsroom import cache as page_cache
from newsroom.core import fragments
from newsroom.models import Article
from projects.models import Project
from tests import factories
from tests.kept_support import page_cache_on, quietly, visit  # noqa: F401 (fixture)

pytestmark = pytest.mark.usefixtures("page_cache_on")


def uncached(client, name="projects", language="en"):
    with translation.override(language):
        url = reverse(name)
    return visit(client, url)


def searched(client, words):
    return visit(client, reverse("search"), q=words)


@pytest.fixture
def plant(db):
    return factories.project(name="Wuhu plant", name_zh_hans="芜湖工厂")


def test_a_project_card_is_kept_while_nothing_changes(client, plant):
    assert "Wuhu plant" in uncached(client)
    quietly(Project, plant.pk, name="Renamed quietly", name_en="Renamed quietly")
    assert "Wuhu plant" in uncached(client)


def test_a_project_card_changes_as_soon_as_its_record_is_saved(client, plant):
    assert "Wuhu plant" in uncached(client)
    plant.name = "Hefei plant"
    plant.save()
    page = uncached(client)
    assert "Hefei plant" in page and "Wuhu plant" not in page


def test_any_saved_change_renews_every_card(client, plant):
    uncached(client)
    quietly(Project, plant.pk, name="Renamed quietly", name_en="Renamed quietly")
    factories.project(name="Another plant")
    page = uncached(client)
    assert "Renamed quietly" in page and "Another plant" in page


def test_an_article_card_changes_after_its_article_is_saved(client, db):
    story = factories.article(title="First title")
    assert "First title" in uncached(client, "news")
    quietly(Article, story.pk, title="Quiet title")
    assert "First title" in uncached(client, "news")
    story.refresh_from_db()
    story.title = "Second title"
    story.save()
    assert "Second title" in uncached(client, "news")


def test_cards_are_kept_per_language(client, plant):
    assert "Wuhu plant" in uncached(client)
    chinese = uncached(client, language="zh-hans")
    assert "芜湖工厂" in chinese and "Wuhu plant" not in chinese
    assert "Wuhu plant" in uncached(client)


def test_the_directory_filters_and_totals_are_read_once_per_generation(client, plant):
    factories.money(plant)
    uncached(client)
    with CaptureQueriesContext(connection) as second:
        uncached(client)
    factories.project(name="New plant")  # a save: a new generation
    with CaptureQueriesContext(connection) as first:
        page = uncached(client)
    assert "New plant" in page
    # the page's rows with their figures, the count, totals and the four filter choices are
    # kept until a save, and so are the header's and footer's three (newsroom/chrome.py) and
    # the moment of the next scheduled change their archive years depend on
    # (newsroom/clock.py)
    assert len(second) == 0
    assert len(first) == 8 + 3 + 1


def test_a_part_rendered_while_the_generation_moved_is_not_kept(db):
    fragments.begin()
    try:

        def render_during_a_commit():
            page_cache.bump()  # a change committed while this part was rendered
            return "old"

        assert fragments.remembered(("card", 1), render_during_a_commit) == "old"
        assert fragments.remembered(("card", 1), lambda: "new") == "new"
    finally:
        fragments.request_ended()


def test_the_generation_is_the_one_read_when_the_request_began(db):
    page_cache.generation()
    fragments.begin()
    try:
        page_cache.bump()  # committed after the request began, before it read the record
        assert fragments.remembered(("card", 1), lambda: "before") == "before"
        assert fragments.remembered(("card", 1), lambda: "after") == "after"
    finally:
        fragments.request_ended()


def test_nothing_is_kept_outside_a_request_or_without_the_page_cache(db, settings):
    assert fragments.remembered(("card", 1), lambda: "one") == "one"
    assert fragments.remembered(("card", 1), lambda: "two") == "two"
    settings.PAGE_CACHE_SECONDS = 0
    fragments.begin()
    try:
        assert fragments.remembered(("card", 1), lambda: "three") == "three"
        assert fragments.remembered(("card", 1), lambda: "four") == "four"
    finally:
        fragments.request_ended()


def test_the_fragments_read_the_generation_the_page_cache_bumps():
    assert fragments.GENERATION == page_cache.GENERATION
    assert fragments.POSITION == page_cache.POSITION


def test_memory_is_bounded_and_drops_the_least_recently_used():
    memory = fragments.Memory(2)
    memory.set("a", 1)
    memory.set("b", 2)
    memory.get("a")
    memory.set("c", 3)
    assert (memory.get("a"), memory.get("b"), memory.get("c")) == (1, None, 3)


def test_the_home_page_reads_its_projects_contacts_and_about_text_once_per_generation(
    client, plant
):
    factories.article(title="A story")
    uncached(client, "home")
    with CaptureQueriesContext(connection) as again:
        page = uncached(client, "home")
    assert "Wuhu plant" in page and "A story" in page
    # featured and latest are kept too, until the next scheduled change (newsroom/clock.py)
    assert len(again) == 0
    plant.name = "Hefei plant"
    plant.save()
    assert "Hefei plant" in uncached(client, "home")


def test_kept_story_lists_give_way_when_a_scheduled_story_goes_out(client, db, time_machine):
    moment = (timezone.now() + datetime.timedelta(seconds=30)).replace(microsecond=0)
    factories.article(title="Already out")
    factories.article(title="On the hour", publish_at=moment)
    time_machine.move_to(moment - datetime.timedelta(seconds=10), tick=False)
    for name in ("home", "news"):
        assert "On the hour" not in uncached(client, name)
    assert "On the hour" not in searched(client, "hour")
    news = uncached(client, "news")
    generation = page_cache.generation()
    time_machine.move_to(moment, tick=False)
    # no save in between: the same generation, but past the moment the lists changed
    assert page_cache.generation() == generation
    for name in ("home", "news"):
        assert "On the hour" in uncached(client, name)
    assert "On the hour" in searched(client, "hour")
    assert "Already out" in news
