from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "newsroom.importers"
    label = "importers"
    verbose_name = "Imports"
