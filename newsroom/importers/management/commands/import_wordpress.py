from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.importers import wordpress
from newsroom.importers.wxr import ExportError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.1 or 1.2): posts become articles, with their "
        "pictures, categories, tags and old addresses. Run it again to update; nothing doubles."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The .xml file from WordPress's Tools › Export.")
        parser.add_argument(
            "--media-dir", help="A copy of wp-content/uploads (or the folder holding it)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report only; write nothing.")
        parser.add_argument("--report", metavar="FILE", help="Also write the report as JSON.")

    def handle(self, *args, export, media_dir, dry_run, report, verbosity, **options):
        if not Path(export).is_file():
            raise CommandError(f"No file “{export}”.")
        if media_dir and not Path(media_dir).is_dir():
            raise CommandError(f"--media-dir “{media_dir}” is not a folder.")
        say = self.stdout.write if verbosity else None
        try:
            result, totals = wordpress.run(
                export, media_dir=media_dir, dry_run=dry_run, report_path=report, say=say
            )
        except ExportError as error:
            raise CommandError(str(error)) from None
        if verbosity:
            for line in result.lines():
                self.stdout.write(line)
            self.stdout.write(
                f"{totals['posts_per_second']:,} posts/s, {totals['seconds']} s "
                f"(WXR {totals['wxr_version']}, {totals['source']})."
            )
