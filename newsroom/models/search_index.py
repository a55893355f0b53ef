"""The search index: one document per article and per project, written by the model's own
save (the `Indexed` mixin) and by `rebuild_search_index`, never by a signal.

A document holds the record's text in three weighted parts (title; keywords: tags,
categories, project and organisation names; body) and its Chinese as character pairs in
two more (head: title and keywords; body). PostgreSQL keeps them in a weighted tsvector
(GIN-indexed); SQLite in the FTS5 table `newsroom_search_fts` (rowid = the document's id,
ranked by bm25 with the same weights). `SearchWord` is the vocabulary PostgreSQL's
"did you mean" compares a misspelt word with (pg_trgm).
"""

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchRank, SearchVector, SearchVectorField
from django.db import connection, models
from django.db.models import Count, F, OuterRef, Subquery
from django.db.models.functions import Cast

from newsroom.core.alongside import alongside
from newsroom.core.lookups import AnyOf
from newsroom.core.query_syntax import WORD, is_cjk
from newsroom.core.search import cjk_index_text
from newsroom.core.search_engines import to_fts5, to_tsquery

FTS_TABLE = "newsroom_search_fts"
FTS_COLUMNS = ("title", "keywords", "body", "cjk_head", "cjk_body")
# Column weights, the same order as FTS_COLUMNS: title, keywords, body, Chinese head, body.
FTS_WEIGHTS = (10.0, 5.0, 1.0, 10.0, 1.0)
BATCH = 500
KEYS_AT_MOST = 50_000  # matches read as keys first (see ranked()); past that, a join


class SearchDocument(models.Model):
    kind = models.CharField(max_length=20)  # "article" or "project": the model's search_kind
    object_id = models.PositiveBigIntegerField()
    title = models.TextField(blank=True)
    keywords = models.TextField(blank=True)
    body = models.TextField(blank=True)
    cjk_head = models.TextField(blank=True)
    cjk_body = models.TextField(blank=True)
    vector = SearchVectorField(null=True)  # PostgreSQL's; empty on SQLite

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_once")
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id}: {self.title}"


class SearchWord(models.Model):
    word = models.CharField(max_length=40, unique=True)

    def __str__(self):
        return self.word


def vocabulary(*texts):
    """The Latin words of `texts` worth suggesting: three letters or more, no digits only."""
    words = {w for text in texts for w in WORD.findall(text.lower())}
    return {w for w in words if 3 <= len(w) <= 40 and not is_cjk(w) and not w.isdigit()}


def vector():
    """A document's weighted tsvector, computed by PostgreSQL from its columns."""
    return (
        SearchVector("title", config="english", weight="A")
        + SearchVector("keywords", config="english", weight="B")
        + SearchVector("body", config="english", weight="C")
        + SearchVector("cjk_head", config="simple", weight="A")
        + SearchVector("cjk_body", config="simple", weight="C")
    )


def store_documents(kind, documents, Document=SearchDocument, Word=SearchWord, fresh=False):
    """Replace the documents of (object id, {"title", "keywords", "body"}) pairs (`fresh`:
    write them, the caller knowing that none of them has one yet).

    `Document` and `Word` may be a migration's historical models."""
    documents = list(documents)
    if not fresh:
        remove_documents(kind, [pk for pk, _ in documents], Document)
    rows = [
        Document(
            kind=kind,
            object_id=pk,
            **parts,
            cjk_head=cjk_index_text(f"{parts['title']} {parts['keywords']}"),
            cjk_body=cjk_index_text(parts["body"]),
        )
        for pk, parts in documents
    ]
    if connection.vendor == "postgresql":
        insert_with_vectors(Document, rows)
    else:
        made = Document.objects.bulk_create(rows, batch_size=BATCH)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)}) "
                f"VALUES (%s{', %s' * len(FTS_COLUMNS)})",
                [(row.pk, *(getattr(row, c) for c in FTS_COLUMNS)) for row in made],
            )
    words = vocabulary(*(f"{r.title} {r.keywords} {r.body}" for r in rows))
    Word.objects.bulk_create(
        (Word(word=w) for w in sorted(words)), batch_size=BATCH, ignore_conflicts=True
    )


ROW_COLUMNS = ("kind", "object_id", *FTS_COLUMNS)
# vector()'s parts, in its order (a tsvector's positions follow it), for the INSERT below.
VECTOR_PARTS = (
    ("title", "english", "A"),
    ("keywords", "english", "B"),
    ("body", "english", "C"),
    ("cjk_head", "simple", "A"),
    ("cjk_body", "simple", "C"),
)


def insert_with_vectors(Document, rows):
    """PostgreSQL: the rows in one INSERT per batch, each with its tsvector computed there,
    as vector() would: a bulk_create and then an UPDATE would write every row twice."""
    weighted = " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE(v.{column}, '')), '{weight}')"
        for column, config, weight in VECTOR_PARTS
    )
    types = ["text[]", "bigint[]", *["text[]"] * len(FTS_COLUMNS)]
    sql = (
        f'INSERT INTO "{Document._meta.db_table}" ({", ".join(ROW_COLUMNS)}, vector) '
        f"SELECT {', '.join(f'v.{c}' for c in ROW_COLUMNS)}, {weighted} "
        f"FROM unnest({', '.join(f'%s::{t}' for t in types)}) AS v({', '.join(ROW_COLUMNS)})"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            cursor.execute(sql, [[getattr(r, c) for r in batch] for c in ROW_COLUMNS])


def remove_documents(kind, object_ids, Document=SearchDocument):
    gone = Document.objects.filter(kind=kind, object_id__in=object_ids)
    if connection.vendor == "sqlite":
        ids = list(gone.values_list("pk", flat=True))
        if not ids:
            return
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids
            )
        gone = Document.objects.filter(pk__in=ids)
    gone.delete()


def rebuild(sources, Document=SearchDocument, Word=SearchWord):
    """Write the whole index again from (kind, queryset, document builder) triples: what
    `rebuild_search_index` and the migration that first filled it do."""
    Document.objects.all().delete()
    Word.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
    write(sources, Document, Word, fresh=True)


def write(sources, Document=SearchDocument, Word=SearchWord, fresh=False):
    """(Re)write the documents of the rows of (kind, queryset, builder) triples, in chunks
    (`fresh`: rows that have none yet)."""
    with alongside(store_documents) as store:  # PostgreSQL: vectors made while reading on
        for kind, queryset, builder in sources:
            chunk = []
            for obj in queryset.order_by("pk").iterator(chunk_size=BATCH):
                chunk.append((obj.pk, builder(obj)))
                if len(chunk) == BATCH:
                    store(kind, chunk, Document, Word, fresh)
                    chunk = []
            store(kind, chunk, Document, Word, fresh)


def index(objects):
    """Refresh the documents of `objects` (instances of one Indexed model, or a queryset of
    them, ideally with what their search_document reads prefetched)."""
    objects = list(objects)
    if objects:
        kind = objects[0].search_kind
        store_documents(kind, ((obj.pk, obj.search_document()) for obj in objects))


class Indexed:
    """A model whose every save and delete refreshes the search documents it is part of: its
    own, if it has one (`search_kind`, written by `search_document()`), and those of the
    records whose documents include its text (`search_followers()`: groups of records of
    one Indexed model each). Changes that skip save (tags set, bulk writes) call
    `refresh_search_document()` or `index()` themselves."""

    search_kind = ""

    def search_followers(self):
        return []

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.refresh_search_document()

    def delete(self, *args, **kwargs):
        followers = [list(group) for group in self.search_followers()]  # before links go
        if self.search_kind:
            remove_documents(self.search_kind, [self.pk])
        result = super().delete(*args, **kwargs)
        for group in followers:
            index(group)
        return result

    def refresh_search_document(self):
        if self.search_kind:
            index([self])
        for group in self.search_followers():
            index(group)


def ranked(queryset, query, among=None, listed=False, common=True):
    """The rows of `queryset` (of an Indexed model) whose document matches `query` (parsed,
    with at least one clause), annotated with `rank`: higher is more relevant.

    `among` = (n, order) ranks only the first n matches in that order, on PostgreSQL: a
    word in most of 100,000 documents would otherwise have every one of them ranked (each
    tsvector read and scored) to show ten, and the planner, rightly, scans the whole
    table to do it. The first n in an indexed order are found without ranking anything.
    `listed` reads those n keys first and gives their number as `candidates`.
    `common`: whether the query is in many of the documents; if not, its matches' keys are
    read from the GIN index first, which costs what they number (newsroom/search.py,
    COMMON)."""
    kind = queryset.model.search_kind
    if connection.vendor == "postgresql":
        wanted = to_tsquery(query)
        matched = SearchDocument.objects.filter(kind=kind, vector=wanted)
        rank = matched.filter(object_id=OuterRef("pk")).annotate(r=SearchRank(F("vector"), wanted))
        found = queryset.filter(pk__in=matched.values("object_id"))
        if not common:
            # The matches' keys first, from the GIN index, then given back as one array:
            # walking the newest articles by date, PostgreSQL tests each against it in a
            # hash and stops once it has `among`. As a join, it walked testing each one's
            # document (about 60 ms for a word in 6 % of 100,000), or sorted every match.
            keys = matched.values("object_id")[: KEYS_AT_MOST + 1].aggregate(
                text=StringAgg(Cast("object_id", models.TextField()), ","), count=Count("*")
            )
            if keys["count"] <= KEYS_AT_MOST:
                found = queryset.filter(AnyOf(F("pk"), keys["text"] or ""))
        if among:
            limit, order = among
            # Newest first, each article's document tested in turn: for a common word this
            # stops after a few hundred (the GIN index would hand over all its matches
            # first); for a rare one the planner asks the GIN index.
            newest = found.order_by(*order).values("pk")[:limit]
            if listed:
                # Read once, for the count and the page both: each would otherwise walk
                # the newest articles again, testing their documents.
                newest = list(newest.values_list("pk", flat=True))
            found = queryset.filter(pk__in=newest)
        found = found.annotate(rank=Subquery(rank.values("r")[:1]))
        if listed and among:
            found.candidates = len(newest)  # see newsroom/search.py, Deferred.count()
        return found
    # SQLite: the FTS5 table joined once (MATCH runs once; bm25 is lower for better
    # matches). extra() because the ORM cannot join a virtual table; every value is a
    # parameter, the names are our own constants.
    table, documents = queryset.model._meta.db_table, SearchDocument._meta.db_table
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    return queryset.extra(
        select={"rank": f"-bm25({FTS_TABLE}, {weights})"},
        tables=[FTS_TABLE, documents],
        where=[
            f"{FTS_TABLE} MATCH %s",
            # "+ 0" keeps the planner from probing the FTS table by rowid once per row of
            # `queryset` (a MATCH each time): the MATCH runs once and drives the join.
            f"{documents}.id = {FTS_TABLE}.rowid + 0",
            f"{documents}.kind = %s",
            f"{documents}.object_id = {table}.id",
        ],
        params=[to_fts5(query), kind],
    )
