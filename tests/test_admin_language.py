"""Staff read the admin in the language saved on their account; public pages do not follow it."""

import pytest
from django.urls import reverse

from newsroom.models import StaffLanguage

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    """A staff member without any right over accounts."""
    return django_user_model.objects.create_user("member", password="pw-for-tests", is_staff=True)


def signed_in(client, user, language=None):
    if language:
        StaffLanguage.objects.create(user=user, language=language)
    client.force_login(user)
    return client


def test_a_staff_member_whose_language_is_chinese_sees_the_admin_index_in_chinese(client, member):
    page = signed_in(client, member, "zh-hans").get(reverse("admin:index"))
    text = page.content.decode()
    assert "站点管理" in text
    assert "新闻中心管理后台" in text  # our own site header, from our catalogue
    assert "Site administration" not in text
    assert page["Content-Language"] == "zh-hans"


def test_a_staff_member_whose_language_is_english_sees_the_admin_index_in_english(client, member):
    text = signed_in(client, member, "en").get(reverse("admin:index")).content.decode()
    assert "Site administration" in text
    assert "Newsroom administration" in text
    assert "站点管理" not in text


def test_the_admin_language_does_not_leak_into_the_next_request(client, member):
    signed_in(client, member, "zh-hans").get(reverse("admin:index"))
    client.logout()
    assert "Log in" in client.get(reverse("admin:login")).content.decode()


def test_public_pages_ignore_the_admin_language(client, member):
    text = signed_in(client, member, "zh-hans").get(reverse("news")).content.decode()
    assert "No published stories here yet." in text


def test_a_staff_member_without_rights_over_accounts_chooses_their_own_language(client, member):
    signed_in(client, member)
    form = client.get(reverse("admin:staff_language"))
    assert form.status_code == 200
    saved = client.post(reverse("admin:staff_language"), {"language": "zh-hans"}, follow=True)
    assert StaffLanguage.objects.get(user=member).language == "zh-hans"
    assert "您的后台语言已保存。" in saved.content.decode()
    assert "站点管理" in client.get(reverse("admin:index")).content.decode()


def test_choosing_a_language_the_site_does_not_offer_is_refused_with_a_message(client, member):
    page = signed_in(client, member).post(reverse("admin:staff_language"), {"language": "fr"})
    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    assert not StaffLanguage.objects.exists()


def test_the_language_page_links_from_every_admin_page(client, member):
    text = signed_in(client, member).get(reverse("admin:index")).content.decode()
    assert reverse("admin:staff_language") in text


def test_a_superuser_sets_a_staff_members_language_in_the_user_admin(client, staff, member):
    client.force_login(staff)
    page = client.get(reverse("admin:auth_user_change", args=[member.pk]))
    assert "staff_language-0-language" in page.content.decode()


def test_the_admin_language_costs_no_query_of_its_own(client, member, django_user_model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(user, language):
        signed_in(client, user, language).get(reverse("admin:index"))  # warm the session
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("admin:index"))
        return len(captured)

    other = django_user_model.objects.create_user("other", password="pw", is_staff=True)
    assert queries(member, "zh-hans") == queries(other, None)
