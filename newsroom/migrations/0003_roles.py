"""The staff roles, with least privilege. Later changes to a role need a new migration."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = ["view", "add", "change"]
PARTS = ["view", "add", "change", "delete"]  # rows edited inline under a project or article

WRITER = {
    "newsroom": {"article": CONTENT, "category": ["view"], "tag": ["view"]},
    "projects": {
        "project": CONTENT,
        "organization": CONTENT,
        "source": CONTENT,
        "figure": PARTS,
        "milestone": PARTS,
        "designation": PARTS,
        "projectorganization": PARTS,
        "articleproject": PARTS,
        "exchangerate": ["view"],
    },
}
EDITOR_EXTRA = {
    "newsroom": {
        "article": ["delete", "publish"],
        "category": PARTS,
        "tag": PARTS,
        "correction": PARTS,
        "previewlink": PARTS,
        "articleredirect": ["view", "delete"],
    },
    "projects": {
        "project": ["delete", "publish"],
        "organization": ["delete"],
        "source": ["delete"],
        "exchangerate": PARTS,
        "projectredirect": ["view", "delete"],
    },
}
ADMINISTRATOR_EXTRA = {"auth": {"user": PARTS, "group": PARTS}}


def codenames(spec):
    for app, models in spec.items():
        for model, actions in models.items():
            for action in actions:
                yield app, f"{action}_{model}"


def create_roles(apps, schema_editor):
    # Permissions are normally made after migrations; the roles need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(*specs):
        found = []
        for spec in specs:
            for app, codename in codenames(spec):
                found.append(Permission.objects.get(content_type__app_label=app, codename=codename))
        return found

    roles = {
        "Writer": permissions(WRITER),
        "Editor": permissions(WRITER, EDITOR_EXTRA),
        "Administrator": permissions(WRITER, EDITOR_EXTRA, ADMINISTRATOR_EXTRA),
    }
    for name, granted in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(granted)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("newsroom", "0002_workflow"),
        ("projects", "0003_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
