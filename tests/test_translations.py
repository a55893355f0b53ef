"""Articles in two languages: siblings in one translation group, one per language, lists
that show a reader their language first, readable slugs for Chinese titles."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.demo import translation as demo_translation
from newsroom.models import Article
from newsroom.models.translations import readable_slug
from tests import factories

LATER = timezone.now() + datetime.timedelta(days=1)


@pytest.fixture
def story(db):
    return factories.article(title="Plant opens")


def test_siblings_find_each_other_both_ways(story):
    chinese = factories.translation(story, title="工厂开业")
    assert story.visible_translations() == [chinese]
    assert chinese.visible_translations() == [story]


def test_an_article_starts_alone_in_its_own_group(story):
    other = factories.article()
    assert story.translation_group != other.translation_group
    assert story.visible_translations() == []


def test_the_database_refuses_two_articles_of_one_language_in_a_group(story):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.translation(story, language="en")


def test_the_form_rule_says_the_same_in_words(story):
    twin = Article(
        title="Again",
        slug="again",
        category=story.category,
        language="en",
        translation_group=story.translation_group,
    )
    with pytest.raises(ValidationError) as refusal:
        twin.full_clean()
    assert refusal.value.message_dict["language"] == [
        "This story already has a translation in that language."
    ]


def test_an_article_address_is_reversed_in_its_own_language(story):
    chinese = factories.translation(story)
    with translation.override("zh-hans"):
        own = reverse("article", kwargs={"slug": chinese.slug})
    with translation.override("en"):
        assert chinese.get_absolute_url() == own


def test_a_chinese_title_gets_a_pinyin_slug_on_save(db):
    made = factories.article(title="奥克斯芜湖工厂", slug="")
    assert made.slug == "ao-ke-si-wu-hu-gong-chang"


def test_a_second_article_with_the_same_title_gets_a_numbered_slug(db):
    factories.article(title="工厂", slug="")
    assert factories.article(title="工厂", slug="").slug == "gong-chang-2"


def test_a_slug_is_never_empty(db):
    assert readable_slug("！？") == "article"
    assert factories.article(title="——", slug="").slug == "article"


def chinese_reader_sees(client, url_name, **kwargs):
    with translation.override("zh-hans"):
        response = client.get(reverse(url_name, kwargs=kwargs))
    assert response.status_code == 200
    return list(response.context["articles"])


def test_a_chinese_reader_sees_the_chinese_version_not_its_english_original(client, story):
    chinese = factories.translation(story)
    assert chinese_reader_sees(client, "news") == [chinese]


def test_a_chinese_reader_still_sees_english_only_news(client, story):
    assert chinese_reader_sees(client, "news") == [story]


def test_an_unpublished_translation_leaves_the_original_in_the_list(client, story):
    factories.translation(story, embargo_until=LATER)
    assert chinese_reader_sees(client, "news") == [story]
    assert chinese_reader_sees(client, "category", slug=story.category.slug) == [story]


def test_an_english_reader_sees_english_news_and_chinese_only_news(client, story):
    factories.translation(story)
    chinese_only = factories.article(language="zh-hans", category=story.category)
    with translation.override("en"):
        response = client.get(reverse("news"))
    assert set(response.context["articles"]) == {story, chinese_only}


def test_a_card_in_another_language_than_the_page_says_so(client, story):
    with translation.override("zh-hans"):
        html = client.get(reverse("news")).content.decode()
    assert '<article class="card card-media" lang="en">' in html
    assert '<p class="meta" lang="zh-Hans">' in html


def test_a_card_in_the_page_language_carries_no_lang(client, story):
    with translation.override("en"):
        html = client.get(reverse("news")).content.decode()
    assert '<article class="card card-media">' in html


def test_the_fallback_rule_is_one_query(story, django_assert_num_queries):
    factories.translation(story)
    with django_assert_num_queries(1):
        list(Article.objects.published().for_language("zh-hans"))


def test_in_language_keeps_only_that_language(story):
    chinese = factories.translation(story)
    assert list(Article.objects.in_language("zh-hans")) == [chinese]


def test_the_demo_has_the_chinese_translation_of_the_aux_story_marked_as_such(demo):
    english = Article.objects.get(slug=demo.ARTICLE_SLUG)
    chinese = Article.objects.get(slug=demo_translation.SLUG)
    assert chinese.language == "zh-hans" and chinese.is_published
    assert english.visible_translations() == [chinese]
    assert chinese.title == "奥克斯压缩机项目列入安徽省重大建设项目"
    assert "总投资约50亿元" in chinese.body and "3000个就业岗位" in chinese.body
    assert demo_translation.NOTE in chinese.body
    assert readable_slug(chinese.title) == demo_translation.SLUG


def test_an_article_asked_for_under_another_language_redirects_to_its_own(client, db):
    chinese = factories.article(title="工厂", slug="gong-chang", language="zh-hans")
    response = client.get("/en/news/gong-chang/")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/news/gong-chang/"
    assert chinese.get_absolute_url() == "/zh-hans/news/gong-chang/"


def test_a_project_page_lists_the_story_in_the_reader_language(client, story):
    chinese = factories.translation(story, title="工厂开业")
    project = factories.project()
    factories.link(story, project)
    factories.link(chinese, project)
    for language, shown, hidden in (("en", story, chinese), ("zh-hans", chinese, story)):
        with translation.override(language):
            html = client.get(project.get_absolute_url()).content.decode()
        assert shown.get_absolute_url() in html and hidden.get_absolute_url() not in html


def test_an_english_slug_under_the_chinese_prefix_goes_to_the_chinese_version(client, story):
    chinese = factories.translation(story, title="工厂开业")
    with translation.override("zh-hans"):
        wrong = reverse("article", kwargs={"slug": story.slug})
    response = client.get(wrong)
    assert response.status_code == 302 and response["Location"] == chinese.get_absolute_url()


def test_translating_twice_into_a_taken_slug_numbers_the_new_one(db):
    first = factories.article(slug="plant-opens")
    factories.article(slug="plant-opens-zh-hans", language="zh-hans")
    draft = first.start_translation("zh-hans")
    assert draft.slug == "plant-opens-zh-hans-2"
