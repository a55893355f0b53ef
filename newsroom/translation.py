"""The news app's fields translated per language (django-modeltranslation finds this module).

Blank translations are stored as NULL, not "": the names are unique, and a second
untranslated row must not collide with the first on an empty string.
"""

from modeltranslation.translator import TranslationOptions, register

from newsroom.models import Category, Tag


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ["name", "description"]
    empty_values = {"name": None}


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ["name"]
    empty_values = {"name": None}
