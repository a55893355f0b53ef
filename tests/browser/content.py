"""What the browser tests and the checkers look at: the demo, plus enough to page through,
filter, sort and tag, and an article with a lead image. Addresses are fixed (see pages.py)."""

import datetime
import io
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from newsroom.demo import loader
from newsroom.models import Article, Category, Correction, PreviewLink
from newsroom.press.models import Coverage
from projects.models import Milestone, Organization, Status
from tests import factories, pictures

STORIES_BEYOND_ONE_PAGE = 14  # with the demo story, 15: two pages of news


def build():
    call_command("load_demo", verbosity=0)
    demo = Article.objects.get(slug=loader.ARTICLE_SLUG)
    enterprise = demo.category
    markets = Category.objects.create(name="Markets", slug="markets", order=2)
    now = timezone.now()
    for n in range(1, STORIES_BEYOND_ONE_PAGE + 1):
        factories.article(
            title=f"Compressor output report {n}",
            slug=f"compressor-output-report-{n}",
            category=markets if n % 2 else enterprise,
            tags=["compressors"],
            publish_at=now - datetime.timedelta(days=n),
        )
    pictured = factories.article(
        title="First compressors leave the Wuhu line",
        slug="first-compressors-leave-the-wuhu-line",
        category=enterprise,
        tags=["Wuhu", "AUX"],
        subtitle="Trial production has begun at the new plant.",
        byline="Newsroom staff",
        dateline="Wuhu, Anhui",
        publish_at=now - datetime.timedelta(hours=2),
    )
    attach_lead_image(pictured, alt="Rows of grey compressors on an assembly line")
    pictured.related_articles.add(demo)
    Correction.objects.create(article=demo, note="An earlier version misstated the capacity.")
    embargoed = factories.article(
        title="Half-year results",
        slug="half-year-results",
        category=enterprise,
        embargo_until=now + datetime.timedelta(days=2),
    )
    PreviewLink.objects.create(article=embargoed, recipient="Reuters, Shanghai")
    press_office(demo, pictured)
    for slug, status in (
        ("withdrawn-capacity-report", "withdrawn"),
        ("removed-story", "taken_down"),
    ):
        factories.article(
            title="Capacity report",
            slug=slug,
            category=enterprise,
            status=status,
            retracted_at=now,
            retraction_reason="The capacity figure was wrong.\nThe company's filing corrects it.",
        )
    aux = Organization.objects.get(slug="aux-group")
    for name, slug, status, country, year, money in [
        ("Ningbo Heat Pump Base", "ningbo-heat-pump-base", Status.ANNOUNCED, "CN", 2026, 2),
        (
            "Bangkok Air Conditioner Plant",
            "bangkok-air-conditioner-plant",
            Status.OPERATING,
            "TH",
            2021,
            1,
        ),
    ]:
        project = factories.project(name=name, slug=slug, status=status, country=country)
        factories.money(project, value=Decimal(money) * 10**9)
        factories.jobs(project, 500 * money)
        factories.role(project, aux)
        factories.milestone(project, planned_date=datetime.date(year, 3, 1))
        factories.milestone(
            project,
            kind=Milestone.Kind.OPERATION,
            title="Start of operation",
            planned_date=datetime.date(year + 2, 6, 1),
        )
    return demo


def press_office(demo, pictured):
    """A contact with a photo, coverage of the story and the project, a journalist."""
    photo = pictures.image(title="Wang Fang", alt_text="Wang Fang, head of media relations")
    factories.press_contact(
        articles=[pictured],
        name="王芳 Wang Fang",
        role="Head of media relations",
        phone="+86 21 5555 0100",
        languages="Chinese, English",
        photo=photo,
    )
    clipping = {"outlet": "Example Wire", "url": "https://news.example.com/aux", "country": "CN"}
    Coverage.objects.create(
        article=demo, title="AUX breaks ground in Wuhu", published_on="2024-01-03", **clipping
    )
    Coverage.objects.create(
        project=demo.projects.get(),
        title="压缩机项目开工",
        published_on="2024-01-04",
        language="zh",
        **clipping,
    )
    journalist = factories.journalist()
    journalist.user.username = JOURNALIST
    journalist.user.set_password(JOURNALIST_PASSWORD)
    journalist.user.save()


JOURNALIST, JOURNALIST_PASSWORD = "reporter@example.com", "a long pass phrase 9"


def lead_image_file(name="lead.png"):
    """A small PNG, made here: no file in the repository, nothing downloaded."""
    image = Image.linear_gradient("L").resize((480, 270)).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return name, buffer.getvalue()


def attach_lead_image(article, alt):
    name, data = lead_image_file()
    article.lead_image = pictures.image(data=data, name=name, alt_text=alt)
    article.save()


def member(user_model, username, role, password):
    user = user_model.objects.create_user(
        username, f"{username}@example.com", password, is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user
