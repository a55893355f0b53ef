"""An announcement of our own and the proposals the rules engine would make for it, to drive
the suggested-facts pages without depending on what the engine reads today."""

from projects import extraction
from projects.extraction import Suggestion, Suggestions

TEXT = (
    "Northwind Cells will invest about $1.7 billion in a battery plant in Greenville.\n"
    "The plant will make 500,000 battery packs a year.\n"
    "It is expected to create 1,200 new jobs, the company said.\n"
    "Construction will start in the second quarter of 2026.\n"
)


def said(field, value, sentence, **extra):
    start = TEXT.index(sentence)
    return Suggestion(field, value, sentence, start, start + len(sentence), **extra)


def proposals():
    line = TEXT.splitlines()
    return Suggestions(
        organization=said("organization", {"name": "Northwind Cells"}, "Northwind Cells"),
        project=said("project", {"name": "Greenville battery plant"}, "a battery plant"),
        location=said("location", {"name": "Greenville", "country": "US"}, "Greenville"),
        investment=said(
            "investment",
            {"amount": 1_700_000_000, "currency": "USD", "qualifier": "about"},
            line[0],
        ),
        capacity=[
            said(
                "capacity",
                {"quantity": 500_000, "unit": "unit", "period": "year", "product": "battery packs"},
                line[1],
            )
        ],
        jobs=said(
            "jobs",
            {"amount": 1200, "qualifier": "exact", "scope": "direct"},
            line[2],
            unsure=True,
            reason="“expected to” may be a hope, not a plan",
        ),
        milestones=[
            said(
                "milestone",
                {"kind": "construction_start", "date": "2026-04", "precision": "quarter",
                 "planned": True},
                line[3],
            )
        ],
    )  # fmt: skip


def use_proposals(monkeypatch, found=None):
    """The engine answers `found` (the proposals above by default) for any text."""
    answer = found or proposals()
    monkeypatch.setattr(extraction, "suggest", lambda text, **kwargs: answer)
