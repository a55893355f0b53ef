from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import (
    ListView,
    MonthArchiveView,
    TemplateView,
    YearArchiveView,
)

from newsroom.core import media
from newsroom.core.detail import WorkflowDetailView, private
from newsroom.core.feeds import feed_links
from newsroom.core.pagination import KeysFirstPaginator
from newsroom.importers.legacy import legacy_redirect_for
from newsroom.models import (
    Article,
    ArticleImage,
    Category,
    Correction,
    MediaTopic,
    PreviewLink,
    Tag,
)
from newsroom.models.notices import NOTICE_FIELDS
from newsroom.press.models import (
    Boilerplate,
    PressContact,
    PreviewOpening,
    with_press_office,
)
from projects.models import Project
from projects.models.people import with_events


class HomeView(TemplateView):
    template_name = "newsroom/home.html"

    def get(self, request, *args, **kwargs):
        # WordPress's plain links (/?p=123) of an imported site land here.
        return legacy_redirect_for(request) or super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        language = get_language()
        published = (
            Article.objects.published()
            .for_language(language)
            .select_related("category", "lead_image")
        )
        featured = list(published.filter(is_featured=True)[:3])
        latest = list(published.exclude(pk__in=[a.pk for a in featured])[:6])
        return super().get_context_data(
            featured=featured,
            # The first featured story leads; the others join the latest in the grid.
            more_news=featured[1:] + latest,
            projects=Project.objects.published().with_facts().order_by("-updated_at")[:6],
            contacts=PressContact.objects.active()[:3],
            about=Boilerplate.for_language(language),
            **kwargs,
        )


class ArticleListView(ListView):
    """The news list; category, tag and archive pages narrow it down."""

    template_name = "newsroom/article_list.html"
    context_object_name = "articles"
    paginate_by = settings.NEWS_PAGE_SIZE
    paginator_class = KeysFirstPaginator
    heading = "News"
    intro = ""
    feed = None  # the URL name of this page's own feeds, e.g. "category" for category_rss

    def get_queryset(self):
        return Article.objects.published().for_language(get_language()).for_listing()

    def get_context_data(self, **kwargs):
        feeds = {}
        if self.feed:
            feeds = feed_links(self.feed, self.kwargs["slug"], self.heading)
        return super().get_context_data(
            heading=self.heading, intro=self.intro, feeds=feeds, **kwargs
        )


class CategoryView(ArticleListView):
    feed = "category"

    def get_queryset(self):
        category = get_object_or_404(Category, slug=self.kwargs["slug"])
        self.heading, self.intro = category.name, category.description
        return super().get_queryset().filter(category=category)


class TagView(ArticleListView):
    feed = "tag"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # People type tags as they read them (/news/tag/Compressor/): send them on.
            tag = Tag.objects.public().filter(slug__iexact=kwargs["slug"]).first()
            if tag is None:
                raise
            return HttpResponsePermanentRedirect(tag.get_absolute_url())

    def get_queryset(self):
        tag = get_object_or_404(Tag.objects.public(), slug=self.kwargs["slug"])
        self.heading = f"Tagged “{tag.name}”"
        return super().get_queryset().filter(tags=tag)


class TopicView(ArticleListView):
    """The published stories on one IPTC Media Topic, addressed by its code's digits."""

    def get_queryset(self):
        code = self.kwargs["code"]
        topic = get_object_or_404(MediaTopic.objects.public(), qcode=f"medtop:{code}")
        self.heading = f"Topic: {topic.name}"
        self.intro = topic.definition or f"Stories about {topic.name}, an IPTC Media Topic."
        return super().get_queryset().filter(subjects=topic)


class AuthorView(ArticleListView):
    """The stories of one name in the bylines: the page a NewsArticle's author links to."""

    allow_empty = False

    def get_queryset(self):
        name = self.kwargs["name"].strip()
        self.heading = f"Stories by {name}"
        return super().get_queryset().filter(Article.byline_names(name))


class ArchiveMixin:
    date_field = "publish_at"
    allow_empty = False
    make_object_list = True
    paginate_by = settings.NEWS_PAGE_SIZE
    paginator_class = KeysFirstPaginator
    context_object_name = "articles"
    template_name = "newsroom/article_archive.html"

    def get_queryset(self):
        # Also asked for the neighbouring periods' first article, which needs only its date.
        return Article.objects.published().for_language(get_language())

    def get_dated_queryset(self, **lookup):
        return super().get_dated_queryset(**lookup).for_listing()


class YearArchive(ArchiveMixin, YearArchiveView):
    pass


class MonthArchive(ArchiveMixin, MonthArchiveView):
    month_format = "%m"


def article_page(queryset):
    """An article with everything its page shows, in a constant number of queries; its
    press contacts and coverage (newsroom/press), the boilerplate in the article's own row."""
    queryset = with_press_office(queryset, about=True)
    return queryset.select_related("category", "lead_image").prefetch_related(
        "tags",
        "subjects",
        "corrections",
        Prefetch("gallery", queryset=ArticleImage.objects.select_related("image")),
        Prefetch(
            "projects", queryset=with_events(Project.objects.published().with_facts().with_roles())
        ),
        Prefetch(
            "related_articles",
            queryset=Article.objects.published().select_related("category", "lead_image"),
        ),
    )


class ArticleDetailView(WorkflowDetailView):
    model = Article
    redirects = "redirects"
    address_fields = ("slug", "language")
    template_name = "newsroom/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return article_page(super().get_queryset())

    def get_context_data(self, **kwargs):
        # Read by the JSON-LD (workTranslation) as well as by the hreflang links.
        article = self.object
        article.translations = article.visible_translations()
        absolute = self.request.build_absolute_uri
        versions = {a.language: a for a in (article, *article.translations)}
        alternates = {
            code: absolute(versions[code].get_absolute_url())
            for code, _name in settings.LANGUAGES
            if code in versions
        }
        # Without a version in a language, the switcher lands on that language's news.
        return super().get_context_data(alternates=alternates, language_fallback="news", **kwargs)

    def render_to_response(self, context, **kwargs):
        # Found by its slug under another language's prefix: send the reader to its version
        # in that language if it has a published one, else to its own address.
        if self.object.language != get_language():
            versions = {a.language: a for a in self.object.translations}
            target = versions.get(get_language(), self.object).get_absolute_url()
            if target != self.request.path:
                return HttpResponseRedirect(target)
        return super().render_to_response(context, **kwargs)

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            gone = Article.objects.gone().filter(slug=kwargs["slug"]).only(*NOTICE_FIELDS).first()
            if gone is None:
                raise
            # 410: those who linked or took the story learn it is gone on purpose. A taken-down
            # story's notice names nothing of it.
            context = {"article": gone, "taken_down": gone.status == Article.Status.TAKEN_DOWN}
            return render(request, "newsroom/article_gone.html", context, status=410)


class CorrectionsLogView(ListView):
    """The public log of every correction and update, as the corrections policy promises."""

    template_name = "newsroom/corrections_log.html"
    context_object_name = "corrections"
    paginate_by = settings.NEWS_PAGE_SIZE

    def get_queryset(self):
        return Correction.objects.public()

    def get_context_data(self, **kwargs):
        feeds = {"rss": reverse("corrections_rss"), "atom": reverse("corrections_atom")}
        return super().get_context_data(feeds={**feeds, "title": "Corrections"}, **kwargs)


def preview(request, token):
    """An unpublished or embargoed article shown through a signed, expiring, revocable link."""
    link = PreviewLink.from_token(token)
    if link is None:
        raise Http404("This preview link is invalid, has expired or was revoked.")
    article = article_page(Article.objects.filter(pk=link.article_id)).get()
    PreviewOpening.record(link, request.headers.get("User-Agent", ""))
    context = {"article": article, "preview_link": link, "staff_preview": True}
    with translation.override(article.language):  # the reviewer reads the page as readers will
        return private(render(request, "newsroom/article_detail.html", context))


def article_media_kit(request, slug):
    """A ZIP of the article's pictures with their credits, for the press."""
    return media.media_kit(request, Article.objects.with_pictures(), slug)
