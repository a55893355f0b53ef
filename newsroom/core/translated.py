"""Per-field translations (django-modeltranslation) that leave queries and the original
columns in the default language.

modeltranslation adds `name_en`, `name_zh_hans`… beside `name` and reads `obj.name` in the
active language, falling back to English. Two of its defaults fight our rules, so the
translated models opt out of them here:
- it rewrites `filter(name=…)` and `order_by("name")` to the active language's column,
  which holds NULL until someone translates it: keyset paging, taggit's lookups by name
  and the case-insensitive tag rule would all see a different, partial column per
  language. `OriginalColumnsQuerySet` keeps every query on the original column;
- it saves into the original column whatever the active language reads, so a record
  saved from the Chinese admin would store Chinese there. `DefaultLanguageColumns` saves
  in the default language, so the original column always equals `<field>_en`.
"""

from django.conf import settings
from django.db import models
from django.utils import translation


class OriginalColumnsQuerySet(models.QuerySet):
    def _post_init(self):
        # modeltranslation's hook on its querysets; without rewriting, lookups and
        # ordering name the original (default-language) column.
        self._rewrite = False
        self._populate = None


class DefaultLanguageColumns(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        if exclude:
            exclude = {
                name
                for name in exclude
                if f"{name}_{default}" in exclude
                or not any(
                    field.name == f"{name}_{default}" for field in self._meta.concrete_fields
                )
            }
        super().validate_constraints(exclude=exclude)
