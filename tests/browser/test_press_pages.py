"""The journalists' own pages (signed in, so outside pages.py's public list) pass axe and the
Nu HTML Checker, and a journalist signs in, reads an embargoed story and signs out by hand."""

from playwright.sync_api import expect

from tests.browser.content import JOURNALIST, JOURNALIST_PASSWORD
from tests.browser.test_pages_are_accessible import axe_violations, describe
from tests.browser.test_pages_are_valid_html import describe as describe_message
from tests.browser.test_pages_are_valid_html import nu_check

SCREENS = {
    "embargoed stories": "/en/press/embargoed/",
    "an embargoed story": "/en/press/embargoed/half-year-results/",
}


def sign_in(page):
    page.goto("/en/press/login/")
    page.get_by_label("Email").fill(JOURNALIST)
    page.get_by_label("Password").fill(JOURNALIST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Upcoming embargoed stories")).to_be_visible()


def test_a_journalist_reads_an_embargoed_story_and_signs_out(page, site):
    sign_in(page)
    page.get_by_role("link", name="Half-year results").click()
    expect(page.get_by_role("status")).to_contain_text("Embargoed until")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Journalists: sign in")).to_be_visible()


def test_the_journalists_pages_have_no_axe_violations(page, site):
    sign_in(page)
    report = []
    for name, address in SCREENS.items():
        assert page.goto(address).status == 200, name
        if violations := axe_violations(page):
            report.append(describe(name, violations))
    assert not report, "\n".join(report)


def test_the_journalists_pages_pass_the_nu_html_checker(client, site, tmp_path):
    from newsroom.press.models import Journalist

    client.force_login(Journalist.objects.get(user__username=JOURNALIST).user)
    files = {}
    for n, (name, address) in enumerate(SCREENS.items()):
        response = client.get(address)
        assert response.status_code == 200, name
        files[str((tmp_path / f"press-{n}.html").resolve())] = name
        (tmp_path / f"press-{n}.html").write_text(response.content.decode(), encoding="utf-8")
    messages = nu_check(files)
    report = [
        f"{files.get(m.get('url', '').removeprefix('file:'), '?')}: {describe_message(m)}"
        for m in messages
    ]
    assert not report, "\n".join(report)
