"""Typo tolerance on PostgreSQL: a word of the query that no indexed word shares a stem with
is compared, by trigram similarity (pg_trgm), with the vocabulary of indexed words; the
closest one above a threshold is searched as well and offered as "did you mean". SQLite has
no trigram similarity: there, queries are searched as typed and nothing is suggested.
"""

from django.db import connection

from newsroom.core.query_syntax import Query, Term, is_cjk
from newsroom.models.search_index import SearchWord

SIMILAR_ENOUGH = 0.4  # pg_trgm similarity; 0.3 (its own default) suggests too loosely
SHORTEST = 4  # letters; shorter words have too few trigrams to correct reliably

# For each query word: the vocabulary's words similar to it (`%`, GIN-indexed), how
# similar, and whether one is the same English stem (then the word is not a typo).
SIMILAR = f"""
SELECT q.word, v.word, similarity(v.word, q.word),
       ts_lexize('english_stem', v.word) = ts_lexize('english_stem', q.word)
FROM unnest(%s::text[]) AS q(word) JOIN {SearchWord._meta.db_table} v ON v.word %% q.word
"""


def corrections(query):
    """{misspelt word: the indexed word it most likely meant} for `query`'s single words."""
    words = sorted(
        {
            term.words[0]
            for clause in query.clauses
            for term in clause
            if not term.is_phrase and len(term.words[0]) >= SHORTEST and not is_cjk(term.words[0])
        }
    )
    if connection.vendor != "postgresql" or not words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(SIMILAR, [words])
        rows = cursor.fetchall()
    known = {word for word, _, similarity, same_stem in rows if same_stem or similarity == 1}
    best = {}
    for word, candidate, similarity, _ in sorted(rows, key=lambda row: -row[2]):
        if word not in known and similarity >= SIMILAR_ENOUGH:
            best.setdefault(word, candidate)
    return best


def tolerant(query, fixes):
    """`query` with each misspelt word's correction searched as an alternative to it."""
    clauses = [
        [
            *clause,
            *(
                Term((fixes[t.words[0]],))
                for t in clause
                if t.words[0] in fixes and not t.is_phrase
            ),
        ]
        for clause in query.clauses
    ]
    return Query(clauses=clauses, excluded=query.excluded)


def suggestion(query, fixes):
    """The query a reader probably meant, as text for the search box; None if none."""
    if not fixes:
        return None
    clauses = [
        [Term((fixes.get(t.words[0], t.words[0]),)) if not t.is_phrase else t for t in clause]
        for clause in query.clauses
    ]
    return str(Query(clauses=clauses, excluded=query.excluded))
