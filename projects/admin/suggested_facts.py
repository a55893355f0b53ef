"""What the rules engine proposes (projects/extraction), put in the terms of the project record:
the initial values of the figure and milestone forms an editor reviews, and the article's text
cut into pieces so that each proposal's sentence can be highlighted beside it.

Only the mapping lives here; what lands in the record is decided by the same forms, clean()
rules and permissions as a typed fact (projects/admin/suggestion_views.py).
"""

import datetime
import html
import re
from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import strip_tags
from django.utils.text import Truncator

from projects import amounts
from projects.dates import Precision
from projects.models import Kind, Milestone, Qualifier

FIGURES = {"investment", "capacity", "jobs", "annual_revenue"}
FACTS = (*sorted(FIGURES), "milestone")
LABELS = {
    "investment": "Investment",
    "capacity": "Capacity",
    "jobs": "Jobs",
    "annual_revenue": "Annual revenue or output value",
    "milestone": "Milestone",
}
QUALIFIERS = {**{q: q for q in Qualifier.values}, "at_least": Qualifier.OVER}
REVENUE_KINDS = {"revenue": Kind.REVENUE, "output_value": Kind.OUTPUT_VALUE}
REVENUE_KINDS["operating_income"] = Kind.OPERATING_INCOME
MILESTONE_KINDS = {
    "construction_start": Milestone.Kind.GROUNDBREAKING,
    "agreement_signed": Milestone.Kind.AGREEMENT,
    **{kind: kind for kind in Milestone.Kind.values},
}


def number(value):
    return None if value is None else str(value)


def money(value, kind):
    qualifier = QUALIFIERS.get(value.get("qualifier") or "exact", Qualifier.EXACT)
    high = value.get("amount_max") if qualifier == Qualifier.RANGE else None
    return {
        "kind": kind,
        "qualifier": qualifier,
        "value": number(value.get("amount")),
        "value_high": number(high),
        "currency": value.get("currency") or "",
    }


def measure(unit, product):
    """(unit, product) as the record keeps them, by the amount reader's words: a measure
    (GWh, tonnes) is a unit; "units" or "台" count the product itself; other words ("battery
    packs") are what is counted."""
    key = unit.strip().lower()
    if key in amounts.MEASURES:
        return amounts.MEASURES[key], product
    if key in amounts.COUNTERS or not key:
        return "", product
    return "", product or unit.strip()


def capacity(value):
    unit, product = measure(value.get("unit") or "", value.get("product") or "")
    qualifier = QUALIFIERS.get(value.get("qualifier") or "exact", Qualifier.EXACT)
    return {
        "qualifier": qualifier,
        "value": number(value.get("quantity", value.get("amount"))),
        "value_high": number(value.get("amount_max")) if qualifier == Qualifier.RANGE else None,
        "unit": unit,
        "product": product,
        "period": value.get("period") or "",
        "phase": value.get("phase") or value.get("scope") or "",
    }


def jobs(value):
    scope = (value.get("scope") or "").lower()
    job_type = "total" if "indirect" in scope or scope == "total" else "direct"
    if "construction" in scope:
        job_type = "construction"
    count = next((value[k] for k in ("count", "amount", "jobs") if value.get(k) is not None), None)
    return {
        "qualifier": QUALIFIERS.get(value.get("qualifier") or "exact", Qualifier.EXACT),
        "value": number(count),
        "job_type": job_type,
    }


def partial_date(text, precision):
    """ "2021", "2021-07" or "2021-07-15" as (first day, precision), as the record stores it."""
    parts = [int(p) for p in re.findall(r"\d+", text or "")][:3]
    if not parts:
        return None, None
    year, month, day = [*parts, 1, 1][:3]
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return None, None
    if precision not in Precision.values:
        precision = [Precision.YEAR, Precision.MONTH, Precision.DAY][len(parts) - 1]
    if precision == Precision.QUARTER:
        date = date.replace(month=(date.month - 1) // 3 * 3 + 1, day=1)
    elif precision == Precision.HALF_YEAR:
        date = date.replace(month=1 if date.month < 7 else 7, day=1)
    elif precision == Precision.MONTH:
        date = date.replace(day=1)
    elif precision == Precision.YEAR:
        date = date.replace(month=1, day=1)
    return date, precision


def milestone(value):
    kind = MILESTONE_KINDS.get(value.get("kind") or "", Milestone.Kind.OTHER)
    date, precision = partial_date(value.get("date"), value.get("precision"))
    when = "planned" if value.get("planned", True) else "actual"
    initial = {"kind": kind, "title": Milestone.Kind(kind).label}
    if date:
        initial |= {f"{when}_date": date.isoformat(), f"{when}_precision": precision}
    return initial


def initial_values(suggestion, sentence_limit=200):
    """The figure's or milestone's form values for `suggestion`; the source's words are the
    sentence it came from when that fits the record's "as stated" field."""
    value = suggestion.value or {}
    if suggestion.field == "milestone":
        return milestone(value)
    if suggestion.field == "investment":
        initial = money(value, Kind.INVESTMENT)
    elif suggestion.field == "annual_revenue":
        initial = money(value, REVENUE_KINDS.get(value.get("kind"), Kind.REVENUE))
    elif suggestion.field == "capacity":
        initial = capacity(value)
    else:
        initial = jobs(value)
    words = value.get("as_stated") or suggestion.text.strip()
    initial["as_stated"] = words if len(words) <= sentence_limit else ""
    return initial


def name_of(suggestion):
    if suggestion is None:
        return ""
    value = suggestion.value or {}
    return str(value.get("name") or value.get("text") or suggestion.text).strip()[:200]


def plain_text(body):
    """An article's HTML body as the text the rules read: one paragraph a line."""
    body = re.sub(r"(?i)<br\s*/?>|</(p|h[1-6]|li|blockquote|tr|div)>", "\n", body or "")
    text = html.unescape(strip_tags(body))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


@dataclass(frozen=True)
class Piece:
    text: str
    rows: tuple  # the numbers (from 1) of the proposals whose sentence covers this piece
    anchors: tuple  # the proposals whose sentence starts here


def pieces(text, spans):
    """`text` cut at every start and end of `spans` ((start, end) per row), so overlapping
    sentences each stay highlighted; spans outside the text are left out."""
    spans = [(s, e) if 0 <= s < e <= len(text) else None for s, e in spans]
    cuts = sorted({0, len(text), *(n for span in spans if span for n in span)})
    out = []
    for a, b in pairwise(cuts):
        rows = tuple(n for n, span in enumerate(spans, 1) if span and span[0] <= a and b <= span[1])
        starts = tuple(n for n, span in enumerate(spans, 1) if span and span[0] == a)
        out.append(Piece(text[a:b], rows, starts))
    return out


def sentence(text, start, end):
    if 0 <= start < end <= len(text):
        return text[start:end]
    return Truncator(text[max(start, 0) :]).chars(200)
