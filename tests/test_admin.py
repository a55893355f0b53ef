"""Every admin screen opens for staff, with the demo data and with many articles."""

import pytest
from django.contrib import admin
from django.urls import reverse

from newsroom.models import Article, Brand, Correction, MediaTopic, PreviewLink
from projects.models import Figure, Project
from tests import factories
from tests.admin_forms import form_data

MODELS = [
    model for model in admin.site._registry if model._meta.app_label in {"newsroom", "projects"}
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


# Models nobody adds in the admin, with the reason.
NO_ADD_PAGE = {MediaTopic: "IPTC's topics come from its file: manage.py load_media_topics"}


# One row at most: its list goes straight to the row, or to the form that makes it.
SINGLETONS = {Brand}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_change_list_and_add_page_open_for_staff(staff_client, demo, model):
    listed = staff_client.get(admin_url(model, "changelist"), follow=model in SINGLETONS)
    assert listed.status_code == 200
    added = 403 if model in NO_ADD_PAGE else 200
    assert staff_client.get(admin_url(model, "add")).status_code == added


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_change_page_opens_for_every_demo_record(staff_client, demo, model):
    # The demo has no preview links, corrections or redirects; make one of each.
    story = Article.objects.get(language="en")
    PreviewLink.objects.create(article=story, recipient="Reuters")
    Correction.objects.create(article=story, note="Fixed the mayor's name.")
    story.redirects.create(old_slug="an-old-address")
    Project.objects.first().redirects.create(old_slug="an-old-project-address")
    Brand.defaults().save()  # the demo runs on the settings' brand until an editor saves one
    obj = model.objects.first()
    assert obj is not None, f"the demo has no {model.__name__}"
    assert staff_client.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_visitors_are_sent_to_the_login_page(client, demo):
    response = client.get(admin_url(Article, "changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_article_change_list_with_1000_articles_has_no_n_plus_one(
    staff_client, db, django_assert_max_num_queries
):
    news = factories.category()
    Article.objects.bulk_create(
        Article(title=f"Bulk {n}", slug=f"bulk-{n}", category=news, status="published")
        for n in range(1000)
    )
    for story in Article.objects.all()[:100]:
        story.tags.add("Bulk")
    # session, user, count, total count, page, tags, categories filter, dates: a constant
    with django_assert_max_num_queries(12):
        response = staff_client.get(admin_url(Article, "changelist"))
    assert response.status_code == 200
    assert "1000 articles" in response.content.decode()


def test_project_change_list_shows_formatted_figures_and_overdue_flag(staff_client, demo):
    page = staff_client.get(admin_url(Project, "changelist")).content.decode()
    assert "about CNY 5 billion" in page
    assert 'alt="True"' in page  # overdue: March 2025 has passed with no actual date


def test_project_change_list_filters_overdue_records(staff_client, demo):
    factories.project(name="Fresh project")
    overdue = staff_client.get(
        admin_url(Project, "changelist"), {"overdue": "yes"}
    ).content.decode()
    current = staff_client.get(admin_url(Project, "changelist"), {"overdue": "no"}).content.decode()
    assert "AUX Intelligent" in overdue and "Fresh project" not in overdue
    assert "Fresh project" in current and "AUX Intelligent" not in current


def project_form(client, project, **money):
    """The project change form as the browser posts it, with one new money row."""
    data = form_data(client, admin_url(Project, "change", project.pk))
    # The money, capacity and jobs inlines all edit figures: Django numbers their prefixes.
    data |= {"figures-TOTAL_FORMS": "1", "figures-0-project": project.pk}
    data |= {f"figures-0-{key}": value for key, value in money.items()}
    return data


@pytest.mark.parametrize(
    ("money", "message"),
    [
        ({"value": "-5", "currency": "CNY", "qualifier": "exact"}, "Must be zero or more."),
        ({"value": "abc", "currency": "CNY", "qualifier": "exact"}, "Enter a number."),
        ({"value": "NaN", "currency": "CNY", "qualifier": "exact"}, "Enter a number."),
        ({"value": "Infinity", "currency": "CNY", "qualifier": "exact"}, "Enter a number."),
        ({"value": "5", "currency": "ABC", "qualifier": "exact"}, "not an ISO 4217 currency"),
        (
            {"value": "5", "value_high": "2", "currency": "CNY", "qualifier": "range"},
            "cannot be below the low value",
        ),
    ],
)
def test_invalid_figures_are_refused_with_a_clear_message_and_nothing_saved(
    staff_client, db, money, message
):
    project = factories.project()
    data = project_form(staff_client, project, kind="investment", **money)
    response = staff_client.post(admin_url(Project, "change", project.pk), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Figure.objects.exists()


def test_valid_figure_is_saved_through_the_project_form(staff_client, db):
    project = factories.project(is_published=False)  # unsourced: a draft's figure
    data = project_form(
        staff_client,
        project,
        kind="investment",
        value="5000000000",
        currency="CNY",
        qualifier="about",
    )
    response = staff_client.post(admin_url(Project, "change", project.pk), data)
    assert response.status_code == 302
    assert Figure.objects.get().display == "about CNY 5 billion"
