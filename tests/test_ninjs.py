"""ninjs 3.1 (IPTC's news in JSON): an article at its API address by content negotiation, and
the feed of the latest items. These tests check the fields we promise; conformance with
IPTC's JSON Schema is checked by hand with tests/tools/check_ninjs.py."""

import datetime
import json

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.api.ninjs import pub_status
from newsroom.demo import loader
from newsroom.models import Article, ArticleImage
from projects.models import Project
from tests import factories, pictures
from tests.api_client import get, openapi

NINJS = "application/vnd.iptc.ninjs+json"
HOUR = datetime.timedelta(hours=1)


def article_url(slug):
    return f"/api/v1/articles/{slug}"


def ninjs(client, slug, accept=NINJS, status=200):
    response = client.get(article_url(slug), headers={"Accept": accept})
    assert response.status_code == status, response.content.decode()
    if status == 200:
        assert response["Content-Type"] == NINJS
    return response


def body(response):
    return json.loads(response.content)


def test_an_article_is_ninjs_when_its_media_type_is_asked_for(client, demo):
    response = ninjs(client, demo.ARTICLE_SLUG)
    item = body(response)
    article = Article.objects.get(slug=demo.ARTICLE_SLUG)
    assert "Accept" in response["Vary"]
    assert item["standard"]["name"] == "ninjs" and item["standard"]["version"] == "3.1"
    assert item["uri"] == f"urn:uuid:{article.uuid}"
    assert item["type"] == "text"
    assert item["pubStatus"] == "usable"
    assert item["language"] == "en"
    assert item["headlines"] == [{"role": "main", "value": article.title}]
    assert item["descriptions"][0]["value"] == article.summary
    assert item["bodies"][0] == {
        "role": "main",
        "contentType": "text/html",
        "charCount": item["bodies"][0]["charCount"],
        "wordCount": item["bodies"][0]["wordCount"],
        "value": article.body,
    }
    assert item["located"] == "Wuhu, Anhui"
    assert item["copyrightNotice"] == "© 2024 AUX Group Newsroom"
    assert datetime.datetime.fromisoformat(item["firstCreated"]) == article.publish_at
    assert datetime.datetime.fromisoformat(item["versionCreated"]) == article.modified_at
    assert datetime.datetime.fromisoformat(item["contentCreated"]) == article.created_at
    assert item["altIds"] == [
        {"role": "url", "value": f"http://testserver{article.get_absolute_url()}"}
    ]


def test_without_an_accept_header_the_article_is_the_json_it_always_was(client, demo):
    data = get(client, article_url(demo.ARTICLE_SLUG))  # checked against the OpenAPI schema
    assert data["slug"] == demo.ARTICLE_SLUG and "uri" not in data
    response = client.get(article_url(demo.ARTICLE_SLUG))
    assert "Accept" in response["Vary"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/json", "application/json; charset=utf-8"),
        ("*/*", "application/json; charset=utf-8"),
        (
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/json; charset=utf-8",
        ),
        ("application/*", "application/json; charset=utf-8"),
        ("application/json, application/vnd.iptc.ninjs+json", "application/json; charset=utf-8"),
        ("application/json;q=0.5, application/vnd.iptc.ninjs+json", NINJS),
        ("application/vnd.iptc.ninjs+json;q=0.9, */*;q=0.1", NINJS),
        ("APPLICATION/VND.IPTC.NINJS+JSON", NINJS),
    ],
)
def test_the_accept_header_chooses_the_representation(client, demo, accept, expected):
    response = client.get(article_url(demo.ARTICLE_SLUG), headers={"Accept": accept})
    assert response.status_code == 200
    assert response["Content-Type"] == expected


@pytest.mark.parametrize("accept", ["application/xml", "text/html", "application/json;q=0"])
def test_an_accept_header_that_allows_neither_is_a_406_in_json(client, demo, accept):
    response = client.get(article_url(demo.ARTICLE_SLUG), headers={"Accept": accept})
    assert response.status_code == 406
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert NINJS in response.json()["detail"]
    assert "Accept" in response["Vary"]


def test_subjects_are_the_media_topics_then_the_tags(client, demo):
    subjects = body(ninjs(client, demo.ARTICLE_SLUG))["subjects"]
    assert subjects[0] == {
        "name": "economy, business and finance",
        "uri": "http://cv.iptc.org/newscodes/mediatopic/04000000",
        "literal": "medtop:04000000",
        "rel": "about",
    }
    tags = {subject["name"]: subject for subject in subjects[1:]}
    assert set(tags) == {"AUX", "Anhui", "Wuhu", "compressors", "major projects"}
    assert tags["Wuhu"]["uri"] == "http://testserver/en/news/tag/wuhu/"


def test_places_organisations_and_people_come_from_the_story_s_projects(client, demo):
    item = body(ninjs(client, demo.ARTICLE_SLUG))
    wuhu, china = item["places"]
    assert wuhu["name"] == "Wuhu, Anhui"
    assert wuhu["contactInfo"][0]["address"] == {
        "locality": "Wuhu",
        "area": "Anhui",
        "country": "China",
    }
    assert china == {
        "name": "China",
        "uri": "http://cvx.iptc.org/iso3166-1a2/cn",
        "rel": "mentions",
    }
    assert item["organisations"] == [
        {
            "name": "AUX Group",
            "rel": "owner",
            "uri": "http://testserver/en/organizations/aux-group/",
        }
    ]
    assert {person["name"]: person["rel"] for person in item["people"]} == {
        "Ningbo": "announced",
        "Xu Zhi": "spoke",
        "Li Jian": "attended",
    }


def test_pictures_are_associations_with_their_renditions(client, demo):
    (lead,) = body(ninjs(client, demo.ARTICLE_SLUG))["associations"]
    assert lead["name"] == "lead" and lead["type"] == "picture" and lead["rel"] == "picture"
    assert lead["descriptions"][0]["role"] == "alt"
    assert lead["by"] == "Newsroom demo, free to use"
    renditions = lead["renditions"]
    assert renditions[0]["name"] == "original"
    assert {r["contentType"] for r in renditions} == {"image/jpeg", "image/webp"}
    for rendition in renditions:
        assert rendition["href"].startswith("http://testserver/media/")
        assert rendition["width"] > 0 and rendition["height"] > 0
        assert default_storage.exists(rendition["href"].removeprefix("http://testserver/media/"))


def test_a_picture_without_alt_text_is_not_associated(client, db):
    described = pictures.image(title="Described", alt_text="A compressor on a bench.")
    undescribed = pictures.image(title="Undescribed", alt_text="")
    article = factories.article(lead_image=described)
    ArticleImage.objects.create(article=article, image=undescribed, order=1)
    associations = body(ninjs(client, article.slug))["associations"]
    assert [a["headlines"][0]["value"] for a in associations] == ["Described"]


def test_empty_fields_are_left_out_rather_than_sent_empty(client, db):
    article = factories.article(summary="", byline="", dateline="")
    item = body(ninjs(client, article.slug))
    for absent in ("descriptions", "by", "located", "subjects", "places", "associations"):
        assert absent not in item


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"publish_at": timezone.now() + HOUR},
        {"embargo_until": timezone.now() + HOUR},
        {"status": Article.Status.ARCHIVED},
    ],
    ids=["draft", "scheduled", "embargoed", "archived"],
)
def test_an_article_the_public_may_not_see_has_no_ninjs(client, db, fields):
    hidden = factories.article(**fields)
    ninjs(client, hidden.slug, status=404)
    items = body(client.get("/api/v1/ninjs"))["results"]
    assert f"urn:uuid:{hidden.uuid}" not in {item["uri"] for item in items}


def test_pub_status_is_usable_for_a_published_story(db):
    assert pub_status(factories.article()) == "usable"


def test_the_ninjs_feed_pages_the_latest_items_newest_first(client, db):
    stories = [factories.article(publish_at=timezone.now() - n * HOUR) for n in range(1, 4)]
    page = get(client, "/api/v1/ninjs", {"page_size": 2})
    assert page["count"] == 3 and page["pages"] == 2
    assert [item["uri"] for item in page["results"]] == [
        f"urn:uuid:{story.uuid}" for story in stories[:2]
    ]
    assert page["next"] == "http://testserver/api/v1/ninjs?page_size=2&page=2"
    last = get(client, "/api/v1/ninjs", {"page_size": 2, "page": 2})
    assert [item["uri"] for item in last["results"]] == [f"urn:uuid:{stories[2].uuid}"]
    assert get(client, "/api/v1/ninjs", {"page": 3}, status=404)["detail"]
    assert get(client, "/api/v1/ninjs", {"page": "x"}, status=400)["errors"]["page"]


def test_a_feed_item_is_the_article_s_own_ninjs(client, demo):
    (item,) = get(client, "/api/v1/ninjs", {"lang": "en"})["results"]
    assert item == body(ninjs(client, demo.ARTICLE_SLUG))


def test_the_page_cache_keeps_json_and_ninjs_apart(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = article_url(demo.ARTICLE_SLUG)
    for _ in range(2):  # a miss, then a hit, of each
        assert client.get(url)["Content-Type"].startswith("application/json")
        assert ninjs(client, demo.ARTICLE_SLUG)["Content-Type"] == NINJS
        assert client.get(url, headers={"Accept": "application/xml"}).status_code == 406
    assert ninjs(client, demo.ARTICLE_SLUG)["X-Cache"] == "hit"


def test_a_conditional_request_for_ninjs_is_told_of_the_ninjs_etag(client, demo):
    first = ninjs(client, demo.ARTICLE_SLUG)
    plain = client.get(article_url(demo.ARTICLE_SLUG))
    assert first["ETag"] != plain["ETag"]
    again = client.get(
        article_url(demo.ARTICLE_SLUG),
        headers={"Accept": NINJS, "If-None-Match": first["ETag"]},
    )
    assert again.status_code == 304


def grow(count):
    """More stories with tags and topics, about the demo project (its events have people)."""
    category = factories.category()
    topic = factories.topic()
    project = Project.objects.get(slug=loader.PROJECT_SLUG)
    for n in range(count):
        story = factories.article(category=category, tags=[f"ninjs tag {n}", "shared"])
        story.subjects.add(topic, factories.topic())
        factories.link(story, project)


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, headers=headers).status_code == 200
    return len(captured)


def test_ninjs_queries_are_pinned_and_do_not_grow_with_content(client, demo):
    url = article_url(demo.ARTICLE_SLUG)
    # the next visibility change; the article (with its lead image); tags, subjects,
    # corrections, gallery, projects, their roles, their events, the people at them
    assert queries(client, url, Accept=NINJS) == 10
    # the next visibility change; count, page, then the same eight prefetches
    feed = queries(client, "/api/v1/ninjs")
    assert feed == 11
    grow(25)
    assert queries(client, "/api/v1/ninjs") == feed


def test_the_openapi_document_describes_the_ninjs_representation_and_feed(client, db):
    paths = openapi()["paths"]
    article = paths["/api/v1/articles/{slug}"]["get"]
    assert NINJS in article["responses"]["200"]["content"]
    assert "406" in article["responses"]
    assert "ninjs 3.1" in article["description"]
    feed = paths["/api/v1/ninjs"]["get"]
    assert "ninjs" in feed["summary"]
    assert "application/vnd.iptc.ninjs+json" in openapi()["info"]["description"]
