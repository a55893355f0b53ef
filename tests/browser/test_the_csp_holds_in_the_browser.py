"""The Content-Security-Policy is in force in the browser, and the browser tests notice
when it blocks something, so their passing means nothing of ours was blocked."""

from tests.browser.conftest import log_in

INJECT = """() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
    const styled = document.createElement("p");
    styled.setAttribute("style", "color: red");
    document.body.append(styled);
    return window.injected === true;
}"""


def test_an_injected_inline_script_and_style_are_blocked_and_reported(page, site):
    page.goto("/en/")
    assert page.evaluate(INJECT) is False
    page.wait_for_timeout(100)
    blocked = [p for p in page.problems if p.startswith("CSP violation")]
    assert any("script-src" in p for p in blocked), page.problems
    assert any("style-src" in p for p in blocked), page.problems
    page.problems.clear()  # expected here; anywhere else they fail the test


def test_the_editor_loads_its_modules_through_the_nonced_import_map(page, site, editor):
    log_in(page, editor.username)
    page.goto("/admin/newsroom/article/add/")
    assert page.get_by_role("textbox", name="Body").get_attribute("contenteditable") == "true"
