"""The major-project app in the admin."""

from projects.admin import people, projects, records, redirects

__all__ = ["people", "projects", "records", "redirects"]
