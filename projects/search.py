"""Project search: the directory's published projects matching a query, most relevant first."""

from newsroom.core.search import matching, rank_by_fields


def search_projects(projects, query):
    fields = ["name", "local_name", "summary", "sector", "product", "city", "province"]
    found = matching(projects, query, fields)
    ranked = rank_by_fields(found, query, [("name", 3), ("local_name", 3), ("summary", 1)])
    return ranked.order_by("-rank", "name")
