"""An RSS 2.0 or Atom feed's items become draft articles for the editors to review, with
the same allow-list, idempotence (by the item's GUID or id) and report as a WordPress
import. feedparser reads the feed (given bytes, never a name: it would open a path or an
address itself); its own sanitiser is off, so ours is the one and the report is exact."""

import calendar
import datetime
import hashlib
import io
import xml.sax
from pathlib import Path

import feedparser
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

from newsroom.core import outbound
from newsroom.importers import body as bodies
from newsroom.importers import report as outcomes
from newsroom.importers.legacy import legacy_path
from newsroom.importers.models import ImportedItem
from newsroom.importers.report import Progress, Report
from newsroom.models import Article, Category, Tag

RULES = "feed-1"
EDITABLE = (Article.Status.DRAFT, Article.Status.REVIEW)


class FeedError(Exception):
    """The feed cannot be fetched or read; the message says why."""


def load(target):
    """(the feed's bytes, where they came from)."""
    if target.startswith(("http://", "https://")):
        try:
            return outbound.fetch(
                target,
                allow_private=settings.FEED_IMPORT_ALLOW_PRIVATE_URLS,
                max_bytes=settings.FEED_IMPORT_MAX_MB * 1024 * 1024,
                agent="Newsroom-Feed-Import",
            ), target
        except outbound.Refused as error:
            raise FeedError(f"Refused: {error}") from None
        except OSError as error:  # URLError, HTTPError and timeouts are OSErrors
            raise FeedError(f"The feed could not be fetched: {error}") from None
    path = Path(target)
    if not path.is_file():
        raise FeedError(f"No file “{target}” (give a file or an http(s):// address).")
    return path.read_bytes(), str(path.resolve())


def parse(data):
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=False)
    error = parsed.get("bozo_exception")
    # A broken feed is refused whole (the loose parser would guess at it); a wrong declared
    # encoding, which feedparser corrects, is not an error.
    if isinstance(error, xml.sax.SAXParseException) or (parsed.get("bozo") and not parsed.entries):
        line = getattr(error, "getLineNumber", lambda: None)()
        where = f" at line {line}" if line else ""
        raise FeedError(f"This is not a readable RSS or Atom feed{where}: {error}")
    if not parsed.get("version"):
        raise FeedError("This is not an RSS or Atom feed.")
    return parsed


def moment(entry):
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return timezone.now()
    return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)


def text_of(entry):
    if entry.get("content"):
        return entry.content[0].get("value", "")
    return entry.get("summary", "")


def run(target, *, category=None, dry_run=False, report_path=None, say=None):
    data, origin = load(target)
    parsed = parse(data)
    source = parsed.feed.get("link") or origin
    report, progress = Report(report_path, dry_run), Progress(say or (lambda line: None), 0)
    if dry_run and category and not Category.objects.filter(slug=category).exists():
        raise FeedError(f"No category with the slug “{category}”.")
    home = None
    for entry in parsed.entries:
        progress.tick(0)
        if home is None and not dry_run:
            home = category_for(category)
        report.post(import_entry(entry, source, home, dry_run))
    return report, report.close({"source": source, "format": parsed.version})


def category_for(slug):
    if slug:
        found = Category.objects.filter(slug=slug).first()
        if found is None:
            raise FeedError(f"No category with the slug “{slug}”.")
        return found
    return Category.objects.get_or_create(slug="uncategorized", defaults={"name": "Uncategorized"})[
        0
    ]


def import_entry(entry, source, category, dry_run):
    guid = entry.get("id") or entry.get("link") or entry.get("title", "")
    title = entry.get("title", "").strip() or "Untitled feed item"
    result = {"guid": guid, "title": title}
    digest = hashlib.sha256(
        repr((RULES, guid, title, text_of(entry), entry.get("summary"), moment(entry))).encode()
    ).hexdigest()
    known = (
        ImportedItem.objects.filter(source=source, kind="post", guid=guid)
        .select_related("article")
        .first()
    )
    if known and known.checksum == digest:
        return {**result, "outcome": outcomes.UNCHANGED, "article": known.article_id}
    if known and known.article is None:
        return {**result, "outcome": outcomes.SKIPPED, "reason": "deleted here: not brought back"}
    if known and known.article.status not in EDITABLE:
        return {
            **result,
            "outcome": outcomes.SKIPPED,
            "reason": "changed in the feed, but already published here: not overwritten",
        }
    prepared = bodies.prepare(text_of(entry))
    for key, value in (
        ("shortcodes", prepared.shortcodes),
        ("markup_removed", prepared.markup_removed),
    ):
        if value:
            result[key] = value
    if prepared.pictures:
        result["missing_media"] = [p.url for p in prepared.pictures]  # pictures are not fetched
    result["outcome"] = outcomes.UPDATED if known else outcomes.IMPORTED
    if dry_run:
        return result
    try:
        with transaction.atomic():
            article = (
                known.article if known else Article(status=Article.Status.DRAFT, category=category)
            )
            article.title = Truncator(title).chars(200)
            article.slug = article.free_slug(slugify(title, allow_unicode=True)[:190] or "post")
            article.summary = Truncator(strip_tags(entry.get("summary", "")).strip()).chars(300)
            article.body = prepared.html
            article.byline = entry.get("author", "")[:200]
            article.publish_at = moment(entry)
            article.full_clean()
            article.save()
            names = {}  # the first spelling of each tag, ignoring case
            for term in entry.get("tags", ()):
                if name := (term.get("term") or "").strip():
                    names.setdefault(name.casefold(), name)
            tags = {}
            for name in names.values():
                tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
                    name=name[:100]
                )
                tags[tag.pk] = tag
            article.tags.set(list(tags.values()))
            ImportedItem.objects.update_or_create(
                source=source,
                kind="post",
                guid=guid,
                defaults={
                    "article": article,
                    "checksum": digest,
                    "legacy_path": legacy_path(entry.get("link", "")),
                },
            )
    except (ValidationError, DatabaseError) as error:
        reason = "; ".join(getattr(error, "messages", [])) or str(error)
        return {**result, "outcome": outcomes.SKIPPED, "reason": f"refused: {reason}"}
    return {**result, "article": article.pk}
