from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffLanguage(models.Model):
    """The language a staff member reads the admin in; public pages follow their URL instead."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="staff_language",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("admin language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the admin for this account."),
    )

    class Meta:
        verbose_name = _("admin language")
        verbose_name_plural = _("admin languages")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(language__in=[code for code, _name in settings.LANGUAGES]),
                name="staff_language_is_offered",
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.get_language_display()}"
