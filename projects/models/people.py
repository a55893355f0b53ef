"""Who took part in a project's events: people, the events (a ceremony, meeting or signing)
and each person's attendance, in a role and for an organisation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from newsroom.core.translated import DefaultLanguageColumns, OriginalColumnsQuerySet
from projects.dates import PreciseDate, Precision, precision_error
from projects.fields import local_name_language, local_name_language_rule
from projects.models.sources import with_cited_articles


class Person(DefaultLanguageColumns):
    """Someone a source names, with the title it gives them at the time."""

    name = models.CharField(max_length=200, help_text=_("As the source gives it."))
    local_name = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The name in the local language, if the source gives it."),
    )
    local_name_language = local_name_language()
    title = models.CharField(
        max_length=300,
        blank=True,
        help_text=_("The title the source gives, e.g. “Mayor of Wuhu”."),
    )

    objects = OriginalColumnsQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name_plural = _("people")
        constraints = [local_name_language_rule("person")]

    def __str__(self):
        return f"{self.name}, {self.title}" if self.title else self.name

    def public_owner(self):
        # Every published project page showing an event this person attended shows them.
        if self.pk is None:
            return None
        from projects.models.projects import Project

        return Project.objects.published().filter(events__attendances__person=self).first()


class Event(models.Model):
    class Kind(models.TextChoices):
        CEREMONY = "ceremony", _("Ceremony")
        MEETING = "meeting", _("Meeting")
        SIGNING = "signing", _("Signing")
        OTHER = "other", _("Other")

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="events")
    public_through = "project"  # shown on its page (newsroom/core/publishing.py)
    milestone = models.ForeignKey(
        "Milestone",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The milestone the event marks, e.g. the construction start."),
    )
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.MEETING)
    name = models.CharField(max_length=300, help_text=_("e.g. “Mobilisation meeting”."))
    date = models.DateField(
        help_text=_(
            "For a month, quarter, half-year or year, enter its first day and choose the precision."
        )
    )
    precision = models.CharField(max_length=10, choices=Precision, default=Precision.DAY)
    place = models.CharField(max_length=300, blank=True, help_text=_("Where it was held."))
    source = models.ForeignKey("Source", null=True, blank=True, on_delete=models.PROTECT)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["ceremony", "meeting", "signing", "other"]),
                name="event_known_kind",
                violation_error_message="Choose one of the listed kinds of event.",
            ),
            models.CheckConstraint(
                condition=Q(precision__in=Precision.values),
                name="event_known_precision",
                violation_error_message="Choose one of the listed precisions.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.when})" if self.date else self.name

    @property
    def when(self):
        return PreciseDate.of(self.date, self.precision)

    def clean(self):
        errors = {}
        if self.date and (message := precision_error(self.date, self.precision)):
            errors["date"] = message
        # A milestone of another project would put this event on two projects' timelines.
        if self.milestone_id and self.project_id and self.milestone.project_id != self.project_id:
            errors["milestone"] = "Choose a milestone of this event's project."
        if errors:
            raise ValidationError(errors)


class Attendance(models.Model):
    class Role(models.TextChoices):
        ATTENDED = "attended", _("Attended")
        SPOKE = "spoke", _("Spoke")
        ANNOUNCED = "announced", _("Announced")
        HOSTED = "hosted", _("Hosted")
        SIGNED = "signed", _("Signed")

    # Roles in which a person performs at the event rather than only attends (schema.org).
    PERFORMING = (Role.SPOKE, Role.ANNOUNCED, Role.SIGNED)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    public_through = "event"  # shown wherever its event is
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    role = models.CharField(max_length=20, choices=Role, default=Role.ATTENDED)
    organization = models.ForeignKey(
        "Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        help_text=_("The organisation the person acted for, if the source says."),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"],
                name="one_attendance_per_person_and_role",
                violation_error_message="This person is already listed in this role at this event.",
            ),
        ]

    def __str__(self):
        return f"{self.person.name}: {self.get_role_display().lower()}"

    @property
    def is_performer(self):
        return self.role in self.PERFORMING


def with_events(projects, to_attr=None):
    """`projects` with their events, each with its milestone, source and people: two
    queries for any number of events. `to_attr`: as a list there (Prefetch's)."""
    people = Attendance.objects.select_related("person", "organization")
    events = with_cited_articles(Event.objects.select_related("milestone")).prefetch_related(
        Prefetch("attendances", queryset=people)
    )
    return projects.prefetch_related(Prefetch("events", queryset=events, to_attr=to_attr))
