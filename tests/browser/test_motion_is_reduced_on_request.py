"""Visitors who ask their system for reduced motion get no animation, transition or
smooth scrolling."""

from tests.browser.pages import PUBLIC_PAGES

MOVING = """() => [document.documentElement, ...document.querySelectorAll("body, body *")]
    .map((e) => [e, getComputedStyle(e)])
    .filter(([e, s]) => s.animationName !== "none" || s.scrollBehavior === "smooth"
        || s.transitionDuration.split(",").some((d) => parseFloat(d) > 0))
    .map(([e]) => e.outerHTML.slice(0, 100))"""


def test_nothing_moves_when_reduced_motion_is_asked_for(new_page, site):
    page = new_page(reduced_motion="reduce")
    for name in ("home", "article", "project", "project directory"):
        page.goto(PUBLIC_PAGES[name])
        assert page.evaluate(MOVING) == [], name
