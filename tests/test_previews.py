"""Preview links for journalists under embargo, and staff previews of drafts."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from newsroom.models import PreviewLink
from tests import factories
from tests.admin_forms import form_data

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def embargoed(db):
    return factories.article(
        title="Results under embargo",
        publish_at=timezone.now() - HOUR,
        embargo_until=timezone.now() + 24 * HOUR,
    )


def link_for(article, **fields):
    return PreviewLink.objects.create(article=article, recipient="Reuters", **fields)


def test_preview_link_shows_the_embargoed_article_marked_and_uncached(client, embargoed):
    response = client.get(link_for(embargoed).get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Results under embargo" in page and "Embargoed until" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_normal_address_stays_404_while_a_preview_link_works(client, embargoed):
    link_for(embargoed)
    assert client.get(embargoed.get_absolute_url()).status_code == 404


def test_preview_link_stops_working_when_it_expires(client, embargoed, time_machine):
    link = link_for(embargoed, expires_at=timezone.now() + HOUR)
    url = link.get_absolute_url()
    assert client.get(url).status_code == 200
    time_machine.move_to(timezone.now() + HOUR + datetime.timedelta(seconds=1))
    assert client.get(url).status_code == 404


def test_revoked_preview_link_stops_working_at_once(client, editor_client, embargoed):
    link = link_for(embargoed)
    editor_client.post(
        "/admin/newsroom/previewlink/", {"action": "revoke", "_selected_action": [link.pk]}
    )
    assert client.get(link.get_absolute_url()).status_code == 404


def test_a_forged_or_altered_token_is_refused(client, embargoed):
    link = link_for(embargoed)
    assert client.get(f"/preview/{link.token}x/").status_code == 404
    assert client.get("/preview/1/").status_code == 404


def test_editor_creates_a_link_in_the_article_form_and_sees_its_address(
    editor_client, embargoed, time_machine
):
    # A token is signed with the time: the page and the assertion must sign in the same second.
    time_machine.move_to(timezone.now(), tick=False)
    url = f"/admin/newsroom/article/{embargoed.pk}/change/"
    data = form_data(editor_client, url)
    data |= {
        "preview_links-TOTAL_FORMS": "1",
        "preview_links-0-recipient": "AP, Beijing",
        "preview_links-0-expires_at_0": "2099-01-01",
        "preview_links-0-expires_at_1": "00:00:00",
        "preview_links-0-article": embargoed.pk,
    }
    assert editor_client.post(url, data).status_code == 302
    link = PreviewLink.objects.get()
    assert link.created_by.username == "eddie"
    # The token is signed with the time, so the page's may be a second older than ours.
    shown = re.search(r"/preview/([^/]+)/", editor_client.get(url).content.decode())
    assert PreviewLink.from_token(shown[1]) == link


def test_staff_who_may_change_articles_preview_a_draft_with_a_banner(writer_client, db):
    draft = factories.draft(title="Work in progress")
    response = writer_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "visitors cannot see this page" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_staff_without_change_permission_cannot_preview(client, db, django_user_model):
    viewer = django_user_model.objects.create_user("viv", password="pw", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    assert client.get(factories.draft().get_absolute_url()).status_code == 404


def test_public_article_pages_carry_no_preview_banner(client, db):
    page = client.get(factories.article().get_absolute_url()).content.decode()
    assert "visitors cannot see" not in page and "noindex" not in page
