"""Relevance: the test set of tests/search_corpus.py, scored with nDCG@10 on the database the
suite runs on, the score printed and held above a floor. Typo queries count on PostgreSQL
only (SQLite has no trigram similarity, so it searches what was typed)."""

import math

import pytest
from django.db import connection

from newsroom.models import Article
from newsroom.search import interpret, search_articles
from projects.models import Project
from projects.search import search_projects
from tests import factories
from tests.search_corpus import ARTICLES, PROJECTS, QUERIES

FLOOR = 0.9
DEPTH = 10


def build_corpus():
    company = factories.category(name="Company news", slug="company-news")
    projects = {}
    for key, (name, local, org, org_local, city, product, summary) in PROJECTS.items():
        project = factories.project(
            name=name, local_name=local, slug=key, city=city, product=product, summary=summary
        )
        owner = factories.organization(name=org, local_name=org_local, slug=f"{key}-owner")
        factories.role(project, owner)
        projects[key] = project
    for key, (title, tags, project, body) in ARTICLES.items():
        paragraphs = "".join(f"<p>{text}</p>" for text in body)
        article = factories.article(
            title=title, slug=key, summary="", body=paragraphs, category=company, tags=tags
        )
        if project:
            factories.link(article, projects[project])


def ndcg(ranked, grades):
    gains = [grades.get(key, 0) for key in ranked[:DEPTH]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(grades.values(), reverse=True)[:DEPTH]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 1.0


def score(text, grades, forbidden=()):
    """nDCG@10 of news and of projects (each where the query expects some), averaged; 0 if a
    forbidden result shows."""
    _, wanted, _, common = interpret(text)
    found = search_articles(Article.objects.published(), wanted, common=common)
    news = [a.slug for a in found[:DEPTH]]
    # However the matches are read (the walk by date, or the GIN index first), the same.
    other = search_articles(Article.objects.published(), wanted, common=not common)[:DEPTH]
    assert [a.slug for a in other] == news, text
    found = [p.slug for p in search_projects(Project.objects.published(), wanted)[:DEPTH]]
    if set(forbidden) & set(news + found):
        return 0.0
    parts = []
    for ranked, prefix in ((news, ("a-", "c-")), (found, ("p-",))):
        expected = {k: g for k, g in grades.items() if k.startswith(prefix)}
        if expected:
            parts.append(ndcg(ranked, expected))
    return sum(parts) / len(parts)


def counted():
    typos = connection.vendor == "postgresql"
    return [(text, grades, o) for text, grades, o in QUERIES if typos or not o.get("typo")]


def test_the_set_is_as_large_as_promised_in_both_languages():
    assert len(PROJECTS) + len(ARTICLES) >= 40
    assert len(QUERIES) >= 40
    chinese = [q for q, _, _ in QUERIES if any("\u4e00" <= c <= "\u9fff" for c in q)]
    assert len(chinese) >= 15 and len(QUERIES) - len(chinese) >= 15


@pytest.mark.django_db
def test_search_scores_at_least_the_floor_on_the_relevance_set(capsys):
    build_corpus()
    scores = {text: score(text, grades, o.get("forbidden", ())) for text, grades, o in counted()}
    mean = sum(scores.values()) / len(scores)
    weakest = sorted(scores.items(), key=lambda item: item[1])[:5]
    with capsys.disabled():
        print(
            f"\nSearch relevance on {connection.vendor}: nDCG@{DEPTH} {mean:.3f} over "
            f"{len(scores)} queries; weakest: "
            + ", ".join(f"{text!r} {value:.2f}" for text, value in weakest)
        )
    assert mean >= FLOOR
    assert all(value > 0 for value in scores.values()), weakest


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's")
def test_misspelt_words_find_what_was_meant_on_postgresql():
    build_corpus()
    for text, grades, options in QUERIES:
        if options.get("typo"):
            assert score(text, grades) >= FLOOR, text
