"""Run inside `manage.py shell` by tests/test_task_worker.py, against the database the
worker processes use (a SQLite file, or the PostgreSQL test database)."""

import json

from django.utils import timezone

from newsroom.alerts import services
from newsroom.alerts.models import Delivery, Subscription
from newsroom.models import Article, Category

READERS = ["first@example.com", "held@example.com", "third@example.com"]


def prepare():
    category = Category.objects.create(name="Worker news", slug="worker-news")
    article = Article.objects.create(
        title="Killed worker story",
        slug="killed-worker-story",
        category=category,
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now(),
    )
    for address in READERS:
        Subscription.objects.create(email=address, confirmed_at=timezone.now())
    services.story_event(article, "article.published")


def report():
    rows = Delivery.objects.order_by("recipient").values("recipient", "status", "attempts")
    print("REPORT", json.dumps(list(rows)))
