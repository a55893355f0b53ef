"""Typo tolerance on PostgreSQL: a word of the query that no indexed word shares a stem with
is compared, by trigram similarity (pg_trgm), with the vocabulary of indexed words; the
closest one above a threshold is searched as well and offered as "did you mean". SQLite has
no trigram similarity: there, queries are searched as typed and nothing is suggested.
The same query asks how common each word is, which chooses how the search reads its
matches (newsroom/models/search_index.py, ranked()).
"""

from dataclasses import dataclass, field

from django.db import connection

from newsroom.core.query_syntax import Query, Term, is_cjk
from newsroom.models.search_index import SearchDocument, SearchWord

SIMILAR_ENOUGH = 0.4  # pg_trgm similarity; 0.3 (its own default) suggests too loosely
SHORTEST = 4  # letters; shorter words have too few trigrams to correct reliably

# For each query word: the vocabulary's words similar to it (`%`, GIN-indexed), how
# similar, whether one is the same English stem (then the word is not a typo), and the share
# of search documents that hold its stem by PostgreSQL's own statistics (most_common_elems,
# kept by ANALYZE): None when the stem is not among the most common, 1 for a stop word,
# which the search leaves out. One query for both, as both are asked of every search.
SIMILAR = f"""
WITH stats AS (
    SELECT most_common_elems::text::text[] AS stems, most_common_elem_freqs AS shares
    FROM pg_stats
    WHERE schemaname = current_schema() AND tablename = '{SearchDocument._meta.db_table}'
        AND attname = 'vector'
)
SELECT q.word, v.word, similarity(v.word, q.word),
       ts_lexize('english_stem', v.word) = ts_lexize('english_stem', q.word),
       CASE WHEN cardinality(ts_lexize('english_stem', q.word)) = 0 THEN 1
            ELSE stats.shares[array_position(stats.stems, (ts_lexize('english_stem', q.word))[1])]
       END
FROM unnest(%s::text[]) AS q(word)
LEFT JOIN {SearchWord._meta.db_table} v ON v.word %% q.word
LEFT JOIN stats ON true
"""


@dataclass(frozen=True)
class WordFacts:
    """What the database knows of a query's single words (see SIMILAR)."""

    fixes: dict = field(default_factory=dict)  # {misspelt word: the word it most likely meant}
    shares: dict = field(default_factory=dict)  # {word: share of documents holding it}

    def share(self, query):
        """The estimated share of documents that match `query` (clauses ANDed, terms ORed,
        each independent of the others); a word of unknown share counts as rare."""
        estimate = 1.0
        for clause in query.clauses:
            held = sum(min(self.shares.get(word) or 0.0 for word in t.words) for t in clause)
            estimate *= min(1.0, held)
        return estimate


def word_facts(query):
    """The WordFacts of `query`'s single words, in one query on PostgreSQL; none on SQLite."""
    words = sorted(
        {
            term.words[0]
            for clause in query.clauses
            for term in clause
            if not term.is_phrase and len(term.words[0]) >= SHORTEST and not is_cjk(term.words[0])
        }
    )
    if connection.vendor != "postgresql" or not words:
        return WordFacts()
    with connection.cursor() as cursor:
        cursor.execute(SIMILAR, [words])
        rows = cursor.fetchall()
    shares = {word: share for word, *_, share in rows if share is not None}
    similar = [row[:4] for row in rows if row[1] is not None]
    known = {word for word, _, similarity, same_stem in similar if same_stem or similarity == 1}
    fixes = {}
    for word, candidate, similarity, _ in sorted(similar, key=lambda row: -row[2]):
        if word not in known and similarity >= SIMILAR_ENOUGH:
            fixes.setdefault(word, candidate)
    return WordFacts(fixes=fixes, shares=shares)


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
