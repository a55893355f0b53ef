"""Small builders of WordPress exports (WXR 1.1 and 1.2) for the import tests: no fixture
files, every case written where it is tested."""

import io
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from PIL import Image as Pillow

SITE = "https://old.example.com"


def cdata(text):
    return "<![CDATA[" + (text or "").replace("]]>", "]]]]><![CDATA[>") + "]]>"


def author(login, display_name):
    return (
        f"<wp:author><wp:author_login>{cdata(login)}</wp:author_login>"
        f"<wp:author_display_name>{cdata(display_name)}</wp:author_display_name></wp:author>"
    )


def category(slug, name, parent=""):
    return (
        f"<wp:category><wp:category_nicename>{escape(slug)}</wp:category_nicename>"
        f"<wp:category_parent>{escape(parent)}</wp:category_parent>"
        f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"
    )


def tag(slug, name):
    return f"<wp:tag><wp:tag_slug>{escape(slug)}</wp:tag_slug><wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>"


def post(
    post_id,
    title,
    content="",
    *,
    slug=None,
    status="publish",
    date_gmt="2019-03-04 02:00:00",
    date="2019-03-04 10:00:00",
    excerpt="",
    creator="jane",
    categories=(("news", "News"),),
    tags=(),
    meta=None,
    password="",
    post_type="post",
    parent=0,
    comments=0,
    attachment_url="",
    link=None,
    guid=None,
):
    slug = f"post-{post_id}" if slug is None else slug
    link = f"{SITE}/2019/03/04/{slug}/" if link is None else link
    terms = "".join(
        f'<category domain="category" nicename={quoteattr(s)}>{cdata(n)}</category>'
        for s, n in categories
    ) + "".join(
        f'<category domain="post_tag" nicename={quoteattr(s)}>{cdata(n)}</category>'
        for s, n in tags
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key><wp:meta_value>{cdata(str(v))}"
        "</wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    comment = "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>Hi</wp:comment_content></wp:comment>"
    attachment = (
        f"<wp:attachment_url>{escape(attachment_url)}</wp:attachment_url>" if attachment_url else ""
    )
    return f"""
<item>
  <title>{escape(title)}</title>
  <link>{escape(link)}</link>
  <pubDate>Mon, 04 Mar 2019 02:00:00 +0000</pubDate>
  <dc:creator>{cdata(creator)}</dc:creator>
  <guid isPermaLink="false">{escape(guid or f"{SITE}/?p={post_id}")}</guid>
  <description></description>
  <content:encoded>{cdata(content)}</content:encoded>
  <excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
  <wp:post_id>{post_id}</wp:post_id>
  <wp:post_date>{cdata(date)}</wp:post_date>
  <wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>
  <wp:post_name>{cdata(slug)}</wp:post_name>
  <wp:status>{cdata(status)}</wp:status>
  <wp:post_parent>{parent}</wp:post_parent>
  <wp:post_type>{cdata(post_type)}</wp:post_type>
  <wp:post_password>{cdata(password)}</wp:post_password>
  {attachment}{terms}{metas}{comment * comments}
</item>"""


def attachment(post_id, path, *, alt="", caption="", title="", parent=0):
    url = f"{SITE}/wp-content/uploads/{path}"
    meta = {"_wp_attached_file": path}
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    return post(
        post_id,
        title or Path(path).stem,
        excerpt=caption,
        post_type="attachment",
        status="inherit",
        parent=parent,
        attachment_url=url,
        meta=meta,
        categories=(),
        link=f"{SITE}/?attachment_id={post_id}",
    )


def export(*parts, version="1.2", site=SITE, blog=None, language="en-US"):
    """A whole export: `parts` are the strings from author(), category(), tag() and post()."""
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/{version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/{version}/">
<channel>
  <title>Old newsroom</title>
  <link>{site}</link>
  <language>{language}</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{site}</wp:base_site_url>
  <wp:base_blog_url>{blog or site}</wp:base_blog_url>
  {"".join(parts)}
</channel>
</rss>
"""


def write(folder, text, name="export.xml"):
    path = Path(folder) / name
    path.write_text(text, encoding="utf-8")
    return path


def picture(media_dir, path, size=(64, 48), kind="JPEG"):
    """A real small image under media_dir/wp-content/uploads/path, drawn with Pillow."""
    target = Path(media_dir) / "wp-content" / "uploads" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    Pillow.new("RGB", size, (30, 120, 200)).save(out, kind)
    target.write_bytes(out.getvalue())
    return target
