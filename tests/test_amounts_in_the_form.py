"""An editor types an amount as the source words it; the form fills the numbers from it."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from projects.models import Figure, Kind, Project
from tests import factories
from tests.admin_forms import form_data

READING_URL = "/admin/projects/project/amount-reading/"


def change_url(project):
    return reverse("admin:projects_project_change", args=[project.pk])


def post_row(client, project, prefix, **row):
    """Post the project form with one new figure row in the inline of `prefix`'s kind
    (Django numbers the three figure inlines' prefixes: figures, figures-2, figures-3)."""
    data = form_data(client, change_url(project))
    data |= {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-project": project.pk}
    data |= {f"{prefix}-0-{key}": value for key, value in row.items()}
    return client.post(change_url(project), data)


@pytest.fixture
def draft(db):
    return factories.project(is_published=False)


@pytest.mark.parametrize(
    ("text", "value", "high", "currency", "qualifier"),
    [
        ("about 5 billion yuan", "5000000000", None, "CNY", "about"),
        ("约50亿元", "5000000000", None, "CNY", "about"),
        ("Rs 20,000 crore", "200000000000", None, "INR", "exact"),
        ("20,000–24,000 crore rupees", "200000000000", "240000000000", "INR", "range"),
        ("up to $500 million", "500000000", None, "USD", "up_to"),
        # The parser reads "at least" as at_least; the stored choice is "Over / at least".
        ("at least €40 million", "40000000", None, "EUR", "over"),
    ],
)
def test_a_money_phrase_fills_amount_high_value_currency_and_qualifier(
    staff_client, draft, text, value, high, currency, qualifier
):
    response = post_row(
        staff_client, draft, "figures", kind="investment", as_stated=text, qualifier="exact"
    )
    assert response.status_code == 302
    figure = Figure.objects.get()
    assert figure.value == Decimal(value)
    assert figure.value_high == (Decimal(high) if high else None)
    assert (figure.currency, figure.qualifier, figure.as_stated) == (currency, qualifier, text)


def test_a_capacity_phrase_fills_the_unit_period_and_what_is_counted(staff_client, draft):
    response = post_row(
        staff_client, draft, "figures-2", as_stated="30 million compressors a year",
        qualifier="exact",
    )  # fmt: skip
    assert response.status_code == 302
    figure = Figure.objects.get()
    assert (figure.kind, figure.value, figure.period) == (Kind.CAPACITY, 30_000_000, "year")
    assert figure.product == "compressors"
    post_row(
        staff_client, draft, "figures-2", as_stated="12 GWh", product="cells", qualifier="exact"
    )
    assert Figure.objects.get(product="cells").unit == "GWh"


def test_a_jobs_phrase_fills_the_count(staff_client, draft):
    response = post_row(
        staff_client, draft, "figures-3", as_stated="more than 3,000 jobs", job_type="direct",
        qualifier="exact",
    )  # fmt: skip
    assert response.status_code == 302
    figure = Figure.objects.get()
    assert (figure.kind, figure.value, figure.qualifier) == (Kind.JOBS, 3000, "over")


def test_a_phrase_that_cannot_be_read_is_an_error_quoting_it_and_nothing_is_saved(
    staff_client, draft
):
    response = post_row(
        staff_client, draft, "figures", kind="investment", as_stated="five billion yuan",
        qualifier="exact",
    )  # fmt: skip
    assert response.status_code == 200
    assert "Could not read “five billion yuan”" in response.content.decode()
    assert not Figure.objects.exists()


def test_the_reading_shows_beside_the_field_when_the_form_comes_back(staff_client, draft):
    response = post_row(
        staff_client, draft, "figures", kind="investment", as_stated="RMB 5bn",
        qualifier="exact", currency="", stated_on="not a date",
    )  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "Read as: CNY 5,000,000,000 · exact" in page
    assert 'data-amount-kind="money"' in page


def test_a_figure_with_neither_words_nor_numbers_is_refused(staff_client, draft):
    response = post_row(staff_client, draft, "figures", kind="investment", qualifier="exact")
    assert "Type the amount as the source states it." in response.content.decode()
    assert not Figure.objects.exists()


def test_numbers_typed_without_words_are_still_saved(staff_client, draft):
    response = post_row(
        staff_client, draft, "figures", kind="investment", value="5000000000", currency="CNY",
        qualifier="about",
    )  # fmt: skip
    assert response.status_code == 302
    assert Figure.objects.get().display == "about CNY 5 billion"


def test_unchanged_old_words_are_not_read_again(staff_client, draft):
    factories.money(draft, as_stated="as the mayor put it, a lot", value=Decimal(7))
    data = form_data(staff_client, change_url(draft))
    assert staff_client.post(change_url(draft), data).status_code == 302
    assert Figure.objects.get().value == 7


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ({"text": "约50亿元", "kind": "money"}, {"reading": "CNY 5,000,000,000 · about"}),
        ({"text": "年产3000万台", "kind": "quantity"}, {"reading": "30,000,000 · per year · exact"}),
        ({"text": "lots", "kind": "count"}, {"error": "Could not read “lots”: no number where one was expected."}),
    ],
)  # fmt: skip
def test_the_live_reading_answers_staff_with_the_reading_or_the_error(staff_client, query, answer):
    response = staff_client.get(READING_URL, query)
    assert response.status_code == 200
    assert response.json() == answer


def test_the_live_reading_refuses_an_unknown_kind_visitors_and_staff_without_projects(
    staff_client, db, django_user_model
):
    assert staff_client.get(READING_URL, {"text": "5", "kind": "mood"}).status_code == 400
    assert Client().get(READING_URL, {"text": "5"}).status_code == 302  # to the login page
    outsider = Client()
    outsider.force_login(django_user_model.objects.create_user("os", is_staff=True))
    assert outsider.get(READING_URL, {"text": "5", "kind": "count"}).status_code == 403
    assert Project.objects.count() == 0
