"""Editors (and administrators) manage subscriptions and webhooks and read and resend the
distribution log; writers hold nothing here."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = [
    *(f"{action}_subscription" for action in ("view", "change", "delete")),
    *(f"{action}_webhook" for action in ("view", "add", "change", "delete")),
    "view_delivery",
    "change_delivery",
    "view_storyevent",
]


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; the roles need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label="alerts", codename__in=EDITOR)
    for group in Group.objects.filter(name__in=["Editor", "Administrator"]):
        group.permissions.add(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_subscriptions_webhooks_and_distribution_log"),
        ("newsroom", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
