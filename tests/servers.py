"""App server processes for tests that need real ones, and a small HTTP client for them."""

import contextlib
import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
# Variables of the test run that must not leak into a server's configuration.
OWN = {"DATABASE_URL", "DATABASE_REPLICA_URL", "REDIS_URL", "CACHE_DIR", "CACHE_KEY_PREFIX"}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(**settings):
    """The process environment of a production-like server configured by `settings`."""
    inherited = {k: v for k, v in os.environ.items() if k not in OWN}
    production = {"DEBUG": "false", "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "false"}
    return {**inherited, **production, **settings}


def manage(*args, env):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


class Server:
    """gunicorn serving the site on a free port of the loopback interface."""

    def __init__(self, env, workers=1, app="newsroom.wsgi", config=False):
        """With `config`, gunicorn runs as the README deploys it, from newsroom/gunicorn.py,
        told only the port and the number of workers."""
        self.port = free_port()
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop())
        if config:
            options = ["-c", "python:newsroom.gunicorn"]
            env = {**env, "PORT": str(self.port), "WEB_CONCURRENCY": str(workers)}
        else:
            options = ["--workers", str(workers), "--bind", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", app, *options],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait(self, timeout=30, path="/robots.txt"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"The server on port {self.port} stopped:\n{self.output()}")
            with contextlib.suppress(OSError):
                if Browser(self.port).get(path)[0] == 200:
                    return self
            time.sleep(0.2)
        raise AssertionError(f"The server on port {self.port} did not answer:\n{self.output()}")

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-4000:]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Browser:
    """A visitor reaching `port` through the HTTPS load balancer: it keeps its cookies (also
    for another server, as a load balancer without sticky sessions would send it) and the
    proxy's X-Forwarded-Proto header marks its requests as HTTPS. With `https` off it is a
    client speaking plain HTTP; `headers` go with every request."""

    def __init__(self, port, cookies=None, https=True, headers=None):
        self.port = port
        self.cookies = cookies if cookies is not None else {}
        self.https = https
        self.headers = headers if headers is not None else {}

    @property
    def origin(self):
        return f"{'https' if self.https else 'http'}://127.0.0.1:{self.port}"

    def request(self, method, path, form=None):
        headers = {"Host": f"127.0.0.1:{self.port}", **self.headers}
        if self.https:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return response.status, text

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, form):
        """POST `form` with the CSRF token of the page at `path`."""
        status, page = self.get(path)
        assert status == 200, (path, status)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.request("POST", path, {**form, "csrfmiddlewaretoken": token})

    def log_in(self, username, password):
        status, _ = self.post("/admin/login/", {"username": username, "password": password})
        assert status == 302, f"logging in to the admin on port {self.port} failed ({status})"
        return self


def postgresql_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def redis_url():
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis is not reachable at {url} ({error}); two servers need a shared cache.")
    return url


def shared_stores(tmp_path):
    """The settings that point both servers at the same database and cache."""
    if connection.vendor == "postgresql":
        return {
            "DATABASE_URL": postgresql_url(),
            "REDIS_URL": redis_url(),
            "CACHE_KEY_PREFIX": f"two-servers-{secrets.token_hex(4)}",
        }
    stores = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    manage("migrate", "--noinput", env=environment(**stores))
    return stores
