"""Synthetic articles for `generate_content`: headlines, clean bodies, tags, project links,
related stories and the odd correction, in every state an article can be in.

Rows are written with bulk_create in batches, which skips Article.save(); what it would
do is done here: bodies are built as already-clean HTML (the allow-list's own output) and
each row gets a UUID from its own generator; the search documents are written in bulk
once the rows and their links are in (synthetic.generate).
"""

import datetime
import uuid

from babel import Locale
from django.db import reset_queries, transaction

from newsroom.demo import synthetic_projects
from newsroom.demo import vocabulary as words
from newsroom.models import Article, Correction, TaggedArticle
from projects.models import ArticleProject

CHUNK = 5000  # articles built and written per transaction
YEARS = 8  # publish dates are spread over this many years before the anchor


def html_text(value):
    """Text escaped as the sanitiser writes it: quotes stay as they are."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def person(r):
    return f"{r.choice(words.FIRST_NAMES)} {r.choice(words.GIVEN_NAMES)}"


def country_name(code):
    return Locale("en").territories.get(code, code)


def headline(r, unit, place, line, year):
    product = line.product.lower()
    return r.choice(
        [
            f"{unit} breaks ground on {product} plant in {place.city}",
            f"{unit} signs {product} investment agreement with {place.city}",
            f"{unit}'s {place.city} base starts trial production of {product}",
            f"{unit} opens new {r.choice(words.FACILITIES)} in {place.city}, {country_name(place.country)}",
            f"{line.product} output at {place.city} plant passes {r.randrange(2, 40)} million units",
            f"{unit} project named among {place.province}'s major projects for {year}",
            f"{unit} wins {r.choice(words.AWARDS)}",
            f"{unit} unveils new {product} at {r.choice(words.FAIRS)}",
            f"{unit} reports {r.randrange(3, 45)}% growth in {product} exports",
            f"{place.city} plant completes {r.choice(['digital', 'energy-saving', 'safety'])} upgrade",
            f"{unit} and {r.choice(words.PARTNERS)} form {product} partnership",
            f"{unit} holds {r.choice(['supplier', 'dealer', 'investor'])} conference in {place.city}",
        ]
    )


def sentences(r, values, count):
    return " ".join(r.choice(words.SENTENCES).format(**values) for _ in range(count))


def body(r, lead, values, place):
    """Four to seven paragraphs of clean HTML, with the odd heading, quote, list, link and
    Chinese name: exactly what the sanitiser would keep."""
    parts = [f"<p>{html_text(lead)}</p>"]
    for n in range(r.randrange(4, 8)):
        if n == 1 and r.random() < 0.5:
            parts.append(f"<h2>{r.choice(words.HEADINGS)}</h2>")
        if n == 2 and r.random() < 0.4:
            quote = html_text(r.choice(words.QUOTES).format(**values))
            parts.append(f"<blockquote><p>“{quote}” said {person(r)}.</p></blockquote>")
        if n == 3 and r.random() < 0.3:
            items = "".join(f"<li>{html_text(sentences(r, values, 1))}</li>" for _ in range(3))
            parts.append(f"<ul>{items}</ul>")
        parts.append(f"<p>{html_text(sentences(r, values, r.randrange(3, 7)))}</p>")
    if place.local_name and r.random() < 0.5:
        parts.append(
            f"<p>The plant is in {html_text(place.city)}（{place.local_name}）, "
            f"{place.province} Province.</p>"
        )
    if r.random() < 0.3:
        href = f"https://www.example.com/reports/{r.randrange(10_000, 99_999)}"
        parts.append(
            f'<p>Read the <a href="{href}" rel="noopener noreferrer">announcement</a>.</p>'
        )
    return "".join(parts)


# What share of articles is in each state, per thousand.
STATES = {
    "live": 880,
    "scheduled": 20,
    "embargoed": 10,
    "expired": 5,
    "draft": 45,
    "review": 20,
    "archived": 20,
}
STATUS_OF = {
    "draft": Article.Status.DRAFT,
    "review": Article.Status.REVIEW,
    "archived": Article.Status.ARCHIVED,
}


def build_article(run, n):
    """Article `n`, its generator and its state (live, scheduled, draft...)."""
    r = run.random("article", n)
    place, line, unit = r.choice(words.PLACES), r.choice(words.LINES), r.choice(words.UNITS)
    state = run.weighted(r, STATES)
    minute = datetime.timedelta(minutes=1)
    publish_at = run.anchor - minute * r.randrange(1440, YEARS * 365 * 1440)
    embargo_until = unpublish_at = None
    if state == "scheduled":
        publish_at = run.anchor + minute * r.randrange(60, 30 * 1440)
    elif state == "embargoed":
        publish_at = run.anchor - minute * r.randrange(5, 600)
        embargo_until = run.anchor + minute * r.randrange(60, 7 * 1440)
    elif state == "expired":
        unpublish_at = publish_at + (run.anchor - publish_at) / 2
    values = {
        "unit": unit,
        "city": place.city,
        "product": line.output,
        "year": publish_at.year + 1,
        "n": r.randrange(3, 60),
    }
    title = headline(r, unit, place, line, publish_at.year)
    summary = sentences(r, values, r.choice([1, 2]))[:300]
    lead = f"{place.city}, {publish_at:%B} {publish_at.day}, {publish_at.year}. "
    html = body(r, lead + sentences(r, values, 3), values, place)
    article = Article(
        title=title,
        slug=run.slug(title, n),
        summary=summary,
        body=html,
        dateline=f"{place.city}, {place.province}",
        byline=", ".join(person(r) for _ in range(r.randrange(1, 3))) if r.random() < 0.7 else "",
        category=r.choice(run.categories),
        status=STATUS_OF.get(state, Article.Status.PUBLISHED),
        publish_at=publish_at,
        unpublish_at=unpublish_at,
        embargo_until=embargo_until,
        is_featured=state == "live" and r.random() < 0.01,
        uuid=uuid.UUID(int=r.getrandbits(128), version=4),
    )
    return article, r, state


def write_articles(run, project_ids):
    """Articles in chunks, each with its tags, project links, related stories and the odd
    correction. Returns {project pk: its live announcing articles}."""
    announcements = {}
    Related = Article.related_articles.through
    for start in range(0, run.articles, CHUNK):
        built = [build_article(run, n) for n in range(start, min(start + CHUNK, run.articles))]
        tagged, linked, related, corrections = [], [], [], []
        with transaction.atomic():
            made = Article.objects.bulk_create((b[0] for b in built), batch_size=run.batch)
            for i, (article, r, state) in enumerate(built):
                tags = r.sample(run.tags, r.randrange(2, 7))
                tagged += [TaggedArticle(content_object=article, tag=tag) for tag in tags]
                for link in synthetic_projects.links(run, r, article, project_ids):
                    linked.append(link)
                    if link.link == ArticleProject.Link.ANNOUNCES and state == "live":
                        announcements.setdefault(link.project_id, []).append(article)
                if i and r.random() < 0.1:
                    for other in r.sample(made[max(0, i - 50) : i], min(3, i)):
                        related.append(Related(from_article=article, to_article=other))
                if state == "live" and r.random() < 0.01:
                    noted_at = article.publish_at + datetime.timedelta(hours=r.randrange(1, 72))
                    note = "An earlier version misstated the plant's capacity."
                    corrections.append(Correction(article=article, note=note, noted_at=noted_at))
            TaggedArticle.objects.bulk_create(tagged, batch_size=run.batch)
            ArticleProject.objects.bulk_create(linked, batch_size=run.batch)
            Related.objects.bulk_create(related, batch_size=run.batch)
            Correction.objects.bulk_create(corrections, batch_size=run.batch)
        reset_queries()  # with DEBUG on, Django would keep every INSERT's text
        run.report(f"  {start + len(made):,} of {run.articles:,} articles")
    return announcements
