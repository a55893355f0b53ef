"""Related stories are computed (shared project, tags, category), pins come first, both ways."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def related(article, language="en"):
    return list(Article.objects.published().for_language(language).related_to(article))


def titles(article, language="en"):
    return [story.title for story in related(article, language)]


def related_on_page(client, article):
    return [story.title for story in client.get(article.get_absolute_url()).context["related"]]


def test_a_shared_project_outranks_shared_tags_and_the_category():
    news = factories.category()
    project = factories.project()
    story = factories.article(category=news, tags=["Compressors", "Wuhu"])
    factories.link(story, project)
    factories.article(title="Same category", category=news)
    factories.article(title="Two tags", tags=["Compressors", "Wuhu"])
    factories.article(title="One tag", tags=["Wuhu"])
    factories.link(factories.article(title="Same project"), project)
    factories.article(title="Unrelated", tags=["Other"])
    assert titles(story) == ["Same project", "Two tags", "One tag", "Same category"]


def test_a_pinned_story_comes_first_even_when_it_shares_nothing():
    story = factories.article(tags=["Compressors"])
    factories.article(title="Shares a tag", tags=["Compressors"])
    pinned = factories.article(title="Pinned")
    story.related_articles.add(pinned)
    assert titles(story) == ["Pinned", "Shares a tag"]


def test_a_pin_shows_on_the_pinned_story_too():
    story = factories.article(title="Pinning")
    pinned = factories.article(title="Pinned")
    story.related_articles.add(pinned)
    assert titles(pinned) == ["Pinning"]


def test_drafts_and_scheduled_stories_are_never_related(client):
    story = factories.article(tags=["Compressors"])
    draft = factories.draft(title="Unready", tags=["Compressors"])
    scheduled = factories.scheduled(title="Tomorrow", tags=["Compressors"])
    story.related_articles.add(draft, scheduled)
    factories.article(title="Ready", tags=["Compressors"])
    assert titles(story) == ["Ready"]
    assert related_on_page(client, story) == ["Ready"]


def test_the_story_and_its_translations_are_never_related_to_it():
    story = factories.article(tags=["Compressors"])
    chinese = factories.translation(story, tags=["Compressors"])
    story.related_articles.add(chinese)
    assert titles(story) == []
    assert titles(chinese, "zh-hans") == []


def test_a_chinese_reader_gets_the_chinese_version_of_a_related_story():
    story = factories.article(tags=["Compressors"])
    other = factories.article(title="Other story", tags=["Compressors"])
    factories.translation(other, title="另一篇", tags=["Compressors"])
    factories.article(title="English only", tags=["Compressors"])
    chinese_story = factories.translation(story, title="本篇", tags=["Compressors"])
    assert titles(chinese_story, "zh-hans") == ["另一篇", "English only"]
    assert titles(story) == ["Other story", "English only"]


def test_a_pin_between_english_stories_holds_for_their_chinese_versions():
    story = factories.article()
    pinned = factories.article(title="Pinned")
    story.related_articles.add(pinned)
    chinese_story = factories.translation(story, title="本篇")
    factories.translation(pinned, title="置顶")
    assert titles(chinese_story, "zh-hans") == ["置顶"]


def test_at_most_four_are_shown_newest_first_among_equals():
    news = factories.category()
    story = factories.article(category=news)
    others = [factories.article(title=f"Peer {n}", category=news) for n in range(6)]
    newest_first = sorted(others, key=lambda a: a.publish_at, reverse=True)
    assert titles(story) == [a.title for a in newest_first[:4]]


def test_related_stories_take_one_query_however_many_there_are():
    project = factories.project()
    story = factories.article(tags=["A", "B"])
    factories.link(story, project)
    peers = [factories.article(tags=["A"] if n % 2 else ["B"]) for n in range(12)]
    for peer in peers:
        factories.link(peer, project)
    story.related_articles.add(*peers[:2])
    with CaptureQueriesContext(connection) as captured:
        found = related(story)
        cards = [(s.category.name, s.lead_image_id) for s in found]
    assert len(cards) == 4
    assert len(captured) == 1


def test_the_article_page_lists_its_related_stories_as_cards(client):
    story = factories.article(tags=["Compressors"])
    factories.article(title="Shares a tag", tags=["Compressors"])
    page = client.get(story.get_absolute_url()).content.decode()
    assert 'id="related-heading"' in page
    assert "Shares a tag" in page
    assert reverse("article", kwargs={"slug": story.slug}) in page
