"""The API's news: published articles with filters and pages, one article, categories, tags."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from newsroom.demo.loader import ARTICLE_SLUG, PROJECT_SLUG
from newsroom.models import Article, Correction
from projects.models import ArticleProject
from tests import factories, pictures
from tests.api_client import get, slugs

ARTICLE = f"/api/v1/articles/{ARTICLE_SLUG}"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_article_list_gives_the_demo_story_with_its_dates_category_tags_and_addresses(client, demo):
    page = get(client, "/api/v1/articles?lang=en")  # the demo story, not its translation
    assert (page["count"], page["page"], page["pages"]) == (1, 1, 1)
    assert (page["next"], page["previous"]) == (None, None)
    [story] = page["results"]
    assert story["slug"] == ARTICLE_SLUG
    assert story["title"].startswith("AUX Compressor Project")
    assert story["summary"].startswith("AUX's Wuhu plant for 30 million")
    assert story["dateline"] == "Wuhu, Anhui"
    assert story["published_at"] == "2024-01-02T10:00:00Z"  # 18:00 in Shanghai, in UTC
    assert story["category"] == {"slug": "enterprise-news", "name": "Enterprise News"}
    assert {tag["name"] for tag in story["tags"]} == {
        "AUX",
        "Anhui",
        "Wuhu",
        "compressors",
        "major projects",
    }
    assert story["url"] == f"http://testserver/en/news/{ARTICLE_SLUG}/"
    assert story["api_url"] == f"http://testserver{ARTICLE}"
    assert "body" not in story


def test_article_detail_gives_the_body_as_stored_and_the_project_it_announces(client, demo):
    story = get(client, ARTICLE)
    assert story["body"] == Article.objects.get(slug=ARTICLE_SLUG).body
    assert story["body"].startswith("<p>On January 2, 2024,")
    assert story["projects"] == [
        {
            "slug": PROJECT_SLUG,
            "name": "AUX Intelligent Air Conditioning Compressor Production and "
            "Construction Project (Wuhu branch)",
            "link": "announces",
            "link_label": "Announces",
            "url": f"http://testserver/en/projects/{PROJECT_SLUG}/",
            "api_url": f"http://testserver/api/v1/projects/{PROJECT_SLUG}",
        }
    ]
    lead = story["images"]["lead"]
    assert lead["alt"] and lead["width"] == 960 and lead["social_card"].endswith(".jpg")
    assert {r["format"] for r in lead["renditions"]} == {"webp", "jpg"}
    assert all(r["url"].startswith("http://testserver/media/") for r in lead["renditions"])
    assert story["corrections"] == []


def test_article_detail_gives_the_lead_image_with_its_alt_text_and_credit(client, db):
    picture = pictures.image(alt_text="The compressor plant under construction", credit="AUX Group")
    story = factories.article(lead_image=picture)
    lead = get(client, f"/api/v1/articles/{story.slug}")["images"]["lead"]
    assert lead["url"] == f"http://testserver{picture.file.url}"
    assert (lead["alt"], lead["caption"], lead["credit"]) == (
        "The compressor plant under construction",
        "",
        "AUX Group",
    )
    assert (lead["width"], lead["height"]) == (400, 300)
    assert [r["width"] for r in lead["renditions"] if r["format"] == "webp"] == [320, 400]


def test_an_undescribed_lead_image_is_not_given(client, db):
    story = factories.article(lead_image=pictures.image(alt_text=""))
    assert get(client, f"/api/v1/articles/{story.slug}")["images"]["lead"] is None


def test_article_detail_gives_its_corrections_in_order(client, db):
    story = factories.article()
    Correction.objects.create(article=story, note="The date was wrong.")
    Correction.objects.create(article=story, kind="update", note="Figures added.")
    corrections = get(client, f"/api/v1/articles/{story.slug}")["corrections"]
    assert [(c["kind"], c["note"]) for c in corrections] == [
        ("correction", "The date was wrong."),
        ("update", "Figures added."),
    ]


def test_article_detail_lists_only_published_projects(client, db):
    story = factories.article()
    factories.link(story, factories.project(slug="public-plant"), ArticleProject.Link.UPDATES)
    factories.link(story, factories.project(slug="secret-plant", is_published=False))
    projects = get(client, f"/api/v1/articles/{story.slug}")["projects"]
    assert [(p["slug"], p["link"]) for p in projects] == [("public-plant", "updates")]


def test_articles_are_filtered_by_category_tag_year_and_project(client, db):
    energy = factories.category(slug="energy")
    plant = factories.project(slug="plant")
    in_2024 = datetime.datetime(2024, 6, 1, tzinfo=SHANGHAI)
    a = factories.article(slug="a", category=energy, tags=["Solar"], publish_at=in_2024)
    b = factories.article(slug="b", tags=["Solar", "Wind"])
    factories.article(slug="c", category=energy)
    factories.link(b, plant)
    assert a and b
    assert slugs(get(client, "/api/v1/articles", {"category": "energy"})) == ["c", "a"]
    assert slugs(get(client, "/api/v1/articles", {"tag": "solar"})) == ["b", "a"]
    assert slugs(get(client, "/api/v1/articles", {"year": 2024})) == ["a"]
    assert slugs(get(client, "/api/v1/articles", {"project": "plant"})) == ["b"]
    both = {"category": "energy", "tag": "solar"}
    assert slugs(get(client, "/api/v1/articles", both)) == ["a"]


def test_the_year_filter_counts_in_the_sites_time_zone(client, db):
    # 20:00 UTC on 31 December 2024 is already 2025 in Shanghai, as on the archive pages.
    new_year = datetime.datetime(2024, 12, 31, 20, 0, tzinfo=datetime.UTC)
    factories.article(slug="new-year", publish_at=new_year)
    assert slugs(get(client, "/api/v1/articles", {"year": 2025})) == ["new-year"]
    assert slugs(get(client, "/api/v1/articles", {"year": 2024})) == []


def test_a_filter_value_that_names_nothing_gives_an_empty_list_not_an_error(client, db):
    hidden = factories.project(slug="unannounced", is_published=False)
    factories.link(factories.article(tags=["Secret"]), hidden)
    factories.draft(tags=["Draft topic"])
    for params in (
        {"category": "no-such-category"},
        {"tag": "no-such-tag"},
        {"tag": "draft-topic"},  # exists, but only on a draft: indistinguishable
        {"project": "no-such-project"},
        {"project": "unannounced"},  # exists, but is not published: indistinguishable
        {"year": 1990},
    ):
        page = get(client, "/api/v1/articles", params)
        assert (page["count"], page["results"]) == (0, []), params


def test_articles_come_in_pages_with_the_addresses_of_the_next_and_previous(client, db):
    news = factories.category(slug="news")
    now = timezone.now()
    for n in range(5):
        factories.article(slug=f"s{n}", category=news, publish_at=now - datetime.timedelta(n))
    first = get(client, "/api/v1/articles", {"category": "news", "page_size": 2})
    assert (first["count"], first["pages"], first["page_size"]) == (5, 3, 2)
    assert slugs(first) == ["s0", "s1"]
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/articles?category=news&page_size=2&page=2"
    second = get(client, first["next"])
    assert slugs(second) == ["s2", "s3"]
    assert second["previous"].endswith("page=1")
    last = get(client, second["next"])
    assert (slugs(last), last["next"]) == (["s4"], None)


def test_categories_are_listed_in_order_with_their_published_articles_counted(client, db):
    second = factories.category(name="Second", slug="second", order=2)
    first = factories.category(name="First", slug="first", order=1)
    factories.article(category=second)
    factories.article(category=second)
    factories.draft(category=second)
    factories.scheduled(category=first)
    page = get(client, "/api/v1/categories")
    counts = {c["slug"]: c["article_count"] for c in page["results"]}
    assert slugs(page) == ["first", "second"]
    assert counts == {"first": 0, "second": 2}
    assert page["results"][1]["articles_url"] == "http://testserver/api/v1/articles?category=second"
    assert page["results"][1]["url"] == "http://testserver/en/news/category/second/"


def test_tags_are_listed_by_name_when_a_published_article_has_them(client, db):
    factories.article(tags=["wind", "Solar"])
    factories.article(tags=["Solar"])
    factories.draft(tags=["Solar", "Merger talks"])
    factories.scheduled(tags=["Launch"])
    page = get(client, "/api/v1/tags")
    assert [(t["name"], t["article_count"]) for t in page["results"]] == [
        ("Solar", 2),
        ("wind", 1),
    ]
    assert page["results"][0]["articles_url"] == "http://testserver/api/v1/articles?tag=solar"


def test_chinese_tags_keep_their_characters(client, db):
    factories.article(tags=["压缩机"])
    [tag] = get(client, "/api/v1/tags")["results"]
    assert (tag["name"], tag["slug"]) == ("压缩机", "压缩机")
    assert (
        tag["articles_url"] == "http://testserver/api/v1/articles?tag=%E5%8E%8B%E7%BC%A9%E6%9C%BA"
    )
    assert len(get(client, "/api/v1/articles", {"tag": "压缩机"})["results"]) == 1
    assert "压缩机".encode() in client.get("/api/v1/tags").content  # not \u escapes
