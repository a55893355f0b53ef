"""A post's text made an article body: shortcodes handled, WordPress's paragraphs made
explicit, pictures taken out for the gallery, and the one allow-list applied
(newsroom.core.sanitize), with a list of the markup it removed for the report."""

import dataclasses
import re
from html.parser import HTMLParser

from newsroom.core.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_html
from newsroom.importers import shortcodes

BLOCK = re.compile(
    r"^\s*<(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|table|pre|hr|section|!--)\b", re.I
)
# A picture, possibly linked to its full size: both go (the link would be left empty).
LINKED_IMG = re.compile(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>|(<img\b[^>]*>)", re.IGNORECASE)
SAFE_SCHEMES = ("http:", "https:", "mailto:", "/", "#", "?")


@dataclasses.dataclass
class Body:
    html: str
    pictures: list
    gallery_children: bool
    shortcodes: list
    markup_removed: list


def autop(text):
    """WordPress's classic editor stores paragraphs as blank lines (wpautop adds the <p>
    when it shows them): make them explicit, and single line breaks <br>."""
    if re.search(r"<p[\s>]", text, re.IGNORECASE):
        return text  # the block editor writes its own paragraphs
    out = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        out.append(chunk if BLOCK.match(chunk) else f"<p>{chunk.replace(chr(10), '<br>')}</p>")
    return "\n".join(out)


class _Removed(HTMLParser):
    """Collects what the allow-list will drop: elements, attributes and unsafe link schemes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = set()

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.found.add(f"<{tag}>")
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self.found.add(f"{name}= on <{tag}>")
            elif name == "href" and not (value or "").strip().lower().startswith(SAFE_SCHEMES):
                scheme = (value or "").split(":", 1)[0].strip().lower()
                self.found.add(f"{scheme}: link")

    handle_startendtag = handle_starttag


def removed_markup(text):
    parser = _Removed()
    parser.feed(text)
    parser.close()
    return sorted(parser.found)


def prepare(content):
    """The article body for a post's content, and what happened on the way."""
    converted = shortcodes.convert(content)
    pictures = list(converted.pictures)

    def take(match):
        pictures.append(shortcodes.picture_from_img(match[1] or match[2]))
        return ""

    text = LINKED_IMG.sub(take, autop(converted.text))
    return Body(
        sanitize_html(text),
        pictures,
        converted.gallery_children,
        converted.kept,
        removed_markup(text),
    )
