"""Small builders for test data; each takes overrides as keyword arguments."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from newsroom.models import Article, Category, MediaTopic, Tag, TaggedArticle
from projects.models import (
    ArticleProject,
    Designation,
    Figure,
    Kind,
    Milestone,
    Organization,
    Project,
    ProjectOrganization,
    Source,
)

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
        "publish_at": timezone.now() - datetime.timedelta(minutes=n),
    }
    if "category" not in fields:
        defaults["category"] = category()
    obj = Article.objects.create(**{**defaults, **fields})
    if tags:
        obj.tags.set(list(tags))
        obj.refresh_search_document()  # setting tags skips save(), as in the admin
    return obj


def translation(of, language="zh-hans", **fields):
    """A sibling of `of` in `language`, published unless `fields` say otherwise."""
    fields = {"category": of.category, "translation_group": of.translation_group, **fields}
    return article(language=language, **fields)


def topic(**fields):
    """An IPTC Media Topic; a made-up code in IPTC's 20000000 range unless `qcode` says."""
    n = next(_numbers)
    return MediaTopic.objects.create(
        **{"qcode": f"medtop:2{n:07d}", "name": f"topic {n}", **fields}
    )


def draft(**fields):
    return article(status=Article.Status.DRAFT, **fields)


def scheduled(**fields):
    return article(publish_at=timezone.now() + datetime.timedelta(days=1), **fields)


def project(**fields):
    n = next(_numbers)
    return Project.objects.create(
        **{
            "name": f"Project {n}",
            "slug": f"project-{n}",
            "country": "CN",
            "is_published": True,
            **fields,
        }
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


def milestone(project, **fields):
    """A construction start (groundbreaking) unless `kind` says otherwise."""
    defaults = {"kind": Milestone.Kind.GROUNDBREAKING, "title": "Construction start"}
    return Milestone.objects.create(project=project, **{**defaults, **fields})


def designation(project, **fields):
    defaults = {"authority": "Anhui Province", "list_name": "Major projects", "year": 2024}
    return Designation.objects.create(project=project, **{**defaults, **fields})


def organization(**fields):
    n = next(_numbers)
    return Organization.objects.create(**{"name": f"Company {n}", "slug": f"company-{n}", **fields})


def role(project, organization, role=ProjectOrganization.Role.OWNER):
    return ProjectOrganization.objects.create(project=project, organization=organization, role=role)


def web_source(**fields):
    """An outside page cited as a source."""
    n = next(_numbers)
    defaults = {"url": f"https://example.com/report-{n}", "title": f"Report {n}"}
    return Source.objects.create(**{**defaults, **fields})


def many_projects(count, owner=None):
    """`count` published projects, each with investment, jobs, capacity, a construction start,
    an owner and a designation: rows for query-count tests, made in a few bulk inserts."""
    start = Project.objects.count()
    made = Project.objects.bulk_create(
        Project(name=f"Bulk {n}", slug=f"bulk-{n}", country="CN", is_published=True)
        for n in range(start, start + count)
    )
    owner = owner or organization()
    Figure.objects.bulk_create(
        figure
        for p in made
        for figure in (
            Figure(project=p, kind=Kind.INVESTMENT, value=Decimal(p.pk), currency="CNY"),
            Figure(project=p, kind=Kind.JOBS, value=Decimal(p.pk), job_type="direct"),
            Figure(project=p, kind=Kind.CAPACITY, value=Decimal(p.pk), product="cells"),
        )
    )
    Milestone.objects.bulk_create(
        Milestone(
            project=p,
            kind=Milestone.Kind.GROUNDBREAKING,
            title="Start",
            actual_date=datetime.date(2020 + p.pk % 5, 1, 1),
        )
        for p in made
    )
    ProjectOrganization.objects.bulk_create(
        ProjectOrganization(project=p, organization=owner) for p in made
    )
    Designation.objects.bulk_create(
        Designation(project=p, authority="Anhui Province", list_name="Major projects") for p in made
    )
    return made


def many_articles(count, news=None, tags=("Bulk",), project=None):
    """`count` published articles an hour apart in category `news`, in a few bulk inserts,
    each tagged with `tags` and linked to `project` if given: rows for pagination and
    query-count tests."""
    news = news or Category.objects.first() or category()
    start = Article.objects.count()
    now = timezone.now()
    made = Article.objects.bulk_create(
        Article(
            title=f"Bulk {n}",
            slug=f"bulk-{n}",
            category=news,
            status="published",
            publish_at=now - datetime.timedelta(hours=n),
        )
        for n in range(start, start + count)
    )
    for name in tags:
        tag = Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
        TaggedArticle.objects.bulk_create(TaggedArticle(content_object=a, tag=tag) for a in made)
    if project is not None:
        ArticleProject.objects.bulk_create(ArticleProject(article=a, project=project) for a in made)
    return made


def press_contact(articles=(), projects=(), **fields):
    from newsroom.press.models import ArticleContact, PressContact, ProjectContact

    n = next(_numbers)
    defaults = {"name": f"Contact {n}", "role": "Media relations", "email": f"press{n}@example.com"}
    contact = PressContact.objects.create(**{**defaults, **fields})
    for story in articles:
        ArticleContact.objects.create(article=story, contact=contact)
    for record in projects:
        ProjectContact.objects.create(project=record, contact=contact)
    return contact


def journalist(status="approved", **fields):
    from django.contrib.auth import get_user_model

    from newsroom.press.models import Journalist

    n = next(_numbers)
    user = get_user_model().objects.create_user(
        f"reporter{n}@example.com", f"reporter{n}@example.com", "a long pass phrase 9"
    )
    return Journalist.objects.create(
        user=user, **{"outlet": f"Outlet {n}", "beat": "industry", "status": status, **fields}
    )


def embargoed(hours=3, **fields):
    """A published story held by an embargo lifting `hours` from now."""
    now = timezone.now()
    return article(embargo_until=now + datetime.timedelta(hours=hours), **fields)
