"""import_wordpress: pictures, shortcodes and hostile markup in posts."""

import io
import json

import pytest
from django.core.management import call_command

from newsroom.models import Article, Image
from tests import wxr_support as wxr

pytestmark = pytest.mark.django_db


def run(path, *args):
    out = io.StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out)
    print(out.getvalue())
    return out.getvalue()


def report_of(tmp_path, export, *args):
    target = tmp_path / "report.json"
    run(export, "--report", str(target), *args)
    return {entry["post_id"]: entry for entry in json.loads(target.read_text())["posts"]}


@pytest.fixture
def media_dir(tmp_path):
    folder = tmp_path / "backup"
    wxr.picture(folder, "2019/03/lead.jpg", size=(120, 80))
    wxr.picture(folder, "2019/03/inline.png", kind="PNG")
    wxr.picture(folder, "2019/03/g1.jpg")
    wxr.picture(folder, "2019/03/g2.jpg")
    (folder / "wp-content/uploads/2019/03/fake.jpg").write_bytes(b"<html>not a picture</html>")
    return folder


def pictures_export(tmp_path):
    inline = f'<img class="wp-image-21 size-medium" src="{wxr.SITE}/wp-content/uploads/2019/03/inline-300x200.png" alt="">'
    caption = f'[caption id="attachment_21" align="alignnone" width="300"]{inline} The line, in 2019[/caption]'
    return wxr.write(
        tmp_path,
        wxr.export(
            wxr.attachment(20, "2019/03/lead.jpg", alt="The new line in Wuhu"),
            wxr.attachment(21, "2019/03/inline.png", caption="Assembly"),
            wxr.attachment(22, "2019/03/g1.jpg", alt="One", parent=2),
            wxr.attachment(23, "2019/03/g2.jpg", alt="Two", parent=2),
            wxr.attachment(24, "2019/03/gone.jpg", alt="Lost"),
            wxr.attachment(25, "2019/03/fake.jpg", alt="Fake"),
            wxr.post(
                1, "With pictures", f"Intro.\n\n{caption}\n\nAfter.", meta={"_thumbnail_id": 20}
            ),
            wxr.post(2, "Gallery", "[gallery]\n\nText.", meta={"_thumbnail_id": 22}),
            wxr.post(3, "Missing", '[gallery ids="24,25"]', meta={"_thumbnail_id": 24}),
        ),
    )


def test_featured_and_inline_pictures_go_through_the_admins_upload_checks(tmp_path, media_dir):
    run(pictures_export(tmp_path), "--media-dir", str(media_dir))
    article = Article.objects.get(title="With pictures")
    lead = article.lead_image
    assert (lead.alt_text, lead.width, lead.height, lead.format) == (
        "The new line in Wuhu",
        120,
        80,
        "JPEG",
    )
    assert lead.renditions["key"] == lead.rendition_key  # renditions made, as for an upload
    inline = [use.image for use in article.gallery.all()]
    assert [(i.original_filename, i.caption) for i in inline] == [("inline.png", "Assembly")]
    assert article.body == "<p>Intro.</p>\n<p>After.</p>"


def test_a_picture_without_alt_text_holds_a_published_post_in_review(tmp_path, media_dir):
    entries = report_of(tmp_path, pictures_export(tmp_path), "--media-dir", str(media_dir))
    article = Article.objects.get(title="With pictures")
    assert article.status == Article.Status.REVIEW  # the inline picture has no alt text
    assert "no alt text" in entries[1]["notes"][0]
    assert Article.objects.get(title="Gallery").status == Article.Status.PUBLISHED


def test_a_gallery_without_ids_shows_the_posts_own_attachments_in_order(tmp_path, media_dir):
    run(pictures_export(tmp_path), "--media-dir", str(media_dir))
    article = Article.objects.get(title="Gallery")
    assert article.lead_image.alt_text == "One"
    assert [use.image.alt_text for use in article.gallery.all()] == ["Two"]
    assert article.body == "<p>Text.</p>"


def test_missing_and_refused_attachments_are_reported_with_their_address(tmp_path, media_dir):
    entries = report_of(tmp_path, pictures_export(tmp_path), "--media-dir", str(media_dir))
    missing = entries[3]
    assert missing["missing_media"] == [f"{wxr.SITE}/wp-content/uploads/2019/03/gone.jpg"]
    assert "an HTML or XML document" in missing["refused_media"][0]
    assert Article.objects.get(title="Missing").lead_image is None


def test_without_a_media_dir_every_attachment_is_missing_and_the_posts_still_import(tmp_path):
    entries = report_of(tmp_path, pictures_export(tmp_path))
    assert Article.objects.count() == 3 and not Image.objects.exists()
    assert len(entries[2]["missing_media"]) == 2


def test_pictures_are_not_imported_twice_on_a_second_run(tmp_path, media_dir):
    export = pictures_export(tmp_path)
    run(export, "--media-dir", str(media_dir))
    assert Image.objects.count() == 4  # lead, inline and the two of the gallery
    changed = export.read_text().replace("With pictures", "With pictures, updated")
    entries = report_of(
        tmp_path, wxr.write(tmp_path, changed, "b.xml"), "--media-dir", str(media_dir)
    )
    assert entries[1]["outcome"] == "updated"
    assert Image.objects.count() == 4
    assert Article.objects.get(title="With pictures, updated").gallery.count() == 1


def test_a_dry_run_checks_pictures_but_stores_none(tmp_path, media_dir):
    entries = report_of(
        tmp_path, pictures_export(tmp_path), "--media-dir", str(media_dir), "--dry-run"
    )
    assert not Image.objects.exists()
    assert not list((tmp_path / "media").rglob("*.*")) if (tmp_path / "media").exists() else True
    assert "an HTML or XML document" in entries[3]["refused_media"][0]


def test_other_shortcodes_stay_visible_as_marked_text_and_are_reported(tmp_path):
    content = (
        "Watch: [embed]https://www.youtube.com/watch?v=x[/embed]\n\n"
        '[audio mp3="https://old.example.com/a.mp3"][/audio]\n\n'
        '[video src="v.mp4" /]\n\n[contact-form-7 id="5" title="Ask"]\n\n'
        "Literal [[gallery]] and [Reuters] stay."
    )
    path = wxr.write(tmp_path, wxr.export(wxr.post(1, "Codes", content)))
    entries = report_of(tmp_path, path)
    body = Article.objects.get().body
    assert entries[1]["shortcodes"] == [
        "[embed]https://www.youtube.com/watch?v=x[/embed]",
        '[audio mp3="https://old.example.com/a.mp3"][/audio]',
        '[video src="v.mp4" /]',
        '[contact-form-7 id="5" title="Ask"]',
    ]
    assert (
        "<p><strong>WordPress shortcode, not imported:</strong> "
        '<code>[contact-form-7 id="5" title="Ask"]</code></p>'
    ) in body
    assert "Literal [gallery] and [Reuters] stay." in body


def test_hostile_markup_is_removed_by_the_allow_list_and_reported_per_post(tmp_path):
    content = (
        '<p style="color:red" onclick="steal()">Hello <script>alert(1)</script>'
        '<a href="javascript:alert(1)">link</a></p><iframe src="https://evil.example"></iframe>'
        "<svg><script>x</script></svg><p>Safe <strong>bold</strong></p>"
    )
    path = wxr.write(
        tmp_path, wxr.export(wxr.post(1, "Hostile", content), wxr.post(2, "Clean", "Fine."))
    )
    entries = report_of(tmp_path, path)
    body = Article.objects.get(title="Hostile").body
    for bad in ("script", "onclick", "style", "javascript", "iframe", "svg"):
        assert bad not in body
    assert "<strong>bold</strong>" in body
    assert entries[1]["markup_removed"] == [
        "<iframe>",
        "<script>",
        "<svg>",
        "javascript: link",
        "onclick= on <p>",
        "style= on <p>",
    ]
    assert "markup_removed" not in entries[2]
