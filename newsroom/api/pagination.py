"""Page-numbered lists: two queries (count, page) whatever the size of the list, three on
deep pages, whose keys are found first from an index (newsroom/core/pagination.py), so that
page 4,403 costs what page 3 does instead of an OFFSET over every row before it."""

from django.core.paginator import EmptyPage
from ninja import Field, Schema
from ninja.errors import HttpError

from newsroom.core.pagination import KeysFirstPaginator

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class Paging(Schema):
    page: int = Field(1, ge=1, description="The page number, from 1.")
    page_size: int = Field(
        PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"Items per page, 1 to {MAX_PAGE_SIZE}."
    )


def page_url(request, number):
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def read_page(queryset, paging):
    """(count, number of pages, rows) of the page asked for; a page past the last is a 404."""
    paginator = KeysFirstPaginator(queryset, paging.page_size)
    try:
        page = paginator.page(paging.page)
    except EmptyPage:
        raise HttpError(
            404, f"There is no page {paging.page}; the last is {paginator.num_pages}."
        ) from None
    return paginator.count, paginator.num_pages, list(page.object_list)


def paginate(request, queryset, paging, kept=None):
    """A Page of `queryset` (ordered). An empty list has an empty page 1. `kept(make)` may
    return what `make()` read for the same list and page before (it keeps no address)."""
    make = lambda: read_page(queryset, paging)  # noqa: E731
    count, pages, rows = kept(make) if kept else make()
    number = paging.page
    return {
        "count": count,
        "page": number,
        "pages": pages,
        "page_size": paging.page_size,
        "next": page_url(request, number + 1) if number < pages else None,
        "previous": page_url(request, number - 1) if number > 1 else None,
        "results": rows,
    }
