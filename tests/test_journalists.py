"""Journalists' accounts: invited or approved, never staff; they read embargoed stories at
their own address (each read logged), never through the public pages or the page cache.
Preview-link openings are logged too."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from newsroom.models import PreviewLink
from newsroom.press.models import EmbargoedRead, Journalist, JournalistInvite, PreviewOpening
from newsroom.press.models.previews import describe_client
from tests import factories

HOUR = datetime.timedelta(hours=1)
PASSWORD = "a long pass phrase 9"


@pytest.fixture
def reporter(db):
    return factories.journalist()


@pytest.fixture
def reporter_client(client, reporter):
    client.force_login(reporter.user)
    return client


@pytest.fixture
def held(db):
    return factories.embargoed(title="Results under embargo", slug="results")


def private(response):
    control = response["Cache-Control"]
    return "private" in control and "no-store" in control


def test_an_approved_journalist_sees_the_upcoming_embargoed_stories(reporter_client, held):
    live = factories.article(title="Already public")
    draft = factories.draft(title="A draft", embargo_until=held.embargo_until)
    response = reporter_client.get("/en/press/embargoed/")
    page = response.content.decode()
    assert response.status_code == 200 and private(response)
    assert "Results under embargo" in page and "Embargoed until" in page
    assert live.title not in page and draft.title not in page


def test_a_story_expiring_before_its_embargo_lifts_is_not_offered(reporter_client, db):
    story = factories.embargoed(title="Never out", hours=3)
    story.unpublish_at = story.embargo_until - HOUR
    story.save()
    assert "Never out" not in reporter_client.get("/en/press/embargoed/").content.decode()


def test_reading_an_embargoed_story_is_marked_and_logged(reporter_client, reporter, held):
    response = reporter_client.get(f"/en/press/embargoed/{held.slug}/")
    page = response.content.decode()
    assert response.status_code == 200 and private(response)
    assert "Embargoed until" in page and "Body of story" in page
    read = EmbargoedRead.objects.get()
    assert (read.journalist, read.article) == (reporter, held)


def test_the_public_address_stays_404_for_a_journalist(reporter_client, held):
    assert reporter_client.get(held.get_absolute_url()).status_code == 404
    assert held.title not in reporter_client.get("/en/news/").content.decode()
    assert reporter_client.get(f"/api/v1/articles/{held.slug}").status_code == 404


def test_once_the_embargo_lifts_the_journalist_is_sent_to_the_public_page(
    reporter_client, held, time_machine
):
    time_machine.move_to(held.embargo_until + HOUR)
    response = reporter_client.get(f"/en/press/embargoed/{held.slug}/")
    assert response.status_code == 302 and response["Location"] == held.get_absolute_url()
    assert not EmbargoedRead.objects.exists()


def test_a_draft_is_not_readable_at_the_journalists_address(reporter_client, db):
    draft = factories.draft(slug="secret-draft")
    assert reporter_client.get(f"/en/press/embargoed/{draft.slug}/").status_code == 404


@pytest.mark.parametrize("status", ["requested", "refused"])
def test_a_journalist_not_approved_reads_nothing(client, held, status):
    journalist = factories.journalist(status=status)
    client.force_login(journalist.user)
    for url in ("/en/press/embargoed/", f"/en/press/embargoed/{held.slug}/"):
        response = client.get(url)
        assert response.status_code == 403 and held.title not in response.content.decode()
    assert not EmbargoedRead.objects.exists()


def test_visitors_and_staff_without_a_journalist_account_are_kept_out(client, staff, held):
    response = client.get(f"/en/press/embargoed/{held.slug}/")
    assert response.status_code == 302 and response["Location"].startswith("/en/press/login/")
    client.force_login(staff)
    assert client.get("/en/press/embargoed/").status_code == 403


def test_a_journalists_session_never_fills_or_reads_the_page_cache(client, reporter, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    story = factories.article(title="Public story")
    entries = lambda: [key for key in cache._cache if ":newsroom:page:" in key]  # noqa: E731
    client.force_login(reporter.user)
    for url in (
        story.get_absolute_url(),
        "/en/news/",
        "/en/press/embargoed/",
        "/en/press/contacts/",
    ):
        assert "X-Cache" not in client.get(url)
    assert entries() == []  # filled nothing
    client.logout()
    assert client.get(story.get_absolute_url())["X-Cache"] == "miss"
    stored = entries()
    client.force_login(reporter.user)
    assert "X-Cache" not in client.get(story.get_absolute_url())  # read nothing
    assert entries() == stored


def test_a_journalist_is_never_staff(db, staff):
    journalist = Journalist(user=staff, outlet="Insider")
    with pytest.raises(ValidationError, match="staff account cannot be a journalist"):
        journalist.full_clean()


def test_a_journalist_has_no_admin_access(reporter_client):
    response = reporter_client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def invite_link(editor_client):
    response = editor_client.post(
        "/admin/press/journalistinvite/add/",
        {"email": "li@example.com", "outlet": "Caixin", "beat": "industry", "_continue": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = editor_client.get(response["Location"]).content.decode()
    return re.search(r"http://testserver(/en/press/invitation/[^/]+/)", page).group(1)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_an_invited_journalist_sets_a_password_and_reads_embargoed_news(editor_client, held):
    link = invite_link(editor_client)
    editor_client.logout()
    client = editor_client
    form = client.get(link)
    assert form.status_code == 200 and private(form) and "li@example.com" in form.content.decode()
    assert client.post(link, {"name": "Li Na", "password": PASSWORD}).status_code == 302
    journalist = Journalist.objects.get()
    assert journalist.is_approved and not journalist.user.is_staff
    assert (journalist.outlet, journalist.beat) == ("Caixin", "industry")
    signed_in = client.post(
        "/en/press/login/", {"username": "LI@example.com", "password": PASSWORD}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == "/en/press/embargoed/"
    assert held.title in client.get("/en/press/embargoed/").content.decode()
    client.logout()
    assert client.get(link).status_code == 404  # used once


def test_an_invitation_expires_after_a_week_and_cannot_be_forged(editor_client, time_machine):
    link = invite_link(editor_client)
    editor_client.logout()
    assert editor_client.get(link[:-3] + "xx/").status_code == 404
    time_machine.move_to(timezone.now() + datetime.timedelta(days=7, minutes=1))
    page = editor_client.get(link)
    assert page.status_code == 404 and "cannot be used" in page.content.decode()
    assert JournalistInvite.objects.count() == 1 and not Journalist.objects.exists()


def request_access(client, **fields):
    data = {"name": "Ana Reporter", "email": "ana@example.com", "outlet": "Reuters"}
    return client.post("/en/press/request-access/", {**data, "password": PASSWORD, **fields})


def test_a_request_waits_for_an_editors_approval(client, editor, held):
    assert "with our editors" in request_access(client).content.decode()
    journalist = Journalist.objects.get()
    assert journalist.status == "requested" and not journalist.user.is_staff
    client.post("/en/press/login/", {"username": "ana@example.com", "password": PASSWORD})
    assert client.get("/en/press/embargoed/").status_code == 403
    client.force_login(editor)
    approve = {"action": "approve", "_selected_action": [journalist.pk]}
    assert client.post("/admin/press/journalist/", approve).status_code == 302
    journalist.refresh_from_db()
    assert journalist.is_approved and journalist.decided_by == editor
    client.force_login(journalist.user)
    assert held.title in client.get("/en/press/embargoed/").content.decode()


def test_a_request_with_a_taken_address_or_bad_input_gets_a_clear_error(client, reporter):
    taken = request_access(client, email=reporter.user.email.upper())
    assert taken.status_code == 200 and "exists already" in taken.content.decode()
    bad = request_access(client, email="ana@example.com\r\nBcc: x@example.com")
    assert bad.status_code == 200 and "valid email" in bad.content.decode()
    weak = request_access(client, password="123")
    assert weak.status_code == 200 and "too short" in weak.content.decode()
    assert get_user_model().objects.count() == 1


def test_five_wrong_passwords_lock_the_journalists_login(client, reporter):
    attempt = {"username": reporter.user.username, "password": "guess"}
    for _ in range(4):
        assert client.post("/en/press/login/", attempt).status_code == 200
    assert client.post("/en/press/login/", attempt).status_code == 429
    right = client.post("/en/press/login/", {**attempt, "password": PASSWORD})
    assert right.status_code == 429


def test_sign_out_is_a_post(reporter_client):
    assert reporter_client.get("/en/press/logout/").status_code == 405
    assert reporter_client.post("/en/press/logout/").status_code == 302
    assert reporter_client.get("/en/press/embargoed/").status_code == 302


def test_every_preview_link_opening_is_logged_with_a_coarse_client(client, editor, held):
    link = PreviewLink.objects.create(article=held, recipient="AP")
    firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
    client.get(link.get_absolute_url(), headers={"User-Agent": firefox})
    client.get(link.get_absolute_url(), headers={"User-Agent": "Slackbot-LinkExpanding 1.0"})
    assert [o.client for o in PreviewOpening.objects.order_by("pk")] == [
        "Firefox on Windows",
        "Link preview or robot",
    ]
    client.get("/preview/forged-token/")
    assert PreviewOpening.objects.count() == 2
    client.force_login(editor)
    listing = client.get(reverse("admin:press_previewopening_changelist")).content.decode()
    assert "Firefox on Windows" in listing


def test_editors_see_who_read_which_embargoed_story(client, editor, reporter, held):
    EmbargoedRead.objects.create(journalist=reporter, article=held)
    client.force_login(editor)
    listing = client.get(reverse("admin:press_embargoedread_changelist")).content.decode()
    assert held.title in listing and reporter.outlet in listing


@pytest.mark.parametrize(
    ("agent", "described"),
    [
        ("", "Unknown client"),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1", "Safari on iOS"),
        ("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36 Edg/131.0", "Edge on Linux"),
    ],
)
def test_clients_are_described_coarsely(agent, described):
    assert describe_client(agent) == described


def test_the_sign_in_page_carries_the_sites_own_name(client, db, settings):
    page = client.get("/en/press/login/").content.decode()
    assert f"<span>{settings.SITE_NAME}</span></a>" in page
    assert '<a class="site-name" href="/en/">' in page


def test_the_journalists_pages_run_a_fixed_number_of_queries(
    reporter_client, held, django_assert_num_queries
):
    for n in range(5):
        factories.embargoed(title=f"Held {n}")
    # session, user, journalist, the stories
    with django_assert_num_queries(4):
        assert reporter_client.get("/en/press/embargoed/").status_code == 200
    # session, user, journalist, the story (category and lead image joined), the read's insert
    with django_assert_num_queries(5):
        assert reporter_client.get(f"/en/press/embargoed/{held.slug}/").status_code == 200
