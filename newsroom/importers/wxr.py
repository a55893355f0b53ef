"""Reading a WordPress export (WXR 1.1 or 1.2, as WordPress.org and WordPress.com write it)
as a stream: defusedxml's iterparse (no entities, no DTD tricks, no external references)
yields one channel child at a time, which is cleared once read, so a 500 MB export takes the
memory of its largest post, not of the file."""

import dataclasses
from urllib.parse import unquote
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

WP_NAMESPACE = "http://wordpress.org/export/"
VERSIONS = ("1.1", "1.2")
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
NO_DATE = "0000-00-00 00:00:00"


class ExportError(Exception):
    """The file cannot be read as a WordPress export; the message says where and why."""


@dataclasses.dataclass(frozen=True)
class Site:
    title: str
    url: str
    version: str
    language: str = ""  # the channel's <language>, e.g. "zh-CN" or "en-US"


@dataclasses.dataclass(frozen=True)
class Author:
    login: str
    display_name: str


@dataclasses.dataclass(frozen=True)
class Term:
    taxonomy: str  # "category" or "post_tag"
    slug: str
    name: str
    parent: str = ""  # the parent category's slug


@dataclasses.dataclass
class Item:
    post_id: int | None
    guid: str
    title: str = ""
    link: str = ""
    content: str = ""
    excerpt: str = ""
    post_type: str = "post"
    status: str = "publish"
    password: str = ""
    slug: str = ""
    date: str = ""  # the site's local time, "YYYY-MM-DD HH:MM:SS"
    date_gmt: str = ""
    pub_date: str = ""  # RFC 822, with its offset
    creator: str = ""
    parent: int = 0
    attachment_url: str = ""
    terms: list = dataclasses.field(default_factory=list)  # (taxonomy, slug, name)
    meta: dict = dataclasses.field(default_factory=dict)
    comments: int = 0

    @property
    def thumbnail_id(self):
        value = self.meta.get("_thumbnail_id", "")
        return _number(value)


def _split(tag):
    namespace, _, name = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
    return namespace, name


def _is_wp(namespace):
    return namespace.startswith(WP_NAMESPACE) and not namespace.endswith("/excerpt/")


def _text(element):
    return (element.text or "").strip()


def _children(element):
    """(namespace kind, local name, child): kind is "wp", "excerpt" or the namespace."""
    for child in element:
        namespace, name = _split(child.tag)
        kind = (
            "wp"
            if _is_wp(namespace)
            else "excerpt"
            if namespace.endswith("/excerpt/")
            else namespace
        )
        yield kind, name, child


def _number(text):
    # ASCII digits only ("²" is a digit to str.isdigit), and within a 64-bit id.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def _item(element):
    item = Item(post_id=None, guid="")
    for kind, name, child in _children(element):
        if kind == "wp":
            _wp_field(item, name, child)
        elif kind == "excerpt" and name == "encoded":
            item.excerpt = child.text or ""
        elif child.tag == CONTENT:
            item.content = child.text or ""
        elif child.tag == CREATOR:
            item.creator = _text(child)
        elif name == "category" and not kind:
            slug = unquote(child.get("nicename", ""))
            item.terms.append((child.get("domain", ""), slug, _text(child)))
        elif name in ("title", "link", "guid") and not kind:
            setattr(item, name, _text(child))
        elif name == "pubDate" and not kind:
            item.pub_date = _text(child)
    item.guid = item.guid or f"wordpress-post-{item.post_id}"
    return item


SIMPLE_FIELDS = {
    "post_type": "post_type",
    "status": "status",
    "post_password": "password",
    "post_date": "date",
    "post_date_gmt": "date_gmt",
    "attachment_url": "attachment_url",
}


def _wp_field(item, name, child):
    if name in SIMPLE_FIELDS:
        setattr(item, SIMPLE_FIELDS[name], _text(child))
    elif name == "post_id":
        item.post_id = _number(_text(child))
    elif name == "post_parent":
        item.parent = _number(_text(child)) or 0
    elif name == "post_name":
        item.slug = unquote(_text(child))  # WordPress stores Chinese slugs percent-encoded
    elif name == "postmeta":
        fields = {n: (c.text or "") for _, n, c in _children(child)}
        item.meta[fields.get("meta_key", "")] = fields.get("meta_value", "").strip()
    elif name == "comment":
        item.comments += 1


def _term(name, element):
    fields = {n: _text(c) for kind, n, c in _children(element) if kind == "wp"}
    if name == "category":
        return Term(
            "category",
            unquote(fields.get("category_nicename", "")),
            fields.get("cat_name", ""),
            unquote(fields.get("category_parent", "")),
        )
    if name == "tag":
        return Term("post_tag", unquote(fields.get("tag_slug", "")), fields.get("tag_name", ""))
    taxonomy = fields.get("term_taxonomy", "")
    return Term(
        taxonomy,
        unquote(fields.get("term_slug", "")),
        fields.get("term_name", ""),
        unquote(fields.get("term_parent", "")),
    )


def _site_field(site, kind, name, element):
    if kind == "wp" and name == "wxr_version":
        version = _text(element)
        if version not in VERSIONS:
            raise ExportError(
                f"This is a WXR {version or '(unnumbered)'} export; WXR 1.1 and 1.2 are read. "
                "Export again from a current WordPress (Tools › Export)."
            )
        site["version"] = version
    elif kind == "wp" and name in ("base_site_url", "base_blog_url"):
        # WordPress.com names itself as the site of every blog: the blog's own address is
        # the one that tells two exports apart (the key of what was imported).
        site[name] = _text(element).rstrip("/")
    elif not kind and name in ("title", "link", "language"):
        site.setdefault(name, _text(element))


def _address(site):
    return (
        site.get("base_blog_url") or site.get("base_site_url") or site.get("link", "").rstrip("/")
    )


def read(file):
    """Everything in the export, in file order: Site first (once its header is read), then
    Author, Term and Item objects. Raises ExportError naming the line of a malformed file."""
    site, site_sent, depth, channel = {}, False, 0, None
    try:
        for event, element in iterparse(file, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth == 2:
                    channel = element
                continue
            depth -= 1
            if depth != 2:
                continue
            kind, name = _split(element.tag)
            kind = "wp" if _is_wp(kind) else kind
            if name in ("item", "author", "category", "tag", "term") and not site_sent:
                if "version" not in site:
                    raise ExportError(
                        "This is not a WordPress export (no wp:wxr_version before the first "
                        "post). Export it from WordPress with Tools › Export."
                    )
                site_sent = True
                yield Site(
                    site.get("title", ""), _address(site), site["version"], site.get("language", "")
                )
            if name == "item" and not kind:
                yield _item(element)
            elif kind == "wp" and name == "author":
                fields = {n: _text(c) for _, n, c in _children(element)}
                login = fields.get("author_login", "")
                yield Author(login, fields.get("author_display_name") or login)
            elif kind == "wp" and name in ("category", "tag", "term"):
                yield _term(name, element)
            else:
                _site_field(site, kind, name, element)
            channel.clear()  # what was read is forgotten: memory stays flat
    except ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]
        raise ExportError(
            f"The export is not well-formed XML at line {line}, column {column} ({reason}). "
            "Nothing after it can be read; fix the file (or export again) and run the import again."
        ) from None
    except DefusedXmlException as error:
        raise ExportError(
            f"The export declares XML entities or a DTD, which are refused: {error}. "
            "WordPress exports have none; export the file again."
        ) from None
    if not site_sent:
        if "version" not in site:
            raise ExportError("This is not a WordPress export: it has no wp:wxr_version.")
        yield Site(site.get("title", ""), _address(site), site["version"], site.get("language", ""))
