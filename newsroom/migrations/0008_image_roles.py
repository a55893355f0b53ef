"""The image library in the staff roles: writers upload and describe pictures and arrange
galleries; editors may also delete pictures from the library."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Writer": [
        ("newsroom", "view_image"),
        ("newsroom", "add_image"),
        ("newsroom", "change_image"),
        *(("newsroom", f"{action}_articleimage") for action in ("view", "add", "change", "delete")),
        *(("projects", f"{action}_projectimage") for action in ("view", "add", "change", "delete")),
    ],
    "Editor": [("newsroom", "delete_image")],
}
ROLES = {"Writer": ["Writer", "Editor", "Administrator"], "Editor": ["Editor", "Administrator"]}


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; the roles need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for level, codenames in GRANTS.items():
        found = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in codenames
        ]
        for group in Group.objects.filter(name__in=ROLES[level]):
            group.permissions.add(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0007_image_library"),
        ("projects", "0007_project_gallery"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
