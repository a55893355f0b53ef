"""The project record's text translated per language (django-modeltranslation finds this
module). Figures, dates and codes are shared: one record, rendered per language."""

from modeltranslation.translator import TranslationOptions, register

from projects.models import Milestone, Organization, Person, Project


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ["name", "summary", "province", "city", "zone"]


# modeltranslation copies the directory's (name, id) index for each language's column; our
# queries stay on the original column (newsroom/core/translated.py), so the copies would
# only slow writes down.
Project._meta.indexes = [index for index in Project._meta.indexes if "-" not in index.name]


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ["title", "note"]


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ["title"]


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ["name", "description"]
