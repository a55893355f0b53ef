import copy

import reversion
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from newsroom.admin.filters import PendingFilter
from newsroom.admin.notices import NoticeActionsMixin
from newsroom.admin.previews import PreviewLinkInline
from newsroom.admin.search import IndexedSearchAdmin
from newsroom.admin.translations import MissingTranslationFilter, TranslationAdminMixin
from newsroom.alerts import services as alerts
from newsroom.core.accessibility import LabelledTabularInline
from newsroom.core.gallery_admin import GalleryInline, thumbnail_html
from newsroom.core.locking import SafeConcurrencyAdminMixin, VersionedForm
from newsroom.core.pagination import LargeTableAdmin
from newsroom.core.publishing import (
    PublishingAdminMixin,
    can_publish,
    record_transition,
)
from newsroom.core.revisions import RevisionAdmin
from newsroom.core.security import NoncedMediaAdminMixin
from newsroom.core.seo_admin import SEO_FIELDSET
from newsroom.models import (
    Article,
    ArticleImage,
    Correction,
    PreviewLink,
    Tag,
    TaggedArticle,
)
from newsroom.models.notices import RETRACTED
from newsroom.models.workflow import WRITER_STATUSES, ArticleRedirect, describe_transition
from projects.models import ArticleProject


class ArticleProjectInline(LabelledTabularInline):
    model = ArticleProject
    extra = 0
    autocomplete_fields = ["article", "project"]


# A revision of an article holds its tags, project links, corrections and gallery too.
reversion.register(Tag)
reversion.register(TaggedArticle, follow=["tag"])
reversion.register(ArticleProject)
reversion.register(Correction)
reversion.register(ArticleImage)
reversion.register(Article, follow=["taggedarticle_set", "project_links", "corrections", "gallery"])


class ArticleImageInline(GalleryInline):
    model = ArticleImage


class CorrectionInline(admin.StackedInline):
    model = Correction
    extra = 0
    view_on_site = False  # the note is on the article's own page, which the form links to


class ArticleForm(VersionedForm):
    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        taken = ArticleRedirect.objects.filter(old_slug=slug).exclude(article=self.instance.pk)
        redirect = taken.select_related("article").first()
        # Saving would drop the redirect (VersionedContent.keep_old_address): old links to a
        # published story would land here. Editors may decide to reuse the address.
        if redirect and not self.can_publish and redirect.article.public_owner():
            raise ValidationError(
                f"“{slug}” is the old address of the published article “{redirect.article}”; "
                "links to it still lead there. Choose another address, or ask an editor."
            )
        return slug

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status and not self.can_publish and status not in WRITER_STATUSES:
            raise ValidationError(
                _(
                    "You do not have permission to publish or archive; submit the article for "
                    "review and an editor will publish it."
                )
            )
        return cleaned


@admin.register(Article)
class ArticleAdmin(
    IndexedSearchAdmin,
    TranslationAdminMixin,
    NoticeActionsMixin,
    LargeTableAdmin,
    NoncedMediaAdminMixin,
    PublishingAdminMixin,
    SafeConcurrencyAdminMixin,
    RevisionAdmin,
):
    form = ArticleForm
    change_list_template = "admin/newsroom/article/change_list.html"  # says when a search is capped
    shared_models = (Tag,)  # other articles show them: a revert must not rename or delete one
    publish_fields = ["publish_at", "unpublish_at", "embargo_until", "is_featured"]
    list_display = [
        "title",
        "thumbnail",
        "category",
        "status",
        "visibility",
        "publish_at",
        "is_featured",
        "tag_list",
        "language",
        "translations",
    ]
    list_display_links = ["title"]
    list_filter = ["status", "is_featured", "category", "publish_at", "language"]
    list_filter += [MissingTranslationFilter, PendingFilter]
    list_select_related = ["category", "lead_image"]
    search_fields = ["title", "subtitle", "summary", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["category", "subjects", "related_articles", "lead_image", "social_image"]
    readonly_fields = [
        *("created_at", "updated_at", "content_changed_at", "created_by", "lead_image_preview"),
        *("distribution_log", "retracted_at", "retraction_reason"),
    ]
    inlines = [ArticleImageInline, ArticleProjectInline, CorrectionInline, PreviewLinkInline]
    actions = ["submit_for_review", "publish_now", "unpublish", "archive", "withdraw", "take_down"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "language", "subtitle", "summary", "body"]}),
        (_("Reporting"), {"fields": ["dateline", "byline", "category", "subjects", "tags"]}),
        (_("Lead image"), {"fields": ["lead_image", "lead_image_preview"]}),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "publish_at",
                    "unpublish_at",
                    "embargo_until",
                    "is_featured",
                    "distribution_log",
                ]
            },
        ),
        (
            "Disclosure (listed companies)",
            {"fields": ["price_sensitive", "exchange_filed_at"]},
        ),
        (_("Withdrawn or taken down"), {"fields": ["retracted_at", "retraction_reason"]}),
        (_("Related"), {"classes": ["collapse"], "fields": ["related_articles"]}),
        SEO_FIELDSET,
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": ["created_at", "updated_at", "content_changed_at", "created_by"],
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    def get_form(self, request, obj=None, change=False, **kwargs):
        request._article_status = obj.status if obj is not None else None
        form = super().get_form(request, obj, change, **kwargs)
        form.can_publish = can_publish(request.user, self.model)
        return form

    def get_fieldsets(self, request, obj=None):
        # The withdrawal's record only where there is one.
        shown = obj is not None and obj.retracted_at is not None
        return [
            f
            for f in super().get_fieldsets(request, obj)
            if shown or "retracted_at" not in f[1]["fields"]
        ]

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status":
            # Withdrawing and taking down ask for a reason: the changelist's actions do.
            current = getattr(request, "_article_status", None)
            allowed = WRITER_STATUSES if not can_publish(request.user, self.model) else None
            kwargs["choices"] = [
                c
                for c in db_field.choices
                if (allowed is None or c[0] in allowed)
                and (c[0] not in RETRACTED or c[0] == current)
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        before = type(obj).objects.get(pk=obj.pk) if change else None
        super().save_model(request, obj, form, change)
        record_transition(self, request, obj, describe_transition(obj, before))
        # Just published or scheduled: alerts go out when it is public, once.
        alerts.article_saved(obj, before)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Tags are set after the article's save(): its search document names them.
        form.instance.refresh_search_document()

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, PreviewLink) and instance.created_by_id is None:
                instance.created_by = request.user
        formset.save()
        for instance in formset.new_objects:
            if isinstance(instance, Correction):
                # Those who received the story hear of its correction.
                alerts.story_event(
                    form.instance, "article.updated", key=f"correction-{instance.pk}"
                )

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        return thumbnail_html(obj.lead_image, width=64)

    @admin.display(description=_("chosen picture"))
    def lead_image_preview(self, obj):
        image = obj.lead_image if obj.lead_image_id else None
        if image is None:
            return "None. Choose one from the library, or add one with the + button."
        state = "decorative" if image.is_decorative else (image.alt_text or "NO ALT TEXT YET")
        return format_html("{} <br>Alt text: {}", thumbnail_html(image, width=192), state)

    @admin.display(description=_("alerts sent"))
    def distribution_log(self, obj):
        if obj.pk is None:
            return "Subscribers and webhooks are alerted when the article is public."
        url = reverse("admin:alerts_delivery_changelist") + f"?article={obj.pk}"
        return format_html('<a href="{}">Distribution log: who received it, and how</a>', url)

    @admin.display(description=_("tags"))
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all())

    @admin.display(description=_("public"))
    def visibility(self, obj):
        return obj.visibility

    def _move(self, request, queryset, status, **fields):
        moved = 0
        # Lock the articles only: PostgreSQL cannot lock the optional lead image's side of
        # the change list's outer join.
        for article in queryset.select_for_update(of=("self",)):
            before = copy.copy(article)
            article.status = status
            for name, value in fields.items():
                setattr(article, name, value)
            with reversion.create_revision():
                reversion.set_user(request.user)
                article.save()
                record_transition(self, request, article, describe_transition(article, before))
            alerts.article_saved(article, before)
            moved += 1
        self.message_user(request, f"{moved} article(s) now {status}.", messages.SUCCESS)

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._move(request, queryset.filter(status=Article.Status.DRAFT), Article.Status.REVIEW)

    @admin.action(description=_("Publish now"), permissions=["publish"])
    def publish_now(self, request, queryset):
        blocked = [article for article in queryset if article.undescribed_images().exists()]
        for article in blocked:
            missing = ", ".join(f"“{image}”" for image in article.undescribed_images())
            self.message_user(
                request,
                f"“{article}” was not published: its pictures {missing} need alt text first "
                "(or to be marked decorative).",
                messages.ERROR,
            )
        now = timezone.now()
        for article in queryset.filter(price_sensitive=True):
            if refusal := article.disclosure_refusal(goes_live=now):
                self.message_user(
                    request, f"“{article}” was not published. {refusal}", messages.ERROR
                )
                blocked.append(article)
        ready = queryset.exclude(pk__in=[article.pk for article in blocked])
        self._move(request, ready, Article.Status.PUBLISHED, publish_at=timezone.now())

    @admin.action(description=_("Unpublish (back to draft)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._move(request, queryset, Article.Status.DRAFT)

    @admin.action(description=_("Archive"), permissions=["publish"])
    def archive(self, request, queryset):
        self._move(request, queryset, Article.Status.ARCHIVED)
