"""A project the text names ("the X Project"), its site's place, "annual production of",
exceed/surpass/top as "over", "directly creating" jobs, and "completed and put into
operation" giving both milestones."""

import datetime

import pytest

from projects import amounts
from projects.extraction import suggest

DATE = datetime.date(2025, 2, 10)


def test_a_capitalised_project_name_after_the_fills_the_project():
    text = (
        "Officials met at the Leeds site of the Norvale Battery Cell Assembly and Testing "
        "Project on Monday. Norvale will invest £800 million in the plant."
    )
    result = suggest(text, published=DATE)
    assert result.project.value["name"] == "Norvale Battery Cell Assembly and Testing Project"
    assert result.location.value["name"] == "Leeds"


def test_a_lowercase_project_is_not_a_name():
    result = suggest("Norvale will invest £80 million in the new project in Leeds.")
    assert result.project is None or "project" not in result.project.value["name"]


@pytest.mark.parametrize(
    "phrase",
    [
        "The annual production of 2 million electric bicycle drive motors",
        "The annual output of 2 million electric bicycle drive motors",
        "The annual capacity of 2 million electric bicycle drive motors",
    ],
)
def test_annual_production_of_a_counted_product_is_a_yearly_capacity(phrase):
    text = f"{phrase} by Velomax will be reached in 2027. Velomax will invest $90 million."
    rows = [c.value for c in suggest(text, published=DATE).capacity]
    assert [(r["quantity"], r["unit"], r["period"]) for r in rows] == [
        (2_000_000, "electric bicycle drive motors", "year")
    ]


@pytest.mark.parametrize("period", ["a year", "annually"])
def test_producing_a_counted_product_a_year_is_a_yearly_capacity(period):
    text = f"The Velomax plant will produce 400,000 folding bicycle frames {period}."
    rows = [c.value for c in suggest(text, published=DATE).capacity]
    assert [(r["quantity"], r["period"]) for r in rows] == [(400_000, "year")]


@pytest.mark.parametrize("verb", ["exceed", "exceeds", "surpass", "top"])
def test_exceeding_a_sum_is_over_it(verb):
    assert amounts.read(f"{verb} 2 billion euros", amounts.MONEY).qualifier == "over"
    text = f"Velomax will invest €300 million. Its annual sales will {verb} €2 billion."
    revenue = suggest(text, published=DATE).annual_revenue
    assert (revenue.value["amount"], revenue.value["qualifier"]) == (2 * 10**9, "over")


def test_directly_creating_jobs_is_direct_scope():
    text = "Velomax will invest $90 million in the plant, directly creating 450 new jobs."
    jobs = suggest(text, published=DATE).jobs
    assert (jobs.value["count"], jobs.value["scope"]) == (450, "direct")


@pytest.mark.parametrize(
    "phrase",
    [
        "be completed and put into operation in June 2026",
        "be built and put into production in June 2026",
    ],
)
def test_completed_and_put_into_operation_gives_both_milestones(phrase):
    text = f"The Velomax motor plant is scheduled to {phrase}."
    found = {
        (m.value["kind"], m.value["date"], m.value["precision"], m.value["planned"])
        for m in suggest(text, published=DATE).milestones
    }
    assert ("operation", "2026-06", "month", True) in found
    if "completed" in phrase:
        assert ("completion", "2026-06", "month", True) in found


def test_chinese_jiancheng_touchan_gives_both_milestones():
    text = "该项目预计2026年6月建成投产，总投资12亿元。"
    kinds = {m.value["kind"] for m in suggest(text, published=DATE).milestones}
    assert {"completion", "operation"} <= kinds
