from django.core.management.base import BaseCommand
from django.db import transaction

from newsroom.models import Article, SearchDocument
from newsroom.models.search_index import rebuild
from projects.models import Project
from projects.models.search_document import search_sources


class Command(BaseCommand):
    help = (
        "Write the search index again from every article and project (saves keep it current; "
        "this is for bulk imports, raw SQL edits, or after the indexing rules changed)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            rebuild(search_sources(Article, Project))
        self.stdout.write(f"Indexed {SearchDocument.objects.count():,} articles and projects.")
