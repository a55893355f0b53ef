"""PostgreSQL keeps each article's weighted search vector in a trigger, indexed with GIN.

Weights: title A, subtitle and summary B, body C (tags stripped); Chinese character pairs B.
SQLite has no tsvector: the site searches it with LIKE instead (newsroom/core/search.py).
"""

from django.db import migrations

from newsroom.core.migration_sql import on_postgresql

FORWARD = """
CREATE FUNCTION newsroom_article_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english'::regconfig, coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english'::regconfig,
              coalesce(NEW.subtitle, '') || ' ' || coalesce(NEW.summary, '')), 'B') ||
    setweight(to_tsvector('english'::regconfig,
              regexp_replace(coalesce(NEW.body, ''), '<[^>]+>', ' ', 'g')), 'C') ||
    setweight(to_tsvector('simple'::regconfig, coalesce(NEW.search_cjk, '')), 'B');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER newsroom_article_search_vector
  BEFORE INSERT OR UPDATE ON newsroom_article
  FOR EACH ROW EXECUTE FUNCTION newsroom_article_search_vector();
CREATE INDEX newsroom_article_search_gin ON newsroom_article USING gin (search_vector);
UPDATE newsroom_article SET search_vector = NULL;
"""

BACKWARD = """
DROP INDEX IF EXISTS newsroom_article_search_gin;
DROP TRIGGER IF EXISTS newsroom_article_search_vector ON newsroom_article;
DROP FUNCTION IF EXISTS newsroom_article_search_vector();
"""


def fill_cjk_pairs(apps, schema_editor):
    from django.utils.html import strip_tags

    from newsroom.core.search import cjk_bigrams

    Article = apps.get_model("newsroom", "Article")
    for article in Article.objects.all():
        text = f"{article.title} {article.summary} {strip_tags(article.body)}"
        Article.objects.filter(pk=article.pk).update(search_cjk=cjk_bigrams(text))


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0004_seo_and_search")]

    operations = [
        migrations.RunPython(fill_cjk_pairs, migrations.RunPython.noop),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
