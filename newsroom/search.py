"""The site search page, over news and projects, and the news search provider."""

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.db.models import F
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from newsroom.core.search import cjk_bigrams, clean_query, matching, rank_by_fields, snippet
from newsroom.models import Article, Category, Tag
from projects.models import Project
from projects.search import search_projects

PAGE_SIZE = 10


def search_articles(articles, query):
    """`articles` (already published()) matching `query`, most relevant first."""
    if connection.vendor == "postgresql":
        text = SearchQuery(query, search_type="websearch", config="english")
        if pairs := cjk_bigrams(query):
            text |= SearchQuery(pairs, config="simple")
        return (
            articles.filter(search_vector=text)
            .annotate(rank=SearchRank(F("search_vector"), text))
            .order_by("-rank", "-publish_at")
        )
    found = matching(articles, query, ["title", "subtitle", "summary", "body"])
    ranked = rank_by_fields(found, query, [("title", 3), ("summary", 2), ("body", 1)])
    return ranked.order_by("-rank", "-publish_at")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False)
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


def search(request):
    form = SearchForm(request.GET)
    form.is_valid()  # invalid filters are dropped, with their error shown; the search still runs
    params = form.cleaned_data
    query = clean_query(params.get("q"))
    context = {"form": form, "query": query, "projects": [], "page_obj": None}
    if query:
        articles = Article.objects.published()
        if params.get("category"):
            articles = articles.filter(category=params["category"])
        if params.get("tag"):
            articles = articles.filter(tags__in=Tag.objects.filter(slug=params["tag"]))
        if params.get("year"):
            articles = articles.filter(publish_at__year=params["year"])
        kind = params.get("type")
        if kind != "articles":
            projects = search_projects(Project.objects.published(), query).with_facts()
            context["projects"] = projects if kind == "projects" else projects[:5]
        if kind != "projects":
            found = search_articles(articles.select_related("category"), query)
            paginator = Paginator(found, PAGE_SIZE)
            try:
                page = paginator.page(request.GET.get("page") or 1)
            except InvalidPage:
                raise Http404("No such page of results.") from None
            for article in page.object_list:
                article.snippet = snippet(article.body or article.summary, query)
            context["page_obj"] = page
        context["query_string"] = request.GET.copy()
        context["query_string"].pop("page", None)
        context["query_string"] = context["query_string"].urlencode()
    return render(request, "newsroom/search.html", context)
