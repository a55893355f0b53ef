"""The search box's query syntax, parsed once and translated for each engine; no database."""

import pytest

from newsroom.core.query_syntax import Term, parse
from newsroom.core.search_engines import to_fts5


def test_words_are_all_required():
    query = parse("AUX compressor")
    assert query.clauses == [[Term(("aux",))], [Term(("compressor",))]]
    assert query.excluded == []


def test_quotes_make_a_phrase_and_an_unclosed_quote_runs_to_the_end():
    assert parse('"compressor plant" wuhu').clauses[0] == [Term(("compressor", "plant"))]
    assert parse('wuhu "new plant').clauses[1] == [Term(("new", "plant"))]


def test_a_minus_excludes_a_word_or_a_phrase():
    query = parse('AUX -Wuhu -"state grid"')
    assert query.clauses == [[Term(("aux",))]]
    assert query.excluded == [Term(("wuhu",)), Term(("state", "grid"))]


def test_or_joins_the_terms_beside_it_into_one_clause():
    query = parse("aux wuhu OR hefei")
    assert query.clauses == [[Term(("aux",))], [Term(("wuhu",)), Term(("hefei",))]]


def test_a_lowercase_or_is_a_word_and_a_dangling_or_is_ignored():
    assert parse("this or that").clauses == [[Term(("this",))], [Term(("or",))], [Term(("that",))]]
    assert parse("OR wuhu OR").clauses == [[Term(("wuhu",))]]


def test_hyphenated_and_punctuated_words_stay_together_as_a_phrase():
    assert parse("state-owned").clauses == [[Term(("state", "owned"))]]


def test_chinese_runs_are_words_of_their_own_beside_latin_ones():
    assert parse("AUX压缩机").clauses == [[Term(("aux", "压缩机"))]]


@pytest.mark.parametrize("text", ["", "   ", "-", "-wuhu", '""', "!!!", "AND", "OR", "😀🏭"])
def test_queries_with_nothing_to_look_for_are_empty(text):
    assert not parse(text)


def test_a_parsed_query_prints_back_as_the_syntax():
    assert str(parse('aux  "Compressor Plant" wuhu OR hefei -x')) == (
        'aux "compressor plant" wuhu OR hefei -x'
    )


def test_fts5_gets_quoted_strings_so_its_own_operators_are_inert():
    match = to_fts5(parse('NEAR* col:x "a""b"'))
    assert '"near"' in match and "NEAR(" not in match
    assert '"col x"' in match


def test_fts5_searches_chinese_as_pairs_in_the_chinese_columns():
    assert to_fts5(parse("压缩机")) == '(({cjk_head cjk_body} : ("压缩" AND "缩机")))'
    assert to_fts5(parse('"压缩机"')) == '(({cjk_head cjk_body} : ("压缩 缩机")))'


def test_fts5_excludes_with_not():
    match = to_fts5(parse("aux -wuhu"))
    assert match == '((({title keywords body} : "aux"))) NOT (({title keywords body} : "wuhu"))'
