"""A project's key figures as a card other sites embed, and its oEmbed endpoint.

The card (`/projects/<slug>/embed/`) is the one address of the site any page may frame:
it relaxes frame-ancestors and X-Frame-Options for itself only, sets no cookie, runs no
script and styles itself from one static file. Its figures are the fact sheet's, shown by
the same partial, so they carry the same qualifiers and source links. `/oembed/` answers
oEmbed 1.0 (JSON only) for a project's page or card, so that a CMS pasting the address of a
fact sheet gets the card. Both show published projects only, and are cached as pages are.
"""

from urllib.parse import urlencode, urlsplit

from csp.decorators import csp_replace
from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import DetailView

from projects.models import ExchangeRate, Project

CARD_WIDTH, CARD_HEIGHT = 480, 540  # what the card is laid out for, in CSS pixels
EMBEDDABLE = {"project", "project_embed"}  # the addresses oEmbed answers for, by URL name
FRAMED_BY_ANYONE = {"frame-ancestors": ["*"], "script-src": ["'none'"]}


@method_decorator([xframe_options_exempt, csp_replace(FRAMED_BY_ANYONE)], name="dispatch")
class ProjectEmbedView(DetailView):
    template_name = "projects/project_embed.html"
    context_object_name = "project"

    def get_queryset(self):
        # Figures with their sources and cited articles: the card's only queries with the rates.
        return Project.objects.published().with_facts()

    def get_context_data(self, **kwargs):
        page = self.request.build_absolute_uri(self.object.get_absolute_url())
        rates = ExchangeRate.objects.latest_by_currency()
        return super().get_context_data(rates=rates, fact_sheet=page, **kwargs)


def discovery_url(request, project):
    """The oEmbed address of a project's page, for its <link rel="alternate"> discovery tag."""
    page = request.build_absolute_uri(project.get_absolute_url())
    query = urlencode({"url": page, "format": "json"})
    return request.build_absolute_uri(f"{reverse('oembed')}?{query}")


class BadRequest(Exception):
    pass


def dimension(request, name, default):
    """maxwidth/maxheight: the card's own size, or smaller when the consumer asks."""
    value = request.GET.get(name)
    if value is None:
        return default
    if not value.isdigit() or int(value) < 1:
        raise BadRequest(f"{name} must be a whole number of pixels.")
    return min(default, int(value))


def embedded_project(request, url):
    """The published project whose page or card `url` is on this site, else 404."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc != request.get_host():
        raise Http404("Not an address of this site.")
    try:
        match = resolve(parts.path)
    except Resolver404:
        raise Http404("No such page.") from None
    if match.url_name not in EMBEDDABLE:
        raise Http404("Only project pages can be embedded.")
    return get_object_or_404(Project.objects.published().only("name", "slug"), **match.kwargs)


def oembed(request):
    """oEmbed 1.0: a "rich" answer whose html is the card's iframe."""
    if request.GET.get("format", "json") != "json":
        return HttpResponse("Only format=json is offered.", status=501, content_type="text/plain")
    try:
        url = request.GET.get("url")
        if not url:
            raise BadRequest("Give the address of a project page as url=.")
        width = dimension(request, "maxwidth", CARD_WIDTH)
        height = dimension(request, "maxheight", CARD_HEIGHT)
    except BadRequest as error:
        return JsonResponse({"error": str(error)}, status=400)
    project = embedded_project(request, url)
    card = request.build_absolute_uri(reverse("project_embed", args=[project.slug]))
    html = render_to_string(
        "projects/oembed_iframe.html",
        {"src": card, "width": width, "height": height, "title": project.name},
    )
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "title": f"{project.name}: key figures",
            "provider_name": settings.SITE_NAME,
            "provider_url": request.build_absolute_uri("/"),
            "html": html.strip(),
            "width": width,
            "height": height,
            "cache_age": settings.BROWSER_CACHE_SECONDS,
        },
        json_dumps_params={"ensure_ascii": False},
    )
