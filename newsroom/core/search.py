"""Site search: PostgreSQL full text (weighted, GIN-indexed, ranked), a LIKE fallback on SQLite.

Chinese has no spaces and stock PostgreSQL has no Chinese parser, so runs of Chinese
characters are also indexed as overlapping pairs (国家发展 → 国家 家发 发展), which
finds two-character words such as 改革 on both databases.
"""

import re

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

MAX_QUERY = 200  # characters; a longer query is cut, never refused
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"\w+")


def cjk_bigrams(text):
    """Overlapping character pairs of every run of Chinese characters, space-separated."""
    pairs = []
    for run in CJK.findall(text or ""):
        pairs += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
    return " ".join(pairs)


def clean_query(raw):
    return " ".join((raw or "")[:MAX_QUERY].split())


def terms(query):
    """The words of a query, for the fallback and for highlighting."""
    return [t for t in WORD.findall(query.lower()) if t]


def matching(queryset, query, fields):
    """Rows containing every term in one of `fields` (the database-neutral fallback)."""
    for term in terms(query):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": term})
        queryset = queryset.filter(any_field)
    return queryset


def rank_by_fields(queryset, query, weighted_fields):
    """Fallback relevance: the best-weighted field that contains the whole query."""
    whens = [
        When(**{f"{field}__icontains": query}, then=Value(weight))
        for field, weight in weighted_fields
    ]
    return queryset.annotate(rank=Case(*whens, default=Value(0), output_field=IntegerField()))


def snippet(html, query, length=240):
    """A passage of `html` around the first term of `query`, terms in <mark>, safely escaped."""
    text = " ".join(strip_tags(html or "").split())
    words = sorted(set(terms(query) + cjk_bigrams(query).split()), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - length // 3) if first else 0
    passage = text[start : start + length]
    parts, position = [], 0
    for hit in pattern.finditer(passage) if pattern else ():
        parts += [escape(passage[position : hit.start()]), f"<mark>{escape(hit.group())}</mark>"]
        position = hit.end()
    parts.append(escape(passage[position:]))
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    # Every piece of text above went through escape(); only <mark> is markup.
    return mark_safe(prefix + "".join(parts) + suffix)
