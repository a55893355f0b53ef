"""The demo newsroom: the AUX Wuhu compressor story and the project it reports.

Every write goes through `upsert`, which saves only what differs, so loading
twice changes nothing and loading after an edit of this file applies the edit.
"""

import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape

from newsroom import media_topics
from newsroom.core.sanitize import sanitize_html
from newsroom.demo import picture
from newsroom.demo.chinese_names import load_chinese_names
from newsroom.demo.people import PROGRAMME_SLUG as PROGRAMME_SLUG  # for the tests
from newsroom.demo.people import load_people, load_programme
from newsroom.demo.press import load_press
from newsroom.demo.translation import load_translation
from newsroom.models import Article, Category, Image, MediaTopic
from projects.dates import Precision
from projects.models import (
    ArticleProject,
    Designation,
    ExchangeRate,
    Figure,
    Kind,
    Milestone,
    Organization,
    Project,
    ProjectImage,
    ProjectOrganization,
    Source,
    StatedDuration,
    Status,
)

STORY = Path(__file__).with_name("aux_compressor_project.txt")
TOP_LEVEL_TOPICS = Path(__file__).with_name("media_topics_top_level.json")
SUBJECTS = ["medtop:04000000"]  # economy, business and finance
ARTICLE_SLUG = "aux-compressor-project-listed-as-major-construction-project-in-anhui-province"
PROJECT_SLUG = "aux-compressor-wuhu"
STARTED = datetime.date(2024, 1, 2)


def upsert(model, lookup, values):
    """get_or_create, then update only the fields whose values differ."""
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not created and changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj


def read_story():
    """Split the seed text into its category, title and paragraphs."""
    text = STORY.read_text(encoding="utf-8").replace("\xa0", " ")
    blocks = [b.strip() for b in text.split("\n") if b.strip()]
    category, title, *paragraphs = blocks
    return category, title, paragraphs


PICTURE = {
    "alt_text": "Drawing of a long factory hall with a sawtooth roof and a red chimney "
    "under a blue sky.",
    "caption": "A factory like the Wuhu compressor plant. An illustration made for the demo, "
    "not a photograph of the plant.",
    "creator": "Newsroom demo",
    "credit": "Newsroom demo, free to use",
    "copyright_notice": "Illustration made for the Newsroom demo",
    "usage_terms": "Free to use, with the credit line.",
    "focal_x": Decimal("0.6"),
    "focal_y": Decimal("0.55"),
}


def load_picture():
    """The demo's one picture, drawn and processed on the first load only."""
    title = "Compressor plant (illustration)"
    image = Image.objects.filter(title=title).first()
    if image is None:
        file = ContentFile(picture.draw(), name="compressor-plant-illustration.jpg")
        return Image.objects.create(title=title, file=file, **PICTURE)
    return upsert(Image, {"pk": image.pk}, PICTURE)


@transaction.atomic
def load():
    category_name, title, paragraphs = read_story()
    image = load_picture()
    category = upsert(
        Category,
        {"slug": "enterprise-news"},
        {"name": category_name, "description": "News from AUX Group and its businesses."},
    )
    article = upsert(
        Article,
        {"slug": ARTICLE_SLUG},
        {
            "title": title,
            "summary": "AUX's Wuhu plant for 30 million air-conditioning compressors a year, "
            "an investment of about 5 billion yuan, started construction among Anhui "
            "Province's first batch of major projects for 2024.",
            # Stored as the model stores it, so that a second load finds nothing to change.
            "body": sanitize_html("".join(f"<p>{escape(p)}</p>" for p in paragraphs)),
            "dateline": "Wuhu, Anhui",
            "category": category,
            "status": Article.Status.PUBLISHED,
            "publish_at": datetime.datetime(2024, 1, 2, 18, 0, tzinfo=ZoneInfo(settings.TIME_ZONE)),
            "is_featured": True,
            "lead_image": image,
        },
    )
    if sorted(t.name for t in article.tags.all()) != sorted(TAGS):
        article.tags.set(TAGS)
    media_topics.load(TOP_LEVEL_TOPICS.read_text(encoding="utf-8"))
    if sorted(s.qcode for s in article.subjects.all()) != SUBJECTS:
        article.subjects.set(MediaTopic.objects.filter(qcode__in=SUBJECTS))
    project = load_project(article)
    upsert(ProjectImage, {"project": project, "image": image}, {"order": 1})
    load_press(upsert, article, project)
    load_translation(upsert, article, project, ArticleProject)
    return article


TAGS = ["AUX", "Anhui", "Wuhu", "compressors", "major projects"]


def load_project(article):
    source = upsert(Source, {"article": article}, {"published_on": STARTED})
    aux = upsert(
        Organization,
        {"slug": "aux-group"},
        {
            "name": "AUX Group",
            "local_name": "奥克斯集团",
            "kind": Organization.Kind.COMPANY,
            "description": "Manufacturer of air conditioners and compressors, based in Ningbo.",
        },
    )
    project = upsert(
        Project,
        {"slug": PROJECT_SLUG},
        {
            "name": "AUX Intelligent Air Conditioning Compressor Production and Construction "
            "Project (Wuhu branch)",
            "local_name": "奥克斯智能空调压缩机生产建设项目（芜湖分公司）",
            "summary": "A plant in Wuhu for 30 million intelligent air-conditioning compressors "
            "a year, built by AUX Group.",
            "sector": "Home appliances",
            "product": "Air-conditioning compressors",
            "status": Status.CONSTRUCTION,
            "status_as_of": STARTED,
            "status_source": source,
            "country": "CN",
            "province": "Anhui",
            "city": "Wuhu",
            "is_published": True,
        },
    )
    upsert(ProjectOrganization, {"project": project, "organization": aux}, {"role": "owner"})
    upsert(ArticleProject, {"article": article, "project": project}, {"link": "announces"})
    cited = {"source": source, "stated_on": STARTED}
    figures = [
        (
            Kind.INVESTMENT,
            {
                "value": Decimal("5000000000"),
                "currency": "CNY",
                "qualifier": "about",
                "as_stated": "about 5 billion yuan",
            },
        ),
        (
            Kind.REVENUE,
            {
                "value": Decimal("6000000000"),
                "currency": "CNY",
                "qualifier": "over",
                "is_estimate": True,
                "as_stated": "annual revenue will exceed 6 billion yuan",
            },
        ),
        (
            Kind.CAPACITY,
            {
                "value": Decimal("30000000"),
                "period": "year",
                "product": "intelligent air-conditioning compressors",
                "as_stated": "annual production of 30 million intelligent air "
                "conditioning compressors",
            },
        ),
        (
            Kind.JOBS,
            {
                "value": Decimal("3000"),
                "job_type": "direct",
                "as_stated": "directly creating 3,000 job opportunities",
            },
        ),
    ]
    for kind, values in figures:
        upsert(Figure, {"project": project, "kind": kind, "replaces": None}, {**values, **cited})
    upsert(
        Designation,
        {"project": project, "authority": "Anhui Province", "year": 2024},
        {
            "list_name": "Major projects",
            "batch": "first batch",
            "designated_on": STARTED,
            "source": source,
        },
    )
    # The article states the 16 days, not the date of the land acquisition.
    sixteen_days = upsert(
        StatedDuration,
        {"project": project, "start": Milestone.Kind.LAND, "end": Milestone.Kind.GROUNDBREAKING},
        {
            "length": 16,
            "unit": StatedDuration.Unit.DAY,
            "as_stated": "The project only took 16 days from land acquisition to construction",
            "source": source,
        },
    )
    milestones = [
        (
            Milestone.Kind.LAND,
            "Land acquired",
            {
                "actual_date": sixteen_days.worked_back(STARTED),
                "derived_from": sixteen_days,
                "source": None,
                "note": "",
            },
        ),
        (
            Milestone.Kind.GROUNDBREAKING,
            "Mobilisation meeting and construction start",
            {"actual_date": STARTED, "source": source},
        ),
        (
            Milestone.Kind.OPERATION,
            "Completion and start of operation",
            {
                "planned_date": datetime.date(2025, 3, 1),
                "planned_precision": Precision.MONTH,
                "source": source,
            },
        ),
    ]
    for order, (kind, title, dates) in enumerate(milestones, start=1):
        upsert(
            Milestone, {"project": project, "kind": kind}, {"title": title, "order": order, **dates}
        )
    upsert(
        ExchangeRate,
        {"currency": "CNY", "on": STARTED},
        {
            "usd_per_unit": Decimal("0.14130"),
            "source": "People's Bank of China central parity, 7.0770 CNY per USD",
        },
    )
    load_people(upsert, project, source, aux, STARTED)
    load_chinese_names(upsert, project, aux)
    # The plan is for "12 more", so the Wuhu plant is not one of them: none are linked yet.
    load_programme(upsert, aux, source)
    return project
