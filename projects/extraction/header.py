"""The header of a stored announcement: "Title:", "Source:" and "Date:" lines, a blank line,
then the text. A Date line that says "not stated ..." gives no date, so relative dates in
the text stay unresolved rather than guessed."""

import datetime
import re
from dataclasses import dataclass

FIELD = re.compile(r"^(?P<key>Title|Source|Date)\s*:\s*(?P<value>.*)$", re.I)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Article:
    title: str
    source: str
    published: datetime.date | None
    body: str
    body_offset: int  # where the body starts in the file's text


def parse(text):
    """Split a stored announcement; a text without header lines is all body."""
    fields, offset = {}, 0
    for line in text.splitlines(keepends=True):
        match = FIELD.match(line.strip())
        if not match:
            if line.strip() and fields:
                break
            if line.strip():
                break
            offset += len(line)
            continue
        fields[match["key"].lower()] = match["value"].strip()
        offset += len(line)
    return Article(
        title=fields.get("title", ""),
        source=fields.get("source", ""),
        published=published(fields.get("date", "")),
        body=text[offset:],
        body_offset=offset,
    )


def published(value):
    if not value or value.lower().startswith("not stated"):
        return None
    match = ISO_DATE.search(value)
    if not match:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
