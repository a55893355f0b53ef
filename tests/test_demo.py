"""`load_demo` builds the AUX newsroom, and running it again changes nothing."""

import datetime
import io
from decimal import Decimal

from django.apps import apps
from django.core import serializers
from django.core.management import call_command

from newsroom.models import Article
from projects.models import Kind, Milestone, Project


def snapshot():
    """Every row of our apps, serialised, minus the timestamps Django sets on save."""
    rows = []
    for app in ("newsroom", "projects"):
        for model in apps.get_app_config(app).get_models():
            data = serializers.serialize("python", model.objects.order_by("pk"))
            for row in data:
                row["fields"].pop("updated_at", None)
            rows.append((model.__name__, data))
    return rows


def test_loading_the_demo_twice_changes_nothing(demo):
    before = snapshot()
    updated = list(Article.objects.values_list("updated_at", flat=True))
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == before
    assert list(Article.objects.values_list("updated_at", flat=True)) == updated


def test_demo_article_is_published_on_2_january_2024_in_enterprise_news(demo):
    story = Article.objects.published().get(language="en")
    assert (
        story.title
        == "AUX Compressor Project Listed as Major Construction Project in Anhui Province"
    )
    assert story.category.name == "Enterprise News"
    assert story.publish_at.date() == datetime.date(2024, 1, 2)
    assert {"AUX", "Anhui", "Wuhu", "compressors", "major projects"} <= set(story.tags.names())
    assert "16 days" in story.body


def test_demo_project_holds_every_figure_of_the_story_citing_it(demo):
    project = Project.objects.get()
    story = Article.objects.get(language="en")
    investment = project.figures.get(kind=Kind.INVESTMENT)
    revenue = project.figures.get(kind=Kind.REVENUE)
    capacity = project.figures.get(kind=Kind.CAPACITY)
    jobs = project.figures.get(kind=Kind.JOBS)
    assert (investment.value, investment.currency, investment.qualifier) == (
        Decimal("5000000000"),
        "CNY",
        "about",
    )
    assert (revenue.value, revenue.qualifier, revenue.is_estimate) == (Decimal("6e9"), "over", True)
    assert (capacity.value, capacity.period) == (30_000_000, "year")
    assert (jobs.value, jobs.job_type) == (3000, "direct")
    assert project.status == "construction"
    assert str(project.designations.get()) == "Anhui Province, first batch of major projects, 2024"
    for figure in (investment, revenue, capacity, jobs):
        assert figure.source.article == story
    # The story announces the project in both languages.
    assert {link.article.language for link in project.article_links.all()} == {"en", "zh-hans"}
    assert project.article_links.get(article__language="en").article == story


def test_demo_milestones_record_16_days_and_a_month_known_operation(demo):
    project = Project.objects.get()
    land = project.milestones.get(kind=Milestone.Kind.LAND)
    start = project.milestones.get(kind=Milestone.Kind.GROUNDBREAKING)
    operation = project.milestones.get(kind=Milestone.Kind.OPERATION)
    assert start.actual_date == datetime.date(2024, 1, 2)
    assert (start.actual_date - land.actual_date).days == 16
    assert str(operation.planned) == "March 2025"
    assert operation.actual_date is None


def test_ensure_admin_generates_a_password_once_and_prints_it(db, monkeypatch, django_user_model):
    monkeypatch.delenv("NEWSROOM_ADMIN_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    admin = django_user_model.objects.get(username="admin")
    assert admin.is_staff and admin.check_password(password)
    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert password not in again.getvalue()
    assert django_user_model.objects.get(username="admin").check_password(password)


def test_ensure_admin_takes_the_password_from_the_environment(db, monkeypatch, django_user_model):
    monkeypatch.setenv("NEWSROOM_ADMIN_PASSWORD", "chosen-by-the-team-2024")
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    assert "chosen-by-the-team-2024" not in out.getvalue()
    assert django_user_model.objects.get(username="admin").check_password("chosen-by-the-team-2024")
