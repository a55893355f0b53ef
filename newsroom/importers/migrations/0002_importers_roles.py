"""Editors (and administrators) read what the imports left (notes, old addresses); nobody
edits it in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = ["view_importeditem", "view_importedterm"]


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; the roles need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label="importers", codename__in=EDITOR)
    for group in Group.objects.filter(name__in=["Editor", "Administrator"]):
        group.permissions.add(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("importers", "0001_imported_items_and_terms"),
        ("newsroom", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
