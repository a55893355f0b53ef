"""Renditions: the smaller copies pages show, made once when an image is saved from the
upright, metadata-free picture newsroom.core.uploads produced; templates only read their
names. Each width comes in AVIF, WebP and a JPEG (PNG when transparent) fallback, cards are
cropped around the focal point, and the social card is sized for OpenGraph and X. Every file
carries the photo's rights (newsroom.core.rights) and no other metadata.
"""

import io

from PIL import Image as Pillow
from PIL import ImageCms, features

from newsroom.core import rights as photo_rights
from newsroom.core.uploads import FORMATS, check_upload, opened, upright

# Rendition widths in CSS pixels; none is wider than the original.
WIDTHS = (320, 640, 960, 1280, 1920)
CARD_WIDTHS = (320, 640)
CARD_RATIO = 3 / 2
SOCIAL_SIZE = (1200, 630)
MAX_SIDE = 16383  # the most pixels WebP allows across or down
# Raise to make `manage.py make_renditions` redo every image after changing the sets above.
RENDITIONS_VERSION = 2  # 2: AVIF beside WebP
# The modern formats pages offer before the fallback, best first; AVIF where Pillow has it.
MODERN = ("avif", "webp") if features.check("avif") else ("webp",)
PILLOW_NAMES = {"avif": "AVIF", "webp": "WEBP", "png": "PNG", "jpg": "JPEG"}

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


def encode(image, kind, rights=None):
    out = io.BytesIO()
    options = photo_rights.save_options(rights or photo_rights.Rights(), PILLOW_NAMES[kind])
    if kind == "avif":
        # Speed 8 costs a quarter of the default 6 for files within 1 % of its size (README).
        image.save(out, "AVIF", quality=60, speed=8, **options)
    elif kind == "webp":
        image.save(out, "WEBP", quality=80, method=4, **options)
    elif kind == "png":
        image.save(out, "PNG", optimize=False, **options)
    else:
        image.save(out, "JPEG", quality=82, optimize=True, progressive=True, **options)
    return out.getvalue()


def renditions(image, icc, focal_x, focal_y, rights=None):
    """Every rendition of an upright image: ({kind: [[width, height], ...], "formats": [...]},
    alpha, files) where files are (relative name, bytes). Kinds: "full" keeps the shape,
    "card" is a 3:2 crop around the focal point, "social" is the 1200×630 card for OpenGraph
    and X. Each file carries `rights`."""
    picture = for_screens(image, icc)
    alpha = picture.mode == "RGBA"
    fallback = "png" if alpha else "jpg"
    formats = (*MODERN, fallback)
    width, height = picture.size
    sets, files = {"formats": list(MODERN)}, []

    def add(kind, size, box, formats):
        resized = picture.resize(size, Pillow.Resampling.LANCZOS, box=box, reducing_gap=3.0)
        sets.setdefault(kind, []).append(list(size))
        for extension in formats:
            flat = resized
            if extension == "jpg" and resized.mode == "RGBA":
                flat = Pillow.new("RGB", resized.size, "white")
                flat.paste(resized, mask=resized.getchannel("A"))
            files.append((f"{kind}-{size[0]}.{extension}", encode(flat, extension, rights)))

    full = (0, 0, width, height)
    # A very tall picture is narrowed so that no rendition is taller than WebP allows.
    for w in widths_for(min(width, max(1, width * MAX_SIDE // height)), WIDTHS):
        add("full", (w, min(MAX_SIDE, max(1, round(height * w / width)))), full, formats)
    card = crop_box(width, height, CARD_RATIO, focal_x, focal_y)
    card_width = card[2] - card[0]
    for w in widths_for(card_width, CARD_WIDTHS):
        add("card", (w, max(1, round(w / CARD_RATIO))), card, formats)
    social = crop_box(width, height, SOCIAL_SIZE[0] / SOCIAL_SIZE[1], focal_x, focal_y)
    add("social", SOCIAL_SIZE, social, ("jpg",))
    return sets, alpha, files


def open_stored(file, kind):
    """An image we stored ourselves, opened again (to redo its renditions), still guarded."""
    upload = check_upload(file, f"stored.{FORMATS[kind][0]}")
    with opened(file, kind) as image:
        image.load()
        return upright(image, 1), image.info.get("icc_profile"), upload
