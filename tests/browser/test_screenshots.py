"""Screenshots of every page type at a phone's, a tablet's and a desktop's width, saved to
test-artifacts/screenshots/ for people to look at (CI keeps them as artifacts). Each must
be written, the page must answer as expected and not scroll sideways."""

import re

import pytest

from tests.browser.conftest import ARTIFACTS, log_in
from tests.browser.pages import STAFF_PAGES, expected_status, public_pages

WIDTHS = (375, 768, 1280)
FOLDER = ARTIFACTS / "screenshots"


def shoot(page, name, address, width):
    response = page.goto(address)
    assert response.status == expected_status(name), (name, response.status)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    slug = re.sub(r"[^\w]+", "-", name).strip("-")
    path = FOLDER / f"{slug}-{width}.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 1000, path  # a real picture, not an empty file
    return overflow


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_is_photographed_at_each_width(new_page, site, editor, width):
    FOLDER.mkdir(parents=True, exist_ok=True)
    viewport = {"width": width, "height": 900}
    too_wide = {}
    visitor = new_page(viewport=viewport)
    for name, address in public_pages().items():
        if overflow := shoot(visitor, name, address, width):
            too_wide[name] = overflow
    staff = new_page(viewport=viewport)
    log_in(staff, editor.username)
    for name, address in STAFF_PAGES.items():
        if overflow := shoot(staff, name, address, width):
            too_wide[name] = overflow
    assert not too_wide, f"Wider than {width} px: {too_wide}"
