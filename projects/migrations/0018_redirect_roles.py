"""Redirects in the staff roles: editors (and administrators) may now add and change old
addresses as well as view and delete them; writers still hold no permission on them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = [
    ("newsroom", f"{action}_articleredirect") for action in ("view", "add", "change", "delete")
] + [("projects", f"{action}_projectredirect") for action in ("view", "add", "change", "delete")]
ROLES = ["Editor", "Administrator"]


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; the roles need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in GRANTS
    ]
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0021_social_image_and_redirects"),
        ("projects", "0017_social_image_and_redirects"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
