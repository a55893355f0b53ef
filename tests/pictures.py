"""Pictures for tests, drawn with Pillow: no binary fixtures."""

import io
import itertools
import struct
import zlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Pillow
from PIL import ImageDraw

from newsroom.models import Image

_numbers = itertools.count(1)
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}
GPS_IFD = 0x8825
BODY_SERIAL = 0xA431
ORIENTATION = 0x0112
SERIAL = "SN-4417-SECRET"


def drawn(size=(800, 600), mode="RGB", color=(200, 80, 40)):
    """A picture with a blue left half and a red top-right quarter: enough to tell which
    way up it is after a rotation."""
    picture = Pillow.new(mode, size, color if mode != "L" else 128)
    if mode in ("RGB", "RGBA"):
        pen = ImageDraw.Draw(picture)
        width, height = size
        pen.rectangle([0, 0, width // 2 - 1, height - 1], fill=(20, 40, 220))
        pen.rectangle([width // 2, 0, width - 1, height // 2 - 1], fill=(230, 10, 10))
    return picture


def encoded(picture, kind="JPEG", **options):
    out = io.BytesIO()
    picture.save(out, kind, **options)
    return out.getvalue()


def picture_bytes(kind="JPEG", size=(800, 600), mode="RGB", **options):
    return encoded(drawn(size, mode), kind, **options)


def private_exif(orientation=1):
    """EXIF with a GPS position, a camera serial number and an orientation."""
    exif = Pillow.Exif()
    exif[ORIENTATION] = orientation
    exif[BODY_SERIAL] = SERIAL
    exif[0x010F] = "CameraMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (31.0, 20.0, 0.0), 3: "E", 4: (118.0, 22.0, 0.0)})
    return exif


def upload(data, name="photo.jpg"):
    return SimpleUploadedFile(name, data)


def png_bomb(width=20_000, height=20_000):
    """A valid black-and-white PNG of width × height that compresses to almost nothing
    (20,000 × 20,000 is 48 KB on disk and 400 MB once decoded), written chunk by chunk
    without ever holding the pixels."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"".join(
        [b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", header), chunk(b"IDAT", data), chunk(b"IEND", b"")]
    )


def animated_gif(frames=10, size=(100, 100)):
    """A GIF whose frames differ (a colour each), so that none is merged into another."""
    colours = [((n * 37) % 256, (n * 91) % 256, (255 - n * 23) % 256) for n in range(frames)]
    pictures = [Pillow.new("RGB", size, colour) for colour in colours]
    return encoded(pictures[0], "GIF", save_all=True, append_images=pictures[1:], duration=80)


def image(data=None, name=None, **fields):
    """A library image made the way an upload is: checked, processed, with renditions."""
    n = next(_numbers)
    data = data or picture_bytes(size=(400, 300))
    defaults = {"title": f"Picture {n}", "alt_text": f"Picture number {n}."}
    return Image.objects.create(
        file=ContentFile(data, name=name or f"picture-{n}.jpg"), **{**defaults, **fields}
    )
