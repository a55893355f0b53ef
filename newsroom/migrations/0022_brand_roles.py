"""The brand in the staff roles: administrators may set and change the company's name, logo, colours
and typeface; editors may look at them; writers hold no permission on them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Administrator": ["view_brand", "add_brand", "change_brand"],
    "Editor": ["view_brand"],
}


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; the roles need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="newsroom", codename__in=GRANTS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0021_social_image_and_redirects"),
        ("projects", "0018_redirect_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
