"""Articles in several languages: each translation is its own row (drafted, reviewed,
scheduled, embargoed and published on its own), linked to its siblings by a shared
`translation_group`. A plain UUID rather than a group model: a group has nothing of its
own to store, and siblings are then one indexed filter with no join and no orphan rows."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from newsroom.core.addresses import slug_path

TRANSLATION_CONSTRAINTS = [
    models.UniqueConstraint(
        fields=["translation_group", "language"],
        # Its index (group first) also answers "the siblings of this article".
        name="article_one_per_language_in_group",
        violation_error_message=_("This story already has a translation in that language."),
    ),
]


def readable_slug(text, fallback="article"):
    """A slug people can read: Chinese characters spelt in tone-less pinyin (武汉 → wu-han),
    everything else as Django slugifies it; never empty."""
    # Imported here: its dictionaries take about 57 MB, and only saving a story needs them,
    # not every web worker.
    from pypinyin import lazy_pinyin

    spelt = " ".join(lazy_pinyin(text, errors="default"))
    return slugify(spelt)[:190].strip("-") or fallback


class TranslationQuerySet(models.QuerySet):
    def in_language(self, code):
        """Only the articles written in this language (the API's ?lang=)."""
        return self.filter(language=code)

    def for_language(self, code):
        """What a reader of `code` is shown in lists and feeds: the articles in that language,
        plus those in another language that have no published sibling in it, so a Chinese
        reader still sees English-only news. One NOT EXISTS subquery, no extra query."""
        sibling = self.model.objects.published().filter(
            translation_group=OuterRef("translation_group"), language=code
        )
        return self.filter(Q(language=code) | ~Exists(sibling))

    def translations_of(self, article):
        """The other articles of its translation group (narrow with published() first)."""
        return self.filter(translation_group=article.translation_group).exclude(pk=article.pk)


class Translatable(models.Model):
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the article is written in; its address carries it."),
    )
    translation_group = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        help_text=_("Articles sharing this value are translations of one story."),
    )

    class Meta:
        abstract = True

    def get_absolute_url(self):
        # Its own language's address (/zh-hans/…), whatever language the page linking it is in.
        return slug_path("article", self.slug, self.language)

    def visible_translations(self):
        """Its siblings the public may see, in the order of LANGUAGES: never an embargoed,
        scheduled or draft one (it would leak through this page's links)."""
        siblings = type(self).objects.published().translations_of(self)
        siblings = siblings.only("slug", "language", "title", "publish_at", "translation_group")
        order = [code for code, _name in settings.LANGUAGES]
        return sorted(siblings, key=lambda a: order.index(a.language))

    def fill_slug(self):
        """A blank slug (the admin prefills it only with JavaScript) is made from the title,
        numbered if another article has it."""
        if not self.slug:
            self.slug = self.free_slug(readable_slug(self.title))

    def free_slug(self, stem):
        """`stem`, or stem-2, stem-3…: the first that no other article has, now or as an
        old address (which redirects to it). The admin's translations and the importers
        both take their addresses here."""
        redirects = self._meta.get_field("redirects").related_model
        others = type(self).objects.exclude(pk=self.pk)
        taken = set(others.filter(slug__startswith=stem).values_list("slug", flat=True))
        taken |= set(
            redirects.objects.filter(old_slug__startswith=stem)
            .exclude(article=self.pk)
            .values_list("old_slug", flat=True)
        )
        slug, n = stem, 1
        while slug in taken:
            n += 1
            slug = f"{stem}-{n}"
        return slug

    # Copied into a new translation: what the story is about and shows, not its words'
    # state. The title and text are copied too, as the translator's starting point.
    COPIED_FIELDS = ("title", "subtitle", "summary", "body", "dateline", "byline")
    COPIED_FIELDS += ("category_id", "lead_image_id")

    @transaction.atomic
    def start_translation(self, language, user=None):
        """The new draft sibling in `language`: same group, category, tags, subjects and
        pictures; its own slug, status and schedule. Refused (ValidationError) if the
        group has that language already."""
        draft = type(self)(language=language, translation_group=self.translation_group)
        for name in self.COPIED_FIELDS:
            setattr(draft, name, getattr(self, name))
        draft.slug = draft.free_slug(f"{self.slug[:180]}-{language}")
        draft.created_by = user
        errors = draft.translation_errors()
        if errors:
            raise ValidationError(errors)
        draft.save()
        draft.tags.set(self.tags.all())
        draft.subjects.set(self.subjects.all())
        self.gallery.model.objects.bulk_create(
            type(row)(article=draft, image_id=row.image_id, order=row.order)
            for row in self.gallery.all()
        )
        return draft

    def translation_errors(self):
        taken = type(self).objects.filter(
            translation_group=self.translation_group, language=self.language
        )
        if self.language and taken.exclude(pk=self.pk).exists():
            return {"language": _("This story already has a translation in that language.")}
        return {}
