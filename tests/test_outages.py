"""When the database or the cache is down, the site degrades instead of breaking.

Nothing is mocked: a real gunicorn serves the app with a database address where nothing
listens, or through a TCP relay that the test cuts and restores like an outage; the cache
points at a Redis port where nothing listens.
"""

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection, connections

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    """A port where nothing listens (the kernel's pick, released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(**environment):
    """The app as production runs it, with production settings but the given environment."""
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "outage-test-secret-" + "s" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "CRITICAL",
        **environment,
    }
    # No read replica: the outage under test is the only database there is.
    env["DATABASE_REPLICA_URL"] = env.get("DATABASE_URL", "")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "critical",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()


def fetch(url):
    """(status, headers, body) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


class Relay:
    """A TCP relay to the database that can be cut (listener and open connections closed)
    and restored on the same port: the database going away and coming back."""

    def __init__(self, target):
        self.target, self.port, self.sockets = target, free_port(), []

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        for sock in [self.listener, *self.sockets]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def assert_unavailable(status, headers, body):
    assert status == 503
    assert int(headers["Retry-After"]) > 0
    assert "Temporarily unavailable" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert "no-cache" in headers["Cache-Control"]


def test_pages_answer_503_with_retry_after_while_the_database_is_unreachable():
    closed = f"postgres://postgres@127.0.0.1:{free_port()}/newsroom"
    with gunicorn(DATABASE_URL=closed) as site:
        for address in ("/en/", "/en/news/", "/en/projects/"):
            assert_unavailable(*fetch(site + address))
        # The 503 page's stylesheet is served without the database.
        *_, body = fetch(site + "/en/")
        stylesheet = body.split('rel="stylesheet" href="')[1].split('"')[0]
        assert fetch(site + stylesheet)[0] == 200


def test_the_api_and_the_health_check_answer_json_while_the_database_is_unreachable():
    closed = f"postgres://postgres@127.0.0.1:{free_port()}/newsroom"
    with gunicorn(DATABASE_URL=closed) as site:
        for address in ("/api/v1/articles", "/api/v1/projects/aux-compressor-wuhu"):
            status, headers, body = fetch(site + address)
            assert status == 503 and int(headers["Retry-After"]) > 0
            assert headers["Content-Type"].startswith("application/json")
            assert json.loads(body)["detail"].startswith("The service is unavailable")
        status, headers, body = fetch(site + "/health/")
        assert status == 503 and "no-cache" in headers["Cache-Control"]
        assert json.loads(body)["status"] == "down"
        assert json.loads(body)["databases"]["default"] == "down"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a database server to take away; runs in the PostgreSQL pass of .ci/run",
)
def test_the_site_recovers_when_the_database_returns_without_a_restart(db):
    database = connection.settings_dict
    relay = Relay((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
    relay.start()
    address = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@127.0.0.1:{relay.port}/"
        f"{database['NAME']}"
    )
    try:
        # Persistent connections (CONN_MAX_AGE) with health checks, as in production.
        with gunicorn(DATABASE_URL=address, CONN_MAX_AGE="600") as site:
            assert fetch(site + "/en/news/")[0] == 200
            relay.stop()
            assert_unavailable(*fetch(site + "/en/news/"))
            relay.start()
            assert fetch(site + "/en/news/")[0] == 200
    finally:
        relay.stop()


@pytest.fixture
def unreachable_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.core.resilient_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    return caches["default"]


def test_pages_are_served_uncached_while_redis_is_unreachable(client, demo, unreachable_redis):
    for address in ("/en/", "/en/news/", "/en/projects/", "/en/news/tag/wuhu/"):
        assert client.get(address).status_code == 200


def test_the_cache_misses_and_drops_writes_while_redis_is_unreachable(unreachable_redis):
    cache = unreachable_redis
    cache.set("page", "<html>")
    assert cache.get("page", "missed") == "missed"
    assert cache.get_many(["page"]) == {}
    assert cache.add("page", "<html>") is False
    # After the first failure Redis is left alone for a while: no timeout per call.
    started = time.monotonic()
    for _ in range(100):
        cache.get("page")
    assert time.monotonic() - started < 0.5


@pytest.mark.django_db(databases=["default", "replica"])
def test_the_health_check_reports_every_store(client):
    response = client.get("/health/")
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert response.json() == {
        "status": "ok",
        "databases": dict.fromkeys(connections, "ok"),
        "cache": "ok",
    }


@pytest.mark.django_db(databases=["default", "replica"])
def test_a_cache_outage_is_reported_but_the_site_stays_healthy(client, unreachable_redis):
    response = client.get("/health/")
    assert response.status_code == 200 and response.json()["cache"] == "down"
