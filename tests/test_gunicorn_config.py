"""gunicorn started as the README deploys it (`-c python:newsroom.gunicorn`) listens on the
loopback interface only, refuses oversized requests itself, and frees a worker that a slow
client holds within its timeout. Real gunicorn processes; nothing is mocked.

Slow clients are the buffering proxy's to absorb (README, "Deploying"): a sync worker reads
one request at a time, so no gunicorn setting can stop a slow client holding a worker; what
the configuration bounds is for how long.
"""

import contextlib
import http.client
import secrets
import socket
import threading
import time
import urllib.parse

import pytest
from django.urls import reverse

from tests.servers import Server, environment, manage


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    database = tmp_path_factory.mktemp("gunicorn") / "db.sqlite3"
    settings = environment(
        DATABASE_URL=f"sqlite:///{database}", SECRET_KEY=secrets.token_urlsafe(40)
    )
    manage("migrate", "--noinput", env=settings)
    return settings


@contextlib.contextmanager
def gunicorn(env, workers=1, **settings):
    server = Server({**env, **settings}, workers=workers, config=True)
    try:
        yield server.wait()
    finally:
        server.stop()


def listening_addresses(port):
    """The local addresses of the sockets listening on `port`, from the kernel's tables."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(FileNotFoundError), open(table) as lines:
            for line in list(lines)[1:]:
                local, state = line.split()[1], line.split()[3]
                address, _, hex_port = local.partition(":")
                if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.append(address)
    return found


def test_it_listens_on_the_loopback_interface_only(env):
    with gunicorn(env) as server:
        # 0100007F is 127.0.0.1 as the kernel writes it; 0.0.0.0 would be 00000000.
        assert listening_addresses(server.port) == ["0100007F"]


def status_of(port, headers, timeout=10):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/robots.txt", headers={"Host": "127.0.0.1", **headers})
        return connection.getresponse().status
    finally:
        connection.close()


def test_requests_with_too_many_header_fields_are_refused_by_gunicorn(env):
    with gunicorn(env) as server:
        assert status_of(server.port, {f"X-Field-{n}": "x" for n in range(90)}) == 200
        assert status_of(server.port, {f"X-Field-{n}": "x" for n in range(101)}) == 431


def test_a_two_thousand_character_chinese_search_reaches_the_page_not_a_414(env):
    query = urllib.parse.quote("压缩机" * 667)  # 2,001 characters, about 18 KB encoded
    with gunicorn(env) as server:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            path = f"{reverse('search')}?q={query}"
            connection.request("GET", path, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            page = response.read().decode()
        finally:
            connection.close()
    assert response.status == 200
    assert "at most 200 characters" in page


def slow_client(port, stop):
    """A client that sends its request headers one byte a second and never finishes."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 1000:
            if stop.is_set():
                return
            try:
                sock.send(bytes([byte]))
            except OSError:
                return  # the worker holding it was replaced
            stop.wait(1)


def test_four_slow_clients_hold_two_workers_no_longer_than_the_timeout(env):
    with gunicorn(env, workers=2, GUNICORN_TIMEOUT="3", LOG_LEVEL="CRITICAL") as server:
        stop = threading.Event()
        clients = [
            threading.Thread(target=slow_client, args=(server.port, stop), daemon=True)
            for _ in range(4)
        ]
        for client in clients:
            client.start()
        time.sleep(0.5)  # the slow clients are in first
        started = time.monotonic()
        try:
            assert status_of(server.port, {}, timeout=60) == 200
        finally:
            stop.set()
        # Two rounds of two slow clients, each freed after 3 s and a new worker's start (15 s
        # in all on a busy machine), then the visitor's turn; gunicorn's default 30 s timeout
        # would keep it waiting over a minute.
        waited = time.monotonic() - started
        assert waited < 30, f"the visitor waited {waited:.1f} s"
