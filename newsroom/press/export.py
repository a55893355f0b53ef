"""Coverage as CSV for the press team's reports; safe to open in a spreadsheet."""

import csv
import io

from newsroom.core.spreadsheets import safe_cell

# A spreadsheet reads a cell starting with one of these as a formula (as projects/export.py).
COLUMNS = [
    ("date", lambda c: c.published_on.isoformat()),
    ("outlet", lambda c: c.outlet),
    ("title", lambda c: c.title),
    ("url", lambda c: c.url),
    ("country", lambda c: c.country),
    ("language", lambda c: c.language),
    ("reach", lambda c: c.reach),
    ("story", lambda c: c.article.title if c.article_id else ""),
    ("project", lambda c: c.project.name if c.project_id else ""),
]


def cell(value):
    if value is None:
        return ""
    text = str(value)
    return safe_cell(text)


def coverage_csv(coverage):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([name for name, _ in COLUMNS])
    for clipping in coverage.select_related("article", "project"):
        writer.writerow([cell(read(clipping)) for _, read in COLUMNS])
    return out.getvalue()
