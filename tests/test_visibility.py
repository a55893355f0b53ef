"""Scheduled and embargoed articles: on no public surface before their time, on all after."""

import datetime

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.utils import timezone

from tests import factories
from tests.surfaces import EXEMPT, SURFACES, hidden_story_setting

HOUR = datetime.timedelta(hours=1)
NOTICE = datetime.timedelta(days=settings.WITHDRAWAL_NOTICE_DAYS)
SECOND = datetime.timedelta(seconds=1)


def shows(client, url, article):
    """Whether the page at `url` names the article, by its title or by its address."""
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    page = response.content.decode()
    return response.status_code == 200 and (
        article.title in page or article.get_absolute_url() in page
    )


def public_url_names(patterns=None, namespace="", route=""):
    """Every public address in the URLconf, through includes at any depth, by its name with
    namespaces ("api-v1:article"); an unnamed one by its route, so none can go unlisted."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        here = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if here.startswith("admin/"):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from public_url_names(pattern.url_patterns, inner, here)
        else:
            yield f"{namespace}{pattern.name}" if pattern.name else here


def test_every_public_page_is_covered_by_the_visibility_tests():
    uncovered = set(public_url_names()) - set(SURFACES) - set(EXEMPT)
    assert not uncovered, f"add these pages to tests/surfaces.py: {sorted(uncovered)}"


def test_the_url_walker_reaches_pages_inside_nested_namespaced_includes():
    names = set(public_url_names())
    assert {"article", "project", "api-v1:articles", "api-v1:article"} <= names
    assert not any(name.startswith("admin") for name in names)


@pytest.mark.parametrize("surface", SURFACES)
def test_scheduled_article_appears_exactly_at_its_publish_time(client, db, time_machine, surface):
    moment = (timezone.now() + 2 * HOUR).replace(microsecond=0)
    hidden, project = hidden_story_setting(factories, publish_at=moment)
    url = SURFACES[surface](hidden, project)
    time_machine.move_to(moment - SECOND)
    assert not shows(client, url, hidden)
    time_machine.move_to(moment)
    assert shows(client, url, hidden)


@pytest.mark.parametrize("surface", SURFACES)
def test_embargoed_article_is_on_no_surface_until_the_embargo_lifts(
    client, db, time_machine, surface
):
    lifts = (timezone.now() + 3 * HOUR).replace(microsecond=0)
    hidden, project = hidden_story_setting(
        factories, publish_at=timezone.now() - HOUR, embargo_until=lifts
    )
    url = SURFACES[surface](hidden, project)
    assert not shows(client, url, hidden)
    time_machine.move_to(lifts - SECOND)
    assert not shows(client, url, hidden)
    time_machine.move_to(lifts + SECOND)
    assert shows(client, url, hidden)


@pytest.mark.parametrize("surface", SURFACES)
def test_article_leaves_every_surface_at_its_unpublish_time(client, db, time_machine, surface):
    ends = (timezone.now() + HOUR).replace(microsecond=0)
    hidden, project = hidden_story_setting(
        factories, publish_at=timezone.now() - HOUR, unpublish_at=ends
    )
    url = SURFACES[surface](hidden, project)
    assert shows(client, url, hidden)
    time_machine.move_to(ends)
    assert not shows(client, url, hidden)


@pytest.mark.parametrize("status", ["draft", "review", "archived"])
@pytest.mark.parametrize("surface", SURFACES)
def test_unpublished_states_are_on_no_surface(client, db, surface, status):
    hidden, project = hidden_story_setting(factories, status=status)
    assert not shows(client, SURFACES[surface](hidden, project), hidden)


def test_next_visibility_change_names_the_earliest_pending_moment(db):
    from newsroom.models import Article

    now = timezone.now()
    factories.article(publish_at=now + 5 * HOUR)
    factories.article(publish_at=now - HOUR, embargo_until=now + 2 * HOUR)
    factories.article(publish_at=now - HOUR, unpublish_at=now + 3 * HOUR)
    factories.draft(publish_at=now + HOUR)  # a draft's time changes nothing
    assert Article.objects.next_visibility_change() == now + 2 * HOUR


PENDING = {  # each moment the clock knows, and a story that makes it come in `hours`
    "a schedule": lambda now, hours: {"publish_at": now + hours * HOUR},
    "an embargo lifting": lambda now, hours: {
        "publish_at": now - HOUR,
        "embargo_until": now + hours * HOUR,
    },
    "an expiry": lambda now, hours: {
        "publish_at": now - 3 * HOUR,
        "unpublish_at": now + hours * HOUR,
    },
    "a withdrawal notice ending": lambda now, hours: {
        "publish_at": now - 60 * 24 * HOUR,
        "status": "withdrawn",
        "retraction_reason": "Wrong figures.",
        "retracted_at": now - NOTICE + hours * HOUR,
    },
}


@pytest.mark.parametrize("moment", PENDING)
def test_next_visibility_change_finds_each_kind_of_moment_when_it_comes_first(db, moment):
    from newsroom.models import Article

    now = timezone.now()
    for other in PENDING:
        factories.article(**PENDING[other](now, 1 if other == moment else 4))
    factories.article(**PENDING[moment](now, -2))  # already past: changes nothing
    assert Article.objects.next_visibility_change() == now + HOUR


def test_next_visibility_change_is_none_when_nothing_is_pending(db):
    from newsroom.models import Article

    assert Article.objects.next_visibility_change() is None  # no article at all
    factories.article(publish_at=timezone.now() - HOUR)
    assert Article.objects.next_visibility_change() is None


# Where a withdrawn story may still be named, as a notice: its own address (410), its API
# address (410) and the feeds and API lists that carry withdrawal items.
WITHDRAWAL_NOTICES = {"article", "api-v1:article", "feed_rss", "feed_atom"}
WITHDRAWAL_NOTICES |= {"category_rss", "category_atom", "tag_rss", "tag_atom"}
WITHDRAWAL_NOTICES |= {"project_rss", "project_atom"} | {
    name for name in SURFACES if name.startswith("api-v1:articles")
}
STORY_TEXT = {"summary": "Hidden summary words.", "body": "<p>Hidden body words.</p>"}


def page_of(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404, 410), (url, response.status_code)
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("surface", SURFACES)
def test_a_withdrawn_article_is_only_a_notice_on_every_surface(client, db, editor, surface):
    hidden, project = hidden_story_setting(factories, **STORY_TEXT)
    url = SURFACES[surface](hidden, project)
    hidden.withdraw("Wrong figures.", by=editor)
    _, page = page_of(client, url)
    assert "Hidden summary words" not in page and "Hidden body words" not in page
    if surface in WITHDRAWAL_NOTICES:
        if hidden.title in page:
            assert "Wrong figures." in page  # named only with the reason
    else:
        assert hidden.title not in page and hidden.get_absolute_url() not in page


@pytest.mark.parametrize("surface", SURFACES)
def test_a_taken_down_article_is_on_no_surface(client, db, editor, surface):
    hidden, project = hidden_story_setting(factories, **STORY_TEXT)
    url = SURFACES[surface](hidden, project)
    hidden.take_down("Court order 17.", by=editor)
    status, page = page_of(client, url)
    for text in (hidden.title, "Hidden summary words", "Hidden body words", "Court order"):
        assert text not in page
    if surface != "article":  # its own address names itself in the 410's canonical link
        assert hidden.get_absolute_url() not in page and str(hidden.uuid) not in page
    if surface in ("article", "api-v1:article"):
        assert status == 410
