"""Suggested project facts read from an announcement, each with the sentence that says so.

`suggest(text, published=..., title=...)` returns Suggestions: deterministic rules over
English and Chinese text (no model). Every Suggestion quotes its evidence verbatim with
its offsets in the input, so a UI can highlight it; a doubtful one says why in `reason`.
Nothing here touches the database: an editor accepts a suggestion through the fact forms.
"""

import datetime
from dataclasses import dataclass, field

FIELDS = ("organization", "project", "location", "investment", "capacity", "jobs",
          "annual_revenue", "milestone")  # fmt: skip


@dataclass(frozen=True)
class Suggestion:
    field: str  # one of FIELDS
    # Keys as in the dev set's answer schema: organization/project/location {name};
    # investment/annual_revenue {amount, amount_max?, currency, qualifier, equivalents?, kind?};
    # capacity {quantity, unit, period, qualifier, product?, scope?, phase?};
    # jobs {count (None: a statement without a figure), qualifier, scope};
    # milestone {kind, date, precision, planned, phase?}.
    value: dict
    text: str  # the evidence, verbatim: text == input[start:end]
    start: int
    end: int
    unsure: bool = False
    reason: str = ""  # why it is unsure, in an editor's words


@dataclass
class Suggestions:
    organization: Suggestion | None = None
    project: Suggestion | None = None
    location: Suggestion | None = None
    investment: Suggestion | None = None
    jobs: Suggestion | None = None
    annual_revenue: Suggestion | None = None
    capacity: list[Suggestion] = field(default_factory=list)
    milestones: list[Suggestion] = field(default_factory=list)

    def all(self) -> list[Suggestion]:
        singles = (self.organization, self.project, self.location, self.investment,
                   self.jobs, self.annual_revenue)  # fmt: skip
        return [s for s in singles if s is not None] + self.capacity + self.milestones

    def as_json(self) -> dict:
        """The dev set's answer schema: plain values, each figure with its evidence text."""

        def item(suggestion):
            out = {**suggestion.value, "text": suggestion.text}
            if suggestion.unsure:
                out |= {"unsure": True, "reason": suggestion.reason}
            return out

        jobs = self.jobs.value if self.jobs else {}
        return {
            "organization": self.organization.value["name"] if self.organization else None,
            "project": self.project.value["name"] if self.project else None,
            "location": self.location.value["name"] if self.location else None,
            "investment": item(self.investment) if self.investment else None,
            "capacity": [item(s) for s in self.capacity],
            "jobs": jobs.get("count"),
            "jobs_qualifier": jobs.get("qualifier"),
            "jobs_scope": jobs.get("scope") or None,
            "jobs_text": self.jobs.text if self.jobs else None,
            "annual_revenue": item(self.annual_revenue) if self.annual_revenue else None,
            "milestones": [item(s) for s in self.milestones],
        }


def suggest(text: str, *, published: datetime.date | None = None, title: str = "") -> Suggestions:
    """The facts the text states about its project; see projects/extraction/rules.py."""
    from projects.extraction.rules import run

    return run(text, published=published, title=title)
