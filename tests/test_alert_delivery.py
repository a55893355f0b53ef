"""When an article becomes public, at once, at its scheduled time or when its embargo lifts,
each matching subscriber gets one email; corrections and withdrawals reach those who got it."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.alerts import services
from newsroom.alerts.models import Delivery, StoryEvent, Subscription
from newsroom.alerts.tasks import fan_out
from newsroom.models import Article
from tests import factories
from tests.admin_forms import form_data
from tests.alerts_support import run_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def subscriber(email, **scope):
    return Subscription.objects.create(email=email, confirmed_at=timezone.now(), **scope)


def publish_in_the_admin(client, article):
    response = client.post(
        "/admin/newsroom/article/", {"action": "publish_now", "_selected_action": [article.pk]}
    )
    assert response.status_code == 302


def test_publishing_mails_each_matching_subscriber_once(staff_client, smtp_server):
    article = factories.draft(title="Wuhu plant opens", summary="30 million a year.", tags=["AUX"])
    tag = article.tags.get()
    subscriber("all@example.com")
    subscriber("many@example.com")
    subscriber("many@example.com", scope="category", category=article.category)
    subscriber("many@example.com", scope="tag", tag=tag)
    subscriber("other@example.com", scope="category", category=factories.category())
    Subscription.objects.create(email="unconfirmed@example.com")
    publish_in_the_admin(staff_client, article)
    run_worker()
    assert sorted(m["To"] for m in smtp_server.messages) == ["all@example.com", "many@example.com"]
    message = smtp_server.to("many@example.com")[0]
    assert message["Subject"] == "Wuhu plant opens"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    link = f"https://news.example.com/en/news/{article.slug}/"
    assert "30 million a year." in text and link in text
    assert f'href="{link}"' in html
    assert (
        message["List-Unsubscribe"]
        .strip()
        .startswith("<https://news.example.com/en/alerts/unsubscribe/")
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert set(Delivery.objects.values_list("status", flat=True)) == {"delivered"}


def test_saving_a_published_article_again_sends_nothing_more(staff_client, smtp_server):
    article = factories.draft()
    subscriber("once@example.com")
    publish_in_the_admin(staff_client, article)
    run_worker()
    url = f"/admin/newsroom/article/{article.pk}/change/"
    data = form_data(staff_client, url)
    assert staff_client.post(url, {**data, "title": "A better headline"}).status_code == 302
    publish_in_the_admin(staff_client, article)
    run_worker()
    assert len(smtp_server.messages) == 1


def test_editing_a_story_that_was_public_before_alerts_existed_sends_nothing(
    staff_client, smtp_server
):
    article = factories.article(title="An old story")
    subscriber("reader@example.com")
    url = f"/admin/newsroom/article/{article.pk}/change/"
    data = form_data(staff_client, url)
    assert staff_client.post(url, {**data, "title": "An old story, retitled"}).status_code == 302
    publish_in_the_admin(staff_client, article)
    run_worker()
    assert smtp_server.messages == []


def test_a_scheduled_story_is_mailed_when_the_clock_passes_its_time(smtp_server):
    start = timezone.now()
    publish_at = start + datetime.timedelta(hours=2)
    article = factories.article(publish_at=publish_at)
    subscriber("early@example.com")
    with time_machine.travel(start, tick=False):
        services.story_event(article, "article.published")
        run_worker()
        assert smtp_server.messages == []
    with time_machine.travel(publish_at - datetime.timedelta(seconds=1), tick=False):
        run_worker()
        assert smtp_server.messages == []
    with time_machine.travel(publish_at + datetime.timedelta(seconds=1), tick=False):
        run_worker()
    assert [m["To"] for m in smtp_server.messages] == ["early@example.com"]


def test_an_embargoed_story_goes_out_when_the_embargo_lifts(smtp_server):
    start = timezone.now()
    lifts = start + datetime.timedelta(hours=5)
    article = factories.article(publish_at=start, embargo_until=lifts)
    subscriber("wait@example.com")
    with time_machine.travel(start, tick=False):
        services.story_event(article, "article.published")
        run_worker()
    assert smtp_server.messages == []
    with time_machine.travel(lifts + datetime.timedelta(seconds=1), tick=False):
        run_worker()
    assert len(smtp_server.messages) == 1


def test_a_story_unpublished_before_its_time_is_not_mailed(smtp_server):
    start = timezone.now()
    article = factories.article(publish_at=start + datetime.timedelta(hours=1))
    subscriber("no@example.com")
    with time_machine.travel(start, tick=False):
        services.story_event(article, "article.published")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    with time_machine.travel(start + datetime.timedelta(hours=2), tick=False):
        run_worker()
    assert smtp_server.messages == []


def test_the_sweep_sends_a_due_story_whose_task_was_lost(smtp_server):
    from django_tasks_db.models import DBTaskResult

    article = factories.article()
    subscriber("lost@example.com")
    services.story_event(article, "article.published")
    # The fan-out's enqueue never reached the queue; the sweep's chain is running.
    DBTaskResult.objects.filter(task_path__endswith=".fan_out").delete()
    run_worker()
    assert [m["To"] for m in smtp_server.messages] == ["lost@example.com"]


def test_a_correction_in_the_admin_notifies_those_who_received_the_story(staff_client, smtp_server):
    article = factories.draft(title="Capacity figure")
    subscriber("got-it@example.com")
    publish_in_the_admin(staff_client, article)
    run_worker()
    subscriber("late@example.com")  # subscribed after the story went out
    url = f"/admin/newsroom/article/{article.pk}/change/"
    data = form_data(staff_client, url)
    data.update(
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-kind": "correction",
            "corrections-0-note": "The plant makes 30 million compressors, not 3 million.",
            "corrections-0-noted_at_0": timezone.localdate().isoformat(),
            "corrections-0-noted_at_1": "10:00:00",
        }
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content[-3000:]
    run_worker()
    corrected = [m for m in smtp_server.messages if m["Subject"].startswith("Correction")]
    assert [m["To"] for m in corrected] == ["got-it@example.com"]
    assert "not 3 million" in corrected[0].get_body(("plain",)).get_content()


def test_a_withdrawal_and_a_take_down_reach_those_who_received_the_story(smtp_server):
    article = factories.article(title="Withdrawn story")
    subscriber("reader@example.com")
    services.story_event(article, "article.published")
    run_worker()
    services.story_event(article, "article.withdrawn")
    services.story_event(article, "article.taken_down")
    run_worker()
    subjects = sorted(m["Subject"] for m in smtp_server.to("reader@example.com"))
    assert subjects == [
        "Taken down: Withdrawn story",
        "Withdrawn story",
        "Withdrawn: Withdrawn story",
    ]


def test_withdrawing_in_the_admin_tells_those_who_received_the_story(staff_client, smtp_server):
    article = factories.draft(title="Capacity report")
    subscriber("reader@example.com")
    publish_in_the_admin(staff_client, article)
    run_worker()
    response = staff_client.post(
        "/admin/newsroom/article/",
        {
            "action": "withdraw",
            "_selected_action": [article.pk],
            "reason": "The capacity figure was wrong.",
        },
    )
    assert response.status_code == 302
    run_worker()
    subjects = sorted(m["Subject"] for m in smtp_server.to("reader@example.com"))
    assert subjects == ["Capacity report", "Withdrawn: Capacity report"]


def test_the_fan_out_adds_one_query_per_recipient_only_to_enqueue_its_send():
    counts = []
    for many in (3, 30):
        article = factories.article()
        for n in range(many):
            subscriber(f"r{many}-{n}@example.com", scope="category", category=article.category)
        row = StoryEvent.objects.create(article=article, event="article.published")
        with CaptureQueriesContext(connection) as queries:
            assert fan_out.call(row.pk) == many
        counts.append(len(queries))
    # Reading the event, checking it is public, claiming it, one bulk INSERT of deliveries,
    # listing them: constant. Each send is one INSERT into the queue's table.
    assert counts[1] - counts[0] == 27
