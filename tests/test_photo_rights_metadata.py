"""Press photos keep their credit: the rights (IPTC Photo Metadata core) are taken from the
upload, written into the original and every rendition, and rewritten when an editor changes
them, while GPS, serial numbers, maker notes and comments stay out of every served file."""

import io

import pyexiv2
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from PIL import Image as Pillow

from newsroom.core import rights as photo_rights
from newsroom.models import Image
from tests import pictures

SECRETS = (pictures.SERIAL, "MAKERNOTE-SECRET", "secret comment", "CameraMaker")
ALLOWED_EXIF = {"Exif.Image.Artist", "Exif.Image.Copyright"}


def camera_photo(size=(900, 600), kind="JPEG", **tags):
    """A photo as a camera and a picture desk leave it: rights in EXIF, IPTC and XMP, and
    private details (GPS, serial, maker note, comments) beside them. Written with exiv2."""
    data = pictures.picture_bytes(kind, size=size)
    with_metadata = pyexiv2.ImageData(data)
    with_metadata.modify_exif(
        {
            "Exif.Image.Make": "CameraMaker",
            "Exif.Photo.BodySerialNumber": pictures.SERIAL,
            "Exif.Photo.MakerNote": "MAKERNOTE-SECRET",
            "Exif.Photo.UserComment": "charset=Ascii secret comment",
            "Exif.GPSInfo.GPSLatitudeRef": "N",
            "Exif.GPSInfo.GPSLatitude": "31/1 20/1 0/1",
            **tags.get("exif", {}),
        }
    )
    if kind == "JPEG":
        with_metadata.modify_iptc(tags.get("iptc", {}))
        with_metadata.modify_comment("COM secret comment")
    with_metadata.modify_xmp(tags.get("xmp", {}))
    data = with_metadata.get_bytes()
    with_metadata.close()
    return data


def metadata(data):
    """(EXIF, XMP) of a file as exiv2 reads them."""
    reader = pyexiv2.ImageData(data)
    try:
        return reader.read_exif(), reader.read_xmp()
    finally:
        reader.close()


def read(image, name):
    with image.file.storage.open(name) as file:
        return file.read()


def served_files(image):
    """Every file of an image that is served: the original and each rendition."""
    return {name: read(image, name) for name in image.stored_files()}


def assert_carries(data, name, creator, credit, copyright, licence):
    exif, xmp = metadata(data)
    assert exif.get("Exif.Image.Artist") == creator, name
    assert exif.get("Exif.Image.Copyright") == copyright, name
    assert xmp["Xmp.dc.creator"] == [creator], name
    assert xmp["Xmp.dc.rights"] == {'lang="x-default"': copyright}, name
    assert xmp["Xmp.photoshop.Credit"] == credit, name
    assert xmp["Xmp.xmpRights.WebStatement"] == licence, name
    assert xmp["Xmp.plus.Licensor[1]/plus:LicensorURL"] == licence, name


def assert_private_details_are_gone(data, name):
    exif, _ = metadata(data)
    assert set(exif) <= ALLOWED_EXIF, (name, set(exif) - ALLOWED_EXIF)
    for secret in SECRETS:
        assert secret.encode() not in data, (name, secret)
    assert b"GPS" not in data, name
    assert "comment" not in Pillow.open(io.BytesIO(data)).info, name


@pytest.fixture
def rights():
    return {
        "creator": "Zhang Wei",
        "credit": "AUX Group / Zhang Wei",
        "copyright_notice": "© 2024 AUX Group",
        "licence_url": "https://news.example.com/licensing/",
        "usage_terms": "Free for editorial use with the credit line.",
    }


def test_the_original_and_every_rendition_carry_the_rights_and_nothing_private(db, rights):
    image = pictures.image(camera_photo(), **rights)
    files = served_files(image)
    extensions = {name.rsplit(".", 1)[1] for name in files}
    assert extensions == {"jpg", "webp", "avif"}
    assert any("/social-" in name for name in files)
    for name, data in files.items():
        assert_carries(
            data, name, "Zhang Wei", rights["credit"], "© 2024 AUX Group", rights["licence_url"]
        )
        assert_private_details_are_gone(data, name)
        _, xmp = metadata(data)
        assert xmp["Xmp.xmpRights.UsageTerms"] == {'lang="x-default"': rights["usage_terms"]}


def test_blank_rights_are_filled_from_the_uploads_own_xmp_iptc_and_exif(db):
    upload = camera_photo(
        exif={"Exif.Image.Artist": "EXIF Artist", "Exif.Image.Copyright": "EXIF Copyright"},
        iptc={"Iptc.Application2.Credit": "IPTC Credit"},
        xmp={
            "Xmp.dc.creator": ["XMP Creator"],
            "Xmp.xmpRights.WebStatement": "https://photos.example.com/terms",
            "Xmp.xmpRights.UsageTerms": {'lang="x-default"': "Editorial use only"},
        },
    )
    image = pictures.image(upload, credit="Typed by the editor")
    image.refresh_from_db()
    assert image.creator == "XMP Creator"  # XMP is read before IPTC and EXIF
    assert image.credit == "Typed by the editor"  # what the editor typed is kept
    assert image.copyright_notice == "EXIF Copyright"
    assert image.licence_url == "https://photos.example.com/terms"
    assert image.usage_terms == "Editorial use only"
    exif, xmp = metadata(read(image, image.file.name))
    assert exif["Exif.Image.Artist"] == "XMP Creator"
    assert xmp["Xmp.photoshop.Credit"] == "Typed by the editor"


def test_iptc_fills_what_xmp_does_not_say(db):
    upload = camera_photo(
        iptc={"Iptc.Application2.Byline": ["IPTC Byline"], "Iptc.Application2.Credit": "IPTC"}
    )
    image = pictures.image(upload)
    assert (image.creator, image.credit) == ("IPTC Byline", "IPTC")


def test_a_damaged_xmp_packet_is_ignored_and_the_photo_accepted(db):
    data = pictures.picture_bytes(size=(300, 200), xmp=b"<x:xmpmeta><broken")
    image = pictures.image(data)
    assert image.pk and image.rights == photo_rights.Rights()


def test_an_xml_bomb_in_the_xmp_packet_is_refused_by_the_parser_not_expanded(db):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b"&b;</x:xmpmeta>"
    )
    image = pictures.image(pictures.picture_bytes(size=(300, 200), xmp=bomb))
    assert image.rights == photo_rights.Rights()


def test_rights_are_escaped_in_the_xmp_and_survive_the_round_trip_exactly(db):
    awkward = 'Zhang "Wei" & <Partners> 张伟'
    image = pictures.image(creator=awkward, credit="A & B\x01", copyright_notice="© <2024>")
    for name, data in served_files(image).items():
        exif, xmp = metadata(data)
        assert xmp["Xmp.dc.creator"] == [awkward], name
        assert xmp["Xmp.photoshop.Credit"] == "A & B", name  # a control character is dropped
        assert exif["Exif.Image.Artist"] == awkward, name


def test_changing_the_credit_rewrites_the_files_under_new_names(
    db, rights, django_capture_on_commit_callbacks
):
    image = pictures.image(camera_photo(), **rights)
    before = served_files(image)
    image.credit = "AUX Group / Li Na"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    after = served_files(image)
    assert not set(before) & set(after)  # cached for a year: never the same name again
    for name, data in after.items():
        assert_carries(
            data, name, "Zhang Wei", "AUX Group / Li Na", "© 2024 AUX Group", rights["licence_url"]
        )
    # The JPEG original keeps its compressed picture byte for byte: only metadata changed.
    old_original, new_original = before[next(iter(before))], after[image.file.name]
    scan = b"\xff\xda"
    assert old_original[old_original.index(scan) :] == new_original[new_original.index(scan) :]
    storage = image.file.storage
    assert not any(storage.exists(name) for name in before)


def test_rights_of_a_webp_original_are_rewritten_too(db):
    upload = pictures.picture_bytes("WEBP", size=(500, 400))
    image = pictures.image(upload, name="photo.webp", creator="First")
    image.creator = "Second"
    image.save()
    exif, xmp = metadata(read(image, image.file.name))
    assert exif["Exif.Image.Artist"] == "Second" and xmp["Xmp.dc.creator"] == ["Second"]


def test_a_transparent_pictures_png_renditions_carry_the_rights(db):
    data = pictures.picture_bytes("PNG", size=(400, 300), mode="RGBA")
    image = pictures.image(data, name="logo.png", creator="Designer", credit="AUX")
    pngs = [name for name in image.stored_files() if name.endswith(".png")]
    assert pngs
    for name in pngs:
        exif, xmp = metadata(read(image, name))
        assert exif["Exif.Image.Artist"] == "Designer"
        assert xmp["Xmp.photoshop.Credit"] == "AUX"


def test_a_picture_without_rights_carries_no_metadata_at_all(db):
    image = pictures.image(camera_photo())
    for name, data in served_files(image).items():
        exif, xmp = metadata(data)
        assert not exif and not xmp, name
        assert_private_details_are_gone(data, name)


def test_a_licence_address_must_be_a_web_address_in_the_form_and_in_the_database(db):
    image = pictures.image()
    image.licence_url = "ftp://example.com/terms"
    with pytest.raises(ValidationError) as refused:
        image.full_clean()
    assert "starting with https:// or http://" in str(refused.value)
    with pytest.raises(IntegrityError):
        Image.objects.filter(pk=image.pk).update(licence_url="javascript:alert(1)")


def test_the_image_form_in_the_admin_changes_the_rights(staff_client, db, rights):
    image = pictures.image(camera_photo(), title="Plant", alt_text="The plant.")
    page = staff_client.get(f"/admin/newsroom/image/{image.pk}/change/")
    for field in rights:
        assert f'name="{field}"' in page.content.decode()
    form = {
        "title": "Plant",
        "alt_text": "The plant.",
        "caption": "",
        "focal_x": "0.5",
        "focal_y": "0.5",
        **{**rights, "licence_url": "news.example.com/licensing/"},
    }
    response = staff_client.post(f"/admin/newsroom/image/{image.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    image.refresh_from_db()
    assert image.licence_url == "https://news.example.com/licensing/"
    _, xmp = metadata(read(image, image.file.name))
    assert xmp["Xmp.xmpRights.WebStatement"] == "https://news.example.com/licensing/"
