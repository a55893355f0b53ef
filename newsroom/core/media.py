"""Media for the public: uploaded files with long cache lifetimes, and media-kit ZIPs."""

import io
import logging
import zipfile

from django.conf import settings
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views import static

from newsroom.core.detail import private

log = logging.getLogger(__name__)
CHUNK = 64 * 1024
# A stored file never changes under its name (a new upload or crop gets a new name).
FOREVER = "public, max-age=31536000, immutable"


def serve(request, path):
    """Media from MEDIA_ROOT when Django serves it (DEBUG, or SERVE_MEDIA on one server).
    Press photos and social cards are meant to be shown by other sites (hotlinked, in feed
    readers, in previews of shared links), so media alone may be loaded cross-origin; nosniff
    keeps a browser from taking any of it for a script or a page."""
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = FOREVER
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


class _Sink(io.RawIOBase):
    """A write-only stream handing on what was written: a ZIP built while it is sent."""

    def __init__(self):
        self.chunks = []

    def writable(self):
        return True

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def take(self):
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def credits(name, image):
    lines = [f"{name}", f"  Title: {image.title}"]
    lines += [
        f"  {label}: {value}"
        for label, value in (
            ("Caption", image.caption),
            ("Creator", image.creator),
            ("Credit", image.credit),
            ("Copyright", image.copyright_notice),
            ("Licence", image.licence_url),
            ("Usage terms", image.usage_terms),
            ("Alt text", image.alt_text),
        )
        if value
    ]
    lines.append(f"  {image.label}")
    return "\n".join(lines)


def zip_chunks(images, heading):
    """The originals of `images` and a CREDITS.txt, as ZIP bytes in chunks of about 64 KB:
    nothing is held in memory beyond one chunk. A missing file is left out and noted."""
    sink = _Sink()
    notes = [heading, ""]
    # Pictures are compressed already: stored as they are, not deflated again.
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_STORED) as archive:
        for number, image in enumerate(images, start=1):
            name = f"{number:02d}-{image.download_name}"
            try:
                source = image.file.storage.open(image.file.name, "rb")
            except FileNotFoundError:
                log.warning("Media kit: the file of image %s is missing: %s", image.pk, image.file)
                notes.append(f"{name}: missing, ask the press office.\n")
                continue
            entry = zipfile.ZipInfo(name, timezone.localtime(image.uploaded_at).timetuple()[:6])
            with source, archive.open(entry, "w") as target:
                while chunk := source.read(CHUNK):
                    target.write(chunk)
                    yield sink.take()
            notes.append(credits(name, image) + "\n")
        archive.writestr("CREDITS.txt", "\n".join(notes))
    yield sink.take()


def media_kit(request, queryset, slug):
    """The ZIP of an article's or project's pictures. The public rule decides who may have it:
    visitors get published ones only; staff who may change it also get drafts (never cached)."""
    opts = queryset.model._meta
    if not request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        queryset = queryset.published()
    obj = get_object_or_404(queryset, slug=slug)
    images = obj.media_kit
    if not images:
        raise Http404("No pictures to download.")
    heading = f"Pictures of “{obj}”\n{request.build_absolute_uri(obj.get_absolute_url())}"
    response = StreamingHttpResponse(zip_chunks(images, heading), content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, f"{slug}-pictures.zip")
    return response if obj.is_published else private(response)
