"""The image library in the admin: uploads with clear errors, alt text before publishing,
a chooser, galleries, thumbnails without N+1, and the focal point."""

import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from reversion.models import Version

from newsroom.models import Article, ArticleImage, Image
from projects.models import ProjectImage
from tests import factories, pictures
from tests.admin_forms import form_data

ADD = "/admin/newsroom/image/add/"


def change(obj):
    opts = obj._meta
    return f"/admin/{opts.app_label}/{opts.model_name}/{obj.pk}/change/"


def errors(response):
    return " ".join(
        re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    )


def upload_through_admin(client, data, name, **fields):
    form = form_data(client, ADD) | {"title": "Plant", "alt_text": "The plant.", **fields}
    return client.post(ADD, form | {"file": SimpleUploadedFile(name, data)})


def test_an_upload_through_the_admin_is_processed_and_credited_to_its_uploader(staff_client, staff):
    data = pictures.encoded(pictures.drawn((1000, 750)), "JPEG", exif=pictures.private_exif(6))
    response = upload_through_admin(staff_client, data, "../../IMG 0001.JPG")
    assert response.status_code == 302, errors(response)
    image = Image.objects.get()
    assert image.uploaded_by == staff
    assert (image.width, image.height) == (750, 1000)
    assert re.fullmatch(r"images/[0-9a-f]{16}/img-0001\.jpg", image.file.name)
    assert image.original_filename == "IMG 0001.JPG"
    assert all(default_storage.exists(name) for name in image.stored_files())


REFUSED = {
    "svg renamed": (b"<svg onload='alert(1)'/>", "x.jpg", "This file is an SVG drawing."),
    "pdf renamed": (b"%PDF-1.4 ...", "x.jpg", "This file is a PDF document."),
    "wrong extension": (
        pictures.picture_bytes("PNG", size=(20, 20)),
        "x.jpg",
        "but the file is a PNG image",
    ),
    "truncated": (pictures.picture_bytes(size=(300, 300))[:900], "x.jpg", "damaged or incomplete"),
    "bomb": (pictures.png_bomb(), "bomb.png", "This image has too many pixels: 400 megapixels"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_refused_upload_shows_its_reason_in_the_form_and_saves_nothing(
    staff_client, media_root, case
):
    data, name, message = REFUSED[case]
    response = upload_through_admin(staff_client, data, name)
    assert response.status_code == 200
    assert message in errors(response)
    assert not Image.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.*"))


def test_a_file_over_the_size_limit_is_refused_in_the_form(staff_client, settings):
    settings.IMAGE_MAX_FILE_SIZE = 1024
    response = upload_through_admin(staff_client, pictures.picture_bytes(), "big.jpg")
    assert "the largest image accepted is 1 KB" in errors(response)


def test_a_long_upload_name_is_no_error(staff_client):
    response = upload_through_admin(staff_client, pictures.picture_bytes(), "n" * 300 + ".jpg")
    assert response.status_code == 302, errors(response)


def publish(client, article, **changes):
    url = change(article)
    return client.post(url, form_data(client, url) | {"status": "published", **changes})


def test_an_article_is_not_published_with_a_lead_image_lacking_alt_text(editor_client, db):
    image = pictures.image(alt_text="", title="Night shift")
    draft = factories.draft(lead_image=image)
    response = publish(editor_client, draft)
    assert "“Night shift” has no alt text. Describe it in the image library" in errors(response)
    draft.refresh_from_db()
    assert draft.status == "draft"
    Image.objects.filter(pk=image.pk).update(is_decorative=True)
    assert publish(editor_client, draft).status_code == 302


def test_a_gallery_picture_lacking_alt_text_stops_publication_too(editor_client, db):
    draft = factories.draft()
    ArticleImage.objects.create(article=draft, image=pictures.image(alt_text="", title="Crane"))
    response = publish(editor_client, draft)
    assert "“Crane” has no alt text" in errors(response)
    # Removing it from the gallery in the same save lets the article through.
    assert publish(editor_client, draft, **{"gallery-0-DELETE": "on"}).status_code == 302
    assert not ArticleImage.objects.exists()


def test_a_draft_may_use_a_picture_not_yet_described(editor_client, db):
    draft = factories.draft()
    image = pictures.image(alt_text="")
    url = change(draft)
    response = editor_client.post(url, form_data(editor_client, url) | {"lead_image": image.pk})
    assert response.status_code == 302, errors(response)


def test_the_publish_action_skips_articles_with_undescribed_pictures(editor_client, db):
    ready = factories.draft(lead_image=pictures.image())
    blocked = factories.draft(lead_image=pictures.image(alt_text="", title="Roof"))
    response = editor_client.post(
        "/admin/newsroom/article/",
        {"action": "publish_now", "_selected_action": [ready.pk, blocked.pk]},
        follow=True,
    )
    assert list(Article.objects.published()) == [ready]
    assert "were not published" not in response.content.decode()
    assert f"“{blocked}” was not published: its pictures “Roof” need alt text" in (
        response.content.decode()
    )


def test_a_project_is_not_published_with_an_undescribed_gallery_picture(editor_client, db):
    project = factories.project(is_published=False)
    ProjectImage.objects.create(project=project, image=pictures.image(alt_text="", title="Yard"))
    url = change(project)
    response = editor_client.post(url, form_data(editor_client, url) | {"is_published": "on"})
    assert "“Yard” has no alt text" in errors(response)
    project.refresh_from_db()
    assert not project.is_published


def test_the_project_gallery_is_edited_inline_in_order(editor_client, db):
    project = factories.project()
    first, second = pictures.image(), pictures.image()
    url = change(project)
    data = form_data(editor_client, url) | {
        "gallery-TOTAL_FORMS": "2",
        "gallery-0-image": second.pk,
        "gallery-0-order": "1",
        "gallery-0-project": project.pk,
        "gallery-1-image": first.pk,
        "gallery-1-order": "2",
        "gallery-1-project": project.pk,
    }
    assert editor_client.post(url, data).status_code == 302
    assert [row.image for row in project.gallery.all()] == [second, first]
    page = editor_client.get(url).content.decode()
    assert page.count('class="image-thumbnail"') == 2


def test_alt_text_cannot_be_removed_from_a_picture_on_a_published_page(editor_client, db):
    image = pictures.image()
    factories.article(lead_image=image, title="Live story")
    url = change(image)
    response = editor_client.post(url, form_data(editor_client, url) | {"alt_text": ""})
    assert "This image is on published pages (Live story)" in errors(response)


def test_writers_see_pictures_on_published_pages_read_only(writer_client, db):
    public, unused = pictures.image(), pictures.image()
    factories.article(lead_image=public)
    assert writer_client.post(change(public), {"title": "Changed"}).status_code == 403
    assert "Changed" not in str(Image.objects.get(pk=public.pk))
    url = change(unused)
    data = form_data(writer_client, url) | {"title": "Renamed"}
    assert writer_client.post(url, data).status_code == 302


def test_writers_upload_pictures_and_arrange_galleries(writer_client, writer):
    assert writer_client.get(ADD).status_code == 200
    assert not writer.has_perm("newsroom.delete_image")  # deleting from the library: editors
    draft = factories.draft()
    image = pictures.image()
    url = change(draft)
    data = form_data(writer_client, url) | {
        "gallery-TOTAL_FORMS": "1",
        "gallery-0-image": image.pk,
        "gallery-0-article": draft.pk,
        "gallery-0-order": "1",
    }
    assert writer_client.post(url, data).status_code == 302
    assert draft.gallery.get().image == image


def test_setting_the_focal_point_in_the_admin_makes_new_crops(editor_client, db):
    image = pictures.image()
    folder = image.renditions["folder"]
    url = change(image)
    page = editor_client.get(url).content.decode()
    assert 'class="focal-preview"' in page and "focal-point" in page
    data = form_data(editor_client, url) | {"focal_x": "0.250", "focal_y": "0.750"}
    assert editor_client.post(url, data).status_code == 302
    image.refresh_from_db()
    assert image.renditions["folder"] != folder
    response = editor_client.post(url, form_data(editor_client, url) | {"focal_x": "1.5"})
    assert "Ensure this value is less than or equal to 1." in errors(response)


def test_the_lead_image_is_chosen_by_autocomplete_and_previewed(editor_client, db):
    image = pictures.image(title="Wuhu hall at dusk")
    pictures.image(title="Something else")
    response = editor_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "newsroom",
            "model_name": "article",
            "field_name": "lead_image",
            "term": "dusk",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Wuhu hall at dusk"]
    story = factories.draft(lead_image=image)
    page = editor_client.get(change(story)).content.decode()
    assert "admin-autocomplete" in page and "Alt text: Picture number" in page


def test_change_lists_show_thumbnails_in_a_constant_number_of_queries(
    staff_client, db, django_assert_max_num_queries
):
    model = pictures.image()
    copies = Image.objects.bulk_create(
        Image(title=f"Copy {n}", file=model.file.name, renditions=model.renditions)
        for n in range(60)
    )
    news = factories.category()
    Article.objects.bulk_create(
        Article(title=f"Story {n}", slug=f"story-{n}", category=news, lead_image=image)
        for n, image in enumerate(copies)
    )
    project = factories.project()
    ProjectImage.objects.create(project=project, image=model)
    for url, budget in [
        ("/admin/newsroom/image/", 8),
        ("/admin/newsroom/article/", 12),
        ("/admin/projects/project/", 12),
    ]:
        with django_assert_max_num_queries(budget):
            page = staff_client.get(url).content.decode()
        assert 'class="image-thumbnail"' in page, url
    needs_alt = staff_client.get("/admin/newsroom/image/", {"described": "no"}).content.decode()
    assert "60 results" in needs_alt  # the copies have no alt text


def test_a_revision_keeps_the_gallery_and_a_revert_restores_it(editor_client, db):
    draft = factories.draft()
    image = pictures.image()
    url = change(draft)
    data = form_data(editor_client, url) | {
        "gallery-TOTAL_FORMS": "1",
        "gallery-0-image": image.pk,
        "gallery-0-article": draft.pk,
        "gallery-0-order": "1",
    }
    editor_client.post(url, data)
    with_gallery = Version.objects.get_for_object(draft).first()
    editor_client.post(url, form_data(editor_client, url) | {"gallery-0-DELETE": "on"})
    assert not draft.gallery.exists()
    revert = f"/admin/newsroom/article/{draft.pk}/history/{with_gallery.pk}/"
    assert editor_client.post(revert, form_data(editor_client, revert)).status_code == 302
    assert draft.gallery.get().image == image


def test_images_in_use_cannot_be_deleted(editor_client, db):
    image = pictures.image()
    factories.draft(lead_image=image)
    page = editor_client.get(f"/admin/newsroom/image/{image.pk}/delete/").content.decode()
    assert "would require deleting the following protected related objects" in page
