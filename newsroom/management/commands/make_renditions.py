from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from newsroom.models import Image


class Command(BaseCommand):
    help = (
        "Make the renditions of images that lack them or are out of date (after the rendition "
        "sizes changed, see RENDITIONS_VERSION in newsroom/core/renditions.py). Pages never make them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Redo every image's renditions.")

    def handle(self, *args, **options):
        made = failed = 0
        for image in Image.objects.order_by("pk").iterator(chunk_size=100):
            if options["all"]:
                image.renditions = {}
            if image.renditions.get("key") == image.rendition_key:
                continue
            try:
                image.save(update_fields=["renditions"])
            except (FileNotFoundError, ValidationError) as error:
                failed += 1
                reason = "; ".join(map(str, getattr(error, "messages", [error])))
                self.stderr.write(f"Image {image.pk} “{image}”: {reason}")
                continue
            made += 1
        self.stdout.write(f"Renditions made for {made} image(s); {failed} could not be read.")
