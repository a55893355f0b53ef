"""Real-browser tests: Playwright drives Debian's Chromium against Django's live server.

The live server runs the app as production does (DEBUG off, WhiteNoise serving the collected
static files, the Content-Security-Policy on). A test fails on any CSP violation, uncaught
script error or failed asset load, and a failing test leaves a screenshot and the page's
HTML in test-artifacts/.
"""

import os
import re
import threading
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.browser import content

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
PASSWORD = "a-browser-test-password"

expect.set_options(timeout=10_000)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
        if "live_server" in getattr(item, "fixturenames", ()):
            # The live server needs committed data, so each test's data is flushed after it;
            # a serialized rollback restores what the migrations made (the roles) each time.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="package")  # gone, with its event loop, before the other tests run
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No Chromium at {CHROMIUM}; `make test` installs Debian's package.")
    # Playwright's sync API runs an event loop in this thread. Django then takes the tests'
    # (synchronous) database calls for async code, and asgiref gives this thread a second,
    # empty set of database connections. Keep the ones the test database was set up with.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    wrappers = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, wrapper in wrappers.items():
            connections[alias] = wrapper
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def _as_in_production(application):
    """The live server's application, leaving /static/ to WhiteNoise, which serves the
    collected, hashed files as in production (pytest-django's default handler serves the
    source files, which the manifest's hashed names do not match)."""
    return application


class _OneRequestAtATime:
    """The live server's application, one request at a time. With an in-memory SQLite
    database every request thread shares one connection, which cannot be used concurrently:
    two overlapping requests (autocomplete while typing) fail with "table is locked"."""

    def __init__(self, application):
        self.application, self.lock = application, threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.application(environ, start_response)
            try:
                body = b"".join(response)
            finally:
                response.close()
        return [body]


@pytest.fixture(scope="session")
def live_server():
    server = LiveServer("127.0.0.1", start=False)
    shared_connection = bool(server.thread.connections_override)
    server.thread.static_handler = _OneRequestAtATime if shared_connection else _as_in_production
    server.start()
    yield server
    server.stop()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def site(db, media_root):
    """The demo plus enough to page through, filter and tag (see content.py)."""
    return content.build()


def open_page(browser, live_server, request, viewport=DESKTOP, reduced_motion="no-preference"):
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, reduced_motion=reduced_motion
    )
    page = context.new_page()
    page.problems = []

    def on_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            page.problems.append(f"CSP violation on {page.url}: {message.text}")

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            page.problems.append(f"{response.status} for {response.url} on {page.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.problems.append(f"Script error on {page.url}: {error}"))
    page.on("response", on_response)
    tabs = request.node.__dict__.setdefault("browser_tabs", [])
    tabs.append(page)
    suffix = f"-tab{len(tabs)}" if len(tabs) > 1 else ""
    request.addfinalizer(lambda: _finish(page, request, suffix))
    return page


def _finish(page, request, suffix):
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid.split("::", 1)[1]) + suffix
        try:
            page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
            (ARTIFACTS / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except PlaywrightError as error:
            print(f"Could not save the page of {name}: {error}")
    problems = page.problems
    page.context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture
def page(browser, live_server, request):
    """A fresh browser tab (no cookies), desktop-sized."""
    return open_page(browser, live_server, request)


@pytest.fixture
def new_page(browser, live_server, request):
    """Opens further fresh tabs, e.g. a visitor's beside a signed-in editor's."""
    return lambda **options: open_page(browser, live_server, request, **options)


def log_in(page, username, password=PASSWORD):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


@pytest.fixture
def editor(db, django_user_model):
    return content.member(django_user_model, "eddie", "Editor", PASSWORD)


@pytest.fixture
def writer(db, django_user_model):
    return content.member(django_user_model, "wanda", "Writer", PASSWORD)
