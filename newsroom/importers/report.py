"""What an import did, post by post: printed at the end and, with --report FILE, written as
JSON. Entries are streamed to the file as they come, so a 50,000-post report takes no
memory; only the totals and the first few entries worth reading stay in memory."""

import json
import time
from collections import Counter

# Outcomes of a post; a dry run says what a real run would do.
IMPORTED, UPDATED, UNCHANGED, SKIPPED = "imported", "updated", "unchanged", "skipped"
NOTABLE = ("notes", "missing_media", "refused_media", "shortcodes", "markup_removed", "reason")
SHOWN = 20  # entries printed in full; the JSON file has them all


class Report:
    def __init__(self, path=None, dry_run=False):
        self.dry_run = dry_run
        self.outcomes = Counter()
        self.not_imported = Counter()  # pages, menus, comments, custom post types
        self.media = Counter()
        self.notable = []
        self._file = open(path, "w", encoding="utf-8") if path else None  # noqa: SIM115
        self._first = True
        if self._file:
            self._file.write('{"posts": [\n')

    def post(self, entry):
        self.outcomes[entry["outcome"]] += 1
        self.media["missing"] += len(entry.get("missing_media", ()))
        self.media["refused"] += len(entry.get("refused_media", ()))
        self.media["shown"] += entry.pop("pictures_shown", 0)
        if len(self.notable) < SHOWN and any(entry.get(key) for key in NOTABLE):
            self.notable.append(entry)
        if self._file:
            self._file.write(("" if self._first else ",\n") + json.dumps(entry, ensure_ascii=False))
            self._first = False

    def count(self, what, n=1):
        self.not_imported[what] += n

    def totals(self):
        return {
            "dry_run": self.dry_run,
            "posts": dict(self.outcomes),
            "media": dict(self.media),
            "not_imported": dict(self.not_imported),
        }

    def close(self, extra=None):
        totals = {**self.totals(), **(extra or {})}
        if self._file:
            self._file.write('\n],\n"totals": ')
            self._file.write(json.dumps(totals, ensure_ascii=False, indent=1))
            self._file.write("}\n")
            self._file.close()
            self._file = None
        return totals

    def lines(self):
        """The summary a person reads at the end of the command."""
        verb = "Would import" if self.dry_run else "Imported"
        o = self.outcomes
        yield (
            f"{verb} {o[IMPORTED]}, updated {o[UPDATED]}, unchanged {o[UNCHANGED]}, "
            f"skipped {o[SKIPPED]}."
        )
        if any(self.media.values()):
            yield (
                f"Pictures: {self.media['in the export']} in the export; {self.media['shown']} "
                f"shown by the posts, {self.media['missing']} missing, {self.media['refused']} refused."
            )
        if self.not_imported:
            counted = ", ".join(f"{n} {what}" for what, n in sorted(self.not_imported.items()))
            yield f"Not imported (counted only): {counted}."
        for entry in self.notable:
            name = f"#{entry['post_id']}" if entry.get("post_id") else entry.get("guid", "")
            yield f"- {name} “{entry.get('title', '')}”: {entry['outcome']}"
            for key in NOTABLE:
                value = entry.get(key)
                if value:
                    shown = value if isinstance(value, str) else "; ".join(value)
                    yield f"    {key.replace('_', ' ')}: {shown}"


class Progress:
    """A line every `every` items on a large file: how far through it, and how fast."""

    def __init__(self, write, total_bytes, every=5_000):
        self.write, self.total, self.every = write, total_bytes, every
        self.started = time.monotonic()
        self.posts = 0

    def tick(self, position):
        self.posts += 1
        if self.posts % self.every:
            return
        now = time.monotonic()
        share = f"{100 * position / self.total:.0f}% of the file, " if self.total else ""
        rate = self.posts / max(now - self.started, 1e-6)
        self.write(f"… {share}{self.posts:,} items, {rate:,.0f} items/s")
