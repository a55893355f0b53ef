"""Uploaded pictures, made safe and fast with Pillow.

An upload is checked in order, each step before anything more expensive: its size in
bytes, its kind from its first bytes (never its name), its extension, its pixel count
from the header (animation frames counted), and only then is it decoded, which refuses
corrupt and truncated files. Only images that pass are processed: turned upright (EXIF
orientation), stripped of all metadata (GPS, camera serials, XMP, comments) and
re-encoded, so every byte served is one Pillow wrote from decoded pixels. Renditions are
made here too, once, when an image is saved; templates only read their names.
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
from PIL import ImageCms, features
from PIL.JpegImagePlugin import get_sampling

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

# Rendition widths in CSS pixels; none is wider than the original.
WIDTHS = (320, 640, 960, 1280, 1920)
CARD_WIDTHS = (320, 640)
CARD_RATIO = 3 / 2
SOCIAL_SIZE = (1200, 630)
MAX_SIDE = 16383  # the most pixels WebP allows across or down
# Raise to make `manage.py make_renditions` redo every image after changing the sets above.
RENDITIONS_VERSION = 1

# What Pillow raises on damaged data (RuntimeError: its AVIF decoder); anything else is a
# bug and should surface.
DECODE_ERRORS = (
    OSError, SyntaxError, ValueError, EOFError, IndexError, RuntimeError, struct.error,
    zlib.error,
)  # fmt: skip


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


def check_upload(file, name):
    """Check an uploaded file before anything else happens to it; returns its Upload or
    raises ValidationError with a message for the editor."""
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
            for frame in range(frames):
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


def process(file, upload):
    """The full-size, upright, metadata-free image, in the format it was uploaded in."""
    with opened(file, upload.format) as image:
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
    return Processed(out.getvalue(), first.width, first.height, first, icc)


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


SRGB = ImageCms.createProfile("sRGB")


def for_screens(image, icc):
    """RGB, or RGBA when transparency is used, in sRGB: what browsers assume of a picture
    without a colour profile. CMYK and wide-gamut photos are converted through their profile."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    mode = "RGBA" if alpha else "RGB"
    converted = None
    if icc and image.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, profile, SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            converted = None  # a broken profile: the plain conversion is the best we can do
    image = converted or image.convert(mode)
    if alpha and image.getextrema()[3][0] == 255:
        image = image.convert("RGB")  # transparency declared but never used
    return image


def crop_box(width, height, ratio, focal_x, focal_y):
    """The largest box of `ratio` inside the image, centred as near the focal point as fits."""
    if width / height > ratio:
        box_w, box_h = round(height * ratio), height
    else:
        box_w, box_h = width, round(width / ratio)
    left = min(max(round(focal_x * width - box_w / 2), 0), width - box_w)
    top = min(max(round(focal_y * height - box_h / 2), 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def widths_for(available, choices):
    """The standard widths narrower than the picture, then the picture's own width (capped)."""
    top = min(available, choices[-1])
    return [w for w in choices if w < top] + [top]


def encode(image, kind):
    out = io.BytesIO()
    if kind == "webp":
        image.save(out, "WEBP", quality=80, method=4)
    elif kind == "png":
        image.save(out, "PNG", optimize=False)
    else:
        image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()


def renditions(image, icc, focal_x, focal_y):
    """Every rendition of an upright image: ({kind: [[width, height], ...]}, alpha, files)
    where files are (relative name, bytes). Kinds: "full" keeps the shape, "card" is a 3:2
    crop around the focal point, "social" is the 1200×630 card for OpenGraph and X."""
    picture = for_screens(image, icc)
    alpha = picture.mode == "RGBA"
    fallback = "png" if alpha else "jpg"
    width, height = picture.size
    sets, files = {}, []

    def add(kind, size, box, formats):
        resized = picture.resize(size, Pillow.Resampling.LANCZOS, box=box, reducing_gap=3.0)
        sets.setdefault(kind, []).append(list(size))
        for extension in formats:
            flat = resized
            if extension == "jpg" and resized.mode == "RGBA":
                flat = Pillow.new("RGB", resized.size, "white")
                flat.paste(resized, mask=resized.getchannel("A"))
            files.append((f"{kind}-{size[0]}.{extension}", encode(flat, extension)))

    full = (0, 0, width, height)
    # A very tall picture is narrowed so that no rendition is taller than WebP allows.
    for w in widths_for(min(width, max(1, width * MAX_SIDE // height)), WIDTHS):
        add("full", (w, min(MAX_SIDE, max(1, round(height * w / width)))), full,
            ("webp", fallback))  # fmt: skip
    card = crop_box(width, height, CARD_RATIO, focal_x, focal_y)
    card_width = card[2] - card[0]
    for w in widths_for(card_width, CARD_WIDTHS):
        add("card", (w, max(1, round(w / CARD_RATIO))), card, ("webp", fallback))
    social = crop_box(width, height, SOCIAL_SIZE[0] / SOCIAL_SIZE[1], focal_x, focal_y)
    add("social", SOCIAL_SIZE, social, ("jpg",))
    return sets, alpha, files


def open_stored(file, kind):
    """An image we stored ourselves, opened again (to redo its renditions), still guarded."""
    upload = check_upload(file, f"stored.{FORMATS[kind][0]}")
    with opened(file, kind) as image:
        image.load()
        return upright(image, 1), image.info.get("icc_profile"), upload
