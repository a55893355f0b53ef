"""The news app in the admin: articles with their tags, categories and links, the image library,
and the staff accounts."""

from newsroom.admin import articles, images, users

__all__ = ["articles", "images", "users"]
