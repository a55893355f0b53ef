"""Every reader's page lives under a language prefix; the bare root picks one."""

import re

import pytest
from django.core.cache import cache as django_cache
from django.urls import reverse
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db


def hreflangs(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_the_root_sends_a_chinese_reader_to_the_chinese_home(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9,en;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/zh-hans/"


def test_the_root_sends_everyone_else_to_the_english_home(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/en/"
    assert client.get("/")["Location"] == "/en/"


def test_the_saved_choice_wins_over_the_browser_language(client):
    client.cookies["django_language"] = "zh-hans"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response["Location"] == "/zh-hans/"


def test_the_root_redirect_varies_on_language_and_is_never_cached(client):
    response = client.get("/")
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_root_keeps_its_query_string(client):
    assert client.get("/?p=12")["Location"] == "/en/?p=12"


def test_an_old_unprefixed_address_moves_permanently_to_english(client):
    story = factories.article(slug="old-link")
    response = client.get("/news/old-link/?page=2", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 301
    assert response["Location"] == story.get_absolute_url() + "?page=2"
    assert response["Location"].startswith("/en/news/")


def test_a_post_to_an_old_address_keeps_its_method(client):
    response = client.post("/alerts/")
    assert response.status_code == 308 and response["Location"] == "/en/alerts/"


def test_an_unknown_address_is_still_a_404(client):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/zh-hans/no-such-page/").status_code == 404


@pytest.mark.parametrize(("prefix", "lang"), [("/en/", "en"), ("/zh-hans/", "zh-Hans")])
def test_each_page_declares_its_language(client, prefix, lang):
    response = client.get(prefix + "news/")
    assert f'<html lang="{lang}">' in response.content.decode()
    assert response["Content-Language"] == lang


def test_a_page_links_its_other_language_both_ways_with_a_default(client):
    english = hreflangs(client.get("/en/projects/?page=1").content.decode())
    chinese = hreflangs(client.get("/zh-hans/projects/?page=1").content.decode())
    assert english == chinese
    assert english["en"] == "http://testserver/en/projects/?page=1"
    assert english["zh-Hans"] == "http://testserver/zh-hans/projects/?page=1"
    assert english["x-default"] == english["en"]


def test_the_switcher_offers_the_same_page_in_the_other_language(client):
    html = client.get("/en/news/").content.decode()
    switch = re.search(r'<ul class="language-switcher".*?</ul>', html, re.S).group()
    assert 'href="/language/zh-hans/?next=%2Fzh-hans%2Fnews%2F"' in switch
    assert 'lang="zh-Hans"' in switch and "简体中文" in switch
    assert "English" not in switch  # not the language the page is already in


def test_switching_saves_the_choice_and_lands_on_the_page(client):
    response = client.get("/language/zh-hans/?next=%2Fzh-hans%2Fnews%2F")
    assert response.status_code == 302 and response["Location"] == "/zh-hans/news/"
    assert response.cookies["django_language"].value == "zh-hans"
    assert client.get("/")["Location"] == "/zh-hans/"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"]
)
def test_switching_never_sends_a_visitor_to_another_site(client, target):
    response = client.get("/language/en/", {"next": target})
    assert response["Location"] == "/en/"


def test_switching_to_an_unknown_language_is_a_404(client):
    assert client.get("/language/fr/?next=/en/").status_code == 404


def test_addresses_reverse_with_the_active_language():
    with translation.override("zh-hans"):
        assert reverse("news") == "/zh-hans/news/"
    with translation.override("en"):
        assert reverse("projects") == "/en/projects/"


def test_machine_addresses_have_no_language_prefix_and_do_not_vary(client):
    assert reverse("sitemap_index") == "/sitemap.xml"
    response = client.get("/api/v1/articles", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 200
    assert "Accept-Language" not in response.get("Vary", "")


def test_robots_keeps_crawlers_out_of_search_in_every_language(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /en/search/" in text and "Disallow: /zh-hans/search/" in text
    assert "Disallow: /language/" in text


def test_each_language_has_its_own_cached_page(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    django_cache.clear()
    assert client.get("/en/news/")["X-Cache"] == "miss"
    assert client.get("/zh-hans/news/")["X-Cache"] == "miss"
    chinese = client.get("/zh-hans/news/")
    assert chinese["X-Cache"] == "hit" and '<html lang="zh-Hans">' in chinese.content.decode()


def test_an_article_without_a_translation_switches_to_the_other_language_s_news(client):
    story = factories.article(slug="english-only")
    html = client.get(story.get_absolute_url()).content.decode()
    assert 'href="/language/zh-hans/?next=%2Fzh-hans%2Fnews%2F"' in html
    assert "zh-Hans" not in hreflangs(html) and "en" in hreflangs(html)
