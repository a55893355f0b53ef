"""Site search: relevant, safe with any input, Chinese included, published content only."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from newsroom.core.search import cjk_bigrams, snippet
from tests import factories


def results(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_chinese_runs_become_overlapping_pairs():
    assert cjk_bigrams("国家发展 and 改革") == "国家 家发 发展 改革"


def test_a_title_match_ranks_above_a_body_match(client, db):
    factories.article(title="Quarterly report", body="<p>The compressor line grew.</p>")
    factories.article(title="Compressor plant opens", body="<p>Opening day.</p>")
    page = results(client, q="compressor")
    assert page.index("Compressor plant opens") < page.index("Quarterly report")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_postgresql_search_stems_english_words(client, db):
    factories.article(title="Factories expand", body="<p>Two factories expanded.</p>")
    assert "Factories expand" in results(client, q="factory expanding")


def test_two_character_chinese_words_are_found(client, db):
    factories.article(title="深化改革", summary="国家发展改革委员会发布新规。")
    factories.article(title="其他新闻", summary="与此无关。")
    page = results(client, q="改革")
    assert "深化改革" in page and "其他新闻" not in page


def test_snippets_highlight_terms_and_escape_everything_else(db):
    html = snippet("<p>Tom &amp; Jerry <b>build</b> a plant in Wuhu.</p>", "wuhu")
    assert "<mark>Wuhu</mark>" in html
    assert "<b>" not in html and "&amp;" in html
    assert "<script" not in snippet("<p>&lt;script&gt;alert(1)&lt;/script&gt; x</p>", "x")


def test_results_show_dates_and_highlighted_snippets(client, demo):
    page = results(client, q="Wuhu")
    assert "<mark>Wuhu</mark>" in page
    assert '<time datetime="2024-01-02' in page


def test_projects_are_searchable_in_chinese(client, demo):
    assert "AUX Intelligent Air Conditioning" in results(client, q="压缩机")


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        '"unclosed',
        "' OR 1=1; DROP TABLE newsroom_article; --",
        "😀🏭",
        "AND OR NOT",
        "-",
        "!!!",
        "压缩机 & | ! <>",
        "%_\\",
        "title: x {body} : y",
        "NEAR(wuhu plant) ^x* a OR OR b",
        '"""" -"-" -- OR -OR',
        '压缩机 -压 "芜湖 -" OR',
    ],
)
def test_any_query_string_returns_a_page(client, demo, query):
    results(client, q=query)


def test_filters_narrow_results_and_bad_filters_are_shown_not_fatal(client, db):
    energy = factories.category(name="Energy", slug="energy")
    factories.article(title="Plant in Wuhu", category=energy, tags=["Solar"])
    factories.article(title="Wuhu office", publish_at=timezone.now() - datetime.timedelta(days=800))
    page = results(client, q="Wuhu", category="energy")
    assert "Plant in Wuhu" in page and "Wuhu office" not in page
    assert "Wuhu office" not in results(client, q="Wuhu", tag="solar")
    assert "Plant in Wuhu" in results(client, q="Wuhu", year=timezone.now().year)
    page = results(client, q="Wuhu", year="abc", category="nope", type="bogus")
    assert "Enter a whole number" in page and "Plant in Wuhu" in page
    assert "Plant in Wuhu" not in results(client, q="Wuhu", type="projects")


def test_empty_results_suggest_what_to_do(client, db):
    assert "Browse all" in results(client, q="nothing-matches-this")


def test_search_shows_no_draft_scheduled_or_embargoed_article(client, db):
    factories.draft(title="Wuhu draft")
    factories.scheduled(title="Wuhu scheduled")
    factories.article(
        title="Wuhu embargoed", embargo_until=timezone.now() + datetime.timedelta(hours=1)
    )
    factories.project(name="Wuhu hidden project", is_published=False)
    page = results(client, q="Wuhu")
    for hidden in ("Wuhu draft", "Wuhu scheduled", "Wuhu embargoed", "Wuhu hidden project"):
        assert hidden not in page


def test_results_are_paginated(client, db):
    for n in range(12):
        factories.article(title=f"Wuhu story {n}")
    assert "Page 1 of 2" in results(client, q="Wuhu")
    assert client.get(reverse("search"), {"q": "Wuhu", "page": "9"}).status_code == 404


def test_the_same_syntax_works_on_both_databases(client, db):
    factories.article(title="AUX plant in Wuhu", body="<p>The compressor plant opens.</p>")
    factories.article(title="AUX office in Ningbo", body="<p>A plant for compressors.</p>")
    factories.article(title="Hefei news", body="<p>Plant compressor line.</p>")
    page = results(client, q="AUX -Wuhu", type="articles")
    assert "AUX office in Ningbo" in page and "AUX plant in Wuhu" not in page
    page = results(client, q='"compressor plant"', type="articles")
    assert "AUX plant in Wuhu" in page and "Hefei news" not in page
    page = results(client, q="Wuhu OR Hefei", type="articles")
    assert "AUX plant in Wuhu" in page and "Hefei news" in page and "Ningbo" not in page


def test_one_chinese_character_finds_the_words_containing_it(client, db):
    factories.article(title="压缩机工厂开工")
    assert "压缩机工厂开工" in results(client, q="机")


def test_projects_are_ranked_counted_and_paged_like_news(client, db):
    for n in range(12):
        factories.project(name=f"Wuhu works {n}", summary="Compressors.")
    factories.project(name="Compressor plant", summary="In Wuhu.")
    page = results(client, q="Wuhu")
    assert "Projects (13 results)" in page and "All 13 matching projects" in page
    assert page.count('<article class="card project-card">') == 5
    page = results(client, q="Wuhu", type="projects")
    assert "Projects (13 results)" in page and "Page 1 of 2" in page
    # A name match ranks above a summary match: the summary-only one comes last, on page 2.
    assert "Compressor plant" not in page
    assert "Compressor plant" in results(client, q="Wuhu", type="projects", page=2)


def test_a_news_only_search_says_nothing_about_projects(client, db):
    page = results(client, q="nothing-matches-this", type="articles")
    assert "No news matches" in page and "project" not in page.split("</form>")[1].lower()
    assert "No projects match" in results(client, q="nothing-matches-this", type="projects")


def test_an_over_long_query_is_refused_with_a_message_and_the_box_has_a_maxlength(client, db):
    factories.article(title="Wuhu plant")
    page = results(client, q="Wuhu " + "x" * 250)
    assert "at most 200 characters" in page and "Wuhu plant" not in page
    assert 'maxlength="200"' in page
    assert "Wuhu plant" in results(client, q="  Wuhu  " + " " * 300 + "plant")  # normalised


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's")
def test_a_misspelt_word_still_finds_and_the_page_asks_did_you_mean(client, db):
    factories.article(title="Compressor plant opens")
    page = results(client, q="compresor plant")
    assert "Compressor plant opens" in page
    assert "Did you mean" in page and "compressor plant</a>" in page
    assert "Did you mean" not in results(client, q="compressor plant")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite searches what was typed")
def test_sqlite_suggests_nothing(client, db):
    factories.article(title="Compressor plant opens")
    assert "Did you mean" not in results(client, q="compresor")


def test_the_search_page_makes_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    project = factories.project(name="Wuhu plant")
    factories.money(project)
    for n in range(15):
        factories.article(title=f"Wuhu story {n}", tags=["Wuhu", "Compressors"])
    # The category list of the form; projects (first five) and their figures; then news: its
    # count and its page. PostgreSQL also asks its vocabulary about the query's words and,
    # for words in few of the documents (as here, unanalysed), reads their matches' keys first.
    expected = 5 + 2 * (connection.vendor == "postgresql")
    with django_assert_num_queries(expected):
        assert "Wuhu plant" in results(client, q="Wuhu")
    with django_assert_num_queries(expected):
        assert "Wuhu story" in results(client, q="Wuhu", page=2)
