"""The news app in the admin: articles with their tags, categories and links, the image library,
IPTC Media Topics, old addresses and the staff accounts."""

from newsroom.admin import articles, brand, images, redirects, taxonomy, topics, users

__all__ = ["articles", "brand", "images", "redirects", "taxonomy", "topics", "users"]
