"""A translation the public may not see yet (embargoed, scheduled, a draft) never shows
through its published sibling: not in the page's alternates, its JSON-LD, the sitemap or
the API. Published siblings are linked everywhere, both ways."""

import datetime

import extruct
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.models import Article
from tests import factories
from tests.api_client import get

LATER = timezone.now() + datetime.timedelta(days=1)
HIDDEN = {
    "embargoed": {"embargo_until": LATER},
    "scheduled": {"publish_at": LATER},
    "draft": {"status": Article.Status.DRAFT},
}


@pytest.fixture
def story(db):
    # Dated here: the factory's default goes back a minute per article made in the run,
    # which in a full run is older than the news sitemap's two days.
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    return factories.article(title="Plant opens", slug="plant-opens", publish_at=an_hour_ago)


@pytest.fixture
def chinese(story):
    # Published after the English story: the English is the original.
    later = story.publish_at + datetime.timedelta(seconds=30)
    return factories.translation(
        story, title="工厂开业", slug="gong-chang-kai-ye", publish_at=later
    )


def absolute(article):
    return f"http://testserver{article.get_absolute_url()}"


def page(client, article):
    with translation.override(article.language):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response


def news_article(response):
    found = extruct.extract(response.content.decode(), syntaxes=["json-ld"])["json-ld"]
    return next(item for item in found if item.get("@type") == "NewsArticle")


def test_the_page_gives_both_languages_as_alternates_both_ways(client, story, chinese):
    expected = {"en": absolute(story), "zh-hans": absolute(chinese)}
    assert page(client, story).context["alternates"] == expected
    assert page(client, chinese).context["alternates"] == expected


def test_a_lone_article_has_only_itself_as_alternate(client, story):
    assert page(client, story).context["alternates"] == {"en": absolute(story)}


@pytest.mark.parametrize("state", HIDDEN)
def test_a_hidden_translation_is_not_an_alternate(client, story, state):
    factories.translation(story, **HIDDEN[state])
    assert page(client, story).context["alternates"] == {"en": absolute(story)}


def test_json_ld_links_the_original_and_its_translation(client, story, chinese):
    original, translated = news_article(page(client, story)), news_article(page(client, chinese))
    assert original["inLanguage"] == "en" and translated["inLanguage"] == "zh-hans"
    assert [work["url"] for work in original["workTranslation"]] == [absolute(chinese)]
    assert translated["translationOfWork"]["url"] == absolute(story)
    assert "translationOfWork" not in original and "workTranslation" not in translated


@pytest.mark.parametrize("state", HIDDEN)
def test_json_ld_names_no_hidden_translation(client, story, state):
    hidden = factories.translation(story, slug="hidden", **HIDDEN[state])
    data = news_article(page(client, story))
    assert "workTranslation" not in data and "translationOfWork" not in data
    assert hidden.slug not in page(client, story).content.decode()


def sitemap(client):
    return client.get(reverse("sitemap_section", kwargs={"section": "articles"})).content.decode()


def test_the_sitemap_links_each_version_to_the_other(client, story, chinese):
    xml = sitemap(client)
    for url in (absolute(story), absolute(chinese)):
        assert xml.count(f'hreflang="en" href="{absolute(story)}"') == 2
        assert xml.count(f'hreflang="zh-hans" href="{absolute(chinese)}"') == 2
        assert f"<loc>{url}</loc>" in xml
    assert xml.count(f'hreflang="x-default" href="{absolute(story)}"') == 2


@pytest.mark.parametrize("state", HIDDEN)
def test_the_sitemap_names_no_hidden_translation(client, story, state):
    factories.translation(story, slug="hidden", **HIDDEN[state])
    xml = sitemap(client)
    assert "hidden" not in xml and "xhtml:link" not in xml


def test_the_sitemap_alternates_cost_one_query_per_page(client, story, django_assert_num_queries):
    for n in range(5):
        factories.translation(factories.article(), title=f"故事{n}")
    url = reverse("sitemap_section", kwargs={"section": "articles"})
    # the page's rows, their published versions (the list is not counted)
    with django_assert_num_queries(2) as few:
        client.get(url)
    for n in range(20):
        factories.translation(factories.article(), title=f"故事{n}")
    with django_assert_num_queries(len(few)):
        client.get(url)


def test_the_news_sitemap_gives_each_story_its_language(client, story, chinese):
    xml = client.get(reverse("sitemap_news")).content.decode()
    assert xml.count("<news:language>en</news:language>") == 1
    assert xml.count("<news:language>zh-cn</news:language>") == 1


def test_the_api_lists_published_translations_of_an_article(client, story, chinese):
    data = get(client, reverse("api-v1:article", kwargs={"slug": story.slug}))
    assert data["language"] == "en"
    assert data["translations"] == [
        {"language": "zh-hans", "slug": chinese.slug, "url": absolute(chinese)}
    ]


@pytest.mark.parametrize("state", HIDDEN)
def test_the_api_names_no_hidden_translation(client, story, state):
    factories.translation(story, slug="hidden", **HIDDEN[state])
    data = get(client, reverse("api-v1:article", kwargs={"slug": story.slug}))
    assert data["translations"] == []


def test_the_api_lists_one_language_when_asked(client, story, chinese):
    listed = get(client, reverse("api-v1:articles"), {"lang": "zh-hans"})["results"]
    assert [(item["slug"], item["language"]) for item in listed] == [(chinese.slug, "zh-hans")]
    ninjs = get(client, reverse("api-v1:ninjs"), {"lang": "zh-hans"})["results"]
    assert [item["language"] for item in ninjs] == ["zh-hans"]


def test_the_api_takes_a_language_tag_in_any_case(client, story, chinese):
    listed = get(client, reverse("api-v1:articles"), {"lang": "zh-Hans"})["results"]
    assert [item["slug"] for item in listed] == [chinese.slug]


def test_an_unknown_language_is_a_clear_400(client, story):
    data = get(client, reverse("api-v1:articles"), {"lang": "klingon"}, status=400)
    assert "lang" in data["errors"]


def test_a_feed_is_in_the_readers_language(client, story, chinese):
    with translation.override("zh-hans"):
        xml = client.get(reverse("feed_rss")).content.decode()
    assert "<language>zh-hans</language>" in xml
    assert "工厂开业" in xml and "Plant opens" not in xml
