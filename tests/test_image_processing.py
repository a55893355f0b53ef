"""What is stored and served: upright, without metadata, at fixed widths, made once."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image as Pillow
from PIL import ImageCms

from newsroom.core import renditions as images
from newsroom.models import Image
from tests import factories, pictures


def opened(name):
    with default_storage.open(name, "rb") as file:
        data = file.read()
    return data, Pillow.open(io.BytesIO(data))


def served_files(image):
    """Every file of an image a visitor can fetch: the original download and renditions."""
    return image.stored_files()


@pytest.fixture
def photo(db):
    """A 1600 × 1200 JPEG from a phone held upright (orientation 6: stored sideways), with
    GPS coordinates, a camera serial number and XMP."""
    picture = pictures.drawn((1600, 1200))
    xmp = b'<x:xmpmeta><rdf:Description exif:GPSLatitude="31,20N"/></x:xmpmeta>'
    data = pictures.encoded(picture, "JPEG", exif=pictures.private_exif(orientation=6), xmp=xmp)
    assert b"SN-4417-SECRET" in data and b"GPSLatitude" in data
    return pictures.image(data, name="IMG_0001.jpg")


def test_exif_orientation_is_applied_to_the_original_and_every_rendition(photo):
    assert (photo.width, photo.height) == (1200, 1600)
    _, original = opened(photo.file.name)
    assert original.size == (1200, 1600)
    # Stored sideways with the blue half on the left: upright, blue is at the top.
    assert original.getpixel((600, 100))[2] > 200 and original.getpixel((600, 1500))[2] < 100
    for name in served_files(photo)[1:]:
        _, rendition = opened(name)
        width, height = rendition.size
        if name.split("/")[-1].startswith("full-"):
            assert height > width, name


def test_location_serial_numbers_and_all_metadata_are_gone_from_everything_served(photo):
    for name in served_files(photo):
        data, picture = opened(name)
        assert b"SN-4417-SECRET" not in data, name
        assert b"GPS" not in data and b"CameraMaker" not in data, name
        assert b"xmpmeta" not in data and b"Exif" not in data, name
        assert len(picture.getexif()) == 0, name
        assert not {"exif", "xmp", "comment"} & picture.info.keys(), name


def test_the_original_keeps_its_format_full_size_and_jpeg_quality_tables(db):
    source = pictures.drawn((1000, 800))
    data = pictures.encoded(source, "JPEG", quality=95, exif=pictures.private_exif())
    image = pictures.image(data, name="press.jpeg")
    kept, original = opened(image.file.name)
    assert image.file.name.endswith("/press.jpg")
    assert image.original_filename == "press.jpeg"
    assert (original.format, original.size) == ("JPEG", (1000, 800))
    assert original.quantization == Pillow.open(io.BytesIO(data)).quantization
    assert image.file_size == len(kept)
    assert image.format == "JPEG"


def test_renditions_come_at_fixed_widths_capped_at_the_original_in_webp_and_jpeg(db):
    image = pictures.image(pictures.picture_bytes(size=(2400, 1200)))
    assert image.renditions["full"] == [
        [320, 160],
        [640, 320],
        [960, 480],
        [1280, 640],
        [1920, 960],
    ]
    assert image.renditions["card"] == [[320, 213], [640, 427]]
    assert image.renditions["social"] == [[1200, 630]]
    for name, extension, width, height in image.rendition_files("full"):
        _, picture = opened(name)
        assert picture.format == {"avif": "AVIF", "webp": "WEBP", "jpg": "JPEG"}[extension]
        assert picture.size == (width, height)
    _, social = opened(image.rendition_files("social")[0][0])
    assert (social.format, social.size) == ("JPEG", (1200, 630))


def test_a_small_image_is_never_enlarged_except_for_the_social_card(db):
    image = pictures.image(pictures.picture_bytes(size=(500, 250)))
    assert image.renditions["full"] == [[320, 160], [500, 250]]
    assert image.renditions["card"] == [[320, 213], [375, 250]]
    assert image.renditions["social"] == [[1200, 630]]


def test_transparent_images_fall_back_to_png_and_opaque_ones_to_jpeg(db):
    transparent = pictures.drawn((400, 300), mode="RGBA")
    transparent.putpixel((0, 0), (0, 0, 0, 0))
    image = pictures.image(pictures.encoded(transparent, "PNG"), name="logo.png")
    assert image.fallback_extension == "png"
    _, picture = opened(image.rendition_urls("full", "png")[0][0].removeprefix("/media/"))
    assert picture.mode == "RGBA"
    data = pictures.picture_bytes("PNG", size=(400, 300), mode="RGBA")
    opaque = pictures.image(data, name="opaque.png")
    assert opaque.fallback_extension == "jpg"


def test_crops_keep_the_focal_point_in_view(db):
    # A wide picture, black with a white square near its right edge.
    picture = Pillow.new("RGB", (1500, 500), "black")
    picture.paste("white", (1300, 200, 1400, 300))
    data = pictures.encoded(picture, "PNG")
    centred = pictures.image(data, name="wide.png")
    aimed = pictures.image(data, name="wide.png", focal_x=0.9, focal_y=0.5)

    def brightest(image):
        _, card = opened(image.rendition_files("card")[-1][0])
        return card.convert("L").getextrema()[1]

    assert brightest(centred) < 50  # a 3:2 crop of the middle misses the square
    assert brightest(aimed) > 200


def test_changing_the_focal_point_makes_new_renditions_and_removes_the_old_ones(
    photo, django_capture_on_commit_callbacks
):
    old = set(photo.stored_files()) - {photo.file.name}
    photo.focal_x = 0.2
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    new = set(photo.stored_files()) - {photo.file.name}
    assert old.isdisjoint(new)  # new names, so year-long caches never serve a stale crop
    assert not any(default_storage.exists(name) for name in old)
    assert all(default_storage.exists(name) for name in new)


def test_editing_words_keeps_the_files(photo):
    before = photo.stored_files()
    photo.alt_text = "A new description."
    photo.save()
    assert photo.stored_files() == before


def test_replacing_the_file_and_deleting_the_image_remove_the_files(
    photo, django_capture_on_commit_callbacks
):
    first = photo.stored_files()
    photo = Image.objects.get(pk=photo.pk)
    photo.file = ContentFile(pictures.picture_bytes("PNG", size=(300, 200)), name="new.png")
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    assert not any(default_storage.exists(name) for name in first)
    assert photo.format == "PNG" and (photo.width, photo.height) == (300, 200)
    second = photo.stored_files()
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert not any(default_storage.exists(name) for name in second)


def test_animated_gifs_stay_animated_in_the_download_with_still_renditions(db):
    image = pictures.image(pictures.animated_gif(frames=6, size=(120, 80)), name="spin.gif")
    _, original = opened(image.file.name)
    assert (original.format, original.n_frames) == ("GIF", 6)
    assert image.renditions["full"] == [[120, 80]]


def test_cmyk_photos_are_converted_through_their_profile(db):
    cmyk = pictures.drawn((300, 200)).convert("CMYK")
    image = pictures.image(pictures.encoded(cmyk, "JPEG"), name="print.jpg")
    _, rendition = opened(image.rendition_files("full")[-1][0])
    assert rendition.mode == "RGB"
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    wide = pictures.image(pictures.encoded(pictures.drawn((300, 200)), "JPEG", icc_profile=profile))
    _, kept = opened(wide.file.name)
    assert kept.info["icc_profile"] == profile  # colour, not personal data: kept
    _, rendition = opened(wide.rendition_files("full")[-1][0])
    assert "icc_profile" not in rendition.info


def test_sixteen_bit_greyscale_is_not_turned_white(db):
    grey = Pillow.new("I;16", (200, 100), 30_000)
    image = pictures.image(pictures.encoded(grey, "PNG"), name="scan.png")
    _, rendition = opened(image.rendition_files("full")[-1][0])
    assert 100 < rendition.convert("L").getpixel((50, 50)) < 140


@pytest.mark.parametrize("kind", list(images.FORMATS))
def test_every_accepted_kind_gets_its_renditions(db, kind):
    data = pictures.picture_bytes(kind, size=(400, 300))
    image = pictures.image(data, name=f"x.{pictures.EXTENSIONS[kind]}")
    assert image.format == kind
    assert all(default_storage.exists(name) for name in image.stored_files())


def test_renditions_are_made_on_save_and_never_while_a_page_renders(client, photo):
    """Pages read names from the database; with every file gone they still render."""
    for name in photo.stored_files():
        default_storage.delete(name)
    story = factories.article(lead_image=photo)
    page = client.get(story.get_absolute_url()).content.decode()
    assert re.search(r"full-1200\.webp 1200w", page)
    assert not any(default_storage.exists(name) for name in photo.stored_files())


def test_make_renditions_redoes_outdated_images_and_reports_unreadable_ones(
    photo, monkeypatch, django_capture_on_commit_callbacks
):
    other = pictures.image(name="lost.jpg")
    default_storage.delete(other.file.name)
    Image.objects.filter(pk=other.pk).update(renditions={})
    monkeypatch.setattr(images, "RENDITIONS_VERSION", images.RENDITIONS_VERSION + 1)
    out, err = io.StringIO(), io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("make_renditions", stdout=out, stderr=err)
    assert "Renditions made for 1 image(s); 1 could not be read." in out.getvalue()
    assert f"Image {other.pk} “{other}”" in err.getvalue()
    photo.refresh_from_db()
    assert photo.renditions["key"].startswith(f"{images.RENDITIONS_VERSION}:")
    assert all(default_storage.exists(name) for name in photo.stored_files())
    call_command("make_renditions", stdout=out, stderr=io.StringIO())
    assert "Renditions made for 0 image(s)" in out.getvalue().splitlines()[-1]


def test_names_of_renditions_are_new_for_every_generation(db):
    data = pictures.picture_bytes(size=(400, 300))
    folders = {pictures.image(data).renditions["folder"] for _ in range(3)}
    assert len(folders) == 3
    # images/<token>/r<generation>/<kind>-<width>.<extension>
    assert all(name.count("/") == 3 for name in pictures.image(data).stored_files()[1:])


def test_a_very_tall_picture_gets_renditions_within_webps_limits(db):
    tall = pictures.image(pictures.picture_bytes("PNG", size=(300, 20_000)), name="chart.png")
    assert tall.renditions["full"] == [[245, 16333]]
    assert all(max(size) <= images.MAX_SIDE for size in tall.renditions["card"])
