"""A WordPress import, in two streamed passes over the export: the first reads the site, its
authors, categories, tags and attachments (small records, kept) and proves the file well
formed before anything is written; the second imports the posts one by one."""

import time
from collections import Counter
from pathlib import Path

from newsroom.importers import wxr
from newsroom.importers.media import Library, attachment_from
from newsroom.importers.posts import PostImporter, site_offset
from newsroom.importers.report import Progress, Report
from newsroom.importers.terms import Terms

# Post types that are not news: counted in the report, never imported.
BATCH = 200  # posts looked up together; each is still written in its own transaction
OTHER_TYPES = {"page": "pages", "nav_menu_item": "menu items", "revision": "revisions"}


def catalogue(path, media_dir, dry_run):
    site, authors, counts = None, {}, Counter()
    terms = library = offset = None
    with open(path, "rb") as file:
        for record in wxr.read(file):
            if isinstance(record, wxr.Site):
                site = record
                terms, library = Terms(site.url), Library(site.url, media_dir, dry_run)
            elif isinstance(record, wxr.Author):
                authors[record.login] = record.display_name
            elif isinstance(record, wxr.Term):
                terms.add(record)
            elif record.post_type == "attachment" and record.post_id:
                library.add(attachment_from(record))
            counts["comments"] += getattr(record, "comments", 0)
            if offset is None and isinstance(record, wxr.Item):
                offset = site_offset(record)
    return site, authors, terms, library, counts, offset


def run(path, *, media_dir=None, dry_run=False, report_path=None, say=None):
    """Import the export at `path`; returns the totals (also written to `report_path`)."""
    started = time.monotonic()
    site, authors, terms, library, counts, offset = catalogue(path, media_dir, dry_run)
    report = Report(report_path, dry_run)
    if counts["comments"]:
        report.count("comments", counts["comments"])
    importer = PostImporter(site, authors, terms, library, dry_run)
    importer.offset = offset
    progress = Progress(say or (lambda line: None), Path(path).stat().st_size)
    batch = []

    def flush():
        importer.look_up(batch)
        for post in batch:
            report.post(importer.run(post))
        batch.clear()

    with open(path, "rb") as file:
        for record in wxr.read(file):
            if not isinstance(record, wxr.Item):
                continue
            progress.tick(file.tell())
            if record.post_type == "post":
                batch.append(record)
                if len(batch) == BATCH:
                    flush()
            elif record.post_type == "attachment":
                report.media["in the export"] += 1
            else:
                report.count(OTHER_TYPES.get(record.post_type, f"“{record.post_type}” items"))
    flush()
    elapsed = time.monotonic() - started
    posts = sum(report.outcomes.values())
    numbers = {
        "source": site.url,
        "wxr_version": site.version,
        "seconds": round(elapsed, 2),
        "posts_per_second": round(posts / max(elapsed, 1e-6), 1),
    }
    return report, report.close(numbers)
