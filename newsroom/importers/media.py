"""An export's attachments become pictures of the image library through the same door as an
admin upload: Image.full_clean() checks the file (size, kind from its bytes, extension,
pixels, decoding) and makes the renditions, and save() stores them. Alt text comes from the
attachment's own metadata; without it the picture is imported undescribed, and any article
showing it cannot be published until someone describes it."""

import dataclasses
import hashlib
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File

from newsroom.importers.models import ImportedItem
from newsroom.models import Image

UPLOADS = "wp-content/uploads/"
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")  # photo-300x200.jpg is a size of photo.jpg


@dataclasses.dataclass(frozen=True)
class Attachment:
    post_id: int
    url: str
    path: str  # under wp-content/uploads/, e.g. 2019/03/photo.jpg
    title: str = ""
    alt: str = ""
    caption: str = ""
    parent: int = 0


def attachment_from(item):
    path = item.meta.get("_wp_attached_file", "") or uploads_path(item.attachment_url)
    return Attachment(
        item.post_id,
        item.attachment_url,
        path.lstrip("/"),
        item.title[:200],
        item.meta.get("_wp_attachment_image_alt", "")[:250],
        item.excerpt.strip()[:300],
        item.parent,
    )


def uploads_path(url):
    path = unquote(urlsplit(url).path)
    return path.split(UPLOADS, 1)[1] if UPLOADS in path else ""


class Library:
    """The export's attachments, looked up by ID or by address, and imported on first use."""

    def __init__(self, source, media_dir, dry_run=False):
        self.source, self.dry_run = source, dry_run
        self.media_dir = Path(media_dir) if media_dir else None
        self.by_id, self.by_path, self.children = {}, {}, {}

    def add(self, attachment):
        self.by_id[attachment.post_id] = attachment
        if attachment.path:
            self.by_path[attachment.path] = attachment.post_id
        self.children.setdefault(attachment.parent, []).append(attachment.post_id)

    def find(self, picture):
        """The Attachment a Picture shows, or None when the export does not hold it."""
        if picture.attachment_id in self.by_id:
            return self.by_id[picture.attachment_id]
        path = uploads_path(picture.url)
        for candidate in (path, SIZE_SUFFIX.sub("", path)):
            if candidate in self.by_path:
                return self.by_id[self.by_path[candidate]]
        return None

    def local_file(self, attachment):
        if not self.media_dir or not attachment.path or ".." in Path(attachment.path).parts:
            return None
        for folder in (self.media_dir, self.media_dir / UPLOADS):
            candidate = folder / attachment.path
            if candidate.is_file():
                return candidate
        return None

    def image_for(self, attachment, entry):
        """The library's Image for `attachment` (imported now if new), or None, with the
        reason in the report entry: missing from --media-dir, or refused by the checks."""
        known = ImportedItem.objects.filter(
            source=self.source, kind=ImportedItem.Kind.ATTACHMENT, post_id=attachment.post_id
        ).select_related("image")
        if (found := known.first()) is not None:
            if found.image is None:  # deleted from the library on purpose: not brought back
                entry.setdefault("missing_media", []).append(f"{attachment.url} (deleted here)")
            return found.image
        path = self.local_file(attachment)
        if path is None:
            entry.setdefault("missing_media", []).append(attachment.url or attachment.path)
            return None
        image = Image(
            title=attachment.title or path.stem,
            alt_text=attachment.alt.strip(),
            caption=attachment.caption,
        )
        try:
            with path.open("rb") as handle:
                image.file = File(handle, name=path.name)
                image.full_clean()
                if self.dry_run:
                    return None
                image.save()
        except ValidationError as error:
            reasons = " ".join(error.messages)
            entry.setdefault("refused_media", []).append(f"{attachment.url}: {reasons}")
            return None
        ImportedItem.objects.create(
            source=self.source,
            kind=ImportedItem.Kind.ATTACHMENT,
            guid=attachment.url or f"attachment-{attachment.post_id}",
            post_id=attachment.post_id,
            image=image,
            checksum=hashlib.sha256(repr(attachment).encode()).hexdigest(),
        )
        return image
