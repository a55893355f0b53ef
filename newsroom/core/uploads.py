"""Uploaded pictures, checked and made safe with Pillow.

An upload is checked in order, each step before anything more expensive: its size in
bytes, its kind from its first bytes (never its name), its extension, its pixel count
from the header (animation frames counted), and only then is it decoded, which refuses
corrupt and truncated files. Only images that pass are processed: turned upright (EXIF
orientation), stripped of all metadata (GPS, camera serials, maker notes, comments) but
the photo's rights (newsroom.core.rights) and re-encoded, so every byte served is one
Pillow wrote from decoded pixels. Renditions are made from it in newsroom.core.renditions.
"""

import contextlib
import io
import re
import secrets
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from PIL import Image as Pillow
from PIL import features
from PIL.JpegImagePlugin import get_sampling

from newsroom.core import rights as photo_rights

# Accepted kinds, as Pillow names them, with the extensions each may carry (first: ours).
FORMATS = {
    "JPEG": ("jpg", "jpeg"),
    "PNG": ("png",),
    "WEBP": ("webp",),
    "GIF": ("gif",),
}
if features.check("avif"):
    FORMATS["AVIF"] = ("avif",)
LABELS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF", "AVIF": "AVIF"}
*_named, _last = (LABELS[kind] for kind in FORMATS)
ACCEPTED = f"{', '.join(_named)} or {_last}"  # "JPEG, PNG, WebP, GIF or AVIF"
CONTENT_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
    "AVIF": "image/avif",
}

# What Pillow raises on damaged data (RuntimeError: its AVIF decoder); anything else is a
# bug and should surface.
_DAMAGED = (OSError, SyntaxError, ValueError, EOFError, IndexError, RuntimeError)
DECODE_ERRORS = (*_DAMAGED, struct.error, zlib.error)


@dataclass(frozen=True)
class Upload:
    """What the header of an accepted upload says."""

    format: str
    width: int
    height: int
    frames: int


def megabytes(size):
    """Sizes as people read them: 5.2 MB, 20 MB, or 340 KB below a megabyte."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")


def sniff(head):
    """The kind of file from its first bytes: a Pillow format name for the kinds we accept,
    else a description of what it is (for the error message), else ""."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"avif", b"avis"):
            return "AVIF" if "AVIF" in FORMATS else "an AVIF image"
        if brand in (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"):
            return "a HEIC/HEIF photo (export it as JPEG)"
        return "a video or other ISO media file"
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith(b"8BPS"):
        return "a Photoshop (PSD) file"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "a TIFF image or camera RAW file"
    if head.startswith((b"%!PS", b"\xc5\xd0\xd3\xc6")):
        return "a PostScript or EPS file"
    if head.startswith(b"BM"):
        return "a BMP image"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in text:
        return "an SVG drawing"
    if text.startswith(b"<"):
        return "an HTML or XML document"
    return ""


def refuse(message, code):
    raise ValidationError(message, code=code)


@contextlib.contextmanager
def opened(file, kind):
    """Image.open with only the plugin for `kind`, and quiet: Pillow's own bomb warning is
    silenced (our limit is checked right after, with a clearer message) and so are its
    warnings about damaged metadata, which is dropped anyway. Its bomb error becomes ours.
    The image is not closed afterwards: that would close the caller's file."""
    file.seek(0)
    # catch_warnings changes process-wide state; workers are processes, not threads.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Pillow.DecompressionBombWarning)
        warnings.filterwarnings("ignore", category=UserWarning, module="PIL")
        try:
            image = Pillow.open(file, formats=[kind])
        except Pillow.DecompressionBombError as error:
            found = re.search(r"\((\d+) pixels\)", str(error))
            refuse_pixels(int(found[1]) if found else None)
        except DECODE_ERRORS:
            refuse_corrupt(kind)
        yield image


def refuse_pixels(pixels, detail=""):
    limit = settings.IMAGE_MAX_PIXELS / 1_000_000
    amount = f"{detail}{pixels / 1_000_000:,.0f} megapixels" if pixels else "too many"
    refuse(
        f"This image has too many pixels: {amount}, over the limit of {limit:g} megapixels. "
        "Reduce it and upload it again.",
        "too_many_pixels",
    )


def refuse_corrupt(kind):
    refuse(
        f"This file is damaged or incomplete: it cannot be read as a {LABELS[kind]} image. "
        "Export it again and upload the new file.",
        "corrupt",
    )


def check_upload(file, name, *, decode=True):
    """Check an uploaded file before anything else happens to it; returns its Upload or
    raises ValidationError with a message for the editor. Without `decode`, only what the
    header says is checked (newsroom.core.imaging decodes big images in a child process)."""
    size = file.size
    if not size:
        refuse("The file is empty.", "empty")
    if size > settings.IMAGE_MAX_FILE_SIZE:
        refuse(
            f"This file is {megabytes(size)}; the largest image accepted is "
            f"{megabytes(settings.IMAGE_MAX_FILE_SIZE)}.",
            "too_large",
        )
    file.seek(0)
    kind = sniff(file.read(1024))
    if kind not in FORMATS:
        what = f"This file is {kind}" if kind else "This file is not an image we can read"
        refuse(f"{what}. Upload a {ACCEPTED} image instead.", "refused_type")
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in FORMATS[kind]:
        expected = f"“.{FORMATS[kind][0]}”"
        found = f"ends in “.{extension}”" if extension else "has no extension"
        refuse(
            f"The file name {found}, but the file is a {LABELS[kind]} image. "
            f"Rename it to end in {expected} and upload it again.",
            "wrong_extension",
        )
    with opened(file, kind) as image:
        width, height = image.size
        try:
            frames = getattr(image, "n_frames", 1)
        except DECODE_ERRORS:
            refuse_corrupt(kind)
        if width * height * frames > settings.IMAGE_MAX_PIXELS:
            in_frames = f" × {frames} frames" if frames > 1 else ""
            refuse_pixels(width * height * frames, f"{width:,} × {height:,}{in_frames} = ")
        try:
            for frame in range(frames if decode else 0):
                image.seek(frame)
                image.load()
        except DECODE_ERRORS:
            refuse_corrupt(kind)
    file.seek(0)
    return Upload(kind, width, height, frames)


def stored_name(name, title=""):
    """A safe file name for an upload: an unguessable folder and an ASCII slug of the name,
    so no path, no traversal and a bounded length whatever the uploader called the file."""
    stem, _, extension = PurePath(name).name.rpartition(".")
    stem = slugify(stem)[:60].strip("-_") or slugify(title)[:60].strip("-_") or "image"
    return f"images/{secrets.token_hex(8)}/{stem}.{slugify(extension)[:10]}"


# Orientation tag values and the transposition that makes the picture upright.
ORIENTATION = 0x0112
TRANSPOSE = {
    2: Pillow.Transpose.FLIP_LEFT_RIGHT,
    3: Pillow.Transpose.ROTATE_180,
    4: Pillow.Transpose.FLIP_TOP_BOTTOM,
    5: Pillow.Transpose.TRANSPOSE,
    6: Pillow.Transpose.ROTATE_270,
    7: Pillow.Transpose.TRANSVERSE,
    8: Pillow.Transpose.ROTATE_90,
}


def orientation_of(image):
    """The EXIF orientation, or 1 when there is none or the EXIF block is damaged."""
    try:
        return image.getexif().get(ORIENTATION, 1)
    except DECODE_ERRORS:
        return 1


def upright(image, orientation):
    """A copy of the current frame, turned as its orientation says, carrying no metadata
    except its transparency (the encoders would otherwise copy some of `info` along)."""
    transposition = TRANSPOSE.get(orientation)
    frame = image.transpose(transposition) if transposition else image.copy()
    keep = {"transparency": image.info["transparency"]} if "transparency" in image.info else {}
    frame.info = keep
    return frame


@dataclass
class Processed:
    content: bytes  # the full-size image to keep and offer for download
    width: int
    height: int
    first_frame: object  # upright PIL image, for renditions
    icc_profile: bytes | None
    rights: photo_rights.Rights  # written into the file, and to be shown in the form


def process(file, upload, rights=None, prefill=True):
    """The full-size, upright image in the format it was uploaded in, without its metadata
    but for `rights` (each blank one taken from the upload's own EXIF/IPTC/XMP if `prefill`)."""
    rights = rights or photo_rights.Rights()
    with opened(file, upload.format) as image:
        if prefill:
            rights = rights.filled_from(photo_rights.embedded(image))
        orientation = orientation_of(image)
        icc = image.info.get("icc_profile")
        frames, durations = [], []
        # A JPEG's extra frames (MPO) are previews and depth maps: the picture is the first.
        count = 1 if upload.format == "JPEG" else upload.frames
        for index in range(count):
            image.seek(index)
            image.load()
            frames.append(upright(image, orientation))
            durations.append(image.info.get("duration", 100))
        options = encoder_options(image, upload.format, icc)
        options.update(photo_rights.save_options(rights, upload.format))
        loop = image.info.get("loop", 0)
    first = frames[0]
    out = io.BytesIO()
    if len(frames) > 1:
        first.save(
            out,
            upload.format,
            save_all=True,
            append_images=frames[1:],
            duration=durations,
            loop=loop,
            **options,
        )
    else:
        first.save(out, upload.format, **options)
    return Processed(out.getvalue(), first.width, first.height, first, icc, rights)


def encoder_options(image, kind, icc):
    """Keep the look of the original: its JPEG quantisation and subsampling, its colour
    profile (colour, not personal data), its transparency; nothing else."""
    options = {"icc_profile": icc} if icc and kind != "GIF" else {}
    if kind == "JPEG":
        options["qtables"] = image.quantization
        sampling = get_sampling(image)
        if sampling != -1:
            options["subsampling"] = sampling
    elif kind in ("WEBP", "AVIF"):
        options["quality"] = 90
    if "transparency" in image.info and kind in ("PNG", "GIF"):
        options["transparency"] = image.info["transparency"]
    return options
