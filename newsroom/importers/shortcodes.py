"""WordPress shortcodes in a post's text. None is ever executed: captions and galleries
become pictures of the article's gallery (our markup for pictures; the body's allow-list has
no images), and every other one ([embed], [audio], [video], a plugin's) stays readable as
text in a marked paragraph, for an editor to redo, and is reported."""

import dataclasses
import html
import re

# [name attrs], [name attrs /], [name attrs]content[/name]; [[name]] is an escaped literal.
# Lower-case names only, as WordPress registers them: "[Reuters]" in a text is not one.
SHORTCODE = re.compile(
    r"\[(?P<open>\[?)(?P<name>[a-z][a-z0-9_-]*)(?![\w-])(?P<attrs>[^\[\]]*?)(?P<selfclose>/)?\]"
    r"(?:(?P<content>(?:(?!\[/?(?P=name)[\s\]]).)*?)\[/(?P=name)\])?(?P<close>\]?)",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
HANDLED = ("caption", "wp_caption", "gallery")


@dataclasses.dataclass(frozen=True)
class Picture:
    """A picture the post shows: an attachment ID when the markup names one, its address,
    and the caption written beside it."""

    attachment_id: int | None
    url: str = ""
    caption: str = ""


@dataclasses.dataclass
class Shortcodes:
    text: str
    pictures: list  # Picture, in the order the post shows them
    gallery_children: bool  # a [gallery] without ids: the post's own attachments
    kept: list  # the shortcodes kept as text, as written


def attributes(text):
    return {m[1].lower(): m[2] or m[3] or m[4] or "" for m in ATTRIBUTE.finditer(text)}


def attribute_of(tag, name):
    found = re.search(rf"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)')""", tag, re.IGNORECASE)
    return html.unescape(found[1] or found[2] or "") if found else ""


def picture_from_img(tag, caption=""):
    """The Picture an <img> tag shows: WordPress names its attachment in class="wp-image-N"."""
    found = re.search(r"\bwp-image-(\d+)\b", attribute_of(tag, "class"))
    return Picture(int(found[1]) if found else None, attribute_of(tag, "src"), caption)


def _caption(match, attrs):
    content = match["content"] or ""
    images = IMG.findall(content)
    text = re.sub(r"<[^>]+>", "", IMG.sub("", content)).strip() or attrs.get("caption", "")
    text = html.unescape(text)
    found = re.fullmatch(r"attachment_(\d+)", attrs.get("id", ""))
    if not images:
        return [Picture(int(found[1]), "", text)] if found else []
    picture = picture_from_img(images[0], text)
    if picture.attachment_id is None and found:
        picture = dataclasses.replace(picture, attachment_id=int(found[1]))
    return [picture]


def marked(original):
    """A shortcode kept for the editors, visible and inert."""
    return f"\n\n<p><strong>WordPress shortcode, not imported:</strong> <code>{html.escape(original)}</code></p>\n\n"


def convert(text):
    """The post's text with its shortcodes handled (see the module's description)."""
    pictures, kept, children = [], [], False

    def replace(match):
        nonlocal children
        if match["open"] and match["close"]:
            return match[0][1:-1]  # [[name]]: WordPress prints it literally
        name, attrs = match["name"], attributes(match["attrs"] or "")
        if name in ("caption", "wp_caption"):
            pictures.extend(_caption(match, attrs))
            return "\n\n"
        if name == "gallery":
            ids = [
                int(i) for i in re.findall(r"\d+", attrs.get("ids", "") or attrs.get("include", ""))
            ]
            pictures.extend(Picture(i) for i in ids)
            children = children or not ids
            return "\n\n"
        original = match[0][len(match["open"]) : len(match[0]) - len(match["close"])]
        kept.append(original)
        return marked(original)

    return Shortcodes(SHORTCODE.sub(replace, text or ""), pictures, children, kept)
