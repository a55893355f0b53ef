"""A record's page prefetches only the relations it has: most stories have no corrections,
gallery or coverage, and each prefetch of nothing still cost a query (about a millisecond).

`with_presence(queryset, names)` adds to the record's own row whether each relation has
any row at all (an EXISTS each, answered from an index); `prefetch_present(record,
lookups)` then prefetches as prefetch_related() would, except that a relation the row says
is empty is filled with nothing, without its query.
"""

from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects


def flag(name):
    return f"has_{name}"


def with_presence(queryset, names):
    model = queryset.model
    return queryset.annotate(
        **{
            flag(name): Exists(
                model._base_manager.filter(pk=OuterRef("pk"), **{f"{name}__isnull": False})
            )
            for name in names
        }
    )


def root(lookup):
    through = lookup.prefetch_through if isinstance(lookup, Prefetch) else lookup
    return through.split("__")[0]


def nothing(record, lookup):
    """The lookup's first relation, filled with no rows (a none() queryset runs no query)."""
    name = root(lookup)
    if isinstance(lookup, Prefetch) and lookup.queryset is not None:
        model = lookup.queryset.model
    else:
        model = record._meta.get_field(name).related_model
    to_attr = (
        lookup.to_attr if isinstance(lookup, Prefetch) and "__" not in lookup.prefetch_to else None
    )
    return Prefetch(name, queryset=model._base_manager.none(), to_attr=to_attr)


def prefetch_present(record, lookups):
    for lookup in lookups:
        if getattr(record, flag(root(lookup)), True):
            prefetch_related_objects([record], lookup)
        else:
            prefetch_related_objects([record], nothing(record, lookup))
    return record
