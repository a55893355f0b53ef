"""Titles, descriptions, canonical URLs, social cards and JSON-LD on every page."""

import json
import re

import pytest

from newsroom.demo.loader import ARTICLE_SLUG
from tests import factories

ARTICLE = f"/en/news/{ARTICLE_SLUG}/"
PAGES = [
    "/en/",
    "/en/news/",
    ARTICLE,
    "/en/news/category/enterprise-news/",
    "/en/news/tag/wuhu/",
    "/en/news/2024/",
    "/en/news/2024/01/",
    "/en/projects/",
    "/en/projects/aux-compressor-wuhu/",
    "/en/organizations/aux-group/",
    "/en/search/?q=wuhu",
]


def head(client, url):
    page = client.get(url).content.decode()
    return page.split("</head>")[0]


def meta(html, key):
    found = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)"', html)
    return found and found.group(1)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [item for block in blocks for item in json.loads(block)]


def test_every_page_has_a_unique_title(client, demo):
    titles = [re.search(r"<title>(.*?)</title>", head(client, url)).group(1) for url in PAGES]
    assert len(set(titles)) == len(titles), titles


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_description_canonical_and_social_tags(client, demo, url):
    html = head(client, url)
    assert meta(html, "description")
    assert '<link rel="canonical" href="http://testserver/' in html
    for key in ("og:title", "og:description", "og:image", "og:type", "twitter:card"):
        assert meta(html, key), key


def test_canonical_url_drops_junk_parameters(client, demo):
    html = head(client, "/en/news/?utm_source=x&page=1")
    assert '<link rel="canonical" href="http://testserver/en/news/">' in html


def test_article_json_ld_is_a_news_article_with_the_required_properties(client, demo):
    article, crumbs = json_ld(head(client, ARTICLE))
    assert article["@type"] == "NewsArticle"
    for key in ("headline", "description", "image", "datePublished", "dateModified", "author"):
        assert article[key], key
    assert article["datePublished"].startswith("2024-01-02T10:00:00")
    assert article["publisher"]["logo"]["url"].endswith(".png")
    topic = article["about"][0]  # its IPTC Media Topic first, then its project
    assert topic["sameAs"] == "http://cv.iptc.org/newscodes/mediatopic/04000000"
    # The project, and directly its organisations and its place (test_site_structured_data.py).
    (about,) = [item for item in article["about"] if item["@type"] == "Project"]
    assert about["location"]["address"]["addressLocality"] == "Wuhu"
    assert about["parentOrganization"][0]["name"] == "AUX Group"
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in crumbs["itemListElement"]][:2] == ["Home", "Enterprise News"]


def test_project_json_ld_describes_the_project_its_owner_and_place(client, demo):
    project, _ = json_ld(head(client, "/en/projects/aux-compressor-wuhu/"))
    assert project["@type"] == "Project"
    assert project["location"]["address"]["addressCountry"] == "CN"
    assert project["parentOrganization"] == [{"@type": "Organization", "name": "AUX Group"}]


def test_a_title_with_a_script_tag_cannot_break_out_of_json_ld(client, db):
    story = factories.article(title="</script><script>alert(1)</script> & <!--")
    html = client.get(story.get_absolute_url()).content.decode()
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(block)[0]["headline"].startswith("</script><script>")
    assert "<script>alert(1)" not in html


def test_editor_overrides_replace_title_and_description_and_can_hide_a_page(client, db):
    story = factories.article(
        title="Long title", seo_title="Short", meta_description="Custom text", noindex=True
    )
    html = head(client, story.get_absolute_url())
    assert "<title>Short · " in html
    assert meta(html, "description") == "Custom text" and meta(html, "og:title") == "Short"
    assert meta(html, "robots") == "noindex"


def test_date_modified_follows_the_latest_correction(client, db):
    from django.utils import timezone

    from newsroom.models import Correction

    story = factories.article()
    later = timezone.now() + timezone.timedelta(minutes=5)
    Correction.objects.create(article=story, note="Fixed.", noted_at=later)
    article, _ = json_ld(head(client, story.get_absolute_url()))
    assert article["dateModified"] == later.isoformat()
