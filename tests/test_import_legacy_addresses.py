"""The old WordPress addresses of imported posts, categories and tags answer 301."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from newsroom.models import Article, Category, Tag
from tests import wxr_support as wxr

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path):
    export = wxr.export(
        wxr.category("news", "News"),
        wxr.category("plants", "Plants", parent="news"),
        wxr.post(
            7,
            "New plant",
            slug="new-plant",
            categories=(("plants", "Plants"),),
            tags=(("energy", "Energy"),),
        ),
        wxr.post(
            8, "芜湖", slug="%e8%8a%9c%e6%b9%96", link=f"{wxr.SITE}/2019/03/04/%e8%8a%9c%e6%b9%96/"
        ),
        wxr.post(9, "Unfinished", status="draft", slug="unfinished"),
    )
    call_command("import_wordpress", str(wxr.write(tmp_path, export)), stdout=io.StringIO())


def test_plain_post_links_redirect_from_the_home_page(client, imported):
    response = client.get(reverse("home"), {"p": "7"})
    assert response.status_code == 301
    assert response["Location"] == Article.objects.get(title="New plant").get_absolute_url()


def test_an_unknown_or_odd_post_id_shows_the_home_page(client, imported):
    assert client.get(reverse("home"), {"p": "999"}).status_code == 200
    assert client.get(reverse("home"), {"p": "x'--"}).status_code == 200


def test_dated_addresses_redirect_to_the_article_unicode_slugs_too(client, imported):
    response = client.get("/2019/03/04/new-plant/")
    assert response.status_code == 301
    assert response["Location"] == Article.objects.get(title="New plant").get_absolute_url()
    response = client.get("/2019/03/04/%E8%8A%9C%E6%B9%96/")
    assert response.status_code == 301
    assert response["Location"] == Article.objects.get(title="芜湖").get_absolute_url()


def test_a_drafts_old_address_stays_404(client, imported):
    assert client.get(reverse("home"), {"p": "9"}).status_code == 200
    assert client.get("/2019/03/04/unfinished/").status_code == 404
    assert client.get("/2019/03/04/never-existed/").status_code == 404


def test_category_addresses_nested_or_not_redirect_to_the_flattened_category(client, imported):
    target = Category.objects.get(slug="plants").get_absolute_url()
    for old in ("/category/news/plants/", "/category/plants/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, target)
    assert client.get("/category/nothing/").status_code == 404


def test_tag_addresses_redirect_to_the_tag_page(client, imported):
    response = client.get("/tag/energy/")
    assert response.status_code == 301
    assert response["Location"] == Tag.objects.get(name="Energy").get_absolute_url()
    assert client.get("/tag/unknown/").status_code == 404


def test_each_old_address_costs_one_query(client, imported, django_assert_num_queries):
    # The imported item joined to its published article (or the term to its target).
    old = ("/2019/03/04/new-plant/", "/category/news/plants/", "/tag/energy/")
    for url in (f"{reverse('home')}?p=7", *old):
        with django_assert_num_queries(1):
            assert client.get(url).status_code == 301, url


def test_a_plain_wordpress_link_on_the_bare_root_goes_straight_to_its_story(client, imported):
    response = client.get("/?p=7", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 301
    assert response["Location"].startswith("/en/news/")
    assert client.get("/?p=99999").status_code == 302  # unknown: the home page as usual


def test_a_post_number_in_other_digits_is_no_error(client, imported):
    assert client.get("/?p=%C2%B2").status_code == 302
    assert client.get("/en/?p=%C2%B2").status_code == 200
