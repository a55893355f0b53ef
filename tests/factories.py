"""Small builders for test data; each takes overrides as keyword arguments."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from newsroom.models import Article, Category
from projects.models import ArticleProject, Figure, Kind, Project

_numbers = itertools.count(1)


def category(**fields):
    n = next(_numbers)
    return Category.objects.create(**{"name": f"Category {n}", "slug": f"category-{n}", **fields})


def article(tags=(), **fields):
    n = next(_numbers)
    defaults = {
        "title": f"Story {n}",
        "slug": f"story-{n}",
        "summary": f"Summary of story {n}.",
        "body": f"<p>Body of story {n}.</p>",
        "status": Article.Status.PUBLISHED,
        "publish_at": timezone.now() - datetime.timedelta(hours=n),
    }
    if "category" not in fields:
        defaults["category"] = category()
    obj = Article.objects.create(**{**defaults, **fields})
    if tags:
        obj.tags.set(list(tags))
    return obj


def draft(**fields):
    return article(status=Article.Status.DRAFT, **fields)


def scheduled(**fields):
    return article(publish_at=timezone.now() + datetime.timedelta(days=1), **fields)


def project(**fields):
    n = next(_numbers)
    return Project.objects.create(
        **{"name": f"Project {n}", "slug": f"project-{n}", "country": "CN", **fields}
    )


def money(project, **fields):
    defaults = {"kind": Kind.INVESTMENT, "value": Decimal("1000000000"), "currency": "CNY"}
    return Figure.objects.create(project=project, **{**defaults, **fields})


def jobs(project, count, **fields):
    defaults = {"kind": Kind.JOBS, "value": Decimal(count), "job_type": "direct"}
    return Figure.objects.create(project=project, **{**defaults, **fields})


def capacity(project, quantity, product="compressors", **fields):
    defaults = {
        "kind": Kind.CAPACITY,
        "value": Decimal(quantity),
        "product": product,
        "period": "year",
    }
    return Figure.objects.create(project=project, **{**defaults, **fields})


def link(article, project, link=ArticleProject.Link.MENTIONS):
    return ArticleProject.objects.create(article=article, project=project, link=link)
