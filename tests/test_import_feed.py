"""import_feed: RSS 2.0 and Atom items become draft articles for review."""

import http.server
import io
import json
import threading

import pytest
from django.core.management import CommandError, call_command

from newsroom.models import Article

pytestmark = pytest.mark.django_db

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Old news</title><link>https://old.example.com/</link><description>x</description>
<item><title>Plant opens</title><link>https://old.example.com/2019/03/04/plant-opens/</link>
<guid>https://old.example.com/?p=1</guid><pubDate>Mon, 04 Mar 2019 02:00:00 +0000</pubDate>
<author>jane@example.com (Jane Doe)</author><category>Energy</category><category>energy</category>
<description>Short.</description>
<content:encoded><![CDATA[<p onclick="x()">Body <script>alert(1)</script><img src="https://old.example.com/a.jpg"></p>]]></content:encoded></item>
<item><title>芜湖新工厂</title><guid>urn:item:2</guid><description>中文。</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<link href="https://atom.example.com/"/><id>urn:feed</id><updated>2020-01-01T00:00:00Z</updated>
<entry><title>Atom story</title><id>urn:entry:1</id><updated>2020-01-02T03:04:05+08:00</updated>
<author><name>Li Wei</name></author><summary>Sum.</summary>
<content type="html">&lt;p&gt;Atom &lt;em&gt;body&lt;/em&gt;&lt;/p&gt;</content></entry></feed>"""


def run(target, *args):
    out = io.StringIO()
    call_command("import_feed", str(target), *args, stdout=out)
    print(out.getvalue())
    return out.getvalue()


def write(tmp_path, text, name="feed.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rss_items_become_sanitised_drafts_with_byline_tags_and_date(tmp_path):
    report = tmp_path / "r.json"
    run(write(tmp_path, RSS), "--report", str(report))
    article = Article.objects.get(title="Plant opens")
    assert article.status == Article.Status.DRAFT
    assert article.body == "<p>Body </p>"
    assert article.summary == "Short."
    assert article.publish_at.isoformat() == "2019-03-04T02:00:00+00:00"
    assert list(article.tags.names()) == ["Energy"]  # one tag, whatever the case
    assert Article.objects.get(title="芜湖新工厂").slug == "芜湖新工厂"
    entry = json.loads(report.read_text())["posts"][0]
    assert entry["markup_removed"] == ["<script>", "onclick= on <p>"]
    assert entry["missing_media"] == ["https://old.example.com/a.jpg"]


def test_atom_entries_are_imported_too(tmp_path):
    run(write(tmp_path, ATOM))
    article = Article.objects.get()
    assert (article.title, article.byline, article.body) == (
        "Atom story",
        "Li Wei",
        "<p>Atom <em>body</em></p>",
    )
    assert article.publish_at.isoformat() == "2020-01-01T19:04:05+00:00"


def test_a_second_run_duplicates_nothing_and_never_overwrites_a_published_story(tmp_path):
    run(write(tmp_path, RSS))
    Article.objects.filter(title="Plant opens").update(status=Article.Status.PUBLISHED)
    out = run(write(tmp_path, RSS.replace("Body", "Changed body"), "b.xml"))
    assert Article.objects.count() == 2
    assert "Changed" not in Article.objects.get(title="Plant opens").body
    assert "already published here" in out


def test_a_dry_run_writes_nothing(tmp_path):
    assert "Would import 2" in run(write(tmp_path, RSS), "--dry-run")
    assert not Article.objects.exists()


def test_a_broken_feed_is_refused_with_its_line(tmp_path):
    with pytest.raises(CommandError, match="not a readable RSS or Atom feed at line 2"):
        run(write(tmp_path, '<?xml version="1.0"?>\n<rss><channel><item></rss>'))


def test_a_loopback_address_is_refused_unless_the_setting_allows_it(tmp_path, settings):
    with pytest.raises(CommandError, match="loopback"):
        run("http://127.0.0.1:9/feed.xml")
    assert not Article.objects.exists()


@pytest.fixture
def feed_server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/atom+xml")
            self.end_headers()
            self.wfile.write(ATOM.encode())

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/feed.atom"
    server.shutdown()
    server.server_close()


def test_a_feed_on_a_private_address_is_fetched_when_the_setting_allows(feed_server, settings):
    settings.FEED_IMPORT_ALLOW_PRIVATE_URLS = True
    run(feed_server)
    assert Article.objects.get().title == "Atom story"


def test_items_go_in_the_category_named_and_an_unknown_one_is_refused(tmp_path):
    from tests import factories

    news = factories.category(slug="news")
    run(write(tmp_path, ATOM), "--category", "news")
    assert Article.objects.get().category == news
    for args in (["--category", "nope"], ["--category", "nope", "--dry-run"]):
        with pytest.raises(CommandError, match="No category with the slug “nope”"):
            run(write(tmp_path, RSS, "b.xml"), *args)


def test_a_missing_file_or_an_ftp_address_is_refused_clearly(tmp_path):
    with pytest.raises(CommandError, match="No file"):
        run(tmp_path / "none.xml")
    with pytest.raises(CommandError, match="No file"):
        run("ftp://example.com/feed.xml")


def test_private_loopback_and_link_local_addresses_are_never_fetched():
    from newsroom.core.outbound import refusal_for_url

    for url in ("http://10.1.2.3/feed", "http://[::1]/feed", "http://169.254.169.254/latest"):
        assert "private, loopback or link-local" in refusal_for_url(url), url
    assert refusal_for_url("http://10.1.2.3/feed", allow_private=True) is None
    assert "http:// or https://" in refusal_for_url("file:///etc/passwd")
