"""Project search: the directory's published projects matching a parsed query, most
relevant first, ranked by the same engine and weights as news (newsroom/models/search_index.py)."""

from newsroom.models.search_index import ranked


def search_projects(projects, query):
    return ranked(projects, query).order_by("-rank", "name")
