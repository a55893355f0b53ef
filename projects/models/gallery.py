from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models

from newsroom.models import Image
from newsroom.models.images import needs_description


class ProjectImage(models.Model):
    """A picture in a project's gallery and media kit, in order."""

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey(Image, on_delete=models.PROTECT, related_name="project_uses")
    order = models.PositiveSmallIntegerField(default=0, help_text="Lowest first.")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "gallery image"
        constraints = [
            models.UniqueConstraint(fields=["project", "image"], name="image_once_per_project")
        ]

    def __str__(self):
        return str(self.image)

    def clean(self):
        try:
            project, image = self.project, self.image
        except ObjectDoesNotExist:
            return
        if project.is_published and not image.is_described:
            raise ValidationError({"image": needs_description(image)})
