"""schema.org for search engines: the publisher and the site on the home page, and articles
with the properties Google requires and recommends for NewsArticle, read with extruct."""

import extruct
import pytest

from projects.models import Organization
from tests import factories

# developers.google.com/search/docs/appearance/structured-data/article: no property is
# required; these are the recommended ones.
GOOGLE_RECOMMENDED = {"author", "dateModified", "datePublished", "headline", "image"}
AUTHOR_RECOMMENDED = {"@type", "name", "url"}


def json_ld(client, url):
    html = client.get(url).content.decode()
    return extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]


def of_type(items, kind):
    return [item for item in items if item.get("@type") == kind]


def test_the_home_page_names_the_publisher_with_its_logo_and_profiles(client, db, settings):
    settings.PUBLISHER_SAME_AS = ["https://www.linkedin.com/company/aux", "https://x.com/aux"]
    (publisher,) = of_type(json_ld(client, "/en/"), "Organization")
    assert publisher["name"] == settings.SITE_NAME
    assert publisher["url"] == "http://testserver/"
    assert publisher["logo"]["url"].startswith("http://testserver/static/img/logo")
    assert publisher["sameAs"] == settings.PUBLISHER_SAME_AS


def test_the_home_page_offers_the_site_search_to_search_engines(client, db):
    (website,) = of_type(json_ld(client, "/en/"), "WebSite")
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/en/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    assert client.get("/en/search/?q=compressor").status_code == 200


def test_without_profiles_the_publisher_has_no_same_as(client, db, settings):
    settings.PUBLISHER_SAME_AS = []
    (publisher,) = of_type(json_ld(client, "/en/"), "Organization")
    assert "sameAs" not in publisher


@pytest.fixture
def story(db):
    project = factories.project(name="Wuhu plant", city="Wuhu", province="Anhui")
    owner = Organization.objects.create(name="AUX Group", slug="aux-group")
    factories.role(project, owner)
    article = factories.article(title="Plant opens", byline="Li Wei, Zhang Min")
    factories.link(article, project)
    return article


def test_an_article_has_googles_recommended_news_article_properties(client, story):
    (article,) = of_type(json_ld(client, story.get_absolute_url()), "NewsArticle")
    assert set(article) >= GOOGLE_RECOMMENDED
    assert all(set(author) >= AUTHOR_RECOMMENDED for author in article["author"])
    assert {"name", "url", "logo"} <= set(article["publisher"])


def test_the_authors_link_to_their_stories(client, story):
    (article,) = of_type(json_ld(client, story.get_absolute_url()), "NewsArticle")
    assert [a["name"] for a in article["author"]] == ["Li Wei", "Zhang Min"]
    for author in article["author"]:
        path = author["url"].removeprefix("http://testserver")
        page = client.get(path)
        assert page.status_code == 200 and "Plant opens" in page.content.decode()


def test_an_author_page_lists_only_that_names_published_stories(client, story):
    factories.article(title="Other writer", byline="Li Weiming")
    factories.draft(title="Draft by Li", byline="Li Wei")
    page = client.get("/en/news/by/Li Wei/").content.decode()
    assert "Plant opens" in page
    assert "Other writer" not in page and "Draft by Li" not in page
    assert client.get("/en/news/by/Nobody/").status_code == 404


def test_an_article_without_a_byline_is_by_the_publisher_with_its_url(client, db):
    story = factories.article(byline="")
    (article,) = of_type(json_ld(client, story.get_absolute_url()), "NewsArticle")
    (author,) = article["author"]
    assert author["@type"] == "Organization" and author["url"] == "http://testserver/"


def test_about_names_the_organisation_and_the_place_directly(client, story):
    (article,) = of_type(json_ld(client, story.get_absolute_url()), "NewsArticle")
    kinds = {item["@type"]: item for item in article["about"]}
    assert kinds["Organization"]["name"] == "AUX Group"
    assert kinds["Organization"]["url"] == "http://testserver/en/organizations/aux-group/"
    assert kinds["Place"]["address"]["addressLocality"] == "Wuhu"
    assert kinds["Project"]["name"] == "Wuhu plant"
