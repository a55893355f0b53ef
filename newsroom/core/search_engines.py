"""The parsed query (newsroom/core/query_syntax.py) in each engine's own language: an FTS5
MATCH expression on SQLite, a tsquery on PostgreSQL. Same meaning on both: clauses ANDed,
a clause's terms ORed, excluded terms NOT; Latin words against the text columns (stemmed:
FTS5's porter tokenizer, PostgreSQL's english configuration), Chinese runs as their
character pairs against the Chinese columns.
"""

import functools
import operator

from django.contrib.postgres.search import SearchQuery

from newsroom.core.query_syntax import is_cjk
from newsroom.core.search import cjk_bigrams

TEXT_COLUMNS = "{title keywords body}"
CJK_COLUMNS = "{cjk_head cjk_body}"


def _string(text):
    """An FTS5 string: its own syntax (AND, NEAR, *, :) is inert inside double quotes."""
    return '"' + text.replace('"', '""') + '"'


def _fts5_term(term):
    latin = [w for w in term.words if not is_cjk(w)]
    parts = [f"{TEXT_COLUMNS} : {_string(' '.join(latin))}"] if latin else []
    for word in filter(is_cjk, term.words):
        pairs = cjk_bigrams(word).split()
        inner = _string(" ".join(pairs)) if term.is_phrase else " AND ".join(map(_string, pairs))
        parts.append(f"{CJK_COLUMNS} : ({inner})")
    return "(" + " AND ".join(parts) + ")"


def to_fts5(query):
    """The FTS5 MATCH expression for `query` (which must have at least one clause)."""
    wanted = " AND ".join("(" + " OR ".join(map(_fts5_term, c)) + ")" for c in query.clauses)
    if not query.excluded:
        return wanted
    return f"({wanted}) NOT ({' OR '.join(map(_fts5_term, query.excluded))})"


def ts_term(term):
    latin = " ".join(w for w in term.words if not is_cjk(w))
    kind = "phrase" if term.is_phrase else "plain"
    parts = [SearchQuery(latin, search_type=kind, config="english")] if latin else []
    for word in filter(is_cjk, term.words):
        parts.append(SearchQuery(cjk_bigrams(word), search_type=kind, config="simple"))
    return functools.reduce(operator.and_, parts)


def to_tsquery(query):
    """The SearchQuery (a tsquery) for `query` (which must have at least one clause)."""
    clauses = [functools.reduce(operator.or_, map(ts_term, c)) for c in query.clauses]
    wanted = functools.reduce(operator.and_, clauses)
    for term in query.excluded:
        wanted &= ~ts_term(term)
    return wanted
