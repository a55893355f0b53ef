"""The admin's search box through the search index, on PostgreSQL.

Django's own admin search runs `UPPER(column) LIKE '%WORD%'` over every search field: no
index can answer it, so at 100,000 articles each search reads the whole table, and the
change list does it three times (the count, the rows, the date hierarchy's years). Here
`?q=` matches the record's search document (GIN-indexed: title, keywords, text) with
every plain word as a prefix (`compr` finds "compressor", as an editor typing expects),
quoted phrases as phrases, `-word` and `OR` as on the site; a slug, or the start of one,
finds its record too. The change list counts once (LargeTableAdmin) and skips the date
hierarchy's years while searching. SQLite keeps Django's search: it has no such index
here, and its tables are small. On both, a search counts at most COUNT_CAP matches
(CappedPaginator): counting every match of a common word reads all of them, where the
newest hundred are found by walking the date index and looking each up.
"""

import functools
import operator

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q
from django.utils.functional import cached_property

from newsroom.core.query_syntax import is_cjk, parse
from newsroom.core.search import clean_query
from newsroom.core.search_engines import ts_term
from newsroom.models.search_index import SearchDocument


def prefix_term(term):
    """A word as a prefix (`compr:*`, stemmed as the index is); a phrase, or Chinese, as the
    site's search has it."""
    if term.is_phrase or is_cjk(term.words[0]):
        return ts_term(term)
    # WORD (query_syntax) leaves only letters and digits: nothing tsquery would parse.
    return SearchQuery(f"{term.words[0]}:*", search_type="raw", config="english")


def admin_tsquery(query):
    clauses = [functools.reduce(operator.or_, map(prefix_term, c)) for c in query.clauses]
    wanted = functools.reduce(operator.and_, clauses)
    for term in query.excluded:
        wanted &= ~ts_term(term)
    return wanted


COUNT_CAP = 1000


def slug_filter(text):
    """The rows whose slug starts with `text`, if `text` could be a slug or its start."""
    return Q(slug__startswith=text) if text and not any(c.isspace() for c in text) else None


def indexed_search(queryset, text):
    """The rows of `queryset` (of an Indexed model with a slug) that `text` finds."""
    slug = slug_filter(text)
    query = parse(text)
    if not query:
        return queryset.filter(slug) if slug else queryset.none()
    documents = SearchDocument.objects.filter(
        kind=queryset.model.search_kind, vector=admin_tsquery(query)
    )
    found = Q(pk__in=documents.values("object_id"))
    if slug:
        # Only the slugs the words do not find already: `slug LIKE … OR id IN (documents)`
        # keeps PostgreSQL from making the documents a join it can stop early (430 ms
        # against 30 for a word in a fifth of 100,000 articles), so it is the rare case.
        keys = set(queryset.filter(slug).values_list("pk", flat=True)[:COUNT_CAP])
        keys -= set(documents.filter(object_id__in=keys).values_list("object_id", flat=True))
        if keys:
            found |= Q(pk__in=keys)
    return queryset.filter(found)


class CappedPaginator(Paginator):
    """Pages of at most COUNT_CAP matches, newest first; `capped` when there are more."""

    @cached_property
    def found(self):
        # Unordered: any COUNT_CAP + 1 matches will do, the first the database finds.
        return self.object_list.order_by()[: COUNT_CAP + 1].count()

    @cached_property
    def count(self):
        return min(self.found, COUNT_CAP)

    @property
    def capped(self):
        return self.found > COUNT_CAP


class IndexedSearchAdmin:
    """For the change lists (and autocompletes) of an Indexed model with a slug."""

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if clean_query(request.GET.get("q", "")):
            return CappedPaginator(queryset, per_page, orphans, allow_empty_first_page)
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)

    def get_search_results(self, request, queryset, search_term):
        text = clean_query(search_term)
        if connection.vendor != "postgresql" or not text:
            return super().get_search_results(request, queryset, search_term)
        return indexed_search(queryset, text), False

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if changelist.query:
            changelist.date_hierarchy = None  # its years would be one more pass over the matches
        return changelist
