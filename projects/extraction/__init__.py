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
    value: dict  # keys as in the dev set's answer schema for that field
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
        return {}


def suggest(text: str, *, published: datetime.date | None = None, title: str = "") -> Suggestions:
    """The facts the text states about its project (a stub until the rules land)."""
    return Suggestions()
