"""With the keyboard alone a visitor reaches every link and control of a page, in order,
and always sees where the focus is; the skip link takes them past the header."""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import PUBLIC_PAGES

FOCUSABLE = """a[href], button, input:not([type=hidden]), select, textarea, summary,
    [tabindex]:not([tabindex="-1"])"""

MARK = f"""() => {{
    const all = [...document.querySelectorAll(`{FOCUSABLE}`)].filter(
        // checkVisibility: the contents of a closed <details> keep their boxes but are hidden.
        (e) => !e.disabled && e.getClientRects().length && e.checkVisibility());
    all.forEach((e, n) => e.dataset.keyboardTest = n);
    return all.length;
}}"""

FOCUSED = """() => {
    const e = document.activeElement;
    const style = getComputedStyle(e);
    return {
        n: e.dataset.keyboardTest ?? null,
        html: e.outerHTML.slice(0, 100),
        ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
            || style.boxShadow !== "none",
    };
}"""


def tab_through(page):
    """Press Tab until the focus has gone round the page; what it landed on, in order."""
    count = page.evaluate(MARK)
    seen = []
    for _ in range(count + 3):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["n"] is None or (seen and focused["n"] == seen[0]["n"]):
            break
        seen.append(focused)
    return count, seen


@pytest.mark.parametrize(
    "name",
    ["home", "article", "project", "project directory", "organisation", "news list"],
)
def test_tab_reaches_every_link_and_control_with_a_visible_focus(page, site, name):
    page.goto(PUBLIC_PAGES[name])
    count, seen = tab_through(page)
    reached = [int(f["n"]) for f in seen]
    assert sorted(reached) == list(range(count)), f"not reached: {set(range(count)) - set(reached)}"
    assert reached == sorted(reached), "the focus should follow the reading order"
    invisible = [f["html"] for f in seen if not f["ring"]]
    assert not invisible, f"no visible focus on {invisible}"


def test_the_skip_link_appears_on_focus_and_moves_past_the_header(page, site):
    page.goto("/en/projects/")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).not_to_be_in_viewport()
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("main").get_by_role("combobox").first).to_be_focused()
