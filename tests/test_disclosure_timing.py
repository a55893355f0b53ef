"""A price-sensitive story goes live only after its exchange filing is recorded, and never
inside a quiet window; the refusal says which rule and until when."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from newsroom.core.env import env_windows
from newsroom.models import Article
from tests import factories
from tests.admin_forms import form_data

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOUR = datetime.timedelta(hours=1)


def at(hour, minute=0, day=2):
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def trading_hours(settings):
    settings.DISCLOSURE_QUIET_WINDOWS = (
        ("daily", datetime.time(9, 30), datetime.time(11, 30)),
        ("daily", datetime.time(22, 0), datetime.time(6, 0)),
        ("once", at(0, day=24), at(0, day=27)),
    )


def sensitive(**fields):
    return factories.draft(price_sensitive=True, **fields)


def refusal_for(article):
    article.status = Article.Status.PUBLISHED
    with pytest.raises(ValidationError) as refused:
        article.full_clean()
    return " ".join(refused.value.messages)


def test_a_price_sensitive_story_needs_its_filing_time_recorded(db):
    assert "record the exchange filing time" in refusal_for(sensitive())


def test_it_may_not_go_live_before_the_filing(db):
    story = sensitive(publish_at=at(14), exchange_filed_at=at(15))
    message = refusal_for(story)
    assert "before its exchange filing" in message and "15:00" in message


def test_it_may_go_live_at_or_after_the_filing(db):
    story = sensitive(publish_at=at(15), exchange_filed_at=at(15))
    story.status = Article.Status.PUBLISHED
    story.full_clean()
    story.save()
    assert story.status == "published"


def test_the_database_refuses_publishing_before_the_filing(db):
    story = sensitive(publish_at=at(14))
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=story.pk).update(status="published")


@pytest.mark.parametrize(
    ("goes_live", "until"),
    [(at(10), "11:30"), (at(23), "06:00"), (at(3), "06:00"), (at(12, day=25), "27")],
)
def test_it_may_not_go_live_inside_a_quiet_window(db, trading_hours, goes_live, until):
    story = sensitive(publish_at=goes_live, exchange_filed_at=goes_live - HOUR)
    message = refusal_for(story)
    assert "quiet" in message and until in message


def test_outside_the_quiet_windows_it_may_go_live(db, trading_hours):
    story = sensitive(publish_at=at(12), exchange_filed_at=at(8))
    story.status = Article.Status.PUBLISHED
    story.full_clean()


def test_other_stories_ignore_the_quiet_windows(db, trading_hours):
    story = factories.draft(publish_at=at(10))
    story.status = Article.Status.PUBLISHED
    story.full_clean()


def test_editing_a_live_story_inside_a_quiet_window_is_allowed(db, trading_hours, time_machine):
    story = factories.article(price_sensitive=True, publish_at=at(12), exchange_filed_at=at(8))
    time_machine.move_to(at(10, day=3))
    story = Article.objects.get(pk=story.pk)
    story.summary = "Clarified."
    story.full_clean()


def test_publish_now_refuses_inside_a_quiet_window(editor_client, db, trading_hours, time_machine):
    time_machine.move_to(at(10))
    story = sensitive(exchange_filed_at=at(8))
    response = editor_client.post(
        "/admin/newsroom/article/",
        {"action": "publish_now", "_selected_action": [story.pk]},
        follow=True,
    )
    story.refresh_from_db()
    assert story.status == "draft"
    assert "quiet window 09:30–11:30" in response.content.decode()


def test_publish_now_refuses_without_a_filing_time(editor_client, db):
    story = sensitive()
    response = editor_client.post(
        "/admin/newsroom/article/",
        {"action": "publish_now", "_selected_action": [story.pk]},
        follow=True,
    )
    story.refresh_from_db()
    assert story.status == "draft" and "exchange filing" in response.content.decode()


def test_the_admin_form_shows_the_rule_and_refuses_a_schedule_inside_a_window(
    editor_client, db, trading_hours
):
    story = sensitive(exchange_filed_at=at(8, day=20))
    change = f"/admin/newsroom/article/{story.pk}/change/"
    assert "Disclosure (listed companies)" in editor_client.get(change).content.decode()
    data = form_data(editor_client, change) | {
        "status": "published",
        "publish_at_0": "2026-12-21",
        "publish_at_1": "10:00:00",
    }
    response = editor_client.post(change, data)
    assert response.status_code == 200
    assert "quiet window" in response.content.decode()
    story.refresh_from_db()
    assert story.status == "draft"


def test_quiet_windows_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("QUIET", "09:30-11:30, 2026-12-24T00:00+08:00/2026-12-27T00:00+08:00")
    daily, once = env_windows("QUIET")
    assert daily == ("daily", datetime.time(9, 30), datetime.time(11, 30))
    assert once[0] == "once" and once[2] - once[1] == datetime.timedelta(days=3)


@pytest.mark.parametrize("bad", ["9-5", "11:30-11:30", "2026-12-27/2026-12-24", "lunch"])
def test_a_malformed_quiet_window_stops_start_up(monkeypatch, bad):
    monkeypatch.setenv("QUIET", bad)
    with pytest.raises(ImproperlyConfigured, match="QUIET"):
        env_windows("QUIET")


def test_no_quiet_windows_by_default(settings):
    assert isinstance(settings.DISCLOSURE_QUIET_WINDOWS, tuple)
    assert timezone.get_current_timezone_name() == "Asia/Shanghai"
