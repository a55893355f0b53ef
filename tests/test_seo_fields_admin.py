"""Editors set how an article or a project looks in search results and when shared: SEO title,
description, social image and noindex, in a collapsed "Search and sharing" part of the form.
Writers set them on their drafts like any other field; a published page is the editors'."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from newsroom.models import Article
from projects.models import Project
from tests import factories, pictures
from tests.admin_forms import form_data


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def card(obj):
    template = Template("{% load pictures %}{% social_card_url obj %}")
    request = RequestFactory().get("/")
    return template.render(Context({"obj": obj, "request": request}))


@pytest.fixture
def story(db):
    return factories.article(title="Plant opens", lead_image=pictures.image(title="Lead"))


@pytest.mark.parametrize("kind", ["article", "project"])
def test_the_forms_have_a_collapsed_search_and_sharing_part(editor_client, story, kind):
    obj = story if kind == "article" else factories.project()
    page = editor_client.get(change_url(obj)).content.decode()
    assert "Search and sharing" in page
    start = page.index("Search and sharing")
    part = page[page.rindex("<fieldset", 0, start) : page.index("</fieldset>", start)]
    assert "collapse" in part
    for name in ("seo_title", "meta_description", "social_image", "noindex"):
        assert f'name="{name}"' in part


def test_an_editor_saves_the_seo_fields_of_a_published_article(editor_client, story):
    social = pictures.image(title="Square crop", alt_text="The plant's gate")
    data = form_data(editor_client, change_url(story)) | {
        "seo_title": "Plant opens in Wuhu",
        "meta_description": "The compressor plant opened on Monday.",
        "social_image": social.pk,
        "noindex": "on",
    }
    assert editor_client.post(change_url(story), data).status_code == 302
    story.refresh_from_db()
    assert (story.seo_title, story.noindex, story.social_image) == (
        "Plant opens in Wuhu",
        True,
        social,
    )


def test_a_writer_sets_the_seo_fields_of_a_draft(writer_client, db):
    draft = factories.draft(title="Draft story")
    data = form_data(writer_client, change_url(draft)) | {"seo_title": "Short title"}
    assert writer_client.post(change_url(draft), data).status_code == 302
    assert Article.objects.get(pk=draft.pk).seo_title == "Short title"


def test_a_writer_cannot_change_the_seo_of_a_published_article(writer_client, story):
    data = {"seo_title": "Defaced", "version": story.version}
    response = writer_client.post(change_url(story), data)
    assert response.status_code in (200, 403)
    assert Article.objects.get(pk=story.pk).seo_title == ""


def test_an_seo_title_over_70_characters_is_refused_with_a_message(editor_client, story):
    data = form_data(editor_client, change_url(story)) | {"seo_title": "x" * 71}
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "at most 70 characters" in response.content.decode()


def test_the_social_image_wins_over_the_lead_picture_on_the_social_card(story):
    assert "social-1200" in card(story)
    social = pictures.image(title="Override", alt_text="The gate")
    story.social_image = social
    story.save()
    assert social.social_card_url in card(Article.objects.get(pk=story.pk))


def test_an_undescribed_social_image_is_not_used(story):
    lead_card = card(story)
    story.social_image = pictures.image(title="No alt", alt_text="")
    story.save()
    assert card(Article.objects.get(pk=story.pk)) == lead_card


def test_publishing_with_an_undescribed_social_image_is_refused(editor_client, story):
    data = form_data(editor_client, change_url(story))
    data["social_image"] = pictures.image(title="No alt", alt_text="").pk
    page = editor_client.post(change_url(story), data).content.decode()
    assert "has no alt text" in page
    assert Article.objects.get(pk=story.pk).social_image is None


def test_a_project_social_image_is_its_card(editor_client, db):
    project = factories.project()
    social = pictures.image(title="Site", alt_text="The site")
    data = form_data(editor_client, change_url(project)) | {"social_image": social.pk}
    assert editor_client.post(change_url(project), data).status_code == 302
    assert social.social_card_url in card(Project.objects.get(pk=project.pk))
