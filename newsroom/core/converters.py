class UnicodeSlugConverter:
    """Like Django's `slug`, but also matches the unicode slugs our models allow (压缩机)."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
