"""People, their events and attendances, and programmes; the staff roles get them as they
get the other parts of a record (newsroom/migrations/0003_roles.py): writers write, editors
also delete and publish a programme."""

from django.contrib.auth.management import create_permissions
import django.db.models.deletion
from django.db import migrations, models


CONTENT = ["view", "add", "change"]
PARTS = ["view", "add", "change", "delete"]
GRANTS = {
    "Writer": {"person": CONTENT, "event": PARTS, "attendance": PARTS, "programme": CONTENT},
    "Editor": {"person": ["delete"], "programme": ["delete", "publish"]},
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
            Permission.objects.get(content_type__app_label="projects", codename=f"{a}_{m}")
            for m, actions in models_.items()
            for a in actions
        ]
        for group in Group.objects.filter(name__in=ROLES[level]):
            group.permissions.add(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0010_not_stated_publicly"),
        ("newsroom", "0008_image_roles"),
    ]

    operations = [
        migrations.CreateModel(
            name="Person",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(help_text="As the source gives it.", max_length=200)),
                (
                    "local_name",
                    models.CharField(
                        blank=True,
                        help_text="The name in the local language, if the source gives it.",
                        max_length=200,
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="The title the source gives, e.g. “Mayor of Wuhu”.",
                        max_length=300,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "people",
                "ordering": ["name", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Event",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("ceremony", "Ceremony"),
                            ("meeting", "Meeting"),
                            ("signing", "Signing"),
                            ("other", "Other"),
                        ],
                        default="meeting",
                        max_length=20,
                    ),
                ),
                (
                    "name",
                    models.CharField(help_text="e.g. “Mobilisation meeting”.", max_length=300),
                ),
                (
                    "date",
                    models.DateField(
                        help_text="For a month, quarter or year, enter its first day and choose the precision."
                    ),
                ),
                (
                    "precision",
                    models.CharField(
                        choices=[
                            ("day", "Day"),
                            ("month", "Month"),
                            ("quarter", "Quarter"),
                            ("year", "Year"),
                        ],
                        default="day",
                        max_length=10,
                    ),
                ),
                (
                    "place",
                    models.CharField(blank=True, help_text="Where it was held.", max_length=300),
                ),
                ("note", models.TextField(blank=True)),
                (
                    "milestone",
                    models.ForeignKey(
                        blank=True,
                        help_text="The milestone the event marks, e.g. the construction start.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="events",
                        to="projects.milestone",
                    ),
                ),
                (
                    "project",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="projects.project",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="projects.source",
                    ),
                ),
            ],
            options={
                "ordering": ["date", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Attendance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("attended", "Attended"),
                            ("spoke", "Spoke"),
                            ("announced", "Announced"),
                            ("hosted", "Hosted"),
                            ("signed", "Signed"),
                        ],
                        default="attended",
                        max_length=20,
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0)),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        help_text="The organisation the person acted for, if the source says.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attendances",
                        to="projects.organization",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendances",
                        to="projects.event",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attendances",
                        to="projects.person",
                    ),
                ),
            ],
            options={
                "ordering": ["order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Programme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=300)),
                ("slug", models.SlugField(allow_unicode=True, max_length=200, unique=True)),
                ("summary", models.TextField(blank=True)),
                (
                    "target_count",
                    models.PositiveIntegerField(
                        blank=True, help_text="How many the plan promises, e.g. 12.", null=True
                    ),
                ),
                (
                    "target",
                    models.CharField(
                        blank=True,
                        help_text="What is counted, e.g. “production bases and sales companies”.",
                        max_length=200,
                    ),
                ),
                ("as_stated", models.TextField(blank=True, help_text="The words of the source.")),
                (
                    "period_date",
                    models.DateField(
                        blank=True,
                        help_text="When the plan is for. For a year, enter its first day and choose “year”.",
                        null=True,
                        verbose_name="period",
                    ),
                ),
                (
                    "period_precision",
                    models.CharField(
                        choices=[
                            ("day", "Day"),
                            ("month", "Month"),
                            ("quarter", "Quarter"),
                            ("year", "Year"),
                        ],
                        default="year",
                        max_length=10,
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=False,
                        help_text="Only editors publish a programme.",
                        verbose_name="published",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "organization",
                    models.ForeignKey(
                        blank=True,
                        help_text="Whose plan it is.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="programmes",
                        to="projects.organization",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="projects.source",
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
                "permissions": [("publish_programme", "Can publish and unpublish programmes")],
            },
        ),
        migrations.AddField(
            model_name="project",
            name="programme",
            field=models.ForeignKey(
                blank=True,
                help_text="The company plan it is part of, if the source says so.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="projects",
                to="projects.programme",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["ceremony", "meeting", "signing", "other"])),
                name="event_known_kind",
                violation_error_message="Choose one of the listed kinds of event.",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(("precision__in", ["day", "month", "quarter", "year"])),
                name="event_known_precision",
                violation_error_message="Choose one of the listed precisions.",
            ),
        ),
        migrations.AddConstraint(
            model_name="attendance",
            constraint=models.UniqueConstraint(
                fields=("event", "person", "role"),
                name="one_attendance_per_person_and_role",
                violation_error_message="This person is already listed in this role at this event.",
            ),
        ),
        migrations.AddConstraint(
            model_name="programme",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("target_count__isnull", True),
                    models.Q(("target", ""), _negated=True),
                    _connector="OR",
                ),
                name="programme_count_says_what",
                violation_error_message="Say what the target count counts, e.g. “production bases”.",
            ),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
