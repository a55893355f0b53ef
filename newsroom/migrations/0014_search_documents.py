"""The search index of newsroom/models/search_index.py replaces the article's own columns.

PostgreSQL: the trigger-kept vector of 0005 goes; documents get a GIN-indexed weighted
vector, and pg_trgm (a stock contrib module) indexes the vocabulary for "did you mean".
SQLite: an FTS5 table over the documents' five columns (porter stemming, diacritics
folded). The documents of existing rows are written by projects' 0014, which sees both apps.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

OLD_TRIGGER = """
DROP INDEX IF EXISTS newsroom_article_search_gin;
DROP TRIGGER IF EXISTS newsroom_article_search_vector ON newsroom_article;
DROP FUNCTION IF EXISTS newsroom_article_search_vector();
"""

POSTGRESQL_INDEXES = """
CREATE INDEX newsroom_searchdocument_vector ON newsroom_searchdocument USING gin (vector);
CREATE INDEX newsroom_searchword_trigrams ON newsroom_searchword USING gin (word gin_trgm_ops);
"""
POSTGRESQL_INDEXES_BACK = """
DROP INDEX IF EXISTS newsroom_searchdocument_vector;
DROP INDEX IF EXISTS newsroom_searchword_trigrams;
"""

FTS5 = """
CREATE VIRTUAL TABLE newsroom_search_fts USING fts5(
  title, keywords, body, cjk_head, cjk_body,
  tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
FTS5_BACK = "DROP TABLE IF EXISTS newsroom_search_fts"


def on(vendor, sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0013_withdraw_take_down_disclosure_reader_changes'),
    ]

    operations = [
        migrations.RunPython(on("postgresql", OLD_TRIGGER), migrations.RunPython.noop),
        TrigramExtension(),
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=40, unique=True)),
            ],
        ),
        migrations.RemoveField(
            model_name='article',
            name='search_cjk',
        ),
        migrations.RemoveField(
            model_name='article',
            name='search_vector',
        ),
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=20)),
                ('object_id', models.PositiveBigIntegerField()),
                ('title', models.TextField(blank=True)),
                ('keywords', models.TextField(blank=True)),
                ('body', models.TextField(blank=True)),
                ('cjk_head', models.TextField(blank=True)),
                ('cjk_body', models.TextField(blank=True)),
                ('vector', django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('kind', 'object_id'), name='search_document_once')],
            },
        ),
        migrations.RunPython(
            on("postgresql", POSTGRESQL_INDEXES), on("postgresql", POSTGRESQL_INDEXES_BACK)
        ),
        migrations.RunPython(on("sqlite", FTS5), on("sqlite", FTS5_BACK)),
    ]
