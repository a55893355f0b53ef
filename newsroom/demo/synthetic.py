"""Synthetic newsroom content at any size, for benchmarks and for trying the site at scale.

`generate(articles=N, projects=M, seed=S, anchor=...)` writes N articles and M projects
with everything their pages show. Each row draws from its own random number generator,
seeded with (seed, kind, number), so the same seed and anchor give the same content on
every run and every machine. The rows themselves are built in synthetic_articles,
synthetic_projects and synthetic_records.

Generated slugs end in `-g<seed>-<n>`: that is how a later run recognises its content.
"""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from newsroom.demo import synthetic_articles, synthetic_projects, synthetic_records
from newsroom.demo import vocabulary as words
from newsroom.models import Article, Category, Tag, TaggedArticle
from newsroom.models.search_index import write as write_search_documents
from projects.models import (
    ArticleProject,
    ExchangeRate,
    Figure,
    Milestone,
    Organization,
    Project,
    Source,
)
from projects.models.search_document import search_sources


def marker(seed):
    """The end of every slug `seed` generated, as a regular expression."""
    return rf"-g{seed}-[0-9]+$"


def generated(model, seed):
    return model.objects.filter(slug__regex=marker(seed))


def existing(seed):
    """How many articles and projects `seed` has generated so far."""
    return generated(Article, seed).count(), generated(Project, seed).count()


@dataclass
class Run:
    seed: int
    anchor: datetime.datetime
    articles: int
    projects: int
    report: callable = print
    batch: int = 1000  # rows per INSERT
    categories: list = field(default_factory=list)
    tags: list = field(default_factory=list)

    @property
    def today(self):
        return self.anchor.date()

    def random(self, kind, n):
        """The generator of row `n` of `kind`: independent of every other row."""
        return random.Random(f"{self.seed}:{kind}:{n}")

    def slug(self, name, n):
        return f"{slugify(name)[:150].strip('-')}-g{self.seed}-{n}"

    @staticmethod
    def weighted(r, table):
        """One key of {key: weight}."""
        return r.choices(list(table), weights=list(table.values()))[0]


# Vocabulary shared by every seed: created once, found again afterwards.


def ensure_categories():
    have = list(Category.objects.all())
    categories = []
    for order, (slug, name) in enumerate(words.CATEGORIES):
        found = next((c for c in have if slug == c.slug or name == c.name), None)
        categories.append(found or Category.objects.create(slug=slug, name=name, order=order))
    return categories


def ensure_tags():
    """The tag vocabulary; names are unique regardless of case, as the Tag model wants."""
    wanted = {}
    for name in words.TAGS:
        wanted.setdefault(name.lower(), (name, slugify(name, allow_unicode=True)))
    have = {tag.name.lower(): tag for tag in Tag.objects.all()}
    slugs = {tag.slug for tag in have.values()}
    Tag.objects.bulk_create(
        Tag(name=name, slug=slug)
        for key, (name, slug) in wanted.items()
        if key not in have and slug not in slugs
    )
    have = {tag.name.lower(): tag for tag in Tag.objects.all()}
    return [have[key] for key in wanted if key in have]


def ensure_rates(on):
    for currency, rate in words.USD_PER_UNIT.items():
        ExchangeRate.objects.get_or_create(
            currency=currency,
            on=on,
            defaults={"usd_per_unit": Decimal(rate), "source": "Synthetic rate for benchmarks"},
        )


# The run.


def generate(*, articles, projects, seed, anchor, report=print):
    run = Run(seed=seed, anchor=anchor, articles=articles, projects=projects, report=report)
    run.categories = ensure_categories()
    run.tags = ensure_tags()
    ensure_rates(run.today)
    with transaction.atomic():
        made = synthetic_projects.write_projects(run)
    report(f"  {projects:,} projects")
    announcements = synthetic_articles.write_articles(run, list(made))
    synthetic_records.write_records(run, made, announcements)
    report("  their figures, milestones, sources and designations")
    # bulk_create skipped save(), so the search documents are written here, in chunks.
    write_search_documents(
        (
            (kind, rows.filter(slug__regex=marker(seed)), builder)
            for kind, rows, builder in search_sources(Article, Project)
        ),
        fresh=True,  # new rows: no document to replace
    )
    report("  their search documents")
    if connection.vendor == "postgresql":
        analyze()
    return run


def delete(seed):
    """Remove what `seed` generated, in the order the protecting foreign keys need."""
    articles = generated(Article, seed)
    with transaction.atomic():
        generated(Project, seed).delete()  # with its figures, milestones, roles and links
        # Outside sources are named after their project's slug, which carries the marker.
        Source.objects.filter(
            Q(article__in=articles) | Q(url__regex=rf"-g{seed}-[0-9]+-[0-9]+$")
        ).delete()
        articles.delete()
        generated(Organization, seed).delete()


def analyze():
    """Fresh planner statistics and visibility maps, so that the new rows are found through
    the indexes (index-only scans need the visibility map) from the first request."""
    models = [Article, TaggedArticle, ArticleProject, Project, Figure, Milestone, Source, Tag]
    # VACUUM cannot run inside a transaction (a test's, say); ANALYZE alone can.
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f'{command} "{model._meta.db_table}"')
