"""How a search reads its matches: a query in many documents walks the newest articles, any
other reads the GIN index first (newsroom/models/search_index.py, ranked()). Either way the
results are the same (tests/test_search_relevance.py checks every query of its set both ways)."""

import pytest
from django.db import connection

from newsroom.core.query_syntax import parse
from newsroom.models.search_spelling import WordFacts
from newsroom.search import interpret
from tests import factories

FACTS = WordFacts(shares={"wuhu": 0.5, "plant": 0.4, "hefei": 0.1, "the": 1.0})


def test_a_query_of_several_words_is_rarer_than_each_of_them():
    assert FACTS.share(parse("wuhu plant")) == pytest.approx(0.2)


def test_either_of_two_words_is_as_common_as_both_together_at_most_everything():
    assert FACTS.share(parse("wuhu OR hefei")) == pytest.approx(0.6)
    assert FACTS.share(parse("wuhu OR plant OR hefei")) == 1.0


def test_a_word_the_statistics_do_not_list_counts_as_rare():
    assert FACTS.share(parse("wuhu qingshan")) == 0.0
    assert FACTS.share(parse("the wuhu")) == pytest.approx(0.5)  # a stop word changes nothing


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_postgresql_statistics_tell_a_word_in_every_story_from_a_word_in_one(db):
    for n in range(40):
        factories.article(title=f"Compressor plant story {n}")
    factories.article(title="Debrecen compressor line")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE newsroom_searchdocument")
    *_, common = interpret("compressor")
    *_, rare = interpret("debrecen")
    assert common is True
    assert rare is False


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's are tested above")
def test_without_statistics_every_query_reads_the_index_first(db):
    factories.article(title="Compressor plant")
    *_, common = interpret("compressor")
    assert common is False


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's ways of reading")
def test_past_the_keys_it_reads_first_a_rare_query_is_joined_with_the_same_results(db, monkeypatch):
    from newsroom.models import Article, search_index
    from newsroom.search import search_articles

    for n in range(6):
        factories.article(title=f"Debrecen compressor line {n}")
    factories.article(title="Wuhu plant")
    published = Article.objects.published()
    first = [a.title for a in search_articles(published, "debrecen", listed=True, common=False)]
    monkeypatch.setattr(search_index, "KEYS_AT_MOST", 3)
    joined = [a.title for a in search_articles(published, "debrecen", listed=True, common=False)]
    assert len(first) == 6 and first == joined


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's arrays")
def test_any_of_finds_the_rows_whose_key_is_listed_as_numbers_or_as_text(db):
    from django.db.models import F

    from newsroom.core.lookups import AnyOf
    from newsroom.models import Article

    a, _b, c = (factories.article(title=f"Story {n}") for n in range(3))
    keys = {a.pk, c.pk}
    assert {x.pk for x in Article.objects.filter(AnyOf(F("pk"), keys))} == keys
    assert {x.pk for x in Article.objects.filter(AnyOf(F("pk"), f"{a.pk},{c.pk}"))} == keys
    assert not Article.objects.filter(AnyOf(F("pk"), "")).exists()
    for refused in ("1); DROP TABLE x; --", "١٢", "1,,2"):
        with pytest.raises(ValueError):
            Article.objects.filter(AnyOf(F("pk"), refused)).exists()
