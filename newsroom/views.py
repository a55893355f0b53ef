from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch
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

from newsroom import clock
from newsroom.core import fragments, media
from newsroom.core.detail import WorkflowDetailView, private
from newsroom.core.feeds import feed_links
from newsroom.core.pagination import KeysFirstPaginator
from newsroom.core.prefetch import prefetch_present, with_presence
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
    press_office,
    with_about,
)
from projects.models import Project
from projects.models.people import with_events


class HomeView(TemplateView):
    template_name = "newsroom/home.html"

    def get(self, request, *args, **kwargs):
        # WordPress's plain links (/?p=123) of an imported site land here.
        return legacy_redirect_for(request) or super().get(request, *args, **kwargs)

    @staticmethod
    def recent_projects():
        return list(Project.objects.published().with_facts().order_by("-updated_at")[:6])

    def get_context_data(self, **kwargs):
        language = get_language()
        published = (
            Article.objects.published()
            .for_language(language)
            .select_related("category", "lead_image")
        )
        # Kept until the next content change or the next scheduled one (newsroom/clock.py).
        featured = clock.remembered(
            ("home-featured",), lambda: list(published.filter(is_featured=True)[:3])
        )
        latest = clock.remembered(
            ("home-latest",),
            lambda: list(published.exclude(pk__in=[a.pk for a in featured])[:6]),
        )
        return super().get_context_data(
            featured=featured,
            # The first featured story leads; the others join the latest in the grid.
            more_news=featured[1:] + latest,
            # None of these changes by the clock, so they are read once per generation.
            projects=fragments.remembered(("home-projects",), self.recent_projects),
            contacts=fragments.remembered(
                ("home-contacts",), lambda: list(PressContact.objects.active()[:3])
            ),
            # In a list, so that a site with no boilerplate is remembered too.
            about=fragments.remembered(
                ("home-about",), lambda: [Boilerplate.for_language(language)]
            )[0],
            **kwargs,
        )


def published_archive():
    """The archive's months in the reader's language, kept until the published set changes."""
    published = Article.objects.published().for_language(get_language())
    return clock.remembered(("archive",), published.archive)


class KeptPages:
    """Every page of a story list, its rows and its count, is the same for every reader of
    its language until the published set changes (newsroom/clock.py): read once, then kept.
    Every page of one list (?page=N) shares its address's count."""

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        paginator.count = clock.remembered(("list-count", self.request.path), queryset.count)
        return paginator

    def paginate_queryset(self, queryset, page_size):
        paginator, page, _rows, is_paginated = super().paginate_queryset(queryset, page_size)
        where = ("list-page", self.request.path, page.number)
        page.object_list = clock.remembered(
            where, lambda: list(page.object_list), fragments.records
        )
        return paginator, page, page.object_list, is_paginated


class ArticleListView(KeptPages, ListView):
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


class NewsView(ArticleListView):
    """The news list, with the archive's years beside it."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive=published_archive(), **kwargs)


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
        slug = self.kwargs["slug"]
        # Public while a published story has it: kept until the published set changes.
        self.tag = clock.remembered(
            ("tag", slug), lambda: Tag.objects.public().filter(slug=slug).first()
        )
        if self.tag is None:
            raise Http404("No such tag.")
        self.heading = f"Tagged “{self.tag.name}”"
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        # Its cards leave out the tag being viewed: every card here has it.
        return super().get_context_data(current_tag=self.tag, **kwargs)


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


class ArchiveMixin(KeptPages):
    """Year and month pages. The archive's one aggregate query (newsroom/models/archives.py)
    answers their navigation, whether the period has stories and its neighbours, in place
    of Django's own queries for each. One address per period: /news/2024/01/; other
    spellings of it (/news/2024/1/) redirect there, a month or year that cannot be 404s."""

    date_field = "publish_at"
    allow_empty = True  # emptiness comes from the archive (get_dated_items)
    make_object_list = True
    paginate_by = settings.NEWS_PAGE_SIZE
    paginator_class = KeysFirstPaginator
    context_object_name = "articles"
    template_name = "newsroom/article_archive.html"

    def get(self, request, *args, **kwargs):
        year, month = kwargs["year"], kwargs.get("month")
        if not 1 <= year <= 9998 or (month is not None and not 1 <= month <= 12):
            raise Http404("There is no such month or year.")
        canonical = (
            reverse("archive_year", args=[year])
            if month is None
            else reverse("archive_month", args=[year, f"{month:02d}"])
        )
        if canonical != request.path:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{canonical}?{query}" if query else canonical)
        self.archive = published_archive()
        if not self.archive.has(year, month):
            raise Http404("No stories were published then.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.published().for_language(get_language())

    def get_dated_queryset(self, **lookup):
        return super().get_dated_queryset(**lookup).for_listing()

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        # The months of the year being viewed (the navigation), from the archive.
        return [month for month, _n in self.archive.year(int(self.get_year())).months]

    def get_next_year(self, date):
        return self.archive.neighbour(date, "year", after=True)

    def get_previous_year(self, date):
        return self.archive.neighbour(date, "year", after=False)

    def get_next_month(self, date):
        return self.archive.neighbour(date, "month", after=True)

    def get_previous_month(self, date):
        return self.archive.neighbour(date, "month", after=False)

    def get_context_data(self, **kwargs):
        year, month = self.kwargs["year"], self.kwargs.get("month")
        return super().get_context_data(
            archive=self.archive, current_year=year, current_month=month, **kwargs
        )


class YearArchive(ArchiveMixin, YearArchiveView):
    pass


class MonthArchive(ArchiveMixin, MonthArchiveView):
    month_format = "%m"

    def get_month(self):
        return f"{self.kwargs['month']:02d}"


def article_relations():
    """What an article's page shows besides its own row, as prefetch lookups; its press
    contacts and coverage (newsroom/press)."""
    return [
        "tags",
        "subjects",
        "corrections",
        Prefetch("gallery", queryset=ArticleImage.objects.select_related("image")),
        Prefetch(
            "projects", queryset=with_events(Project.objects.published().with_facts().with_roles())
        ),
        *press_office(),
    ]


# Often empty: the page asks the article's row whether each has any, and skips the query.
OFTEN_EMPTY = ("subjects", "corrections", "gallery", "projects")
OFTEN_EMPTY += ("press_contacts", "coverage")


def article_row(queryset):
    """The article's own row: its category, lead image and the boilerplate joined."""
    return with_about(queryset).select_related("category", "lead_image")


def article_page(queryset):
    """An article with everything its page shows, in a constant number of queries."""
    return article_row(queryset).prefetch_related(*article_relations())


def related_stories(article):
    """The related stories its page shows: pins first, then computed (newsroom/models/related.py)."""
    return list(Article.objects.published().for_language(get_language()).related_to(article))


class ArticleDetailView(WorkflowDetailView):
    model = Article
    redirects = "redirects"
    address_fields = ("slug", "language")
    template_name = "newsroom/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        siblings = Article.objects.filter(translation_group=OuterRef("translation_group"))
        return with_presence(article_row(super().get_queryset()), OFTEN_EMPTY).annotate(
            has_translations=Exists(siblings.exclude(pk=OuterRef("pk")))
        )

    def get_object(self, queryset=None):
        def read():
            article = super(ArticleDetailView, self).get_object(queryset)
            prefetch_present(article, article_relations())
            # Read by the JSON-LD (workTranslation) as well as by the hreflang links.
            article.translations = (
                article.visible_translations() if article.has_translations else []
            )
            return article

        if queryset is not None or not self.is_visitor():
            return read()
        # A visitor's article, with its relations, is the same for every visitor until the
        # published set changes (newsroom/clock.py): read once per generation and language.
        return clock.remembered(("article", self.kwargs["slug"]), read, fragments.records)

    def get_context_data(self, **kwargs):
        article = self.object
        absolute = self.request.build_absolute_uri
        versions = {a.language: a for a in (article, *article.translations)}
        alternates = {
            code: absolute(versions[code].get_absolute_url())
            for code, _name in settings.LANGUAGES
            if code in versions
        }
        # Without a version in a language, the switcher lands on that language's news.
        return super().get_context_data(
            alternates=alternates,
            language_fallback="news",
            # The same for every reader of this language until the published set changes.
            related=clock.remembered(("related", article.pk), lambda: related_stories(article)),
            permalink=absolute(article.get_absolute_url()),
            **kwargs,
        )

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
        context["related"] = related_stories(article)
        context["permalink"] = request.build_absolute_uri(article.get_absolute_url())
        return private(render(request, "newsroom/article_detail.html", context))


def article_media_kit(request, slug):
    """A ZIP of the article's pictures with their credits, for the press."""
    return media.media_kit(request, Article.objects.with_pictures(), slug)
