"""The page cache is never stale, not for a moment after a commit: two app servers share
the database and the cache while anonymous visitors hammer an article, the news list and
the feed, and an editor publishes and unpublishes the article 50 times through the admin.

Every response is checked against the commits around it: a request that started after a
publish or unpublish had returned must show it (or a later change that began while the
request ran). Only requests that started while the editor's request was still running
(so possibly before its commit) may show either state.
"""

import secrets
import threading
import time

import pytest

from tests.servers import Browser, Server, environment, manage

SETUP = """
from django.contrib.auth import get_user_model
from newsroom.models import Article, Category
get_user_model().objects.create_superuser("chief", "chief@example.com", "{password}")
news = Category.objects.create(name="Race", slug="race")
story = Article.objects.create(title="{title}", slug="{slug}", category=news, status="draft")
print(story.pk)
"""
SLUG = "the-racing-story"
TITLE = "The racing story"
ROUNDS = 50
VISITORS = 4
PATHS = (f"/en/news/{SLUG}/", "/en/news/", "/en/news/feed.rss")


@pytest.fixture
def servers(shared_stores):
    env = environment(
        **shared_stores, SECRET_KEY=secrets.token_urlsafe(40), PAGE_CACHE_SECONDS="300"
    )
    password = secrets.token_urlsafe(12)
    setup = SETUP.format(password=password, slug=SLUG, title=TITLE)
    pk = manage("shell", "-c", setup, env=env).split()[-1]
    running = [Server(env, workers=2), Server(env, workers=2)]
    try:
        yield [server.wait() for server in running], pk, password
    finally:
        for server in running:
            server.stop()


def shows_story(path, status, body):
    if path == PATHS[0]:
        return status == 200
    assert status == 200, (path, status)
    return TITLE in body


def visit(ports, stop, seen):
    n = 0
    while not stop.is_set():
        path, port = PATHS[n % len(PATHS)], ports[n % len(ports)]
        started = time.monotonic()
        status, body = Browser(port).get(path)
        seen.append((started, time.monotonic(), path, shows_story(path, status, body)))
        n += 1


def stale(seen, changes):
    """The responses older than a change that had returned before they were asked for."""
    wrong = []
    for started, ended, path, shown in seen:
        done = [c for c in changes if c[1] < started]
        allowed = {done[-1][2] if done else False}
        allowed |= {c[2] for c in changes if c[1] >= started and c[0] < ended}
        if shown not in allowed:
            wrong.append((path, shown, round(started - (done[-1][1] if done else 0), 3)))
    return wrong


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_visitor_sees_a_page_older_than_the_last_commit(servers):
    (a, b), pk, password = servers
    editor = Browser(a.port).log_in("chief", password)
    stop, seen, changes = threading.Event(), [], []
    visitors = [
        threading.Thread(target=visit, args=([a.port, b.port], stop, seen)) for _ in range(VISITORS)
    ]
    for visitor in visitors:
        visitor.start()
    try:
        for n in range(ROUNDS):
            publish = n % 2 == 0
            action = {"action": "publish_now" if publish else "unpublish"}
            began = time.monotonic()
            status, _ = editor.post(
                "/admin/newsroom/article/", {**action, "_selected_action": pk, "index": 0}
            )
            changes.append((began, time.monotonic(), publish))
            assert status == 302
            time.sleep(0.05)  # let the visitors see this state for a moment
    finally:
        stop.set()
        for visitor in visitors:
            visitor.join()
    assert len(seen) > ROUNDS * len(PATHS)
    assert stale(seen, changes) == []
