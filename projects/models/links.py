"""What a project is linked to: its organisations and their roles, the articles about it,
and the addresses it used to have."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from newsroom.core.publishing import public_owner
from newsroom.models import Article
from newsroom.models.search_index import Indexed
from newsroom.models.workflow import address_in_use


class ProjectRedirect(models.Model):
    """An address a project used to have; visiting it redirects (301) to the current one."""

    old_slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="redirects")
    public_through = "project"  # shown on its page (newsroom/core/publishing.py)

    class Meta:
        verbose_name = _("project redirect")
        verbose_name_plural = _("project redirects")

    def __str__(self):
        return f"{self.old_slug} → {self.project.slug}"

    def clean(self):
        refusal = address_in_use(self._meta.get_field("project").related_model, self.old_slug)
        if refusal:
            raise ValidationError({"old_slug": refusal})


class ProjectOrganization(Indexed, models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner or sponsor")
        PARTNER = "partner", _("Partner")
        AUTHORITY = "authority", _("Public authority")
        CONTRACTOR = "contractor", _("Contractor")

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="roles")
    organization = models.ForeignKey("Organization", on_delete=models.PROTECT, related_name="roles")
    role = models.CharField(max_length=20, choices=Role, default=Role.OWNER)
    public_through = "project"  # shown on its page (newsroom/core/publishing.py)

    class Meta:
        ordering = ["role", "organization__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organization", "role"], name="organization_role_once"
            )
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"

    def search_followers(self):
        return [[self.project]]  # the project's document names its organisations


class ArticleProjectQuerySet(models.QuerySet):
    def published(self):
        """Links whose article the public may see, in the reader's language where the story
        has a version in it: announcements first, then updates, then mentions, newest first
        within each, with what an article card shows."""
        link_order = Case(
            *(When(link=link, then=n) for n, link in enumerate(ArticleProject.Link.values)),
        )
        return (
            self.filter(article__in=Article.objects.published().for_language(get_language()))
            .select_related("article__category", "article__lead_image")
            .order_by(link_order, "-article__publish_at")
        )


class ArticleProject(Indexed, models.Model):
    class Link(models.TextChoices):
        ANNOUNCES = "announces", _("Announces")
        UPDATES = "updates", _("Updates")
        MENTIONS = "mentions", _("Mentions")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="project_links")
    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="article_links")
    link = models.CharField(
        max_length=20,
        choices=Link,
        default=Link.MENTIONS,
        help_text=_(
            "Whether the article announces the project, reports an update, or mentions it."
        ),
    )

    objects = ArticleProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("article–project link")
        verbose_name_plural = _("article–project links")
        constraints = [
            models.UniqueConstraint(fields=["article", "project"], name="article_project_once")
        ]

    def __str__(self):
        return f"{self.article} {self.get_link_display().lower()} {self.project}"

    def search_followers(self):
        return [[self.article]]  # the article's document names its projects

    def public_owner(self):
        # Each page shows the link only once the other side is public too, so a draft may
        # link itself to a published project (newsroom/core/publishing.py).
        if not (self.project_id and self.article_id):
            return None
        both = public_owner(self.project) and public_owner(self.article)
        return self.article if both else None
