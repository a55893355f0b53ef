"""The project form, with every kind of figure and a milestone, fits a laptop's width
(1280 px, and 1024 px) without scrolling sideways, and reads amounts as they are typed."""

import pytest
from playwright.sync_api import expect

from projects.models import Project
from tests.browser.admin_widgets import add_inline_row, field
from tests.browser.conftest import log_in

LAPTOPS = [{"width": 1280, "height": 800}, {"width": 1024, "height": 768}]
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
WIDEST = """() => [...document.querySelectorAll("#content *")]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .slice(0, 5).map((e) => e.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("viewport", LAPTOPS, ids=["1280", "1024"])
def test_the_project_form_fits_a_laptop_with_a_row_of_each_kind(new_page, site, editor, viewport):
    page = new_page(viewport=viewport)
    log_in(page, editor.username)
    project = Project.objects.get(slug="aux-compressor-wuhu")
    page.goto(f"/admin/projects/project/{project.pk}/change/")
    money = add_inline_row(
        page, "Money: investment, revenue, output value", "Add another Money figure"
    )
    capacity = add_inline_row(page, "Capacities", "Add another Capacity")
    add_inline_row(page, "Jobs", "Add another Jobs figure")
    add_inline_row(page, "Milestones", "Add another Milestone")
    field(money, "Amount as stated").fill("Rs 20,000 crore")
    expect(money.locator("output")).to_have_text("Reads as: INR 200,000,000,000 · exact")
    field(capacity, "Amount as stated").fill("年产3000万")
    expect(capacity.locator("output")).to_have_text("Reads as: 30,000,000 · per year · exact")
    page.screenshot(path=f"/tmp/project-form-{viewport['width']}.png", full_page=True)
    assert page.evaluate(OVERFLOW) <= 0, page.evaluate(WIDEST)


def test_a_phrase_that_cannot_be_read_is_said_beside_the_field(page, site, editor):
    log_in(page, editor.username)
    page.goto("/admin/projects/project/add/")
    money = add_inline_row(
        page, "Money: investment, revenue, output value", "Add another Money figure"
    )
    field(money, "Amount as stated").fill("a great deal of money")
    expect(money.locator("output")).to_contain_text("Could not read “a great deal of money”")
