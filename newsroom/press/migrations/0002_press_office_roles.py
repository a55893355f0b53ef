"""The staff roles get the press office as they get the rest (newsroom/migrations/0003_roles.py):
writers list contacts under their stories and enter coverage; editors manage contacts, the
boilerplate, journalists and invitations, and read the logs nobody may change."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = ["view", "add", "change"]
PARTS = ["view", "add", "change", "delete"]
GRANTS = {
    "Writer": {
        "presscontact": ["view"],
        "articlecontact": PARTS,
        "projectcontact": PARTS,
        "coverage": CONTENT,
        "boilerplate": ["view"],
    },
    "Editor": {
        "presscontact": PARTS,
        "coverage": ["delete"],
        "boilerplate": PARTS,
        "journalist": ["view", "change"],
        "journalistinvite": PARTS,
        "embargoedread": ["view"],
        "previewopening": ["view"],
    },
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
    for level, models_ in GRANTS.items():
        found = [
            Permission.objects.get(content_type__app_label="press", codename=f"{a}_{m}")
            for m, actions in models_.items()
            for a in actions
        ]
        for group in Group.objects.filter(name__in=ROLES[level]):
            group.permissions.add(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0001_press_office"),
        ("newsroom", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
