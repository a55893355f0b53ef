"""RSS 2.0 and Atom feeds of articles with their full text, for any app that lists articles.

A feed class says which articles (`articles(obj)`), which recent withdrawals
(`withdrawn(obj)`) and what it is about; what an item holds (title, summary, full text with
its corrections and updates, lead picture, categories) is the same everywhere. A withdrawal
item keeps the story's id, so a reader that took the story sees the same entry withdrawn.
"""

import io

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape, format_html, format_html_join, linebreaks
from django.utils.timezone import localtime
from django.utils.translation import get_language

FEED_SIZE = 30


def feed_links(name, slug, title):
    """The RSS and Atom addresses of a page's own feed, for autodiscovery and links."""
    urls = {kind: reverse(f"{name}_{kind}", kwargs={"slug": slug}) for kind in ("rss", "atom")}
    return {**urls, "title": title}


class Buffered:
    """Written into a string first, then into the response at once: the XML writer makes
    about 1,600 small writes for a feed of 30 stories, each through the response's own
    encoding."""

    def write(self, outfile, encoding):
        buffer = io.StringIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())


class RssWithContent(Buffered, Rss201rev2Feed):
    """RSS 2.0 with the full (sanitised) article in content:encoded."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(Buffered, Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class ArticleFeed(Feed):
    """A feed of published articles; subclasses give `articles(obj)` and what they are about."""

    feed_type = RssWithContent

    def __call__(self, request, *args, **kwargs):
        self.request = request  # enclosure addresses must be absolute
        return super().__call__(request, *args, **kwargs)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {self.subject(obj)}"

    def articles(self, obj):
        raise NotImplementedError

    def with_extras(self, articles):
        """What an app adds to every item's row (the news app: the boilerplate as `about`)."""
        return articles

    def withdrawn(self, obj):
        """Recently withdrawn articles of this feed's scope (`withdrawal_notices()`)."""
        return []

    def kept(self, make):
        """`make()`, or the items it read for this address before: an app keeps them until
        its published set changes (the news app: newsroom/clock.py)."""
        return make()

    def items(self, obj):
        return self.kept(lambda: self.read_items(obj))

    def read_items(self, obj):
        # The reader's language, and stories with no published version in it (the lists'
        # rule); the feed's <language> is that language too (Django's default).
        articles = self.articles(obj).for_language(get_language())
        published = (
            self.with_extras(articles)
            .select_related("category", "lead_image")
            .prefetch_related("tags", "corrections")
            .order_by("-publish_at", "-pk")[:FEED_SIZE]
        )
        # Withdrawals first: those who took a story must see that it was withdrawn.
        return [*self.withdrawn(obj)[:FEED_SIZE], *published]

    def item_title(self, article):
        return f"Withdrawn: {article.title}" if article.is_gone else article.title

    def item_description(self, article):
        # Readers render RSS <description> and Atom <summary type="html"> as HTML, and
        # the summary is plain text: escaped for HTML here, for XML by the writer.
        if article.is_gone:
            return escape(article.retraction_reason)
        return escape(article.summary or article.subtitle)

    def item_guid(self, article):
        return f"urn:uuid:{article.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return article.modified_at

    def item_author_name(self, article):
        return settings.SITE_NAME if article.is_gone else (article.byline or settings.SITE_NAME)

    def item_categories(self, article):
        if article.is_gone:
            return ["Withdrawn"]
        return [article.category.name, *(tag.name for tag in article.tags.all())]

    def item_enclosures(self, article):
        """The lead picture, if it may be shown: its metadata-free original."""
        if article.is_gone:
            return []
        image = article.lead_image
        if not (image and image.is_described and image.file):
            return []
        url = self.request.build_absolute_uri(image.file.url)
        return [Enclosure(url, str(image.file_size), image.content_type)]

    def item_extra_kwargs(self, article):
        if article.is_gone:
            when = date_format(localtime(article.retracted_at), "DATETIME_FORMAT")
            notice = format_html("<p>This story was withdrawn on {}.</p>", when)
            return {"content": notice + linebreaks(article.retraction_reason, autoescape=True)}
        return {"content": article.body + notes(article.corrections.all()) + boilerplate(article)}


def boilerplate(article):
    """A press release ends with the company's boilerplate, as on its page."""
    about = getattr(article, "about", None)
    if not about:
        return ""
    heading = escape(getattr(article, "about_heading", "") or "About")
    paragraphs = linebreaks(about, autoescape=True)
    return f'<section class="boilerplate"><h2>{heading}</h2>{paragraphs}</section>'


def notes(corrections):
    """The article's corrections and updates, as its feed entry's last section."""
    if not corrections:
        return ""
    rows = format_html_join(
        "",
        "<li><strong>{}</strong>, {}: {}</li>",
        (
            (c.get_kind_display(), date_format(localtime(c.noted_at), "DATETIME_FORMAT"), c.note)
            for c in corrections
        ),
    )
    return format_html("<h2>Corrections and updates</h2><ul>{}</ul>", rows)


def atom(feed_class):
    """The Atom twin of an RSS feed class."""
    attributes = {"feed_type": AtomWithContent, "subtitle": lambda self, obj: self.description}
    return type(f"Atom{feed_class.__name__}", (feed_class,), attributes)
