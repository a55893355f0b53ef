"""IPTC Media Topics: loaded from IPTC's JSON by a command, chosen in the article form by
autocomplete, shown as topic pages, in sitemaps and in the article's JSON-LD."""

import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import Article, MediaTopic
from newsroom.views import ArticleListView
from tests import factories
from tests.conftest import load_chrome

BASE = "http://cv.iptc.org/newscodes/mediatopic/"


def concept(code, en=None, broader=None, **extra):
    """One concept as IPTC's cptall JSON gives it."""
    item = {
        "uri": f"{BASE}{code}",
        "qcode": f"medtop:{code}",
        "type": ["http://www.w3.org/2004/02/skos/core#Concept"],
        "inScheme": [BASE],
        "prefLabel": {"en-GB": en} if en else {},
        **extra,
    }
    if broader:
        item["broader"] = [broader if broader.startswith("medtop:") else f"{BASE}{broader}"]
    return item


def topic_file(tmp_path, concepts, name="cptall-en-GB.json"):
    path = tmp_path / name
    scheme = {"uri": BASE, "prefLabel": {"en-GB": "Media Topic"}, "conceptSet": concepts}
    path.write_text(json.dumps(scheme, ensure_ascii=False), encoding="utf-8")
    return path


def load(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_media_topics", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


SMALL = [
    concept(
        "04000000",
        "economy, business and finance",
        definition={"en-GB": "All matters concerning the planning, production and exchange."},
    ),
    concept("20000344", "economic sector", broader="04000000"),
    concept("20000349", "manufacturing and engineering", broader="20000344"),
    concept(
        "20000385",
        "an old name",
        broader="medtop:04000000",  # broader as a qcode, which some exports give
        retired="2019-10-28T12:00:00+00:00",
    ),
]


def test_the_loader_reads_labels_definitions_broader_topics_and_retirements(db, tmp_path):
    out, err = load(topic_file(tmp_path, SMALL))
    assert "4 added, 0 changed, 0 unchanged; 1 retired" in out and not err
    economy = MediaTopic.objects.get(qcode="medtop:04000000")
    assert economy.name == "economy, business and finance"
    assert economy.definition.startswith("All matters")
    assert economy.broader is None and not economy.is_retired
    manufacturing = MediaTopic.objects.get(qcode="medtop:20000349")
    assert manufacturing.broader.broader == economy
    old = MediaTopic.objects.get(qcode="medtop:20000385")
    assert old.broader == economy and old.is_retired
    assert old.retired_at.year == 2019
    assert set(MediaTopic.objects.current().values_list("qcode", flat=True)) == {
        "medtop:04000000",
        "medtop:20000344",
        "medtop:20000349",
    }


def test_loading_again_changes_nothing_and_an_edited_file_is_applied(db, tmp_path):
    path = topic_file(tmp_path, SMALL)
    load(path)
    out, _ = load(path)
    assert "0 added, 0 changed, 4 unchanged" in out
    edited = [concept("04000000", "economy, business and finance (new)"), *SMALL[1:]]
    out, _ = load(topic_file(tmp_path, edited))
    assert "0 added, 1 changed, 3 unchanged" in out
    assert MediaTopic.objects.get(qcode="medtop:04000000").name.endswith("(new)")


def test_a_file_in_another_language_adds_its_labels_and_keeps_the_english(db, tmp_path):
    load(topic_file(tmp_path, SMALL))
    chinese = [{**concept("04000000"), "prefLabel": {"zh-Hans": "经济、商业和金融"}}]
    load(topic_file(tmp_path, chinese, name="cptall-zh-Hans.json"))
    economy = MediaTopic.objects.get(qcode="medtop:04000000")
    assert economy.name == "economy, business and finance"
    assert economy.name_zh_hans == "经济、商业和金融"
    assert economy.label("zh-Hans") == "经济、商业和金融" and economy.label("en") == economy.name
    assert economy.definition.startswith("All matters")  # not in that file: kept


def test_a_retired_topic_stays_on_its_stories(db, tmp_path):
    load(topic_file(tmp_path, SMALL))
    story = factories.article()
    story.subjects.add(MediaTopic.objects.get(qcode="medtop:20000344"))
    retired = [
        concept("20000344", "economic sector", broader="04000000", retired="2026-01-01T00:00:00Z")
    ]
    load(topic_file(tmp_path, retired))
    assert story.subjects.get().is_retired
    assert MediaTopic.objects.count() == 4  # nothing deleted


def test_a_broader_topic_not_known_yet_is_reported_and_left_for_a_later_file(db, tmp_path):
    _, err = load(
        topic_file(tmp_path, [concept("20000344", "economic sector", broader="04000000")])
    )
    assert "medtop:20000344 → medtop:04000000" in err
    assert MediaTopic.objects.get().broader is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not JSON"),
        ('{"concepts": []}', "No “conceptSet” list"),
        (
            json.dumps({"conceptSet": [{"qcode": "subj:04000000"}]}),
            "Concept 1 has no Media Topic qcode",
        ),
        (
            json.dumps({"conceptSet": [concept("04000000", "economy", retired="soon")]}),
            "not a date",
        ),
        (json.dumps({"conceptSet": [concept("04000000")]}), "has no English label"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_is_loaded(
    db, tmp_path, content, message
):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message) as refused:
        load(path)
    assert "Nothing was loaded" in str(refused.value)
    assert not MediaTopic.objects.exists()


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        load(tmp_path / "cptall-en-GB.json")


def test_the_database_refuses_a_code_outside_media_topics_and_a_topic_its_own_broader(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        MediaTopic.objects.create(qcode="subj:04000000", name="economy")
    topic = factories.topic()
    with pytest.raises(IntegrityError), transaction.atomic():
        MediaTopic.objects.filter(pk=topic.pk).update(broader=topic)


def test_the_model_explains_a_malformed_code_and_a_loop_to_an_editor(db):
    with pytest.raises(ValidationError, match="eight digits"):
        MediaTopic(qcode="medtop:4", name="economy").full_clean()
    topic = factories.topic()
    topic.broader = topic
    with pytest.raises(ValidationError, match="its own broader topic"):
        topic.full_clean()


def test_the_demo_seeds_the_17_top_level_topics_and_files_the_aux_story_under_economy(demo):
    top = MediaTopic.objects.filter(broader__isnull=True)
    assert top.count() == 17
    assert top.get(qcode="medtop:04000000").name == "economy, business and finance"
    assert top.get(qcode="medtop:04000000").name_zh_hans == "经济、商业和金融"
    story = Article.objects.get(slug=demo.ARTICLE_SLUG)
    assert [topic.qcode for topic in story.subjects.all()] == ["medtop:04000000"]


def autocomplete(client, term):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "newsroom", "model_name": "article", "field_name": "subjects", "term": term},
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_writers_choose_subjects_by_name_or_code_and_retired_topics_are_not_offered(
    writer_client, demo
):
    assert autocomplete(writer_client, "econ") == [
        "economy, business and finance (medtop:04000000)"
    ]
    assert autocomplete(writer_client, "04000000") == [
        "economy, business and finance (medtop:04000000)"
    ]
    MediaTopic.objects.filter(qcode="medtop:04000000").update(retired_at=timezone.now())
    assert autocomplete(writer_client, "econ") == []
    form = writer_client.get("/admin/newsroom/article/add/").content.decode()
    assert 'name="subjects"' in form and "admin-autocomplete" in form


def test_editors_may_correct_a_label_but_nobody_adds_topics_by_hand(editor_client, demo):
    topic = MediaTopic.objects.get(qcode="medtop:05000000")
    url = f"/admin/newsroom/mediatopic/{topic.pk}/change/"
    response = editor_client.post(
        url, {"name": "education", "name_zh_hans": "教育（改）", "definition": ""}
    )
    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name_zh_hans == "教育（改）" and topic.qcode == "medtop:05000000"
    assert editor_client.get("/admin/newsroom/mediatopic/add/").status_code == 403
    assert editor_client.get("/admin/newsroom/mediatopic/?retired=yes").status_code == 200


def test_a_topic_page_lists_its_published_stories_only_and_is_paged(client, db):
    topic = factories.topic(qcode="medtop:04000000", name="economy, business and finance")
    size = ArticleListView.paginate_by
    stories = [factories.article(title=f"Economy story {n}.") for n in range(size + 1)]
    hidden = factories.draft(title="Draft economy story")
    factories.article(title="Another topic's story")
    for story in [*stories, hidden]:
        story.subjects.add(topic)
    first = client.get("/en/news/topics/04000000/")
    assert first.status_code == 200
    page = first.content.decode()
    assert "Topic: economy, business and finance" in page
    assert "Economy story 0." in page and f"Economy story {size}." not in page
    assert "Draft economy story" not in page and "Another topic" not in page
    second = client.get("/en/news/topics/04000000/?page=2").content.decode()
    assert f"Economy story {size}." in second


def test_a_topic_without_published_stories_has_no_page(client, db):
    topic = factories.topic(qcode="medtop:05000000", name="education")
    assert client.get("/en/news/topics/05000000/").status_code == 404
    factories.draft().subjects.add(topic)
    assert client.get("/en/news/topics/05000000/").status_code == 404
    assert client.get("/en/news/topics/not-a-code/").status_code == 404
    assert client.get("/en/news/topics/99999999/").status_code == 404


def test_topic_pages_are_in_the_sitemap_when_they_have_stories(client, db):
    used = factories.topic(qcode="medtop:04000000")
    factories.topic(qcode="medtop:05000000")
    factories.article().subjects.add(used)
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-topics.xml" in index
    sitemap = client.get("/sitemap-topics.xml").content.decode()
    assert "http://testserver/en/news/topics/04000000/" in sitemap
    assert "05000000" not in sitemap


def test_the_article_page_links_its_topics_and_names_them_in_json_ld_about(client, demo):
    page = client.get(f"/en/news/{demo.ARTICLE_SLUG}/").content.decode()
    assert '<a href="/en/news/topics/04000000/">economy, business and finance</a>' in page
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    graph = json.loads(page[start : page.index("</script>", start)])
    about = graph[0]["about"]
    assert about[0] == {
        "@type": "Thing",
        "name": "economy, business and finance",
        "sameAs": "http://cv.iptc.org/newscodes/mediatopic/04000000",
        "url": "http://testserver/en/news/topics/04000000/",
    }
    assert about[1]["@type"] == "Project"


def test_topic_page_queries_are_pinned_and_do_not_grow_with_content(client, db):
    topic = factories.topic(qcode="medtop:04000000")

    def count():
        load_chrome()  # the header's and footer's data, pinned on its own in test_query_counts
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/news/topics/04000000/").status_code == 200
        return len(captured)

    for n in range(3):
        factories.article(tags=[f"few {n}"]).subjects.add(topic)
    # the topic (if it has a published story), count, page, tags
    assert count() == 4
    for n in range(30):
        factories.article(tags=[f"more {n}"]).subjects.add(topic, factories.topic())
    assert count() == 4
