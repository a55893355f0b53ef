import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from newsroom.cache import content_changed
from newsroom.demo import synthetic


class Command(BaseCommand):
    help = (
        "Add synthetic articles and projects for benchmarks (newsroom/demo/synthetic.py). "
        "The same --seed and --anchor give the same content. Running again with the same "
        "numbers and seed does nothing; other numbers are refused unless --replace; another "
        "seed adds its content on top."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--projects", type=int, default=100)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--anchor",
            type=datetime.date.fromisoformat,
            help="Publish dates fall in the years before this date (default: today, UTC); "
            "a few articles are scheduled or embargoed after it.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete what this seed generated before, then generate again.",
        )

    def handle(self, *, articles, projects, seed, anchor, replace, **options):
        if articles < 0 or projects < 0:
            raise CommandError("--articles and --projects cannot be negative.")
        have = synthetic.existing(seed)
        if have == (articles, projects) and not replace:
            self.stdout.write(
                f"Seed {seed} already generated {articles:,} articles and "
                f"{projects:,} projects; nothing to do."
            )
            return
        if any(have) and not replace:
            raise CommandError(
                f"Seed {seed} already generated {have[0]:,} articles and {have[1]:,} projects. "
                "Use --replace to generate them again, or another --seed to add more."
            )
        started = time.monotonic()
        if any(have):
            self.stdout.write(
                f"Deleting {have[0]:,} articles and {have[1]:,} projects of seed {seed}"
            )
            synthetic.delete(seed)
        day = anchor or timezone.now().date()
        moment = datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
        self.stdout.write(
            f"Generating {articles:,} articles and {projects:,} projects (seed {seed})"
        )
        synthetic.generate(
            articles=articles, projects=projects, seed=seed, anchor=moment, report=self.stdout.write
        )
        # Bulk inserts send no signals; tell the page cache that content changed.
        content_changed()
        self.stdout.write(f"Done in {time.monotonic() - started:.1f} s.")
