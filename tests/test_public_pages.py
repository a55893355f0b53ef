"""Every public page with the demo content: it answers, and shows the figures of the story."""

import pytest

from newsroom.demo.loader import ARTICLE_SLUG, PROJECT_SLUG

ARTICLE = f"/en/news/{ARTICLE_SLUG}/"
PROJECT = f"/en/projects/{PROJECT_SLUG}/"

PAGES = [
    "/en/",
    "/en/news/",
    ARTICLE,
    "/en/news/category/enterprise-news/",
    "/en/news/tag/aux/",
    "/en/news/tag/major-projects/",
    "/en/news/2024/",
    "/en/news/2024/01/",
    "/en/projects/",
    PROJECT,
    "/en/organizations/aux-group/",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_public_page_answers_with_the_demo_story(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("url", [ARTICLE, PROJECT, "/en/", "/en/projects/"])
def test_the_demo_figures_appear_on_the_page(client, demo, url):
    page = client.get(url).content.decode()
    for figure in ("about CNY 5 billion", "30 million", "3,000"):
        assert figure in page, figure


@pytest.mark.parametrize("url", [ARTICLE, PROJECT])
def test_the_demo_revenue_appears_where_the_record_is_shown_whole(client, demo, url):
    # Cards are compact (investment, capacity, jobs); revenue is on the record pages.
    assert "over CNY 6 billion" in client.get(url).content.decode()


def test_project_page_shows_the_month_of_planned_operation_and_no_invented_day(client, demo):
    page = client.get(PROJECT).content.decode()
    assert "March 2025" in page
    assert '<time datetime="2025-03">' in page
    assert "1 March 2025" not in page


def test_project_page_shows_status_designation_owner_and_the_news(client, demo):
    page = client.get(PROJECT).content.decode()
    assert "Under construction" in page
    assert "Anhui Province, first batch of major projects, 2024" in page
    assert 'href="/en/organizations/aux-group/"' in page
    assert f'href="{ARTICLE}"' in page
    assert "China" in page


def test_article_page_has_a_fact_box_from_the_project_record(client, demo):
    page = client.get(ARTICLE).content.decode()
    assert 'class="factbox"' in page
    assert f'href="{PROJECT}"' in page
    assert "about CNY 5 billion" in page


def test_article_page_links_its_tags_and_category(client, demo):
    page = client.get(ARTICLE).content.decode()
    assert 'href="/en/news/tag/wuhu/"' in page
    assert 'href="/en/news/category/enterprise-news/"' in page


@pytest.mark.parametrize(
    "url",
    [
        "/en/news/no-such-story/",
        "/en/projects/no-such-project/",
        "/en/organizations/nobody/",
        "/en/news/category/none/",
        "/en/news/tag/none/",
        "/en/news/1999/",
        "/en/news/2024/13/",
        "/no/such/page/",
    ],
)
def test_unknown_addresses_get_the_friendly_404_page(client, demo, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "%00", "9" * 40])
def test_bad_page_numbers_give_404_not_500(client, demo, page):
    assert client.get("/en/news/", {"page": page}).status_code == 404


def test_last_is_an_accepted_page_number(client, demo):
    assert client.get("/en/news/", {"page": "last"}).status_code == 200


def test_server_error_page_is_plain_html_without_a_traceback(client, db, settings):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert "Traceback" not in html


def test_the_favicon_is_served_and_every_page_names_it(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = client.get(response["Location"])
    assert icon.status_code == 200 and b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"
    assert f'rel="icon" href="{response["Location"]}"' in client.get("/en/").content.decode()
