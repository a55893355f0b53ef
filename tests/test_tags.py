"""Tags are one per name whatever the case, and every tag has a working page."""

import pytest
from django.db import IntegrityError, transaction

from newsroom.models import Tag
from tests import factories


def test_tags_differing_only_in_case_are_one_tag(db):
    first = factories.article(tags=["Energy"])
    second = factories.article(tags=["energy"])
    assert Tag.objects.count() == 1
    assert first.tags.get() == second.tags.get()


def test_two_new_case_variants_in_one_save_make_one_tag(db):
    story = factories.article(tags=["Solar", "SOLAR", "solar"])
    assert Tag.objects.count() == 1
    assert story.tags.count() == 1


def test_database_refuses_a_case_duplicate_tag(db):
    Tag.objects.create(name="Wind", slug="wind")
    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.create(name="WIND", slug="wind-2")


def test_chinese_tag_gets_a_unicode_slug_and_a_page(client, db):
    story = factories.article(tags=["压缩机"])
    tag = Tag.objects.get()
    assert tag.slug == "压缩机"
    page = client.get(tag.get_absolute_url())
    assert page.status_code == 200
    assert story.title in page.content.decode()


def test_punctuation_only_tag_still_gets_a_slug_and_a_page(client, db):
    factories.article(tags=["!!!"])
    factories.article(tags=["???"])
    slugs = sorted(Tag.objects.values_list("slug", flat=True))
    assert slugs == ["tag", "tag-1"]
    assert client.get("/en/news/tag/tag-1/").status_code == 200


def test_tag_page_lists_only_articles_with_that_tag(client, db):
    tagged = factories.article(tags=["Wuhu"])
    other = factories.article(tags=["Ningbo"])
    page = client.get("/en/news/tag/wuhu/").content.decode()
    assert tagged.title in page
    assert other.title not in page


def test_adding_a_case_variant_in_the_admin_is_a_form_error(editor_client, db):
    Tag.objects.create(name="Compressor", slug="compressor")
    response = editor_client.post(
        "/admin/newsroom/tag/add/", {"name_en": "COMPRESSOR", "slug": "c2"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "tag names ignore upper and lower case" in page
    assert "tag_name_unique_ignoring_case" not in page
    assert Tag.objects.filter(name__iexact="compressor").count() == 1


def test_a_tag_address_typed_in_another_case_redirects_to_the_tag(client, db):
    factories.article(tags=["Compressor"])
    response = client.get("/en/news/tag/Compressor/")
    assert response.status_code == 301 and response["Location"] == "/en/news/tag/compressor/"
    assert client.get("/en/news/tag/COMPRESSOR-X/").status_code == 404


def test_a_draft_only_tag_in_another_case_does_not_redirect(client, db):
    factories.draft(tags=["Secret plan"])
    assert client.get("/en/news/tag/Secret-Plan/").status_code == 404


def test_cards_on_a_tag_page_do_not_repeat_the_tag_being_viewed(client, db):
    factories.article(title="Plant", tags=["Compressors", "Wuhu"])
    tag = Tag.objects.get(name="Compressors")
    page = client.get(tag.get_absolute_url()).content.decode()
    cards = page[page.index("<h1>") :]
    assert 'href="/en/news/tag/wuhu/"' in cards
    assert 'href="/en/news/tag/compressors/"' not in cards
