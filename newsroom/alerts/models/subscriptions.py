"""Who asked for which alerts, and whether they confirmed the address."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.models import Article

# An address must be confirmed within this time, or the sweep deletes it.
CONFIRMATION_HOURS = 48


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def expired(self, now=None):
        """Sign-ups nobody confirmed within CONFIRMATION_HOURS: the sweep deletes them."""
        cutoff = (now or timezone.now()) - datetime.timedelta(hours=CONFIRMATION_HOURS)
        return self.filter(confirmed_at__isnull=True, created_at__lt=cutoff)

    def for_article(self, article):
        """Confirmed subscriptions an article matches: all news, its category, one of its
        tags or one of its projects; a reader whose language the story has a published
        version in gets that version, not this one (one alert per story, in their language)."""
        theirs = (
            Article.objects.published()
            .filter(translation_group=article.translation_group)
            .exclude(pk=article.pk)
            .values("language")
        )
        return (
            self.confirmed()
            .filter(
                Q(scope=Subscription.Scope.ALL)
                | Q(scope=Subscription.Scope.CATEGORY, category_id=article.category_id)
                | Q(scope=Subscription.Scope.TAG, tag__in=article.tags.all())
                | Q(scope=Subscription.Scope.PROJECT, project__article_links__article=article)
            )
            .exclude(language__in=theirs)
        )


class Subscription(models.Model):
    class Scope(models.TextChoices):
        ALL = "all", _("All news")
        CATEGORY = "category", _("A category")
        TAG = "tag", _("A tag")
        PROJECT = "project", _("A project")

    email = models.EmailField(max_length=254)
    language = models.CharField(
        _("language"),
        max_length=12,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the page the reader signed up on: their alerts' language."),
    )
    scope = models.CharField(max_length=20, choices=Scope, default=Scope.ALL)
    category = models.ForeignKey(
        "newsroom.Category", null=True, blank=True, on_delete=models.CASCADE
    )
    tag = models.ForeignKey("newsroom.Tag", null=True, blank=True, on_delete=models.CASCADE)
    project = models.ForeignKey("projects.Project", null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text=f"Empty until the address is confirmed; deleted after {CONFIRMATION_HOURS} hours.",
    )
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    signup_ip = models.GenericIPAddressField(null=True, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(scope="all", category=None, tag=None, project=None)
                    | Q(scope="category", category__isnull=False, tag=None, project=None)
                    | Q(scope="tag", tag__isnull=False, category=None, project=None)
                    | Q(scope="project", project__isnull=False, category=None, tag=None)
                ),
                name="subscription_scope_names_its_subject",
            ),
            models.UniqueConstraint(
                fields=["email"], condition=Q(scope="all"), name="subscription_all_once"
            ),
            models.UniqueConstraint(
                fields=["email", "category"],
                condition=Q(scope="category"),
                name="subscription_category_once",
            ),
            models.UniqueConstraint(
                fields=["email", "tag"], condition=Q(scope="tag"), name="subscription_tag_once"
            ),
            models.UniqueConstraint(
                fields=["email", "project"],
                condition=Q(scope="project"),
                name="subscription_project_once",
            ),
        ]
        indexes = [models.Index(fields=["signup_ip", "confirmation_sent_at"])]

    def __str__(self):
        return f"{self.email}: {self.subject_name}"

    # No public page shows a subscription (newsroom/core/publishing.py).
    def public_owner(self):
        return None

    @property
    def subject(self):
        return {"category": self.category, "tag": self.tag, "project": self.project}.get(self.scope)

    @property
    def subject_name(self):
        subject = self.subject
        return (
            f"{self.get_scope_display().removeprefix('A ')} “{subject}”" if subject else "all news"
        )

    def clean(self):
        wanted = {"category": "category", "tag": "tag", "project": "project"}.get(self.scope)
        for name in ("category", "tag", "project"):
            chosen = getattr(self, f"{name}_id") is not None
            if name == wanted and not chosen:
                raise ValidationError({name: f"Choose the {name} to follow."})
            if name != wanted and chosen:
                raise ValidationError(
                    {name: f"A subscription to {self.get_scope_display().lower()} names no {name}."}
                )

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None
