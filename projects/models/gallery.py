from django.db import models

from newsroom.models import Image
from newsroom.models.gallery import GalleryPicture


class ProjectImage(GalleryPicture):
    """A picture in a project's gallery and media kit, in order."""

    project = models.ForeignKey("Project", on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey(Image, on_delete=models.PROTECT, related_name="project_uses")

    class Meta(GalleryPicture.Meta):
        constraints = [
            models.UniqueConstraint(fields=["project", "image"], name="image_once_per_project")
        ]

    public_through = "project"  # shown on its page (newsroom/core/publishing.py)

    def owner_is_published(self):
        return self.project.is_published
