"""The distribution log as CSV, safe to open in a spreadsheet."""

import csv
import io

from django.utils import timezone

from newsroom.core.spreadsheets import safe_cell

# A spreadsheet runs a cell starting with one of these as a formula (as projects/export.py).

HEADER = [
    "story",
    "event",
    "channel",
    "recipient",
    "status",
    "attempts",
    "delivered_at",
    "opened",
    "error",
]


def cell(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).isoformat()
    text = str(value)
    return safe_cell(text)


def rows(deliveries):
    yield HEADER
    for delivery in deliveries:
        story_event = delivery.story_event
        yield [
            cell(story_event.subject),
            cell(story_event.event),
            cell(delivery.channel),
            cell(delivery.recipient),
            cell(delivery.status),
            cell(delivery.attempts),
            cell(delivery.delivered_at),
            cell(delivery.opened_at) or "unknown",
            cell(delivery.error),
        ]


def as_csv(deliveries):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows(deliveries))
    return buffer.getvalue()
