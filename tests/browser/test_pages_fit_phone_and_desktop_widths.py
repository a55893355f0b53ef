"""Every public page type fits a phone (375 px) and a desktop (1280 px) without scrolling
sideways."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.pages import public_pages

WIDEST = """() => [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .slice(0, 5).map((e) => e.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_public_page_scrolls_sideways(new_page, site, viewport):
    page = new_page(viewport=viewport)
    too_wide = {}
    for name, address in public_pages().items():
        page.goto(address)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide[name] = (overflow, page.evaluate(WIDEST))
    assert not too_wide, f"Wider than {viewport['width']} px: {too_wide}"
