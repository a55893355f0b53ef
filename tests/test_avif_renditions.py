"""AVIF renditions beside WebP and JPEG: made when an image is saved, offered first in every
<picture>, and added to older images by `make_renditions`, never while a page renders."""

import io
import re

import pytest
from django.core.management import call_command
from PIL import Image as Pillow

from newsroom.models import Image
from projects.models import ProjectImage
from tests import factories, pictures


def sources(html):
    return re.findall(r"<source\b[^>]*>", html)


def read(image, name):
    with image.file.storage.open(name) as file:
        return file.read()


@pytest.fixture
def story(db):
    image = pictures.image(pictures.picture_bytes(size=(1400, 700)), alt_text="The new hall.")
    return factories.article(lead_image=image, title="Hall opens")


def test_every_width_and_card_is_stored_in_avif_that_decodes_at_its_size(story):
    image = story.lead_image
    assert image.renditions["formats"] == ["avif", "webp"]
    for kind in ("full", "card"):
        avifs = [row for row in image.rendition_files(kind) if row[1] == "avif"]
        assert [(w, h) for *_, w, h in avifs] == [tuple(size) for size in image.renditions[kind]]
        for name, _, width, height in avifs:
            picture = Pillow.open(io.BytesIO(read(image, name)))
            assert (picture.format, picture.size) == ("AVIF", (width, height))
    assert not [row for row in image.rendition_files("social") if row[1] != "jpg"]


def test_the_article_picture_offers_avif_first_then_webp_then_jpeg(client, story):
    html = client.get(story.get_absolute_url()).content.decode()
    folder = story.lead_image.renditions["folder"]
    picture = re.search(r"<picture\b.*?</picture>", html, re.S)[0]
    avif, webp = sources(picture)
    assert 'type="image/avif"' in avif and 'type="image/webp"' in webp
    for width in (320, 640, 960, 1280, 1400):
        assert f"/media/{folder}/full-{width}.avif {width}w" in avif
    assert picture.index("image/avif") < picture.index("image/webp") < picture.index("<img")


def test_cards_on_the_home_page_and_project_galleries_offer_avif_too(client, story):
    project = factories.project()
    ProjectImage.objects.create(project=project, image=story.lead_image, order=0)
    for url in ("/en/", project.get_absolute_url()):
        html = client.get(url).content.decode()
        assert any('type="image/avif"' in source for source in sources(html)), url


def test_an_image_made_before_avif_shows_no_avif_until_make_renditions_adds_it(client, story):
    image = story.lead_image
    # As renditions were stored before this change: no "formats", no AVIF files.
    old = {key: value for key, value in image.renditions.items() if key != "formats"}
    Image.objects.filter(pk=image.pk).update(renditions={**old, "key": "1:old"})
    html = client.get(story.get_absolute_url()).content.decode()
    assert ".avif" not in html and 'type="image/webp"' in html

    call_command("make_renditions", stdout=io.StringIO())
    image.refresh_from_db()
    assert image.renditions["formats"] == ["avif", "webp"]
    html = client.get(story.get_absolute_url()).content.decode()
    assert f"/media/{image.renditions['folder']}/full-320.avif" in html


def test_no_rendition_is_made_while_a_page_renders(client, story, media_root):
    before = sorted(path for path in media_root.rglob("*") if path.is_file())
    for url in ("/en/", story.get_absolute_url()):
        assert client.get(url).status_code == 200
    assert sorted(path for path in media_root.rglob("*") if path.is_file()) == before
