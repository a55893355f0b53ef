from django.core.management.base import BaseCommand, CommandError

from newsroom.importers import feeds


class Command(BaseCommand):
    help = (
        "Import an RSS 2.0 or Atom feed (an address or a file): its items become draft "
        "articles for review. Run it again to update; nothing doubles."
    )

    def add_arguments(self, parser):
        parser.add_argument("feed", help="An http(s):// address or a file.")
        parser.add_argument("--category", help="The slug of the articles' category.")
        parser.add_argument("--dry-run", action="store_true", help="Report only; write nothing.")
        parser.add_argument("--report", metavar="FILE", help="Also write the report as JSON.")

    def handle(self, *args, feed, category, dry_run, report, verbosity, **options):
        try:
            result, totals = feeds.run(
                feed,
                category=category,
                dry_run=dry_run,
                report_path=report,
                say=self.stdout.write if verbosity else None,
            )
        except feeds.FeedError as error:
            raise CommandError(str(error)) from None
        if verbosity:
            for line in result.lines():
                self.stdout.write(line)
            self.stdout.write(f"{totals['format']} feed, {totals['source']}.")
