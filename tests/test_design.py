"""The brand set in the admin, its stylesheet, the home page's blocks and the styleguide."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from newsroom.cache import generation
from newsroom.models import Brand

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 30"><rect width="120" height="30"/></svg>'


def brand(**fields):
    values = {"name": "Acme", "accent": "#0057b8", "accent_dark": "#7db4ff", **fields}
    return Brand(**values)


def test_without_a_saved_brand_the_settings_defaults_apply(db, settings):
    assert Brand.current().name == settings.BRAND_NAME
    assert Brand.current().accent == settings.BRAND_ACCENT


def test_an_accent_too_light_for_white_text_is_refused_with_its_contrast(db):
    with pytest.raises(ValidationError) as error:
        brand(accent="#7db4ff").full_clean()
    assert "4.5:1" in str(error.value.message_dict["accent"])


def test_a_dark_mode_accent_too_dark_for_the_dark_page_is_refused(db):
    with pytest.raises(ValidationError) as error:
        brand(accent_dark="#0057b8").full_clean()
    assert "accent_dark" in error.value.message_dict


def test_the_database_refuses_a_colour_that_is_not_hex(db):
    with pytest.raises(IntegrityError):
        brand(accent="blue").save()


def test_there_is_one_brand_row_at_most(db):
    brand().save()
    with pytest.raises(IntegrityError):
        brand(id=2).save()


def test_an_svg_logo_gets_its_size_and_one_with_a_script_is_refused(db):
    good = brand(logo=SimpleUploadedFile("logo.svg", SVG, "image/svg+xml"))
    good.full_clean()
    assert (good.logo_width, good.logo_height) == (120, 30)
    assert good.logo_dimensions == (160, 40)
    evil = SVG.replace(b"<rect", b"<script>alert(1)</script><rect")
    bad = brand(logo=SimpleUploadedFile("logo.svg", evil, "image/svg+xml"))
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "logo" in error.value.message_dict


def test_a_file_that_is_not_an_image_is_refused_as_a_logo(db):
    bad = brand(logo=SimpleUploadedFile("logo.png", b"not a png", "image/png"))
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "logo" in error.value.message_dict


def test_saving_the_brand_makes_cached_pages_stale(db):
    before = generation()
    brand().save()
    assert generation() != before


def test_brand_css_carries_the_colours_and_is_kept_long_under_its_hash(client, db):
    brand(accent="#1d4ed8", typeface="serif").save()
    page = client.get("/en/").content.decode()
    saved = Brand.current()
    assert f"/brand.css?v={saved.version}" in page
    response = client.get(reverse("brand_css"), {"v": saved.version})
    assert response["Content-Type"].startswith("text/css")
    assert "--color-accent:#1d4ed8" in response.content.decode()
    assert "Charter" in response.content.decode()
    assert "immutable" in response["Cache-Control"]
    stale = client.get(reverse("brand_css"), {"v": "old"})
    assert "immutable" not in stale["Cache-Control"]


def test_the_header_shows_the_logo_and_the_footer_the_sections_and_archive(client, demo):
    page = client.get("/en/").content.decode()
    assert 'class="site-logo" src="/static/img/brand-logo' in page
    assert 'width="80" height="40"' in page
    assert reverse("press_contacts") in page and reverse("alerts:subscribe") in page
    assert "/en/news/category/enterprise-news/" in page
    assert "/en/news/2024/" in page


def test_legal_links_appear_only_when_set(client, demo, settings):
    assert "Privacy" not in client.get("/en/").content.decode()
    settings.PRIVACY_URL = "https://example.com/privacy"
    cache.clear()
    assert 'href="https://example.com/privacy"' in client.get("/en/").content.decode()


def test_the_home_page_leads_with_the_featured_story_and_no_empty_latest(client, demo):
    page = client.get("/en/").content.decode()
    assert 'class="lead-story' in page
    assert "No news yet." not in page
    assert 'id="latest-heading"' not in page  # the only story leads: no empty section
    assert "press-contact-list" in page
    assert 'id="boilerplate-heading"' in page


def test_the_styleguide_is_for_staff_only_and_never_cached_or_indexed(client, staff, db):
    url = reverse("styleguide")
    assert client.get(url).status_code == 404
    client.force_login(staff)
    response = client.get(url)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    assert "--color-accent" in response.content.decode()
    assert ' style="' not in response.content.decode()


def test_the_chinese_home_page_has_the_chrome_in_chinese(client, demo):
    response = client.get("/zh-hans/")
    assert response.status_code == 200
    assert "/zh-hans/news/2024/" in response.content.decode()
