"""Galleries: the pictures an article or a project shows and offers in its media kit."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.models.images import Image, needs_description


def social_image_field():
    """The picture that stands for an article or a project when it is shared (og:image),
    chosen instead of its lead or first picture."""
    return models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("social image"),
        help_text=_(
            "Optional: the picture shown when the page is shared, instead of its lead picture. "
            "It needs alt text (or to be marked decorative) to be used."
        ),
    )


class GalleryPicture(models.Model):
    """A picture in a gallery, in order. Each gallery adds its owner's foreign key (with the
    rule that an image appears once per owner), the image's foreign key (its related name,
    article_uses or project_uses, is not one Django's %(class)s placeholder can produce)
    and what makes its owner published."""

    order = models.PositiveSmallIntegerField(default=0, help_text=_("Lowest first."))

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    def __str__(self):
        return str(self.image)

    def owner_is_published(self):
        raise NotImplementedError

    def clean(self):
        try:
            published, image = self.owner_is_published(), self.image
        except ObjectDoesNotExist:
            return  # reported as a missing required field instead
        if published and not image.is_described:
            raise ValidationError({"image": needs_description(image)})


class ArticleImage(GalleryPicture):
    """A picture in an article's gallery and media kit, in order."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey(Image, on_delete=models.PROTECT, related_name="article_uses")

    class Meta(GalleryPicture.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="image_once_per_article")
        ]

    public_through = "article"  # shown on its page (newsroom/core/publishing.py)

    def owner_is_published(self):
        # Its status, not the clock: a scheduled or embargoed article will go out by itself.
        return self.article.status == self.article.Status.PUBLISHED
