"""Every public page type passes the W3C Nu HTML Checker (vnu.jar from npm's vnu-jar, run
with Java) with no errors and no warnings, and has the landmarks a reader relies on."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.template import loader
from django.test import RequestFactory

from tests.browser.pages import STAFF_PAGES, expected_status, public_pages

TOOLS = Path(__file__).resolve().parent / "node_modules"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"


@pytest.fixture
def pages(client, site, django_user_model):
    """{page type: HTML}: the public pages, and the error pages rendered without a request
    (as Django and our outage handler render them)."""
    html = {}
    for name, address in public_pages().items():
        response = client.get(address)
        assert response.status_code == expected_status(name), (name, response.status_code)
        html[name] = response.content.decode()
    client.force_login(django_user_model.objects.create_superuser("nu", "nu@example.com", "pw"))
    for name, address in STAFF_PAGES.items():
        response = client.get(address)
        assert response.status_code == 200, (name, response.status_code)
        html[name] = response.content.decode()
    client.logout()
    html["server error (500)"] = loader.render_to_string("500.html")
    html["database unavailable (503)"] = loader.render_to_string("503.html")
    html["login locked out (429)"] = loader.render_to_string(
        "locked_out.html", {"failure_limit": 5}, request=RequestFactory().get("/admin/login/")
    )
    return html


def nu_check(files):
    """The Nu checker's messages for `files`, in one run of the checker."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("vnu.jar or Java is missing; `make test` installs them (make test-tools).")
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--exit-zero-always",
            "--stdout",
            "--also-check-css",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(result.stdout)["messages"]


def describe(message):
    kind = message.get("subType", message["type"])
    line = message.get("lastLine", "?")
    extract = message.get("extract", "").strip().replace("\n", " ")
    return f"  {kind} at line {line}: {message['message']}\n    {extract}"


def test_every_public_page_type_and_the_stylesheet_pass_the_nu_html_checker(pages, tmp_path):
    files = {}
    for n, (name, html) in enumerate(pages.items()):
        files[name] = tmp_path / f"page-{n}.html"
        files[name].write_text(html, encoding="utf-8")
    files["static/css/site.css"] = STYLESHEET
    by_file = {str(path.resolve()): name for name, path in files.items()}
    problems = {}
    for message in nu_check(files.values()):
        where = message.get("url", "the checker").removeprefix("file:")
        name = by_file.get(where, where)
        problems.setdefault(name, []).append(describe(message))
    report = "\n".join(f"{name}:\n" + "\n".join(lines) for name, lines in problems.items())
    assert not problems, f"The Nu HTML Checker found problems:\n{report}"


def test_every_page_has_one_h1_a_language_a_skip_link_and_a_main_landmark(pages):
    for name, html in pages.items():
        chinese = name.endswith(("in Chinese", "Chinese interface")) and name != "search in Chinese"
        language = "zh-Hans" if chinese else "en"
        assert re.search(rf'<html lang="{language}"', html), name
        assert len(re.findall(r"<h1[\s>]", html)) == 1, name
        assert len(re.findall(r"<main\b", html)) == 1, name
        if not name.startswith(("server error", "database unavailable")):
            assert '<a class="skip-link" href="#main">' in html and 'id="main"' in html, name


# Admin screens our own templates draw, checked as an editor sees them.
ADMIN_SCREENS = {
    "editor's dashboard": "/admin/",
    "article redirects": "/admin/newsroom/articleredirect/",
}
# Not yet: the add forms, whose required autocomplete <select> (Django's widget) renders with
# no <option>, which the checker refuses; the article form has the same widget.


def test_the_editors_dashboard_and_redirect_screens_pass_the_nu_html_checker(
    client, site, editor, tmp_path
):
    client.force_login(editor)
    files = {}
    for n, (name, address) in enumerate(ADMIN_SCREENS.items()):
        response = client.get(address)
        assert response.status_code == 200, (name, response.status_code)
        files[name] = tmp_path / f"admin-{n}.html"
        files[name].write_text(response.content.decode(), encoding="utf-8")
    by_file = {str(path.resolve()): name for name, path in files.items()}
    problems = {}
    for message in nu_check(files.values()):
        if message["type"] == "info" and message.get("subType") != "warning":
            continue
        where = message.get("url", "the checker").removeprefix("file:")
        problems.setdefault(by_file.get(where, where), []).append(describe(message))
    report = "\n".join(f"{name}:\n" + "\n".join(lines) for name, lines in problems.items())
    assert not problems, f"The Nu HTML Checker found problems:\n{report}"
