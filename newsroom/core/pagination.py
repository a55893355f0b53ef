"""Pagination whose last page costs what its first does, however long the list.

A database answers `OFFSET 88000 LIMIT 12` by reading and throwing away 88,000
rows. `KeysFirstPaginator` keeps Django's behaviour for the first pages and, for
any page further in, first finds the page's primary keys, counting from whichever
end of the list is nearer, with a query an index can answer on its own (see the
`article_published*` indexes); then it loads only those rows, in the list's order.
That is one more query on deep pages, and never thousands of rows read.
"""

from django.core.paginator import Paginator

# Rows a page may skip before its keys are looked up first.
DIRECT_ROWS = 240
PRIMARY_KEYS = {"pk", "-pk", "id", "-id"}


def ordering(queryset):
    query = queryset.query
    if query.order_by:
        return list(query.order_by)
    if query.default_ordering:
        return list(queryset.model._meta.ordering)
    return []


def is_total(queryset):
    """Whether the order ends with the primary key, so that read backwards it is exactly
    the same list reversed."""
    order = ordering(queryset)
    return bool(order) and isinstance(order[-1], str) and order[-1] in PRIMARY_KEYS


class KeysFirstPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.rows(bottom, top), number, self)

    def rows(self, bottom, top):
        """The rows from `bottom` to `top`, as a queryset in the list's order."""
        queryset = self.object_list
        if bottom <= DIRECT_ROWS or not hasattr(queryset, "query") or not is_total(queryset):
            return queryset[bottom:top]
        keys = queryset.prefetch_related(None).values_list("pk", flat=True)
        if bottom > self.count - top:
            keys = keys.reverse()[self.count - top : self.count - bottom]
        else:
            keys = keys[bottom:top]
        return queryset.filter(pk__in=list(keys))


class LargeTableAdmin:
    """For the change lists of tables that grow without bound: deep pages by key, and no
    second COUNT(*) of the whole table for the "N total" link."""

    paginator = KeysFirstPaginator
    show_full_result_count = False
