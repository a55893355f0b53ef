"""The press office in the admin; contacts are also edited under each article and project."""

from newsroom.press.admin import contacts, journalists

__all__ = ["contacts", "journalists"]
