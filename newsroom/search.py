"""The site search page, over news and projects: one query syntax on both databases
(newsroom/core/query_syntax.py), ranked by each database's own full-text engine
(newsroom/models/search_index.py), typos forgiven on PostgreSQL (search_spelling.py)."""

import functools

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from newsroom import clock
from newsroom.core import fragments
from newsroom.core.query_syntax import parse
from newsroom.core.search import MAX_QUERY, clean_query, snippet
from newsroom.models import Article, Category, Tag
from newsroom.models.search_index import ranked
from newsroom.models.search_spelling import suggestion, tolerant, word_facts
from projects.models import Project
from projects.search import search_projects

PAGE_SIZE = 10
# Matches ranked for one search, the newest (README, "Search"): thirty pages. A word in
# more articles than that is a word to add another to; the page says "more than".
CANDIDATES = 300
# From this share of the documents on, a search walks the newest articles testing each one's
# document, which stops early; below it, it reads the matches from the index first (ranked()).
# Measured at 100,000 articles: either way costs about 28 ms at 16 %.
COMMON = 0.16
PROJECTS_BESIDE_NEWS = 5  # the rest are a link away (type=projects), paged like news


def search_articles(articles, query, listed=False, common=True):
    """`articles` (already published()) matching `query` (text, or parsed), most relevant
    first: on PostgreSQL, the most relevant of the newest CANDIDATES + 1 matches (the one
    more tells the page that there are more than it shows; see CappedPaginator). `listed`:
    those are read first, and their number is `candidates` (None on SQLite). `common`: as
    interpret() says."""
    query = parse(query) if isinstance(query, str) else query
    if not query:
        return articles.none()
    newest = (CANDIDATES + 1, ("-publish_at", "-pk"))
    found = ranked(articles, query, among=newest, listed=listed, common=common)
    rows = found.order_by("-rank", "-publish_at", "-pk")
    rows.candidates = getattr(found, "candidates", None)
    return rows


def interpret(text):
    """(`text` parsed, what is searched for it: on PostgreSQL with the likely corrections of
    misspelt words as alternatives, the "did you mean" query or None, and whether what is
    searched is common: in COMMON or more of the documents, by the database's statistics)."""
    query = parse(text)
    facts = word_facts(query)
    fixes = {word: fix for word, fix in facts.fixes.items() if findable(fix)}
    wanted = tolerant(query, fixes)
    return query, wanted, suggestion(query, fixes), facts.share(wanted) >= COMMON


def findable(word):
    """Whether a published story or project holds `word`: the vocabulary also has words of
    drafts and embargoed stories, which a suggestion must never reveal."""
    return (
        search_articles(Article.objects.published(), word).exists()
        or search_projects(Project.objects.published(), word).exists()
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": MAX_QUERY}),
    )
    type = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", _("News and projects")),
            ("articles", _("News only")),
            ("projects", _("Projects only")),
        ],
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        required=False,
        queryset=Category.objects.all(),
        to_field_name="slug",
        empty_label=_("Any category"),
    )
    tag = forms.CharField(label=_("Tag"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The categories change only with content: read once per generation and language.
        category = self.fields["category"]
        category.choices = fragments.remembered(
            # A comprehension: list() would ask the iterator its length, a COUNT query.
            ("search-categories",),
            lambda: [choice for choice in category.choices],  # noqa: C416
        )

    def clean_q(self):
        query = clean_query(self.cleaned_data.get("q"))
        if len(query) > MAX_QUERY:
            raise ValidationError(
                _(
                    "A search can be at most %(limit)d characters long; this one has "
                    "%(length)d. Shorten it to its key words and search again."
                ),
                params={"limit": MAX_QUERY, "length": len(query)},
            )
        return query


class CappedPaginator(Paginator):
    """Pages of at most `cap` rows (a queryset); `more` says whether it went on past it."""

    def __init__(self, rows, per_page, cap):
        super().__init__(rows, per_page)
        self.cap = cap

    @functools.cached_property
    def total(self):
        return self.object_list.count()

    @property
    def count(self):
        return min(self.total, self.cap)

    @property
    def more(self):
        return self.total > self.cap


def page_of(request, rows, cap=None, counted=None):
    """The page `?page=` asks for; `counted`, when given, is the number of rows."""
    paginator = CappedPaginator(rows, PAGE_SIZE, cap) if cap else Paginator(rows, PAGE_SIZE)
    if counted is not None:
        setattr(paginator, "total" if cap else "count", counted)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404("No such page of results.") from None


def matching_articles(params, wanted, common):
    articles = Article.objects.published().for_language(get_language())
    if params.get("category"):
        articles = articles.filter(category=params["category"])
    if params.get("tag"):
        articles = articles.filter(tags__in=Tag.objects.filter(slug=params["tag"]))
    if params.get("year"):
        articles = articles.filter(publish_at__year=params["year"])
    return search_articles(articles.select_related("category"), wanted, True, common)


class Deferred:
    """A queryset built when its rows or count are first read, for a paginator (which
    only slices and counts it)."""

    def __init__(self, build):
        self.build = functools.cache(build)

    def __getitem__(self, index):
        return Deferred(lambda: self.build()[index])

    def __iter__(self):
        return iter(self.build())

    def __len__(self):
        return len(self.build())

    def count(self):
        rows = self.build()
        known = getattr(rows, "candidates", None)  # counted when they were read
        return rows.count() if known is None else known


def search(request):
    form = SearchForm(request.GET)
    form.is_valid()  # invalid filters are dropped, with their error shown; the search still runs
    params = form.cleaned_data
    text = params.get("q", "")
    kind = params.get("type")
    context = {"form": form, "query": text, "page_obj": None, "kind": kind}
    # What the counts depend on besides the published set (newsroom/clock.py keeps them
    # until it changes): every page of one search shares them.
    category = params.get("category")
    asked = ("search", text, kind, category and category.pk, params.get("tag"), params.get("year"))
    if text:
        # Its corrections depend on what is published (findable()).
        interpreted = clock.remembered(("search-interpret", text), lambda: interpret(text))
        query, wanted, context["suggestion"], common = interpreted
        context["query_string"] = request.GET.copy()
        context["query_string"].pop("page", None)
        context["query_string"] = context["query_string"].urlencode()
    if text and kind != "articles":

        def found():
            if not query:
                return Project.objects.none()
            return search_projects(Project.objects.published(), wanted).with_facts()

        if kind == "projects":
            context["page_obj"] = page = page_of(request, found())
            context["projects"], context["project_count"] = page.object_list, page.paginator.count
        else:
            context["projects"] = clock.remembered(
                (*asked, "projects-beside"), lambda: list(found()[:PROJECTS_BESIDE_NEWS])
            )
            context["project_count"] = (
                len(context["projects"])
                if len(context["projects"]) < PROJECTS_BESIDE_NEWS
                else clock.remembered((*asked, "projects"), lambda: found().count())
            )
    if text and kind != "projects":
        # Built only if what it reads is not kept: building it costs more than a kept read.
        found = Deferred(lambda: matching_articles(params, wanted, common))
        counted = clock.remembered((*asked, "articles"), found.count)
        context["page_obj"] = page = page_of(request, found, cap=CANDIDATES, counted=counted)

        def results():
            listed = list(page.object_list)
            for article in listed:
                article.snippet = snippet(article.body or article.summary, wanted.words)
            return listed

        # Their rendering too (templates/newsroom/search.html), with the same key.
        context["results_key"] = repr((*asked, page.number, clock.current()))
        page.object_list = clock.remembered(
            (*asked, "articles", page.number), results, fragments.records
        )
    return render(request, "newsroom/search.html", context)
