"""Press contacts: who journalists call about a story or a project."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.models import Article, Image
from projects.models import Project


class PressContactQuerySet(models.QuerySet):
    def active(self):
        """The contacts the public may see: marked active; their photo joined."""
        return self.filter(is_active=True).select_related("photo")


class PressContact(models.Model):
    name = models.CharField(max_length=200, help_text=_("As it should be printed, e.g. “王芳”."))
    role = models.CharField(max_length=200, help_text=_("E.g. “Head of media relations”."))
    email = models.EmailField(blank=True)
    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text=_("In international form, e.g. “+86 21 5555 0100”."),
    )
    languages = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("The languages they answer in, e.g. “Chinese, English”."),
    )
    photo = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="press_contacts",
        help_text=_("From the image library; shown only once it has alt text."),
    )
    is_featured = models.BooleanField(
        "featured", default=False, help_text=_("Featured contacts come first on the contacts page.")
    )
    is_active = models.BooleanField(
        "active", default=True, help_text=_("Only active contacts are shown to the public.")
    )
    order = models.PositiveIntegerField(default=0, help_text=_("Smaller numbers come first."))
    articles = models.ManyToManyField(
        Article, through="ArticleContact", related_name="press_contacts", blank=True
    )
    projects = models.ManyToManyField(
        Project, through="ProjectContact", related_name="press_contacts", blank=True
    )

    public_flag = "is_active"  # public once active (newsroom/core/publishing.py)

    objects = PressContactQuerySet.as_manager()

    class Meta:
        ordering = ["-is_featured", "order", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""),
                name="press_contact_reachable",
                violation_error_message="Give an email address or a phone number (or both).",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.role})"

    def clean(self):
        # On a field, so that the form does not also report the constraint's own message.
        if not self.email and not self.phone:
            raise ValidationError(
                {"email": _("Give an email address or a phone number (or both).")}
            )

    def get_vcard_url(self):
        return reverse("press_vcard", kwargs={"pk": self.pk})


class ArticleContact(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="contact_links")
    contact = models.ForeignKey(PressContact, on_delete=models.CASCADE, related_name="+")
    public_through = "article"  # shown on its page (newsroom/core/publishing.py)

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "contact"],
                name="article_contact_once",
                violation_error_message="This contact is already listed for the article.",
            )
        ]

    def __str__(self):
        return str(self.contact)


class ProjectContact(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="contact_links")
    contact = models.ForeignKey(PressContact, on_delete=models.CASCADE, related_name="+")
    public_through = "project"

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "contact"],
                name="project_contact_once",
                violation_error_message="This contact is already listed for the project.",
            )
        ]

    def __str__(self):
        return str(self.contact)
