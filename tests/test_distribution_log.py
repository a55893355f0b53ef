"""The distribution log: who received each story, by which channel, when, delivered or
failed and why; visible from the article's admin, exportable as formula-safe CSV."""

import csv
import io

import pytest
from django.utils import timezone

from newsroom.alerts.models import Delivery, StoryEvent, Webhook
from tests import factories


def log_of(article, rows):
    story_event, _ = StoryEvent.objects.get_or_create(article=article, event="article.published")
    hook, _ = Webhook.objects.get_or_create(name="Wire", url="https://93.184.215.14/h")
    made = []
    for n, (channel, recipient, status, error) in enumerate(rows):
        made.append(
            Delivery.objects.create(
                story_event=story_event,
                channel=channel,
                recipient=recipient,
                webhook=hook if channel == "webhook" else None,
                status=status,
                error=error,
                attempts=1 + n % 2,
                delivered_at=timezone.now() if status == "delivered" else None,
            )
        )
    return made


@pytest.fixture
def logged(db):
    article = factories.article(title="Wuhu plant opens")
    log_of(
        article,
        [
            ("email", "reader@example.com", "delivered", ""),
            ("email", "=HYPERLINK(1)@example.com", "failed", "SMTPRecipientsRefused: 550"),
            ("webhook", "https://93.184.215.14/h", "failed", "-HTTP Error 500"),
        ],
    )
    return article


def test_the_article_admin_links_to_its_distribution_log(staff_client, logged):
    page = staff_client.get(f"/admin/newsroom/article/{logged.pk}/change/").content.decode()
    assert f"/admin/alerts/delivery/?article={logged.pk}" in page
    log = staff_client.get(f"/admin/alerts/delivery/?article={logged.pk}").content.decode()
    assert "reader@example.com" in log and "SMTPRecipientsRefused: 550" in log
    assert "unknown" in log, "opens are not tracked for email"
    other = factories.article()
    log_of(other, [("email", "someone-else@example.com", "delivered", "")])
    assert (
        "someone-else"
        not in staff_client.get(f"/admin/alerts/delivery/?article={logged.pk}").content.decode()
    )


def test_the_log_exports_as_csv_with_no_formula_a_spreadsheet_would_run(staff_client, logged):
    ids = list(Delivery.objects.values_list("pk", flat=True))
    response = staff_client.post(
        "/admin/alerts/delivery/", {"action": "export_csv", "_selected_action": ids}
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["story", "event", "channel", "recipient", "status"]
    assert len(rows) == 4
    cells = [c for row in rows[1:] for c in row]
    assert "'=HYPERLINK(1)@example.com" in cells
    assert "'-HTTP Error 500" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert {row[2] for row in rows[1:]} == {"email", "webhook"}


def test_the_log_runs_the_same_queries_for_three_or_thirty_rows(
    staff_client, logged, django_assert_num_queries
):
    url = f"/admin/alerts/delivery/?article={logged.pk}"
    staff_client.get(url)
    # session, user, the filter's story, the count, the rows with their events and
    # subjects, the date hierarchy's range and its days
    with django_assert_num_queries(7) as three:
        staff_client.get(url)
    log_of(logged, [("email", f"r{n}@example.com", "delivered", "") for n in range(27)])
    with django_assert_num_queries(len(three)):
        assert staff_client.get(url).status_code == 200


def test_a_writer_cannot_read_or_change_the_log(writer_client, logged):
    assert writer_client.get("/admin/alerts/delivery/").status_code == 403
    assert writer_client.get("/admin/alerts/webhook/").status_code == 403
    assert writer_client.get("/admin/alerts/subscription/").status_code == 403


def test_an_editor_reads_the_log_and_manages_webhooks(editor_client, logged):
    assert editor_client.get("/admin/alerts/delivery/").status_code == 200
    assert editor_client.get("/admin/alerts/webhook/add/").status_code == 200
    assert editor_client.get("/admin/alerts/delivery/add/").status_code == 403


def test_a_delivery_marked_delivered_needs_its_time(db):
    article = factories.article()
    (row,) = log_of(article, [("email", "a@example.com", "pending", "")])
    row.status = "delivered"
    with pytest.raises(Exception, match="delivered"):
        row.full_clean()
