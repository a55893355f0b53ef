"""The news app in the admin: articles with their tags, categories and links, and the image library."""

from newsroom.admin import articles, images

__all__ = ["articles", "images"]
