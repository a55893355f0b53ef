"""Where an image's renditions are and their addresses, read from the list saved with it:
no file is opened and no storage is listed while a page renders."""


class RenditionFiles:
    """For Image: needs `file` and the saved `renditions` list."""

    def rendition_files(self, kind):
        """[(name, extension, width, height)] of one kind, from the saved list: no file access."""
        folder = self.renditions.get("folder")
        # Renditions made before AVIF list no "formats": WebP then, until make_renditions.
        modern = self.renditions.get("formats", ["webp"])
        extensions = ("jpg",) if kind == "social" else (*modern, self.fallback_extension)
        return [
            (f"{folder}/{kind}-{width}.{extension}", extension, width, height)
            for width, height in self.renditions.get(kind, [])
            for extension in extensions
        ]

    def stored_files(self):
        names = [
            name for kind in ("full", "card", "social") for name, *_ in self.rendition_files(kind)
        ]
        return [self.file.name, *names] if self.file else names

    @property
    def fallback_extension(self):
        return "png" if self.renditions.get("alpha") else "jpg"

    def rendition_urls(self, kind, extension):
        url = self.file.storage.url
        return [
            (url(name), w, h) for name, ext, w, h in self.rendition_files(kind) if ext == extension
        ]

    @property
    def social_card_url(self):
        """The 1200×630 JPEG for og:image and twitter:image; "" before renditions exist.
        Relative with filesystem storage: use request.build_absolute_uri on it."""
        urls = self.rendition_urls("social", "jpg")
        return urls[0][0] if urls else ""

    @property
    def thumbnail_url(self):
        urls = self.rendition_urls("card", self.fallback_extension)
        return urls[0][0] if urls else ""
