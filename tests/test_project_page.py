"""The project fact sheet: figures with citations, history, USD equivalents, grouped news."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from projects.models import ArticleProject, ExchangeRate, Figure, Project, Source
from tests import factories


def page(client, project):
    response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_each_figure_shows_its_words_and_its_source(client, demo):
    html = page(client, Project.objects.get())
    assert "Stated as “about 5 billion yuan”" in html
    assert html.count("(source: <a href=") >= 4


def test_a_revised_figure_keeps_its_old_value_and_source_on_the_page(client, demo):
    project = Project.objects.get()
    old = project.figures.get(kind="investment")
    update = factories.article(title="AUX raises Wuhu investment")
    Figure.objects.create(
        project=project,
        kind="investment",
        value=Decimal("6e9"),
        currency="CNY",
        qualifier="about",
        source=Source.objects.create(article=update),
        replaces=old,
        stated_on=datetime.date(2024, 6, 1),
    )
    html = page(client, project)
    assert "about CNY 6 billion" in html
    assert "Revised; earlier:" in html and "about CNY 5 billion" in html
    assert "AUX raises Wuhu investment" in html
    story = client.get(
        "/en/news/aux-compressor-project-listed-as-major-construction-project-in-anhui-province/"
    )
    assert "Total investment: about CNY 5 billion (since revised)" in story.content.decode()


def test_usd_equivalent_is_dated_and_only_where_a_rate_exists(client, demo):
    project = Project.objects.get()
    factories.money(project, kind="annual_investment", value=Decimal("1e9"), currency="EUR")
    html = page(client, project)
    assert "≈ USD 706.5 million at 0.1413 USD per CNY on 2 January 2024" in html
    assert "per EUR" not in html


def test_the_article_lists_what_the_project_record_took_from_it(client, demo):
    html = client.get(
        "/en/news/aux-compressor-project-listed-as-major-construction-project-in-anhui-province/"
    ).content.decode()
    assert "This article is the source of:" in html
    assert "Total investment: about CNY 5 billion" in html


def test_news_is_grouped_by_how_it_relates_to_the_project(client, db):
    project = factories.project()
    factories.link(
        factories.article(title="Plant announced"), project, ArticleProject.Link.ANNOUNCES
    )
    factories.link(factories.article(title="Roof topped out"), project, ArticleProject.Link.UPDATES)
    factories.link(factories.article(title="In passing"), project, ArticleProject.Link.MENTIONS)
    factories.link(factories.draft(title="Draft update"), project, ArticleProject.Link.UPDATES)
    html = page(client, project)
    order = [
        html.index(text)
        for text in (
            "Announcements",
            "Plant announced",
            "Updates",
            "Roof topped out",
            "Mentions",
            "In passing",
        )
    ]
    assert order == sorted(order)
    assert "Draft update" not in html


def test_coordinates_come_complete_and_in_range(db):
    project = factories.project()
    project.latitude = Decimal("31.3")
    with pytest.raises(ValidationError):
        project.full_clean()
    project.longitude, project.coordinates_accuracy = Decimal("118.4"), "city"
    project.full_clean()
    project.save()
    project.latitude = Decimal("95")
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_exchange_rates_are_positive_and_not_for_usd(db):
    with pytest.raises(ValidationError):
        ExchangeRate(currency="USD", usd_per_unit=1, on=datetime.date(2024, 1, 2)).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        ExchangeRate.objects.create(currency="CNY", usd_per_unit=0, on=datetime.date(2024, 1, 2))


def test_a_figure_citing_an_unpublished_article_does_not_leak_its_title(client, db):
    project = factories.project()
    embargoed = factories.article(
        title="Secret results", embargo_until=timezone.now() + datetime.timedelta(days=1)
    )
    factories.money(project, source=Source.objects.create(article=embargoed))
    html = page(client, project)
    assert "Secret results" not in html and embargoed.get_absolute_url() not in html


def test_a_project_cannot_take_an_address_the_site_uses(db):
    with pytest.raises(ValidationError) as error:
        Project(name="Data", slug="data", country="CN").full_clean()
    assert "reserved" in error.value.message_dict["slug"][0]
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(name="Data", slug="data", country="CN")
