"""Press downloads: originals with credits in a streamed ZIP, behind the published rule."""

import datetime
import io
import random
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.test import RequestFactory
from django.utils import timezone
from PIL import Image as Pillow

from newsroom.core import media
from newsroom.models import ArticleImage
from projects.models import ProjectImage
from tests import factories, pictures

HOUR = datetime.timedelta(hours=1)


def kit_url(obj):
    return obj.get_absolute_url() + "pictures.zip"


def gallery(article, count=2):
    images = [
        pictures.image(caption=f"Caption {n}.", credit=f"© Photographer {n}") for n in range(count)
    ]
    for order, image in enumerate(images):
        ArticleImage.objects.create(article=article, image=image, order=order)
    return images


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response.streaming
    chunks = list(response.streaming_content)
    return response, chunks, zipfile.ZipFile(io.BytesIO(b"".join(chunks)))


def test_the_zip_holds_the_originals_lead_first_and_their_credits(client, db):
    lead = pictures.image(pictures.picture_bytes(size=(900, 600)), title="Lead", credit="© AUX")
    story = factories.article(lead_image=lead, slug="hall-opens")
    first, second = gallery(story)
    ArticleImage.objects.create(article=story, image=lead, order=9)  # listed once only
    response, _, archive = download(client, kit_url(story))
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="hall-opens-pictures.zip"'
    names = archive.namelist()
    assert names == [
        f"01-{lead.download_name}",
        f"02-{first.download_name}",
        f"03-{second.download_name}",
        "CREDITS.txt",
    ]
    with default_storage.open(lead.file.name) as original:
        assert archive.read(names[0]) == original.read()
    credits = archive.read("CREDITS.txt").decode()
    assert f"Pictures of “{story.title}”\nhttp://testserver/en/news/hall-opens/" in credits
    assert "Credit: © Photographer 1" in credits and "Caption: Caption 0." in credits
    assert "JPEG, 900 × 600 pixels" in credits
    assert archive.testzip() is None
    uploaded = timezone.localtime(lead.uploaded_at)
    assert archive.getinfo(names[0]).date_time[:3] == (uploaded.year, uploaded.month, uploaded.day)


def test_the_zip_is_streamed_in_small_chunks(client, db):
    noise = random.Random(5).randbytes(600 * 400 * 3)  # incompressible: about 0.7 MB as PNG
    big = pictures.encoded(Pillow.frombytes("RGB", (600, 400), noise), "PNG")
    story = factories.article(lead_image=pictures.image(big, name="big.png"))
    _, chunks, archive = download(client, kit_url(story))
    assert len(chunks) > 3
    assert max(len(chunk) for chunk in chunks) <= media.CHUNK + 1024
    assert archive.getinfo(archive.namelist()[0]).compress_type == zipfile.ZIP_STORED


def test_a_missing_file_is_left_out_and_noted(client, db):
    story = factories.article()
    kept, lost = gallery(story)
    default_storage.delete(lost.file.name)
    _, _, archive = download(client, kit_url(story))
    assert archive.namelist() == [f"01-{kept.download_name}", "CREDITS.txt"]
    assert f"02-{lost.download_name}: missing" in archive.read("CREDITS.txt").decode()


def test_pictures_without_alt_text_are_not_in_the_zip_and_no_pictures_is_404(client, db):
    story = factories.article()
    ArticleImage.objects.create(article=story, image=pictures.image(alt_text=""))
    assert client.get(kit_url(story)).status_code == 404
    decorative = pictures.image(alt_text="", is_decorative=True)
    ArticleImage.objects.create(article=story, image=decorative)
    _, _, archive = download(client, kit_url(story))
    assert archive.namelist() == [f"01-{decorative.download_name}", "CREDITS.txt"]


UNPUBLISHED = {
    "draft": {"status": "draft"},
    "in review": {"status": "review"},
    "archived": {"status": "archived"},
    "scheduled": {"publish_at": timezone.now() + HOUR},
    "embargoed": {"publish_at": timezone.now() - HOUR, "embargo_until": timezone.now() + HOUR},
    "expired": {"publish_at": timezone.now() - 2 * HOUR, "unpublish_at": timezone.now() - HOUR},
}


@pytest.mark.parametrize("state", UNPUBLISHED)
def test_visitors_get_404_for_the_zip_of_an_article_the_public_cannot_see(client, db, state):
    story = factories.article(**UNPUBLISHED[state])
    gallery(story, 1)
    assert client.get(kit_url(story)).status_code == 404


def test_staff_may_download_a_drafts_pictures_never_cached(editor_client, db):
    story = factories.draft()
    gallery(story, 1)
    response = editor_client.get(kit_url(story))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_project_zip_follows_the_projects_published_rule(client, db):
    project = factories.project(is_published=False)
    ProjectImage.objects.create(project=project, image=pictures.image())
    assert client.get(kit_url(project)).status_code == 404
    project.is_published = True
    project.save()
    _, _, archive = download(client, kit_url(project))
    assert len(archive.namelist()) == 2


def test_pages_link_to_the_zip_and_to_each_original(client, db):
    story = factories.article()
    image, _ = gallery(story)
    html = client.get(story.get_absolute_url()).content.decode()
    assert f'href="{kit_url(story)}"' in html
    assert "Download all 2 pictures with their credits (ZIP)" in html
    assert f'href="/media/{image.file.name}" download="{image.download_name}"' in html
    assert "JPEG, 400 × 300 pixels" in html
    assert "Caption 0." in html and "© Photographer 0" in html


def test_django_serves_media_with_a_year_of_cache_nosniff_and_open_to_other_sites(db):
    image = pictures.image()
    request = RequestFactory().get("/media/" + image.file.name)
    response = media.serve(request, image.file.name)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Hotlinked press photos and social cards load on other sites (tests/browser/).
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    response.close()
