"""A record's address by its slug is what reverse() gives, however it is made
(newsroom/core/addresses.py)."""

import pytest
from django.http import HttpResponse
from django.urls import NoReverseMatch, path, reverse, set_script_prefix
from django.utils import translation

from newsroom.core.addresses import SlugAddresses, slug_path

# A URLconf of its own, for the test that swaps it in.
urlpatterns = [path("elsewhere/<slug:slug>/", lambda request, slug: HttpResponse(), name="project")]


@pytest.mark.parametrize("slug", ["wuhu-compressor-plant", "压缩机-基地", "a_b-2024", "Ü-x"])
@pytest.mark.parametrize("name", ["article", "project", "tag", "category"])
def test_an_address_is_what_reverse_gives_in_the_active_language(name, slug):
    for language in ("en", "zh-hans"):
        with translation.override(language):
            assert slug_path(name, slug) == reverse(name, kwargs={"slug": slug})


def test_an_address_in_another_language_is_that_languages_address():
    with translation.override("zh-hans"):
        expected = reverse("article", kwargs={"slug": "plant"})
    with translation.override("en"):
        assert slug_path("article", "plant", "zh-hans") == expected
        assert expected.startswith("/zh-hans/")
        assert translation.get_language() == "en"


def test_a_slug_the_address_would_refuse_fails_as_reverse_fails():
    addresses = SlugAddresses("article")
    for slug in ("", "a.b", "a/b", "a b"):
        with pytest.raises(NoReverseMatch):
            addresses(slug, "en")


def test_the_script_prefix_of_the_request_is_kept():
    with translation.override("en"):
        plain = slug_path("project", "plant")
        set_script_prefix("/newsroom/")
        try:
            assert slug_path("project", "plant") == "/newsroom" + plain
            assert reverse("project", kwargs={"slug": "plant"}) == "/newsroom" + plain
        finally:
            set_script_prefix("/")
        assert slug_path("project", "plant") == plain


def test_models_give_the_same_address_as_before(db):
    from tests import factories

    article = factories.article(language="zh-hans", slug="压缩机")
    with translation.override("en"):
        assert article.get_absolute_url() == "/zh-hans/news/%E5%8E%8B%E7%BC%A9%E6%9C%BA/"


def test_an_address_follows_the_urlconf_in_use(settings):
    site = slug_path("project", "plant", "en")
    settings.ROOT_URLCONF = __name__
    assert slug_path("project", "plant", "en") == "/elsewhere/plant/"
    settings.ROOT_URLCONF = "newsroom.urls"
    assert slug_path("project", "plant", "en") == site != "/elsewhere/plant/"
