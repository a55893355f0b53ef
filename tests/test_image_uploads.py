"""Uploads are refused with a clear message, before anything costly, whatever they claim."""

import contextlib
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ImageFile

from newsroom.core import uploads as images
from newsroom.core.renditions import renditions
from tests import pictures

FORMATS = list(images.FORMATS)
ROOT = Path(__file__).resolve().parent.parent
FUZZ_ROUNDS = int(os.environ.get("FUZZ_ROUNDS", 150))


def refusal(data, name):
    with pytest.raises(ValidationError) as caught:
        images.check_upload(pictures.upload(data, name), name)
    return caught.value


@pytest.mark.parametrize("kind", FORMATS)
def test_every_accepted_kind_passes_with_its_size_and_kind_read_from_the_header(kind):
    data = pictures.picture_bytes(kind, size=(64, 48))
    name = f"photo.{pictures.EXTENSIONS[kind]}"
    assert images.check_upload(pictures.upload(data, name), name) == images.Upload(kind, 64, 48, 1)


def test_avif_is_accepted_where_pillow_supports_it():
    assert ("AVIF" in images.FORMATS) == images.features.check("avif")


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
REFUSED = {
    "svg": (SVG, "This file is an SVG drawing."),
    "svg without xml declaration": (b"\n <svg><script>alert(1)</script></svg>", "an SVG drawing"),
    "pdf": (b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF", "This file is a PDF document."),
    "psd": (b"8BPS\x00\x01" + b"\x00" * 40, "This file is a Photoshop (PSD) file."),
    "tiff": (pictures.picture_bytes("TIFF", size=(8, 8)), "a TIFF image or camera RAW file"),
    "big-endian tiff": (b"MM\x00*\x00\x00\x00\x08" + b"\x00" * 20, "a TIFF image"),
    "eps": (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\n", "a PostScript or EPS file"),
    "binary eps": (b"\xc5\xd0\xd3\xc6" + b"\x00" * 28, "a PostScript or EPS file"),
    "heic": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "a HEIC/HEIF photo"),
    "html": (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "an HTML or XML document"),
    "bmp": (pictures.picture_bytes("BMP", size=(8, 8)), "a BMP image"),
    "text": (b"just some text, no picture", "This file is not an image we can read."),
}


@pytest.mark.parametrize("kind", REFUSED)
def test_other_kinds_renamed_to_jpg_are_refused_by_their_content(kind):
    data, message = REFUSED[kind]
    error = refusal(data, "innocent.jpg")
    assert error.code == "refused_type"
    assert message in error.message
    assert f"Upload a {images.ACCEPTED} image instead." in error.message
    assert images.ACCEPTED.startswith("JPEG, PNG, WebP")


@pytest.mark.parametrize(
    ("kind", "name", "message"),
    [
        (
            "PNG",
            "photo.jpg",
            "The file name ends in “.jpg”, but the file is a PNG image. Rename it to end in “.png”",
        ),
        ("JPEG", "photo.png", "ends in “.png”, but the file is a JPEG image"),
        ("GIF", "photo.webp", "ends in “.webp”, but the file is a GIF image"),
        ("JPEG", "photo", "The file name has no extension, but the file is a JPEG image"),
    ],
)
def test_the_extension_must_match_the_content(kind, name, message):
    error = refusal(pictures.picture_bytes(kind, size=(16, 16)), name)
    assert error.code == "wrong_extension"
    assert message in error.message


def test_jpeg_may_be_named_jpeg_in_any_case():
    data = pictures.picture_bytes("JPEG", size=(16, 16))
    assert images.check_upload(pictures.upload(data, "A.JPEG"), "A.JPEG").format == "JPEG"


class Unreadable(SimpleUploadedFile):
    """An upload that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the file was read")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.IMAGE_MAX_FILE_SIZE = 20 * 1024 * 1024
    huge = Unreadable("big.jpg", b"")
    huge.size = 25 * 1024 * 1024 + 1
    with pytest.raises(ValidationError) as caught:
        images.check_upload(huge, "big.jpg")
    assert caught.value.code == "too_large"
    assert caught.value.message == "This file is 25 MB; the largest image accepted is 20 MB."


def test_an_empty_file_is_refused():
    assert refusal(b"", "empty.jpg").message == "The file is empty."


MEASURE = """
import resource, django
django.setup()
from django.core.exceptions import ValidationError
from newsroom.core import uploads as images
from tests import pictures
bomb = pictures.png_bomb(20_000, 20_000)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    images.check_upload(pictures.upload(bomb, "bomb.png"), "bomb.png")
except ValidationError as error:
    print(error.code)
print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_a_48_kb_decompression_bomb_is_refused_from_its_header_and_never_decoded(monkeypatch):
    bomb = pictures.png_bomb(20_000, 20_000)  # 400 megapixels: 400 MB once decoded
    assert len(bomb) < 50_000
    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: decoded.append(image))
    error = refusal(bomb, "bomb.png")
    assert decoded == []
    assert error.code == "too_many_pixels"
    assert error.message == (
        "This image has too many pixels: 400 megapixels, over the limit of 50 megapixels. "
        "Reduce it and upload it again."
    )


def test_refusing_a_bomb_leaves_the_workers_memory_flat():
    """Measured in a fresh process, where the peak memory is this check's alone."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    code, peaks = result.stdout.splitlines()
    before, after = (int(kb) for kb in peaks.split())
    assert code == "too_many_pixels"
    assert after - before < 10 * 1024, f"peak memory grew by {(after - before) // 1024} MB"


def test_an_image_just_over_the_pixel_limit_is_refused_with_its_dimensions(monkeypatch):
    decoded = []
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda image: decoded.append(image))
    error = refusal(pictures.png_bomb(8000, 7000), "wide.png")  # 56 megapixels, 7 KB
    assert decoded == []
    assert "too many pixels: 8,000 × 7,000 = 56 megapixels, over the limit of 50" in error.message


def test_animation_frames_count_towards_the_pixel_limit(settings):
    settings.IMAGE_MAX_PIXELS = 50_000  # 10 frames of 100 × 100 are 100,000 pixels
    error = refusal(pictures.animated_gif(frames=10), "moving.gif")
    assert error.code == "too_many_pixels"
    assert "100 × 100 × 10 frames = " in error.message
    settings.IMAGE_MAX_PIXELS = 100_000
    gif = pictures.animated_gif(frames=10)
    assert images.check_upload(pictures.upload(gif, "m.gif"), "m.gif").frames == 10


@pytest.mark.parametrize("kind", FORMATS)
def test_truncated_files_are_refused_at_upload(kind):
    data = pictures.picture_bytes(
        kind, size=(300, 200), **({"quality": 95} if kind == "JPEG" else {})
    )
    error = refusal(data[: len(data) * 2 // 3], f"cut.{pictures.EXTENSIONS[kind]}")
    assert error.code == "corrupt"
    assert "damaged or incomplete" in error.message


def test_a_valid_header_followed_by_garbage_is_refused():
    data = pictures.picture_bytes("PNG", size=(64, 64))
    error = refusal(data[:40] + bytes(range(256)) * 4, "garbage.png")
    assert error.code == "corrupt"


@pytest.mark.parametrize("kind", FORMATS)
def test_damaged_files_never_raise_anything_but_a_validation_error(kind):
    """Random damage to every kind of file: refused, or accepted and processed; never a
    server error."""
    extra = {} if kind == "GIF" else {"exif": pictures.private_exif(orientation=6)}
    original = pictures.picture_bytes(kind, size=(48, 32), **extra)
    name = f"fuzz.{pictures.EXTENSIONS[kind]}"
    chance = random.Random(f"fuzz-{kind}")
    for _ in range(FUZZ_ROUNDS):
        data = bytearray(original)
        for _ in range(chance.randint(1, 8)):
            data[chance.randrange(len(data))] = chance.randrange(256)
        cut = chance.choice([len(data), chance.randrange(1, len(data))])
        file = pictures.upload(bytes(data[:cut]), name)
        with contextlib.suppress(ValidationError):
            upload = images.check_upload(file, name)
            processed = images.process(file, upload)  # what passes is processed safely too
            renditions(processed.first_frame, processed.icc_profile, 0.5, 0.5)


def test_stored_names_are_safe_whatever_the_upload_was_called():
    for name, expected in [
        ("../../etc/passwd.jpg", "passwd.jpg"),
        ("..\\..\\windows\\evil.jpg", "windowsevil.jpg"),
        ("照片.jpg", "image.jpg"),
        ("x" * 400 + ".jpg", "x" * 60 + ".jpg"),
        (".jpg", "image.jpg"),
        ("My Photo (1).JPG", "my-photo-1.jpg"),
    ]:
        stored = images.stored_name(name)
        folder, token, file = stored.split("/")
        assert folder == "images" and len(token) == 16
        assert file == expected, name
        assert ".." not in stored and "\\" not in stored and len(stored) < 100
    assert images.stored_name("照片.jpg", title="Wuhu plant").endswith("/wuhu-plant.jpg")
