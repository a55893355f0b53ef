"""IPTC Media Topics, the news industry's subject vocabulary (CC BY 4.0, IPTC).

Loaded from IPTC's published JSON by `manage.py load_media_topics`; articles name them as
their subjects, and topic pages, ninjs and JSON-LD show them.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

QCODE = re.compile(r"^medtop:[0-9]{8}$")
QCODE_RULE = "A Media Topic code is “medtop:” followed by eight digits, e.g. medtop:04000000."
URI_BASE = "http://cv.iptc.org/newscodes/mediatopic/"


class MediaTopicQuerySet(models.QuerySet):
    def current(self):
        """Topics IPTC has not retired: the ones offered for new stories."""
        return self.filter(retired_at__isnull=True)

    def public(self):
        """Topics of at least one published article: each has a topic page."""
        from newsroom.models.articles import Article

        return self.filter(Exists(Article.objects.published().filter(subjects=OuterRef("pk"))))


class MediaTopic(models.Model):
    qcode = models.CharField(
        "code",
        max_length=20,
        unique=True,
        help_text=_("IPTC's code, e.g. medtop:04000000; the topic's address uses its digits."),
    )
    name = models.CharField("English label", max_length=200)
    name_zh_hans = models.CharField("Chinese label (简体)", max_length=200, blank=True)
    definition = models.TextField(blank=True, help_text=_("IPTC's definition, in English."))
    broader = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="narrower",
        help_text=_("The wider topic this one belongs to; none for the 17 top-level topics."),
    )
    retired_at = models.DateTimeField(
        "retired",
        null=True,
        blank=True,
        help_text=_(
            "When IPTC retired the topic. Retired topics stay on the stories that "
            "have them but are no longer offered for new ones."
        ),
    )

    objects = MediaTopicQuerySet.as_manager()

    class Meta:
        ordering = ["qcode"]
        verbose_name = _("media topic")
        verbose_name_plural = _("media topics")
        constraints = [
            models.CheckConstraint(
                condition=Q(qcode__startswith="medtop:"),
                name="media_topic_qcode_medtop",
                violation_error_message=QCODE_RULE,
            ),
            models.CheckConstraint(
                condition=Q(broader__isnull=True) | ~Q(broader=F("pk")),
                name="media_topic_not_its_own_broader",
                violation_error_message="A topic cannot be its own broader topic.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.qcode})"

    def get_absolute_url(self):
        return reverse("topic", kwargs={"code": self.code})

    def clean(self):
        if not QCODE.match(self.qcode or ""):
            raise ValidationError({"qcode": QCODE_RULE})
        if self.pk and self.broader_id == self.pk:
            raise ValidationError({"broader": _("A topic cannot be its own broader topic.")})

    @property
    def code(self):
        """The eight digits: the topic's address on this site."""
        return self.qcode.partition(":")[2]

    @property
    def uri(self):
        return f"{URI_BASE}{self.code}"

    @property
    def is_retired(self):
        return self.retired_at is not None

    def label(self, language="en"):
        """The label in `language` (a BCP 47 tag); English when there is none in it."""
        if language.lower().startswith("zh") and self.name_zh_hans:
            return self.name_zh_hans
        return self.name

    def public_owner(self):
        # Shared by articles like a tag: one public article using it makes it the editors'.
        if self.pk is None:
            return None
        return self.articles.exclude(status__in=["draft", "review"]).first()
