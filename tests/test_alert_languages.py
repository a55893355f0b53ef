"""Alerts in the reader's language: the version of a story in theirs, mails in it."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.alerts import mail
from newsroom.alerts.models import Subscription
from tests import factories

pytestmark = pytest.mark.django_db


def reader(email, language):
    return Subscription.objects.create(email=email, language=language, confirmed_at=timezone.now())


def recipients(article):
    return sorted(s.email for s in Subscription.objects.for_article(article))


def test_each_reader_is_alerted_once_to_the_version_in_their_language():
    english_reader, chinese_reader = (
        reader("en@example.com", "en"),
        reader("zh@example.com", "zh-hans"),
    )
    story = factories.article(title="Plant opens")
    chinese = factories.translation(story, title="工厂开业")
    assert recipients(story) == [english_reader.email]
    assert recipients(chinese) == [chinese_reader.email]


def test_a_story_without_a_version_in_the_reader_s_language_still_reaches_them():
    reader("en@example.com", "en")
    reader("zh@example.com", "zh-hans")
    story = factories.article(title="English only")
    assert recipients(story) == ["en@example.com", "zh@example.com"]


def test_an_unpublished_translation_does_not_hold_back_the_published_one():
    reader("zh@example.com", "zh-hans")
    story = factories.article(title="Plant opens")
    factories.translation(story, title="工厂开业", status="draft")
    assert recipients(story) == ["zh@example.com"]


def test_signing_up_on_the_chinese_page_saves_the_language_and_mails_in_chinese(client):
    with translation.override("zh-hans"):
        client.post(reverse("alerts:subscribe"), {"email": "zh@example.com", "follow": "all"})
    subscription = Subscription.objects.get(email="zh@example.com")
    assert subscription.language == "zh-hans"
    body = mail.confirmation(subscription).body
    assert "48" in body and "Confirm within" not in body
