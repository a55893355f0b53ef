"""The order the rules run in: the investment first, since its sentence is where the
organisation, the place and (when several figures compete) the jobs are looked for."""

import re

from projects.extraction import (
    Suggestion,
    Suggestions,
    capacity,
    figures,
    jobs,
    milestones,
    money,
    names,
)
from projects.extraction.document import Document

PROJECT_EN = re.compile(
    r"\b(?:a|an|the|its)\s+(?:new\s+|second\s+|first\s+)?(?P<name>(?:[\w’'®-]+\s+){0,6}?"
    r"(?:facility|plant|factory|mill|center|centre|campus|park|base|hub|complex|site|line|expansion))\b",
    re.I,
)
# "the Acme Battery Cell Production Project": a project the text names, capitalised, comes first.
PROJECT_NAMED = re.compile(
    r"\b(?i:the)\s+(?P<name>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|and|of|for|&))*?\s+Project)\b"
)
PROJECT_ZH = re.compile(r"[\u4e00-\u9fff]{2,24}?(?:项目|項目|基地|中心|工厂|工廠|产业园|產業園)")


def run(text, *, published=None, title=""):
    doc = Document(text, published, title)
    out = Suggestions()
    if not doc.sentences:
        return out
    found = figures.money(doc.folded, chinese=doc.chinese)

    chosen = money.best(money.investment_candidates(doc, found))
    if chosen:
        out.investment = _figure_suggestion(doc, "investment", chosen)
    anchor = (
        doc.sentence_at(chosen.figure.start)
        if chosen
        else (doc.sentences[0] if doc.sentences else None)
    )

    if anchor is not None:
        org = names.organization(doc, anchor.start, chosen.figure.start if chosen else anchor.end)
        if org:
            out.organization = _name(doc, "organization", *org)
        place = names.location(doc, anchor.start, anchor.end, org[0] if org else "")
        if place:
            out.location = _name(doc, "location", *place)
        out.project = _project(doc, anchor)

    revenue = money.best(money.revenue_candidates(doc, found))
    if revenue:
        out.annual_revenue = _figure_suggestion(doc, "annual_revenue", revenue)

    for value, figure, reason in capacity.rows(
        doc,
        figures.quantities(doc.folded),
        figures.quantities(doc.folded, counted=True) if not doc.chinese else (),
    ):
        start, end = _evidence(doc, figure.start, figure.end)
        out.capacity.append(_suggestion(doc, "capacity", value, start, end, reason))

    out.jobs = _jobs(doc, chosen)
    for value, start, end, reason in milestones.find(doc):
        out.milestones.append(_suggestion(doc, "milestone", value, start, end, reason))
    return out


def _suggestion(doc, field, value, start, end, reason=""):
    # The evidence is quoted from the input itself, trimmed of surrounding blanks.
    while start < end and doc.raw[start].isspace():
        start += 1
    while end > start and doc.raw[end - 1].isspace():
        end -= 1
    return Suggestion(
        field, value, doc.raw[start:end], start, end, unsure=bool(reason), reason=reason
    )


def _evidence(doc, start, end):
    _, clause_start, clause_end = doc.clause(start)
    return min(clause_start, start), max(clause_end, end)


def _figure_suggestion(doc, field, candidate):
    start, end = _evidence(doc, candidate.figure.start, candidate.figure.end)
    return _suggestion(doc, field, money.value(candidate), start, end, candidate.unsure)


def _name(doc, field, name, start):
    return _suggestion(doc, field, {"name": name}, start, start + len(name))


def _project(doc, anchor):
    # A name the text gives ("the X Project") anywhere near the lead beats a plain "the plant".
    regexes = [PROJECT_ZH] if doc.chinese else [PROJECT_NAMED, PROJECT_EN]
    for regex in regexes:
        for sentence in [anchor, *doc.sentences[:3]]:
            match = regex.search(doc.folded, sentence.start, sentence.end)
            if match:
                start, end = match.span("name" if not doc.chinese else 0)
                return _suggestion(doc, "project", {"name": doc.raw[start:end]}, start, end)
    return None


def _jobs(doc, investment):
    """The jobs figure of the investment's sentence, else the first new-jobs statement."""
    statements = jobs.find(doc)
    if not statements:
        return None
    pick = statements[0]
    if investment:
        sentence = doc.sentence_at(investment.figure.start)
        same = [
            j
            for j in statements
            if sentence.start <= j.start < sentence.end and j.count is not None
        ]
        pick = same[0] if same else next((j for j in statements if j.count is not None), pick)
    else:
        pick = next((j for j in statements if j.count is not None), pick)
    sentence = doc.sentence_at(pick.start)
    own = [j for j in statements if j.own and sentence.start <= j.start < sentence.end]
    if own:
        pick = own[0]  # the company's own share named after "including" is the project's
    start, end = jobs.quote(doc, pick)
    value = {"count": pick.count, "qualifier": pick.qualifier or None, "scope": pick.scope}
    return _suggestion(doc, "jobs", value, start, end, pick.reason)
