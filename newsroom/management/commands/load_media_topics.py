from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom import media_topics


class Command(BaseCommand):
    help = (
        "Load IPTC Media Topics from IPTC's published JSON (cptall-en-GB.json, or a file in "
        "another language for its labels). Adds and updates topics, never deletes: a retired "
        "topic stays on its stories. Safe to repeat."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The JSON file, e.g. cptall-en-GB.json.")

    def handle(self, *args, file, **options):
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            loaded = media_topics.load(text)
        except media_topics.TopicFileError as error:
            raise CommandError(f"{file}: {error} Nothing was loaded.") from None
        for missing in loaded.unknown_broader:
            self.stderr.write(f"Broader topic not known yet (load its file too): {missing}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Media Topics: {loaded.added} added, {loaded.changed} changed, "
                f"{loaded.unchanged} unchanged; {loaded.retired} retired in the file."
            )
        )
