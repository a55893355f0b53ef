"""The major-project app in the admin."""

from projects.admin import projects, records

__all__ = ["projects", "records"]
