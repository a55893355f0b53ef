"""Another site may show our press photos and social cards and frame our fact cards, and
nothing else: a page on a second origin (http://localhost:PORT, another site than the live
server's http://127.0.0.1:PORT) hotlinks media, a static file, the fact card and the fact
sheet, and Chromium shows exactly the media and the card. The card passes the Nu checker
and axe."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import clear_url_caches
from playwright.sync_api import expect
from pytest_django.live_server_helper import LiveServer

from newsroom import urls
from newsroom.demo.loader import PROJECT_SLUG
from newsroom.models import Image
from tests.browser.test_pages_are_accessible import axe_violations, describe
from tests.browser.test_pages_are_valid_html import describe as nu_describe
from tests.browser.test_pages_are_valid_html import nu_check

EMBED_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "embed.css"
CARD = f"/en/projects/{PROJECT_SLUG}/embed/"


@pytest.fixture
def media_server(live_server):
    """A second live server of the site whose /media/ is served by Django through every
    middleware, as with SERVE_MEDIA=true. (The test live server's own media handler serves
    files bare, bypassing the app and its headers.)"""
    urls.urlpatterns += urls.MEDIA_PATTERNS
    clear_url_caches()
    server = LiveServer("127.0.0.1", start=False)
    server.thread.static_handler = lambda media_handler: media_handler.application
    server.start()
    yield server.url
    server.stop()
    del urls.urlpatterns[-len(urls.MEDIA_PATTERNS) :]
    clear_url_caches()


@pytest.fixture
def other_site():
    """A second origin serving one page, whose HTML the test sets; yields (set_page, url)."""
    page = {"html": b""}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page["html"])

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield (lambda html: page.update(html=html.encode())), f"http://localhost:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def demo_site(db, media_root):
    call_command("load_demo", verbosity=0)
    return Image.objects.get()


def test_another_site_shows_our_press_photos_and_card_but_not_our_pages(
    browser, live_server, media_server, other_site, demo_site
):
    set_page, other_url = other_site
    image = demo_site
    # The picture is the demo's, the press photo of its story and project.
    media = {
        "original": image.file.url,
        "avif": image.rendition_urls("full", "avif")[0][0],
        "webp": image.rendition_urls("full", "webp")[0][0],
        "jpeg": image.rendition_urls("full", "jpg")[0][0],
        "social card": image.social_card_url,
    }
    ours = live_server.url
    set_page(
        '<!DOCTYPE html><html lang="en"><title>Another site</title>'
        + "".join(
            f'<img data-name="{n}" src="{media_server}{url}" alt="">' for n, url in media.items()
        )
        + f'<img id="static" src="{ours}/static/img/logo.png" alt="">'
        + f'<iframe id="card" src="{ours}{CARD}" title="card"></iframe>'
        + f'<iframe id="sheet" src="{ours}/en/projects/{PROJECT_SLUG}/" title="sheet"></iframe>'
    )
    context = browser.new_context()
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text))
    try:
        page.goto(other_url, wait_until="load")
        widths = page.eval_on_selector_all(
            "img[data-name]", "all => all.map(i => [i.dataset.name, i.naturalWidth])"
        )
        assert [name for name, width in widths if width == 0] == [], widths
        assert len(widths) == len(media)
        # Everything else keeps Cross-Origin-Resource-Policy: same-origin, so the browser
        # refuses it: the test sees a refusal when there is one.
        assert page.eval_on_selector("#static", "i => i.naturalWidth") == 0
        name = "AUX Intelligent Air Conditioning Compressor"
        card = page.frame_locator("#card")
        expect(card.get_by_role("heading", name=name)).to_be_visible()
        expect(card.get_by_text("(source:").first).to_be_visible()
        # The fact sheet itself refuses to be framed: Chromium shows its error page instead.
        expect(page.frame_locator("#sheet").get_by_role("heading", name=name)).to_have_count(0)
        assert any("frame-ancestors 'none'" in text for text in console), console
    finally:
        context.close()


def test_the_fact_card_passes_the_nu_checker_and_axe(page, live_server, demo_site, tmp_path):
    html = Client().get(CARD).content.decode()
    card_file = tmp_path / "card.html"
    card_file.write_text(html, encoding="utf-8")
    messages = nu_check([card_file, EMBED_CSS])
    assert not messages, "\n".join(nu_describe(message) for message in messages)

    for viewport in ({"width": 480, "height": 540}, {"width": 300, "height": 360}):
        page.set_viewport_size(viewport)
        assert page.goto(CARD).status == 200
        violations = axe_violations(page)
        assert not violations, describe(f"fact card at {viewport['width']} px", violations)
        overflow = page.evaluate("document.documentElement.scrollWidth > innerWidth")
        assert not overflow, f"the card scrolls sideways at {viewport['width']} px"
