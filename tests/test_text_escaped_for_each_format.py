"""Plain text (titles, summaries, names, captions) is escaped for the format it lands in:
a reader of each format, rendering it as that reader would, finds the hostile text as text
and no element, attribute or script made from it."""

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from tests import factories

HOSTILE = '</script><script>alert(9)</script><img src=x onerror="alert(8)">&amp;<b>'
ATOM = "{http://www.w3.org/2005/Atom}"


class Elements(HTMLParser):
    """The element names an HTML renderer would build from a fragment."""

    def __init__(self, fragment):
        super().__init__()
        self.found = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.found.append(tag)


@pytest.fixture
def hostile_story(db):
    story = factories.article(
        title=f"Title {HOSTILE}",
        subtitle=f"Subtitle {HOSTILE}",
        summary=f"Summary {HOSTILE}",
        byline=f"Byline {HOSTILE}",
        category=factories.category(name=f"Section {HOSTILE}", slug="hostile"),
        tags=[f"Tag {HOSTILE}"[:100]],
        body="<p>Safe body.</p>",
    )
    return story


def feed_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return ET.fromstring(response.content)


def test_rss_descriptions_render_the_summary_as_text(client, hostile_story):
    item = feed_xml(client, "/en/news/feed.rss").find("channel/item")
    description = item.findtext("description")
    assert Elements(description).found == []
    assert "&lt;script&gt;" in description  # the reader shows the characters themselves


def test_atom_html_summaries_render_the_summary_as_text(client, hostile_story):
    entry = feed_xml(client, "/en/news/feed.atom").find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    assert Elements(summary.text).found == []
    # Atom titles are type="text" (the default), so the raw characters are right there.
    title = entry.find(f"{ATOM}title")
    assert title.get("type") in (None, "text") and title.text == f"Title {HOSTILE}"


def test_feed_categories_and_authors_are_text_elements(client, hostile_story):
    item = feed_xml(client, "/en/news/feed.rss").find("channel/item")
    assert f"Section {HOSTILE}" in [c.text for c in item.findall("category")]
    entry = feed_xml(client, "/en/news/feed.atom").find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}author/{ATOM}name").text == f"Byline {HOSTILE}"


def test_html_pages_show_every_plain_field_as_text(client, hostile_story):
    for url in [hostile_story.get_absolute_url(), "/en/news/", "/en/news/category/hostile/"]:
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page, url


def test_json_ld_cannot_be_ended_by_a_title(client, hostile_story):
    page = client.get(hostile_story.get_absolute_url()).content.decode()
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    block = page[start : page.index("</script>", start)]
    (article, *_) = json.loads(block)
    assert article["headline"] == f"Title {HOSTILE}"
    assert "</script>" not in block


def test_the_api_returns_plain_text_as_json_strings(client, hostile_story):
    body = client.get(f"/api/v1/articles/{hostile_story.slug}").json()
    assert body["title"] == f"Title {HOSTILE}" and body["summary"] == f"Summary {HOSTILE}"
