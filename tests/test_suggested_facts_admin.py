"""Suggested facts in the admin: an editor reviews what the rules propose for an article or a
pasted press release, beside the highlighted sentences, and accepts, edits or rejects each
one; accepted facts reach the record through the project form's own rules and permissions,
citing the article, and rejected ones are stored nowhere."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from projects.admin.suggested_facts import initial_values
from projects.extraction import Suggestion, Suggestions
from projects.models import Figure, Kind, Milestone, Project, Source
from tests import factories
from tests.admin_forms import fields_in
from tests.suggestions import TEXT, use_proposals

SUGGEST = "/admin/projects/project/suggest/"
ACCEPT = "/admin/projects/project/suggest/accept/"


@pytest.fixture
def announcement(db, monkeypatch):
    use_proposals(monkeypatch)
    body = "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    return factories.article(
        title="Northwind Cells picks Greenville", body=body, dateline="GREENVILLE"
    )


def review(client, article):
    response = client.get(f"{SUGGEST}?article={article.pk}")
    assert response.status_code == 200
    return response, fields_in(response.content.decode())


def decide(data, **decisions):
    """`data` with row n accepted or rejected: decide(data, row_0="accept")."""
    for row, decision in decisions.items():
        data[f"{row.replace('_', '-')}-decision"] = decision
    return data


def accepted_into(client, article, project=None, **decisions):
    _, data = review(client, article)
    if project is not None:
        data.update({"target-target": "existing", "target-project": str(project.pk)})
    return client.post(ACCEPT, decide(data, **decisions))


def test_the_review_page_highlights_each_proposals_sentence_and_says_when_it_is_unsure(
    staff_client, announcement
):
    response, data = review(staff_client, announcement)
    html = response.content.decode()
    assert html.count("<mark>") == 4
    assert "<mark>The plant will make 500,000 battery packs a year.</mark>" in html
    assert "about USD 1.7 billion" in html or "about USD 1,700,000,000" in html
    assert "“expected to” may be a hope, not a plan" in html
    assert data["project-name_en"] == "Greenville battery plant"
    assert data["project-country"] == "US" and data["project-city_en"] == "Greenville"
    assert data["target-new_organization"] == "Northwind Cells"
    assert all(data[f"row-{n}-decision"] == "reject" for n in range(4))  # nothing by default


def test_the_review_page_runs_a_fixed_number_of_queries(
    staff_client, announcement, django_assert_num_queries
):
    factories.organization(name="Someone else")
    # session, user, the article, the organisation named in the text
    with django_assert_num_queries(4):
        staff_client.get(f"{SUGGEST}?article={announcement.pk}")


def test_accepted_facts_join_a_new_project_and_cite_the_article(staff_client, announcement):
    response = accepted_into(staff_client, announcement, row_0="accept", row_3="accept")
    assert response.status_code == 302, response.content.decode()[:3000]
    project = Project.objects.get(name="Greenville battery plant")
    assert response.url == reverse("admin:projects_project_change", args=[project.pk])
    source = Source.objects.get(article=announcement)
    investment = project.figures.get()
    assert (investment.kind, investment.value, investment.currency) == (
        Kind.INVESTMENT,
        Decimal("1700000000"),
        "USD",
    )
    assert investment.qualifier == "about" and investment.source == source
    assert investment.stated_on == announcement.publish_at.date() or investment.stated_on
    start = project.milestones.get()
    assert start.kind == Milestone.Kind.GROUNDBREAKING and start.source == source
    assert (start.planned_date, start.planned_precision) == (datetime.date(2026, 4, 1), "quarter")
    assert project.roles.get().organization.name == "Northwind Cells"
    assert not project.is_published


def test_rejected_proposals_are_stored_nowhere(staff_client, announcement):
    accepted_into(staff_client, announcement, row_0="accept", row_1="reject", row_2="reject")
    assert not Figure.objects.filter(kind__in=[Kind.CAPACITY, Kind.JOBS]).exists()
    assert not Milestone.objects.exists()


def test_an_edited_proposal_is_saved_as_edited_through_the_amount_reader(
    staff_client, announcement
):
    _, data = review(staff_client, announcement)
    data["row-2-fact-as_stated"] = "about 1,500 jobs"  # read again, as in the project form
    staff_client.post(ACCEPT, decide(data, row_2="accept"))
    jobs = Figure.objects.get(kind=Kind.JOBS)
    assert (jobs.value, jobs.qualifier, jobs.as_stated) == (
        Decimal(1500),
        "about",
        "about 1,500 jobs",
    )


def test_nothing_reaches_the_record_without_a_click(staff_client, announcement):
    _, data = review(staff_client, announcement)
    response = staff_client.post(ACCEPT, data)
    assert response.status_code == 200
    assert "Accept at least one proposal" in response.content.decode()
    assert not Project.objects.exists() and not Source.objects.exists()


def test_a_bad_edit_is_a_form_error_and_saves_nothing(staff_client, announcement):
    _, data = review(staff_client, announcement)
    data["row-1-fact-product"] = ""  # a capacity must say what it is of
    data["row-0-fact-currency"] = "XYZ"
    response = staff_client.post(ACCEPT, decide(data, row_0="accept", row_1="accept"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "“XYZ” is not an ISO 4217 currency code." in html
    assert "Say what the capacity is of." in html
    assert '<details class="proposal-edit" open>' in html
    assert not Project.objects.exists() and not Figure.objects.exists()
    assert not Source.objects.exists()  # made in the same transaction, rolled back


def test_facts_join_an_existing_project_and_reuse_the_articles_source(editor_client, announcement):
    project = factories.project(name="Greenville Cells", is_published=True)
    source = Source.objects.create(article=announcement)
    response = accepted_into(editor_client, announcement, project, row_1="accept")
    assert response.status_code == 302
    capacity = project.figures.get()
    assert capacity.source == source and capacity.value == 500_000
    assert capacity.product == "battery packs" and capacity.period == "year"
    assert Source.objects.count() == 1 and Project.objects.count() == 1


def test_a_writers_accept_on_a_published_project_is_refused_as_a_typed_figure_is(
    writer_client, announcement
):
    project = factories.project(name="Greenville Cells", is_published=True)
    response = accepted_into(writer_client, announcement, project, row_0="accept")
    assert response.status_code == 200
    message = "is shown on the published page of “Greenville Cells”; only an editor may change it"
    assert message in response.content.decode()
    assert not project.figures.exists() and not Source.objects.exists()
    # The same figure typed into the project form is refused too.
    typed = writer_client.post(
        reverse("admin:projects_figure_add"),
        {"project": project.pk, "kind": "investment", "as_stated": "about $1.7 billion",
         "qualifier": "exact"},
    )  # fmt: skip
    assert typed.status_code == 200 and message in typed.content.decode()
    assert not project.figures.exists()


def test_a_writers_accept_on_a_draft_project_is_saved(writer_client, announcement):
    project = factories.project(name="Greenville Cells", is_published=False)
    response = accepted_into(writer_client, announcement, project, row_0="accept")
    assert response.status_code == 302
    assert project.figures.get().source.article == announcement


def test_only_staff_who_may_change_projects_reach_the_pages(
    client, django_user_model, announcement
):
    assert client.get(SUGGEST).status_code == 302  # to the admin's login
    nobody = django_user_model.objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(nobody)
    assert client.get(f"{SUGGEST}?article={announcement.pk}").status_code == 403
    assert client.post(ACCEPT, {}).status_code == 403


def test_the_pages_are_never_cached(staff_client, announcement):
    response = staff_client.get(f"{SUGGEST}?article={announcement.pk}")
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_pasted_press_release_is_reviewed_and_cited_by_its_address(staff_client, monkeypatch):
    use_proposals(monkeypatch)
    response = staff_client.post(
        SUGGEST,
        {"title": "Northwind Cells picks Greenville", "url": "https://example.com/pr",
         "publisher": "Northwind", "published": "2025-11-03", "text": TEXT.replace("\n", "\r\n")},
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<mark>") == 4
    data = decide(fields_in(html), row_0="accept")
    assert staff_client.post(ACCEPT, data).status_code == 302
    figure = Figure.objects.get()
    assert figure.source.url == "https://example.com/pr" and figure.source.article is None
    assert figure.stated_on == datetime.date(2025, 11, 3)


def test_a_two_megabyte_paste_is_refused_with_a_message(staff_client, monkeypatch):
    use_proposals(monkeypatch)
    text = "Northwind Cells will invest. " * 70_000  # about 2 MB
    response = staff_client.post(
        SUGGEST, {"title": "Huge", "url": "https://example.com/huge", "text": text}
    )
    assert response.status_code == 200
    assert "paste at most 100,000" in response.content.decode()


def test_bad_input_gives_errors_never_a_server_error(staff_client, announcement):
    assert staff_client.get(f"{SUGGEST}?article=x").status_code == 404
    assert staff_client.get(f"{SUGGEST}?article=999999").status_code == 404
    assert staff_client.post(SUGGEST, {"text": ""}).status_code == 200
    assert staff_client.post(ACCEPT, {"row-TOTAL_FORMS": "x"}).status_code == 400
    _, data = review(staff_client, announcement)
    data["row-0-suggested"] = "not json"
    data["row-0-start"] = "-4"
    assert staff_client.post(ACCEPT, decide(data, row_0="accept")).status_code == 400
    assert not Figure.objects.exists()


def test_the_article_form_links_to_its_suggestions(staff_client, announcement):
    response = staff_client.get(reverse("admin:newsroom_article_change", args=[announcement.pk]))
    assert f"{SUGGEST}?article={announcement.pk}" in response.content.decode()


def proposed(field, value, text="It says so."):
    return initial_values(Suggestion(field, value, text, 0, len(text)))


def test_proposals_are_put_in_the_records_terms():
    money = proposed("investment", {"amount": 20_000, "amount_max": 24_000, "currency": "INR",
                                    "qualifier": "range"})  # fmt: skip
    assert (money["value"], money["value_high"], money["qualifier"]) == ("20000", "24000", "range")
    assert (
        proposed("investment", {"amount": 5, "currency": "CNY", "qualifier": "at_least"})[
            "qualifier"
        ]
        == "over"
    )  # the record's "Over / at least"
    assert (
        proposed("annual_revenue", {"amount": 1, "currency": "CNY", "kind": "output_value"})["kind"]
        == Kind.OUTPUT_VALUE
    )
    assert proposed("annual_revenue", {"amount": 1, "kind": "operating_income"})["kind"] == (
        Kind.OPERATING_INCOME
    )
    gwh = proposed("capacity", {"quantity": 12, "unit": "GWh", "product": "cells"})
    assert (gwh["unit"], gwh["product"]) == ("GWh", "cells")
    counted = proposed("capacity", {"quantity": 300_000, "unit": "台"})
    assert (counted["unit"], counted["product"]) == ("", "")
    worded = proposed("capacity", {"quantity": 500, "unit": "battery packs"})
    assert (worded["unit"], worded["product"]) == ("", "battery packs")
    assert proposed("jobs", {"count": 600, "scope": "direct+indirect"})["job_type"] == "total"


def test_milestone_dates_keep_their_precision_half_years_included():
    opened = proposed("milestone", {"kind": "operation", "date": "2021-07",
                                    "precision": "half_year", "planned": True})  # fmt: skip
    assert (opened["planned_date"], opened["planned_precision"]) == ("2021-07-01", "half_year")
    signed = proposed("milestone", {"kind": "agreement_signed", "date": "2023-02-16",
                                    "precision": "day", "planned": False})  # fmt: skip
    assert signed["kind"] == "agreement" and signed["actual_date"] == "2023-02-16"
    assert proposed("milestone", {"kind": "topping_out", "date": "2024-08",
                                  "precision": "quarter"})["planned_date"] == "2024-07-01"  # fmt: skip
    undated = proposed("milestone", {"kind": "foundation_stone", "date": None})
    assert "planned_date" not in undated and undated["kind"] == "foundation_stone"


def test_a_proposal_without_a_date_must_be_given_one_before_it_is_accepted(
    staff_client, monkeypatch, announcement
):
    line = TEXT.splitlines()[3]
    start = TEXT.index(line)
    undated = Suggestion("milestone", {"kind": "inauguration", "date": None}, line, start,
                         start + len(line), unsure=True, reason="no date in the text")  # fmt: skip
    use_proposals(monkeypatch, Suggestions(milestones=[undated]))
    _, data = review(staff_client, announcement)
    response = staff_client.post(ACCEPT, decide(data, row_0="accept"))
    assert "Give a planned date, an actual date, or both." in response.content.decode()
    data["row-0-fact-planned_date"], data["row-0-fact-planned_precision"] = "2027-01-01", "year"
    data["project-country"] = "US"  # the text named no place
    assert staff_client.post(ACCEPT, decide(data, row_0="accept")).status_code == 302
    assert Milestone.objects.get().kind == Milestone.Kind.INAUGURATION
