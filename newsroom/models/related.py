"""Related stories, computed: the stories an article's page offers next. Editors' pins
come first, in both directions and across translations (a pin on the English story holds
for its Chinese version); then a score of what the stories share: a project (strongest),
tags, the category. One SQL query whatever the size of the archive.

Why it stays fast at 100k articles: the score is counted only over a bounded candidate
set, each part drawn from an index: the pins, the articles of the same projects, the
newest CANDIDATES rows of the join table for each of the article's tags
(tagged_article_by_tag), and the newest CANDIDATES of its category
(article_published_category). A tag or category carried by half the archive then costs
a few hundred index entries, not a scan of the archive."""

import operator
from functools import reduce

from django.db import connections, models
from django.db.models import Case, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

# Candidates drawn from each tag and from the category (their newest), before scoring.
CANDIDATES = 100

# Weights of what two stories share; a pin outranks any score.
PROJECT, TAG, CATEGORY = 8, 2, 1


def count(queryset):
    """The number of rows of a correlated subquery, 0 when there is none (one value per
    candidate, with no GROUP BY over the outer query)."""
    counted = queryset.order_by().annotate(n=models.Func(Value(1), function="COUNT"))
    return Coalesce(Subquery(counted.values("n")[:1]), Value(0))


class RelatedQuerySet(models.QuerySet):
    def related_to(self, article, limit=4):
        """The stories of this queryset (narrow it with published() and for_language()
        first) most related to `article`, pinned ones first, then by score and date;
        never the article itself or one of its translations."""
        model = self.model
        tagged = model._meta.get_field("tags").remote_field.through
        linked = model._meta.get_field("project_links").related_model
        pins = model.related_articles.through

        group = model.objects.filter(translation_group=article.translation_group).values("pk")
        pinned_ids = pins.objects.filter(from_article__in=group).values("to_article")
        pinned_by = pins.objects.filter(to_article__in=group).values("from_article")
        # Two conditions, not one OR inside a subquery: each is then an index lookup, where
        # the OR made PostgreSQL scan the whole article table.
        pinned = [
            Q(translation_group__in=model.objects.filter(pk__in=ids).values("translation_group"))
            for ids in (pinned_ids, pinned_by)
        ]
        is_pinned = pinned[0] | pinned[1]

        tag_ids = tagged.objects.filter(content_object=article.pk).values("tag")
        project_ids = linked.objects.filter(article=article.pk).values("project")
        by_tag = (
            tagged.objects.filter(tag__in=tag_ids)
            .order_by("-content_object")
            .values("content_object")[:CANDIDATES]
        )
        by_project = linked.objects.filter(project__in=project_ids).values("article")
        by_category = (
            self.filter(category=article.category_id)
            .order_by("-publish_at", "-pk")
            .values("pk")[:CANDIDATES]
        )

        shared_tags = count(tagged.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids))
        shared_projects = count(
            linked.objects.filter(article=OuterRef("pk"), project__in=project_ids)
        )
        same_category = Case(
            When(category=article.category_id, then=Value(CATEGORY)), default=Value(0)
        )
        parts = [
            *(model.objects.filter(condition).order_by().values("pk") for condition in pinned),
            by_project.order_by(),
            by_tag,
            by_category,
        ]
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            # One UNION of candidate keys, each part from an index; as ORs of IN
            # conditions PostgreSQL read every published story to test them.
            candidates = Q(pk__in=parts[0].union(*parts[1:]))
        else:
            # SQLite cannot limit the parts of a UNION.
            candidates = reduce(operator.or_, (Q(pk__in=part) for part in parts))
        return (
            self.filter(candidates)
            .exclude(translation_group=article.translation_group)
            .annotate(
                pinned=Case(
                    When(is_pinned, then=Value(1)),
                    default=Value(0),
                    output_field=models.IntegerField(),
                ),
                relatedness=shared_projects * PROJECT + shared_tags * TAG + same_category,
            )
            .select_related("category", "lead_image")
            .defer("body")
            .order_by("-pinned", "-relatedness", "-publish_at", "-pk")[:limit]
        )
