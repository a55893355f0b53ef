"""The admin's translations: "Translate this article" makes the linked draft and opens it,
the change list shows which translations each story has and their state, and a filter
finds the stories missing a translation."""

import pytest
from django.urls import reverse

from newsroom.models import Article
from tests import factories

CHANGELIST = "admin:newsroom_article_changelist"


@pytest.fixture
def story(db):
    return factories.article(title="Plant opens", tags=["AUX", "Wuhu"])


def translate(client, article, language="zh-hans"):
    url = reverse("admin:newsroom_article_translate", args=[article.pk])
    return client.post(url, {"language": language})


def test_translating_makes_a_linked_draft_and_opens_it(writer_client, story):
    response = translate(writer_client, story)
    draft = Article.objects.get(language="zh-hans")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:newsroom_article_change", args=[draft.pk])
    assert draft.translation_group == story.translation_group
    assert draft.status == Article.Status.DRAFT
    assert draft.category == story.category
    assert {t.name for t in draft.tags.all()} == {"AUX", "Wuhu"}
    assert draft.slug == f"{story.slug}-zh-hans"
    assert draft.title == story.title  # the translator's starting point


def test_a_writer_may_start_a_translation_of_a_published_story_without_changing_it(
    writer_client, story
):
    before = Article.objects.filter(pk=story.pk).values().get()
    translate(writer_client, story)
    assert Article.objects.filter(pk=story.pk).values().get() == before


def test_a_second_translation_into_the_same_language_is_refused_with_a_message(staff_client, story):
    translate(staff_client, story)
    response = translate(staff_client, story)
    assert Article.objects.filter(language="zh-hans").count() == 1
    followed = staff_client.get(response["Location"])
    assert "already has a translation in that language" in followed.content.decode()


def test_an_unknown_language_is_refused_not_a_500(staff_client, story):
    response = translate(staff_client, story, language="xx")
    assert response.status_code == 302
    assert Article.objects.count() == 1


def test_a_get_creates_nothing(staff_client, story):
    url = reverse("admin:newsroom_article_translate", args=[story.pk])
    assert staff_client.get(url).status_code == 403
    assert Article.objects.count() == 1


def test_the_form_offers_only_the_missing_languages(staff_client, story):
    html = staff_client.get(reverse("admin:newsroom_article_change", args=[story.pk]))
    assert 'value="zh-hans"' in html.content.decode()
    assert 'name="language" value="en"' not in html.content.decode()


def test_the_changelist_action_translates_the_chosen_stories(staff_client, story):
    other = factories.article()
    data = {"action": "translate_to_zh_hans", "_selected_action": [story.pk, other.pk]}
    staff_client.post(reverse(CHANGELIST), data)
    groups = set(Article.objects.filter(language="zh-hans").values_list("translation_group"))
    assert groups == {(story.translation_group,), (other.translation_group,)}


def test_the_changelist_shows_each_translation_and_its_state(staff_client, story):
    factories.translation(story, status=Article.Status.DRAFT)
    html = staff_client.get(reverse(CHANGELIST)).content.decode()
    assert "简体中文: Draft" in html
    assert "English: Live" in html


def test_the_missing_translation_filter(staff_client, story):
    translated = factories.article(title="Translated")
    factories.translation(translated, title="已翻译")
    response = staff_client.get(reverse(CHANGELIST), {"missing": "zh-hans"})
    assert list(response.context["cl"].result_list) == [story]


def test_the_changelist_queries_do_not_grow_with_translations(
    staff_client, story, django_assert_max_num_queries
):
    factories.translation(story)
    with django_assert_max_num_queries(100) as few:
        staff_client.get(reverse(CHANGELIST))
    for n in range(10):
        factories.translation(factories.article(), title=f"故事{n}")
    with django_assert_max_num_queries(len(few)):
        staff_client.get(reverse(CHANGELIST))
