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


def paginate(request, queryset, paging):
    """A Page of `queryset` (ordered). A page past the last is a 404; an empty list has an
    empty page 1."""
    paginator = KeysFirstPaginator(queryset, paging.page_size)
    try:
        page = paginator.page(paging.page)
    except EmptyPage:
        raise HttpError(
            404, f"There is no page {paging.page}; the last is {paginator.num_pages}."
        ) from None
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "page_size": paging.page_size,
        "next": page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": page_url(request, page.previous_page_number()) if page.has_previous() else None,
        "results": list(page.object_list),
    }
