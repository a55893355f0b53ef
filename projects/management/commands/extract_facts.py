"""python manage.py extract_facts FILE... --json OUTDIR: suggested facts for each article.

`NN-slug.txt` becomes `OUTDIR/NN-slug.json`, in the answer schema of the extraction dev
set. Nothing is written to the database: these are suggestions for an editor.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.extraction import header, suggest


class Command(BaseCommand):
    help = "Suggest each article's project facts and write them as JSON, one file per article."

    def add_arguments(self, parser):
        parser.add_argument(
            "files",
            nargs="+",
            type=Path,
            help="article files (Title/Source/Date header, blank line, text)",
        )
        parser.add_argument(
            "--json", dest="outdir", type=Path, required=True, help="directory for the JSON files"
        )

    def handle(self, *args, files, outdir, **options):
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(
                f"Cannot create the output directory {outdir}: {error.strerror}."
            ) from None
        failed = []
        for path in files:
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                failed.append(f"{path}: not UTF-8 text")
                continue
            except OSError as error:
                failed.append(f"{path}: {error.strerror or error}")
                continue
            article = header.parse(text)
            facts = suggest(
                article.body, published=article.published, title=article.title
            ).as_json()
            target = outdir / f"{path.stem}.json"
            target.write_text(
                json.dumps(facts, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            self.stdout.write(f"{path.name} → {target}")
        for line in failed:
            self.stderr.write(f"Cannot read {line}")
        if failed:
            raise CommandError(f"{len(failed)} of {len(files)} files could not be read.")
