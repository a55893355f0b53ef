"""Categories and tags of an export. Our categories are flat (an article has one), so a
WordPress hierarchy is flattened: each category keeps its own name (or “Parent › Child” when
two share a name), a post goes in its deepest category and its other categories become tags,
so nothing is lost. Tags ignore case, as ours do. Each old /category/…/ and /tag/…/ address
is kept, to redirect."""

from django.utils.text import slugify

from newsroom.importers.models import ImportedTerm
from newsroom.models import Category, Tag

FALLBACK = ("uncategorized", "Uncategorized")


def category_paths(terms):
    """{slug: (path, depth)} of WordPress categories: "parent/child" as WordPress addresses it."""
    parents = {t.slug: t.parent for t in terms}
    paths = {}
    for slug in parents:
        chain, seen = [slug], {slug}
        while (parent := parents.get(chain[-1])) and parent not in seen:
            chain.append(parent)
            seen.add(parent)
        paths[slug] = ("/".join(reversed(chain)), len(chain))
    return paths


class Terms:
    def __init__(self, source):
        self.source = source
        self.wp_categories = {}  # slug: Term
        self.categories = {}  # slug: Category, made on first use
        self.tags = {}  # casefolded name: Tag
        self._paths = None

    def add(self, term):
        if term.taxonomy == "category" and term.slug:
            self.wp_categories[term.slug] = term

    @property
    def paths(self):
        if self._paths is None:
            self._paths = category_paths(self.wp_categories.values())
        return self._paths

    def primary(self, post_terms):
        """(the slug of the post's deepest category, the names of its other categories)."""
        slugs = [slug for taxonomy, slug, _ in post_terms if taxonomy == "category" and slug]
        if not slugs:
            return FALLBACK[0], []
        deepest = max(slugs, key=lambda s: self.paths.get(s, (s, 1))[1])
        others = [name for t, slug, name in post_terms if t == "category" and slug != deepest]
        return deepest, others

    def category(self, slug, name=""):
        if slug not in self.categories:
            self.categories[slug] = self._category(slug, name)
        return self.categories[slug]

    def _category(self, slug, name):
        term = self.wp_categories.get(slug)
        name = (term.name if term else name) or FALLBACK[1]
        clash = [t for t in self.wp_categories.values() if t.name == name and t.slug != slug]
        parent = self.wp_categories.get(term.parent) if term and term.parent else None
        if clash and parent:
            name = f"{parent.name} › {name}"
        slug_ours = (
            slugify(slug, allow_unicode=True)[:100] or slugify(name, allow_unicode=True)[:100]
        )
        found = (
            Category.objects.filter(slug=slug_ours).first()
            or Category.objects.filter(name__iexact=name[:100]).first()
            or Category.objects.create(name=name[:100], slug=slug_ours or "category")
        )
        path = self.paths.get(slug, (slug, 1))[0]
        for legacy in {path, slug}:
            ImportedTerm.objects.get_or_create(
                source=self.source,
                taxonomy=ImportedTerm.Taxonomy.CATEGORY,
                legacy_path=legacy,
                defaults={"category": found},
            )
        return found

    def tag(self, name, wp_slug=""):
        key = name.strip().casefold()
        if key not in self.tags:
            tag = Tag.objects.filter(name__iexact=name.strip()).first()
            tag = tag or Tag.objects.create(name=name.strip()[:100])
            if wp_slug:
                ImportedTerm.objects.get_or_create(
                    source=self.source,
                    taxonomy=ImportedTerm.Taxonomy.TAG,
                    legacy_path=wp_slug,
                    defaults={"tag": tag},
                )
            self.tags[key] = tag
        return self.tags[key]

    def forget(self):
        """After a rolled-back post: what it made may not exist any more."""
        self.categories.clear()
        self.tags.clear()
