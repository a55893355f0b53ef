"""The old site's addresses, answering 301 with the new ones: /?p=ID, /YYYY/MM/DD/slug/,
/category/…/ and /tag/…/. Only to what the public may see: a draft's old address stays 404."""

from urllib.parse import unquote, urlsplit

from django.http import Http404, HttpResponsePermanentRedirect

from newsroom.importers.models import ImportedItem, ImportedTerm
from newsroom.models import Article, Tag


def legacy_path(link):
    """The path part of a post's old address, as Django will see it (decoded, with the
    trailing slash), or "" for WordPress's plain /?p=ID links."""
    path = unquote(urlsplit(link or "").path)
    if path in ("", "/"):
        return ""
    return path if path.endswith("/") else f"{path}/"


def _to_article(items):
    found = items.filter(article__in=Article.objects.published()).select_related("article")
    item = found.order_by("-updated_at").only("article__slug", "article__language").first()
    return HttpResponsePermanentRedirect(item.article.get_absolute_url()) if item else None


def legacy_redirect_for(request):
    """For the home page: WordPress's /?p=ID as a 301 to the article, or None."""
    post_id = request.GET.get("p", "")
    if not (post_id.isascii() and post_id.isdigit()) or len(post_id) > 18:
        return None
    return _to_article(ImportedItem.objects.filter(kind="post", post_id=int(post_id)))


def dated_post(request, year, month, day, slug):
    path = f"/{year:04d}/{month:02d}/{day:02d}/{slug}/"
    response = _to_article(ImportedItem.objects.filter(kind="post", legacy_path=path))
    if response is None:
        raise Http404("No imported post had this address.")
    return response


def _first_or_404(terms):
    term = terms.order_by("-pk").first()
    if term is None:
        raise Http404("No imported category or tag had this address.")
    return term


def category(request, path):
    terms = ImportedTerm.objects.filter(taxonomy="category", legacy_path=path.strip("/"))
    term = _first_or_404(terms.select_related("category"))
    return HttpResponsePermanentRedirect(term.category.get_absolute_url())


def tag(request, slug):
    terms = ImportedTerm.objects.filter(taxonomy="post_tag", legacy_path=slug)
    term = _first_or_404(terms.filter(tag__in=Tag.objects.public()).select_related("tag"))
    return HttpResponsePermanentRedirect(term.tag.get_absolute_url())
