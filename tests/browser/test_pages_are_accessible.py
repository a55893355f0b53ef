"""Every public page type and every admin screen our code customises has no axe-core
violations (all of axe's default rules: WCAG 2.x A and AA, colour contrast, landmarks,
heading order, alt text, form labels and its best practices), under the production CSP."""

from pathlib import Path

import pytest
import reversion
from playwright.sync_api import expect

from newsroom.models import Article
from projects.models import Project
from tests.browser.conftest import log_in
from tests.browser.pages import PUBLIC_PAGES, STAFF_PAGES, expected_status, public_pages

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page):
    """axe-core's violations on the page as it is now. The script is evaluated through the
    browser's debugging protocol, which the page's Content-Security-Policy does not govern;
    the <style> elements axe adds to read the page's stylesheets are blocked by the CSP, and
    those violations, axe's and not the page's, are not counted against the page."""
    if not AXE.exists():
        pytest.fail("axe-core is missing; `make test` installs it (make test-tools).")
    before = len(page.problems)
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    page.problems[before:] = [p for p in page.problems[before:] if "CSP violation" not in p]
    return violations


def describe(name, violations):
    lines = [f"{name} ({len(violations)} rule(s) violated):"]
    for rule in violations:
        lines.append(f"  {rule['id']} [{rule['impact']}]: {rule['help']}")
        for node in rule["nodes"][:5]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary']}")
    return "\n".join(lines)


def check(page, screens):
    report = []
    for name, address in screens.items():
        response = page.goto(address)
        assert response.status == expected_status(name), (name, response.status)
        if page.locator(".prose-editor").count():
            # The rich-text editor builds its toolbar after the page has loaded: axe once
            # (in one PostgreSQL run) met it half made, its buttons not yet styled or named.
            page.wait_for_load_state("networkidle")
            page.locator(".prose-editor [contenteditable][aria-label]").first.wait_for()
        if violations := axe_violations(page):
            report.append(describe(name, violations))
    assert not report, "\n".join(report)


def test_every_public_page_type_has_no_axe_violations(page, site):
    check(page, public_pages())


def test_every_public_page_type_has_no_axe_violations_at_phone_width(new_page, site):
    from tests.browser.conftest import PHONE

    check(new_page(viewport=PHONE), public_pages())


def test_staff_pages_have_no_axe_violations_in_light_and_dark_mode(new_page, site, editor):
    for scheme in ("light", "dark"):
        page = new_page()
        page.emulate_media(color_scheme=scheme)
        log_in(page, editor.username)
        check(page, STAFF_PAGES)


def test_every_public_page_type_has_no_axe_violations_in_dark_mode(new_page, site):
    page = new_page()
    page.emulate_media(color_scheme="dark")
    check(page, public_pages())


def test_admin_screens_we_customise_have_no_axe_violations(page, site, editor):
    article = Article.objects.get(pk=site.pk)
    for summary in ("Shorter summary.", "A longer summary, changed by an editor."):
        with reversion.create_revision():
            article.summary = summary
            article.save()
            reversion.set_user(editor)
    project = Project.objects.get(slug="aux-compressor-wuhu")
    log_in(page, editor.username)
    check(
        page,
        {
            "admin index": "/admin/",
            "article list": "/admin/newsroom/article/",
            "new article": "/admin/newsroom/article/add/",
            "article": f"/admin/newsroom/article/{article.pk}/change/",
            "article history": f"/admin/newsroom/article/{article.pk}/history/",
            "revision comparison": f"/admin/newsroom/article/{article.pk}/history/compare/",
            "project list": "/admin/projects/project/",
            "project list, overdue": "/admin/projects/project/?overdue=yes",
            "new project": "/admin/projects/project/add/",
            "project": f"/admin/projects/project/{project.pk}/change/",
            "project history": f"/admin/projects/project/{project.pk}/history/",
            "event, with its attendances": f"/admin/projects/event/{project.events.get().pk}/change/",
            "programme": "/admin/projects/programme/add/",
            "suggest facts (paste)": "/admin/projects/project/suggest/",
            "an article's suggested facts": f"/admin/projects/project/suggest/?article={article.pk}",
        },
    )


def test_the_editors_dashboard_has_no_axe_violations_on_desktop_and_phone(new_page, site, editor):
    from tests.browser.conftest import PHONE

    screens = {
        "editor's dashboard": "/admin/",
        "article redirects": "/admin/newsroom/articleredirect/",
        "new article redirect": "/admin/newsroom/articleredirect/add/",
        "new project redirect": "/admin/projects/projectredirect/add/",
    }
    for viewport in (None, PHONE):
        page = new_page(viewport=viewport) if viewport else new_page()
        log_in(page, editor.username)
        check(page, screens)


def test_the_withdraw_action_asking_the_reason_has_no_axe_violations(page, site, editor):
    log_in(page, editor.username)
    page.goto("/admin/newsroom/article/")
    page.locator(f'input[name="_selected_action"][value="{site.pk}"]').check()
    page.locator('select[name="action"]').select_option("withdraw")
    page.locator('button[name="index"]').click()
    expect(page.get_by_label("Reason")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, describe("withdraw action", violations)


def test_admin_login_and_lockout_pages_have_no_axe_violations(page, db):
    check(page, {"admin login": "/admin/login/"})
    page.get_by_label("Username").fill("nobody")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Please enter the correct username and password")).to_be_visible()
    assert not axe_violations(page)


def test_the_timeline_says_in_words_what_its_dots_show(page, site):
    """A filled dot marks a milestone that happened, a hollow one a planned milestone; the
    text says the same, so nobody needs to see the dots (their CSS content is empty)."""
    page.goto(PUBLIC_PAGES["project"])
    timeline = page.get_by_role("list", name="Timeline")
    items = timeline.get_by_role("listitem")
    expect(items).to_have_count(3)
    for item in items.all():
        done = "done" in item.get_attribute("class").split()
        text = item.inner_text()
        assert ("Happened:" in text) is done and ("Planned:" in text) is not done, text
        dot = item.evaluate("(li) => getComputedStyle(li, '::before').content")
        assert dot in ('""', "none"), dot
