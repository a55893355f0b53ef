"""The article admin's translations: "Translate this article" (a button on the form and a
change-list action per language), a column of the translations each story has and their
state, and a "missing a translation" filter. The new draft comes from the model's one entry
point (Article.start_translation); writers may start one, since a draft is on no page."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from newsroom.models import Article

LANGUAGE_NAMES = dict(settings.LANGUAGES)
# What the column needs of each sibling: its language and its state (Article.visibility).
STATE_FIELDS = ("language", "translation_group", "status", "publish_at")
STATE_FIELDS += ("unpublish_at", "embargo_until")


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing a translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, _("in %(name)s") % {"name": name}) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        code = self.value()
        if code not in LANGUAGE_NAMES:
            return queryset  # an unknown value narrows nothing
        siblings = Article.objects.filter(translation_group=OuterRef("translation_group"))
        return queryset.exclude(language=code).exclude(Exists(siblings.filter(language=code)))


class TranslationsChangeList(ChangeList):
    """The page's rows get their siblings in one query, for the translations column."""

    def get_results(self, request):
        super().get_results(request)
        rows = list(self.result_list)
        groups = {row.translation_group for row in rows}
        found = {}
        for sibling in Article.objects.filter(translation_group__in=groups).only(*STATE_FIELDS):
            found.setdefault(sibling.translation_group, []).append(sibling)
        for row in rows:
            row.siblings = [s for s in found.get(row.translation_group, []) if s.pk != row.pk]
        self.result_list = rows


def translate_action(code, name):
    def action(model_admin, request, queryset):
        return model_admin.translate(request, list(queryset), code)

    action.__name__ = f"translate_to_{code.replace('-', '_')}"
    description = _("Translate into %(name)s (a new draft)") % {"name": name}
    return admin.action(description=description, permissions=["add"])(action)


class TranslationAdminMixin:
    def get_changelist(self, request, **kwargs):
        return TranslationsChangeList

    def get_actions(self, request):
        actions = super().get_actions(request)
        for code, name in settings.LANGUAGES:
            action = translate_action(code, name)
            if self.has_add_permission(request):
                actions[action.__name__] = (action, action.__name__, action.short_description)
        return actions

    def get_urls(self):
        translate = self.admin_site.admin_view(self.translate_view)
        own = [path("<int:pk>/translate/", translate, name="newsroom_article_translate")]
        return own + super().get_urls()

    def translate_view(self, request, pk):
        """POST from the form's "Translate this article" button: the draft, opened."""
        if request.method != "POST" or not self.has_add_permission(request):
            raise PermissionDenied
        source = get_object_or_404(Article, pk=pk)
        made = self.translate(request, [source], request.POST.get("language", ""))
        return made or redirect(self.change_url(source))  # refused: back, with the message

    def translate(self, request, sources, code):
        if code not in LANGUAGE_NAMES:
            self.message_user(request, _("Choose one of the site's languages."), messages.ERROR)
            return None
        made = []
        for source in sources:
            try:
                draft = source.start_translation(code, request.user)
            except ValidationError as refusal:
                text = " ".join(refusal.messages)
                self.message_user(request, f"“{source}”: {text}", messages.WARNING)
                continue
            made.append(draft)
            self.log_addition(request, draft, f"Started as a translation of “{source}”.")
        if len(made) == 1:
            self.message_user(request, _("Translation started: a draft to fill in."))
            return redirect(self.change_url(made[0]))
        if made:
            self.message_user(request, _("%(n)d translations started.") % {"n": len(made)})
        return redirect(reverse("admin:newsroom_article_changelist")) if made else None

    def change_url(self, article):
        return reverse("admin:newsroom_article_change", args=[article.pk])

    @admin.display(description=_("translations"))
    def translations(self, obj):
        siblings = getattr(obj, "siblings", [])
        if not siblings:
            return "—"
        rows = ((LANGUAGE_NAMES.get(s.language, s.language), s.visibility) for s in siblings)
        return format_html_join(", ", "{}: {}", rows)

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        obj = context.get("original")
        if obj is not None and obj.pk and self.has_add_permission(request):
            taken = {
                obj.language,
                *Article.objects.translations_of(obj).values_list("language", flat=True),
            }
            context["translate_into"] = [
                (code, name) for code, name in settings.LANGUAGES if code not in taken
            ]
            context["translate_url"] = reverse("admin:newsroom_article_translate", args=[obj.pk])
        return super().render_change_form(request, context, add, change, **kwargs)
