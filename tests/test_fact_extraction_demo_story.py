"""The project's own demo story (newsroom/demo/aux_compressor_project.txt) reads right."""

import datetime
from pathlib import Path

from projects.extraction import suggest

STORY = Path(__file__).resolve().parent.parent / "newsroom" / "demo" / "aux_compressor_project.txt"


def test_the_demo_story_gives_the_expected_reading():
    result = suggest(STORY.read_text(encoding="utf-8"), published=datetime.date(2024, 1, 3))
    assert result.organization.value["name"] in ("AUX", "AUX Group")
    assert result.project.value["name"] == (
        "AUX Intelligent Air Conditioning Compressor Production and Construction Project"
    )
    assert result.location.value["name"] == "Wuhu"
    investment = result.investment.value
    assert (investment["amount"], investment["currency"], investment["qualifier"]) == (
        5 * 10**9,
        "CNY",
        "about",
    )
    assert [(c.value["quantity"], c.value["period"]) for c in result.capacity] == [
        (30_000_000, "year")
    ]
    assert "compressors" in result.capacity[0].value["unit"]
    revenue = result.annual_revenue.value
    assert (revenue["amount"], revenue["currency"], revenue["qualifier"], revenue["kind"]) == (
        6 * 10**9,
        "CNY",
        "over",
        "revenue",
    )
    assert (result.jobs.value["count"], result.jobs.value["scope"]) == (3000, "direct")
    sure = {
        (m.value["kind"], m.value["date"], m.value["precision"], m.value["planned"])
        for m in result.milestones
        if not m.unsure
    }
    assert sure == {
        ("completion", "2025-03", "month", True),
        ("operation", "2025-03", "month", True),
    }
