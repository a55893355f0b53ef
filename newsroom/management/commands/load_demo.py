from django.core.management.base import BaseCommand

from newsroom.demo import loader


class Command(BaseCommand):
    help = "Load the demo newsroom (the AUX Wuhu compressor story and project). Safe to repeat."

    def handle(self, *args, **options):
        article = loader.load()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {article.get_absolute_url()}"))
