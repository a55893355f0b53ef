"""Two app servers behind one load balancer share only the database and the cache: what an
editor publishes through one, visitors see through the other on their next request, and a
login on one is valid on the other (no sticky sessions).

It runs in both passes, never skipped, with stores both servers can share:
- PostgreSQL pass: the test database and Redis (REDIS_URL, or redis://127.0.0.1:6379/0),
  under a key prefix of its own. An unreachable Redis fails the test: a deployment of
  several servers needs it.
- SQLite pass: a fresh SQLite file (an in-memory test database cannot be shared between
  processes) and a cache directory (CACHE_DIR), the one cache processes on one machine
  can share without Redis.
Each server warms its cache on the page before the publish, so that with the page cache
this also shows the invalidation crossing servers.
"""

import secrets
import subprocess
import sys

import pytest

from tests.servers import ROOT, Browser, Server, environment, manage

SETUP = """
from django.contrib.auth import get_user_model
from newsroom.models import Article, Category
get_user_model().objects.create_superuser("chief", "chief@example.com", "{password}")
news = Category.objects.create(name="Two servers", slug="two-servers")
story = Article.objects.create(title="Published through server A", slug="{slug}",
                               category=news, status="draft")
print(story.pk)
"""
SLUG = "published-through-server-a"


@pytest.fixture
def two_servers(shared_stores):
    # With a page cache on (where the branch has one), its invalidation must cross servers.
    env = environment(
        **shared_stores, SECRET_KEY=secrets.token_urlsafe(40), PAGE_CACHE_SECONDS="300"
    )
    password = secrets.token_urlsafe(12)
    pk = manage("shell", "-c", SETUP.format(password=password, slug=SLUG), env=env).split()[-1]
    servers = [Server(env), Server(env)]
    try:
        yield [server.wait() for server in servers], pk, password
    finally:
        for server in servers:
            server.stop()


def shows_story(browser):
    status, news = browser.get("/en/news/")
    assert status == 200
    return "Published through server A" in news, browser.get(f"/en/news/{SLUG}/")[0]


# Transactional: the servers see only committed rows; they are flushed afterwards, and what the
# migrations made (the roles) is put back.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_through_one_server_is_visible_through_the_other(two_servers):
    (a, b), pk, password = two_servers
    visitor_a, visitor_b = Browser(a.port), Browser(b.port)
    assert shows_story(visitor_a) == shows_story(visitor_b) == (False, 404)

    editor = Browser(a.port).log_in("chief", password)
    status, _ = editor.post(
        "/admin/newsroom/article/", {"action": "publish_now", "_selected_action": pk, "index": 0}
    )
    assert status == 302
    assert shows_story(visitor_b) == (True, 200)

    # The session made on A is valid on B, so the editor may use either server.
    on_b = Browser(b.port, cookies=editor.cookies)
    status, _ = on_b.post(
        "/admin/newsroom/article/", {"action": "unpublish", "_selected_action": pk, "index": 0}
    )
    assert status == 302
    assert shows_story(visitor_a) == (False, 404)


def test_nothing_is_kept_in_one_servers_memory_or_disk(settings):
    """Sessions in the database, messages in cookies, hashed static files served by each
    server from its own copy, media through the storage API (object storage at scale)."""
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert settings.MESSAGE_STORAGE == "django.contrib.messages.storage.fallback.FallbackStorage"
    static = settings.STORAGES["staticfiles"]["BACKEND"]
    assert static == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert "default" in settings.STORAGES


@pytest.mark.parametrize(
    ("variables", "backend"),
    [
        (
            {"CACHE_DIR": "/tmp/newsroom-cache"},
            "django.core.cache.backends.filebased.FileBasedCache",
        ),
        (
            {"CACHE_DIR": "/tmp/x", "REDIS_URL": "redis://cache:6379/0"},
            "newsroom.core.resilient_cache.ResilientRedisCache",
        ),
        ({}, "django.core.cache.backends.locmem.LocMemCache"),
    ],
)
def test_processes_share_a_cache_through_redis_or_a_directory(variables, backend):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "c = settings.CACHES['default']; print(c['BACKEND'], c['KEY_PREFIX'])"
    )
    env = environment(
        **variables,
        CACHE_KEY_PREFIX="site-a",
        SECRET_KEY="x" * 50,
        DJANGO_SETTINGS_MODULE="newsroom.settings",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [backend, "site-a"]
