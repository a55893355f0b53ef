"""`generate_content` writes as many plausible, valid, repeatable articles and projects as
asked, whose pages render, and refuses to pile a second run of a seed on top of the first."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from newsroom.core.sanitize import sanitize_html
from newsroom.demo import synthetic
from newsroom.models import Article, SearchDocument, Tag
from newsroom.search import search_articles
from projects.models import ArticleProject, Figure, Kind, Milestone, Project, Source

ANCHOR = "2026-03-02"


def generate(articles=50, projects=5, seed=3, **options):
    out = io.StringIO()
    call_command(
        "generate_content",
        articles=articles,
        projects=projects,
        seed=seed,
        anchor=datetime.date.fromisoformat(ANCHOR),
        stdout=out,
        **options,
    )
    return out.getvalue()


def snapshot(seed):
    """What readers see of a seed's content, keyed by slug (primary keys differ per run)."""
    articles = synthetic.generated(Article, seed).prefetch_related("tags", "projects")
    projects = synthetic.generated(Project, seed).prefetch_related("figures", "milestones")
    return (
        sorted(
            (
                a.slug,
                a.title,
                a.summary,
                a.body,
                a.status,
                a.publish_at,
                a.embargo_until,
                a.category.slug,
                str(a.uuid),
                sorted(t.name for t in a.tags.all()),
                sorted(p.slug for p in a.projects.all()),
            )
            for a in articles.select_related("category")
        ),
        sorted(
            (
                p.slug,
                p.status,
                p.country,
                sorted((f.kind, f.value, f.currency, f.qualifier) for f in p.figures.all()),
                sorted((m.kind, m.planned_date, m.actual_date) for m in p.milestones.all()),
            )
            for p in projects
        ),
    )


def test_a_small_run_writes_as_many_articles_and_projects_as_asked(db):
    generate(articles=50, projects=5)
    assert synthetic.existing(3) == (50, 5)
    projects = synthetic.generated(Project, 3)
    assert Figure.objects.filter(project__in=projects, kind=Kind.INVESTMENT).count() >= 5
    assert Figure.objects.filter(project__in=projects, kind=Kind.CAPACITY).exists()
    assert Milestone.objects.filter(project__in=projects).count() == 5 * 5
    assert Source.objects.filter(figure__project__in=projects).exists()
    assert Tag.objects.count() > 200
    assert Tag.objects.filter(name="压缩机").exists()
    statuses = set(synthetic.generated(Article, 3).values_list("status", flat=True))
    assert Article.Status.PUBLISHED in statuses


def test_the_same_seed_gives_the_same_content_and_another_seed_other_content(db):
    generate(seed=3)
    first = snapshot(3)
    generate(seed=3, replace=True)
    assert snapshot(3) == first
    generate(seed=4)
    assert {a[1] for a in snapshot(4)[0]} != {a[1] for a in first[0]}


def test_running_again_with_the_same_numbers_does_nothing_and_other_numbers_are_refused(db):
    generate()
    assert "nothing to do" in generate()
    with pytest.raises(CommandError, match="--replace"):
        generate(articles=60)
    generate(articles=60, replace=True)
    assert synthetic.existing(3) == (60, 5)


def test_rows_are_what_save_and_full_clean_would_have_made(db):
    """bulk_create skips save(): bodies must already be clean and search documents written;
    every row passes the models' own validation."""
    generate(articles=120, projects=12)
    articles = list(synthetic.generated(Article, 3))
    for article in articles:
        assert sanitize_html(article.body) == article.body
        article.full_clean()
    assert len({a.uuid for a in articles}) == len(articles)
    indexed = SearchDocument.objects.filter(kind="article", object_id__in=[a.pk for a in articles])
    assert indexed.count() == len(articles)
    projects = synthetic.generated(Project, 3)
    for model in (Figure, Milestone):
        for row in model.objects.filter(project__in=projects):
            row.full_clean()
    for project in projects:
        project.full_clean()
    assert ArticleProject.objects.filter(project__in=projects).exists()


def test_published_pages_of_generated_content_render(client, db):
    generate(articles=80, projects=8)
    article = synthetic.generated(Article, 3).published().filter(projects__isnull=False).first()
    project = synthetic.generated(Project, 3).published().first()
    tag = article.tags.first()
    for url in (
        "/en/",
        "/en/news/",
        article.get_absolute_url(),
        project.get_absolute_url(),
        tag.get_absolute_url(),
        "/en/projects/",
        "/en/news/feed.rss",
    ):
        assert client.get(url).status_code == 200, url
    assert article.title in client.get(article.get_absolute_url()).content.decode()
    draft = synthetic.generated(Article, 3).exclude(status=Article.Status.PUBLISHED).first()
    if draft:
        assert client.get(draft.get_absolute_url()).status_code == 404


def test_generated_articles_can_be_found_by_search(db):
    generate(articles=40, projects=0)
    article = synthetic.generated(Article, 3).published().first()
    word = article.title.split()[-1]
    assert article in search_articles(Article.objects.published(), word)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_outside_a_transaction_every_article_and_project_gets_its_search_document():
    # On PostgreSQL the documents are then written by a second thread (core/alongside.py).
    generate(articles=30, projects=3)
    articles, projects = synthetic.generated(Article, 3), synthetic.generated(Project, 3)
    documents = SearchDocument.objects.filter(
        object_id__in=[*articles.values_list("pk", flat=True)], kind="article"
    )
    assert documents.count() == articles.count() == 30
    assert (
        SearchDocument.objects.filter(
            kind="project", object_id__in=projects.values_list("pk", flat=True)
        ).count()
        == 3
    )
    if connection.vendor == "postgresql":
        assert not documents.filter(vector__isnull=True).exists()
