from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from newsroom.core.addresses import slug_path
from newsroom.core.translated import DefaultLanguageColumns, OriginalColumnsQuerySet
from newsroom.models.search_index import Indexed
from projects.fields import WebAddressField, local_name_language, local_name_language_rule


class OrganizationQuerySet(OriginalColumnsQuerySet):
    def public(self):
        """Organisations with a role in at least one published project."""
        from projects.models.projects import Project

        published = Project.objects.published().filter(roles__organization=OuterRef("pk"))
        return self.filter(Exists(published))

    def with_public_parent(self):
        """Each organisation's parent, and whether it is public, in the same query: what
        `Organization.public_parent` reads instead of asking the database."""
        from projects.models.projects import Project

        published = Project.objects.published().filter(roles__organization=OuterRef("parent"))
        return self.select_related("parent").annotate(parent_is_public=Exists(published))


class Organization(Indexed, DefaultLanguageColumns):
    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        SUBSIDIARY = "subsidiary", _("Subsidiary")
        GOVERNMENT = "government", _("Government body")
        OTHER = "other", _("Other")

    name = models.CharField(max_length=200)
    local_name = models.CharField(
        max_length=200, blank=True, help_text=_("The name in the local language, e.g. 奥克斯集团.")
    )
    local_name_language = local_name_language()
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.COMPANY)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    website = WebAddressField(blank=True)
    description = models.TextField(blank=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")),
                name="organization_not_own_parent",
                violation_error_message="An organisation cannot be its own parent.",
            ),
            local_name_language_rule("organization"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("organization", self.slug)

    def search_followers(self):
        return [self.projects.all()] if self.pk else []  # their documents name it

    @property
    def public_parent(self):
        """The parent, if the public may know of it; else None.

        A parent is named only when it is itself public (a role in a published project):
        one known only from an unpublished project could reveal that project's partner
        before it is announced, and its own page would be a 404 anyway.
        """
        if self.parent_id is None:
            return None
        is_public = getattr(self, "parent_is_public", None)  # from with_public_parent()
        if is_public is None:
            is_public = Organization.objects.public().filter(pk=self.parent_id).exists()
        return self.parent if is_public else None

    def public_owner(self):
        # Its page, every published project page (as a role or at an event) and its published
        # plans show it.
        if self.pk is None:
            return None
        from projects.models.programmes import Programme
        from projects.models.projects import Project

        shown = Q(roles__organization=self) | Q(events__attendances__organization=self)
        return (
            Project.objects.published().filter(shown).first()
            or Programme.objects.published().filter(organization=self).first()
        )

    def clean(self):
        seen = {self.pk}
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk in seen:
                raise ValidationError({"parent": _("An organisation cannot be its own ancestor.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
