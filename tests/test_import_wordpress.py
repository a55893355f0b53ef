"""import_wordpress: a WordPress export's posts become articles, losing nothing."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from newsroom.importers.models import ImportedItem
from newsroom.models import Article, Category
from tests import wxr_support as wxr

pytestmark = pytest.mark.django_db


def run(path, *args):
    out = io.StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out)
    print(out.getvalue())  # the importer's own numbers, in the test log
    return out.getvalue()


@pytest.fixture
def newsroom_export(tmp_path):
    return wxr.write(
        tmp_path,
        wxr.export(
            wxr.author("jane", "Jane Doe"),
            wxr.category("news", "News"),
            wxr.category("plants", "Plants", parent="news"),
            wxr.tag("energy", "Energy"),
            wxr.post(
                1,
                "New plant in Wuhu",
                "First paragraph.\n\nSecond line one\nline two.",
                slug="new-plant-in-wuhu",
                excerpt="A <b>new</b> plant.",
                categories=(("news", "News"), ("plants", "Plants")),
                tags=(("energy", "Energy"), ("energy-2", "ENERGY")),
            ),
            wxr.post(2, "芜湖新工厂投产", "<p>中文正文。</p>", slug="%e8%8a%9c%e6%b9%96"),
            wxr.post(3, "Coming soon", status="future", date_gmt="2099-01-01 00:00:00"),
            wxr.post(4, "Half done", status="draft", date_gmt="0000-00-00 00:00:00"),
            wxr.post(5, "Waiting", status="pending"),
            wxr.post(6, "Staff only", status="private"),
            wxr.post(7, "Secret", password="hunter2"),
            wxr.post(8, "Binned", status="trash"),
            wxr.post(9, "About us", post_type="page", comments=2),
            wxr.post(10, "Menu", post_type="nav_menu_item"),
            wxr.post(11, "Product", post_type="product"),
        ),
    )


def test_published_posts_become_published_articles_with_title_slug_summary_and_byline(
    newsroom_export,
):
    run(newsroom_export)
    article = Article.objects.get(slug="new-plant-in-wuhu")
    assert article.title == "New plant in Wuhu"
    assert article.status == Article.Status.PUBLISHED and article.is_published
    assert article.summary == "A new plant."
    assert article.byline == "Jane Doe"
    assert article.publish_at == datetime.datetime(2019, 3, 4, 2, 0, tzinfo=datetime.UTC)
    assert article.body == "<p>First paragraph.</p>\n<p>Second line one<br>line two.</p>"


def test_chinese_titles_and_percent_encoded_slugs_are_kept_in_unicode(newsroom_export):
    run(newsroom_export)
    article = Article.objects.get(title="芜湖新工厂投产")
    assert article.slug == "芜湖"
    assert article.body == "<p>中文正文。</p>"


def test_statuses_map_to_ours_and_the_trash_is_skipped(newsroom_export):
    run(newsroom_export)
    status = dict(Article.objects.values_list("title", "status"))
    assert status["Coming soon"] == "published"
    assert Article.objects.get(title="Coming soon").visibility == "Scheduled"
    assert status["Half done"] == "draft"
    assert status["Waiting"] == "review"
    assert status["Staff only"] == "draft"
    assert status["Secret"] == "draft"
    assert "Binned" not in status


def test_private_and_password_protected_posts_carry_a_note(newsroom_export):
    run(newsroom_export)
    notes = dict(ImportedItem.objects.values_list("post_id", "note"))
    assert "Private on WordPress" in notes[6]
    assert "Password-protected on WordPress" in notes[7]


def test_nested_categories_are_flattened_to_the_deepest_and_the_others_become_tags(
    newsroom_export,
):
    run(newsroom_export)
    article = Article.objects.get(slug="new-plant-in-wuhu")
    assert article.category.name == "Plants"
    assert Category.objects.filter(slug="news").exists()
    assert sorted(article.tags.names()) == ["Energy", "News"]  # ENERGY is Energy


def test_pages_menus_comments_and_custom_types_are_counted_not_imported(newsroom_export, tmp_path):
    out = run(newsroom_export, "--report", str(tmp_path / "report.json"))
    assert not Article.objects.filter(title__in=["About us", "Menu", "Product"]).exists()
    totals = json.loads((tmp_path / "report.json").read_text())["totals"]
    assert totals["not_imported"] == {
        "comments": 2,
        "pages": 1,
        "menu items": 1,
        "“product” items": 1,
    }
    assert "Not imported (counted only)" in out


def test_the_json_report_lists_every_post_with_its_outcome(newsroom_export, tmp_path):
    run(newsroom_export, "--report", str(tmp_path / "report.json"))
    report = json.loads((tmp_path / "report.json").read_text())
    outcomes = {entry["post_id"]: entry["outcome"] for entry in report["posts"]}
    assert outcomes == {
        1: "imported",
        2: "imported",
        3: "imported",
        4: "imported",
        5: "imported",
        6: "imported",
        7: "imported",
        8: "skipped",
    }
    skipped = next(entry for entry in report["posts"] if entry["post_id"] == 8)
    assert skipped["reason"] == "in the WordPress trash"
    assert report["totals"]["posts"] == {"imported": 7, "skipped": 1}


def test_running_it_again_changes_nothing_and_duplicates_nothing(newsroom_export, tmp_path):
    run(newsroom_export)
    before = list(Article.objects.order_by("pk").values_list("pk", "version"))
    run(newsroom_export, "--report", str(tmp_path / "again.json"))
    assert list(Article.objects.order_by("pk").values_list("pk", "version")) == before
    totals = json.loads((tmp_path / "again.json").read_text())["totals"]
    assert totals["posts"] == {"unchanged": 7, "skipped": 1}


def test_a_post_changed_in_the_new_export_is_updated_in_place(tmp_path):
    first = wxr.write(tmp_path, wxr.export(wxr.post(1, "Old title", "Old text.")), "a.xml")
    second = wxr.write(tmp_path, wxr.export(wxr.post(1, "New title", "New text.")), "b.xml")
    run(first)
    article = Article.objects.get()
    run(second)
    article.refresh_from_db()
    assert (article.title, article.body) == ("New title", "<p>New text.</p>")
    assert Article.objects.count() == 1


def test_the_same_post_id_under_a_new_guid_is_the_same_post(tmp_path):
    run(wxr.write(tmp_path, wxr.export(wxr.post(1, "A", guid="old-guid")), "a.xml"))
    run(wxr.write(tmp_path, wxr.export(wxr.post(1, "B", guid="new-guid")), "b.xml"))
    assert list(Article.objects.values_list("title", flat=True)) == ["B"]


def test_a_dry_run_writes_nothing_and_says_what_it_would_do(newsroom_export, tmp_path):
    out = run(newsroom_export, "--dry-run", "--report", str(tmp_path / "dry.json"))
    assert not Article.objects.exists() and not ImportedItem.objects.exists()
    assert not Category.objects.exists()
    assert "Would import 7" in out
    assert json.loads((tmp_path / "dry.json").read_text())["totals"]["dry_run"] is True


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_both_wxr_versions_are_read(tmp_path, version):
    path = wxr.write(tmp_path, wxr.export(wxr.post(1, "Versioned", excerpt="E."), version=version))
    run(path)
    article = Article.objects.get()
    assert (article.title, article.summary) == ("Versioned", "E.")


def test_an_unknown_wxr_version_is_refused_clearly(tmp_path):
    path = wxr.write(tmp_path, wxr.export(wxr.post(1, "Old"), version="1.0"))
    with pytest.raises(CommandError, match=r"WXR 1\.0 export; WXR 1\.1 and 1\.2 are read"):
        run(path)


def test_a_malformed_export_names_the_line_and_imports_nothing(tmp_path):
    text = wxr.export(wxr.post(1, "Fine"), wxr.post(2, "Also fine"))
    broken = text.replace("<title>Also fine</title>", "<title>Also fine</titel>")
    line = broken.splitlines().index(next(x for x in broken.splitlines() if "</titel>" in x)) + 1
    with pytest.raises(CommandError, match=f"not well-formed XML at line {line}, column"):
        run(wxr.write(tmp_path, broken))
    assert not Article.objects.exists()


def test_xml_entities_are_refused(tmp_path):
    bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>'
    with pytest.raises(CommandError, match="entities"):
        run(wxr.write(tmp_path, bomb))


def test_a_file_that_is_not_an_export_is_refused(tmp_path):
    with pytest.raises(CommandError, match="not a WordPress export"):
        run(wxr.write(tmp_path, "<rss><channel><item><title>x</title></item></channel></rss>"))
    with pytest.raises(CommandError, match="No file"):
        run(tmp_path / "missing.xml")


def test_a_post_refused_on_update_is_skipped_with_its_reason_and_the_others_still_change(
    tmp_path,
):
    run(wxr.write(tmp_path, wxr.export(wxr.post(1, "One"), wxr.post(2, "Two")), "a.xml"))
    one = Article.objects.get(title="One")
    one.unpublish_at = one.publish_at + datetime.timedelta(days=1)  # an editor's expiry
    one.save()
    later = "2020-06-01 00:00:00"  # the export moves it past its expiry: refused
    changed = wxr.export(wxr.post(1, "One, later", date_gmt=later), wxr.post(2, "Two, again"))
    out = run(wxr.write(tmp_path, changed, "b.xml"))
    assert "The unpublish time must come after the publish time." in out
    assert sorted(Article.objects.values_list("title", flat=True)) == ["One", "Two, again"]


def test_two_categories_of_one_name_keep_their_parents_name(tmp_path):
    export = wxr.export(
        wxr.category("plants", "Plants"),
        wxr.category("asia", "Asia", parent="plants"),
        wxr.category("sales", "Sales"),
        wxr.category("asia-sales", "Asia", parent="sales"),
        wxr.post(1, "A", categories=(("asia", "Asia"),)),
        wxr.post(2, "B", categories=(("asia-sales", "Asia"),)),
    )
    run(wxr.write(tmp_path, export))
    names = dict(Article.objects.values_list("title", "category__name"))
    assert names == {"A": "Plants › Asia", "B": "Sales › Asia"}


def test_a_slug_taken_here_gets_a_suffix_and_a_note(tmp_path):
    from tests import factories

    factories.article(slug="taken")
    run(wxr.write(tmp_path, wxr.export(wxr.post(1, "Mine", slug="taken"))))
    assert Article.objects.get(title="Mine").slug == "taken-2"
    assert "“taken” was taken" in ImportedItem.objects.get().note


def test_a_draft_without_a_gmt_date_is_dated_at_the_old_sites_offset(tmp_path):
    new_york = wxr.post(1, "Dated", date="2019-03-04 05:00:00", date_gmt="2019-03-04 10:00:00")
    draft = wxr.post(
        2, "Undated", status="draft", date="2019-03-05 09:00:00", date_gmt="0000-00-00 00:00:00"
    )
    run(wxr.write(tmp_path, wxr.export(new_york, draft)))
    moment = Article.objects.get(title="Undated").publish_at
    assert moment == datetime.datetime(2019, 3, 5, 14, 0, tzinfo=datetime.UTC)


def test_two_wordpress_com_blogs_are_told_apart_by_their_blog_address(tmp_path):
    for blog in ("https://aux-news.wordpress.com", "https://aux-plants.wordpress.com"):
        export = wxr.export(wxr.post(1, blog), site="http://wordpress.com", blog=blog)
        run(wxr.write(tmp_path, export))
    assert Article.objects.count() == 2
    assert ImportedItem.objects.filter(source="https://aux-plants.wordpress.com").exists()


def test_an_article_deleted_here_is_not_brought_back_by_a_later_run(tmp_path):
    run(wxr.write(tmp_path, wxr.export(wxr.post(1, "Kept"), wxr.post(2, "Unwanted")), "a.xml"))
    Article.objects.filter(title="Unwanted").delete()
    changed = wxr.export(wxr.post(1, "Kept"), wxr.post(2, "Unwanted, edited"))
    out = run(wxr.write(tmp_path, changed, "b.xml"))
    assert list(Article.objects.values_list("title", flat=True)) == ["Kept"]
    assert "deleted here since it was imported" in out


@pytest.mark.django_db
def test_a_chinese_blog_s_posts_are_chinese_articles(tmp_path):
    path = wxr.write(tmp_path, wxr.export(wxr.post(1, "芜湖工厂开工", "正文。"), language="zh-CN"))
    run(path)
    article = Article.objects.get()
    assert article.language == "zh-hans"
    assert article.get_absolute_url().startswith("/zh-hans/news/")


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("en-US", "en"),
        ("zh-CN", "zh-hans"),
        ("zh_Hans", "zh-hans"),
        ("zh-TW", "en"),
        ("", "en"),
        ("fr", "en"),
    ],
)
def test_an_export_s_language_tag_maps_to_one_of_the_site_s(tag, language):
    from newsroom.importers.posts import site_language

    assert site_language(tag) == language


def test_an_impossible_date_falls_back_to_the_next_one_the_post_has(tmp_path):
    post = wxr.post(1, "Leap", date_gmt="2019-02-30 10:00:00", date="yesterday")
    huge = wxr.post(2, "Huge id").replace(
        "<wp:post_id>2</wp:post_id>", "<wp:post_id>99999999999999999999999</wp:post_id>"
    )
    run(wxr.write(tmp_path, wxr.export(post, huge)))
    assert Article.objects.filter(title="Leap").exists()
    assert Article.objects.filter(title="Huge id").exists()
