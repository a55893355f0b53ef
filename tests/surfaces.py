"""Every public page that can list or show an article, so visibility rules are tested on each.

A test (test_visibility.py) fails when the URLconf gains a public page that is neither
listed here nor exempted with a reason, so a new surface cannot skip the published rule.
"""

import datetime

from django.utils import timezone

# name -> function(article, project) giving the address to check.
SURFACES = {
    "home": lambda a, p: "/en/",
    "news": lambda a, p: "/en/news/",
    "category": lambda a, p: a.category.get_absolute_url(),
    "tag": lambda a, p: "/en/news/tag/hidden-topic/",
    "topic": lambda a, p: "/en/news/topics/04000000/",
    "author": lambda a, p: "/en/news/by/Hidden Writer/",
    "corrections": lambda a, p: "/en/news/corrections/",
    "corrections_rss": lambda a, p: "/en/news/corrections/feed.rss",
    "corrections_atom": lambda a, p: "/en/news/corrections/feed.atom",
    "archive_year": lambda a, p: f"/en/news/{timezone.localtime(a.publish_at).year}/",
    "archive_month": lambda a, p: f"/en/news/{timezone.localtime(a.publish_at):%Y/%m}/",
    "article": lambda a, p: a.get_absolute_url(),
    "project": lambda a, p: p.get_absolute_url(),
    "organization": lambda a, p: p.roles.get().organization.get_absolute_url(),
    "related": lambda a, p: p.article_links.get(link="announces").article.get_absolute_url(),
    "search": lambda a, p: "/en/search/?q=hidden+story",
    "feed_rss": lambda a, p: "/en/news/feed.rss",
    "feed_atom": lambda a, p: "/en/news/feed.atom",
    "category_rss": lambda a, p: f"{a.category.get_absolute_url()}feed.rss",
    "category_atom": lambda a, p: f"{a.category.get_absolute_url()}feed.atom",
    "tag_rss": lambda a, p: "/en/news/tag/hidden-topic/feed.rss",
    "tag_atom": lambda a, p: "/en/news/tag/hidden-topic/feed.atom",
    "project_rss": lambda a, p: f"{p.get_absolute_url()}feed.rss",
    "project_atom": lambda a, p: f"{p.get_absolute_url()}feed.atom",
    "sitemap_section": lambda a, p: "/sitemap-articles.xml",
    "sitemap_news": lambda a, p: "/sitemap-news.xml",
    "api-v1:articles": lambda a, p: "/api/v1/articles",
    "api-v1:articles?category": lambda a, p: f"/api/v1/articles?category={a.category.slug}",
    "api-v1:articles?tag": lambda a, p: "/api/v1/articles?tag=hidden-topic",
    "api-v1:articles?year": lambda a, p: (
        f"/api/v1/articles?year={timezone.localtime(a.publish_at).year}"
    ),
    "api-v1:articles?project": lambda a, p: f"/api/v1/articles?project={p.slug}",
    "api-v1:article": lambda a, p: f"/api/v1/articles/{a.slug}",
    "api-v1:ninjs": lambda a, p: "/api/v1/ninjs",
    "api-v1:project": lambda a, p: f"/api/v1/projects/{p.slug}",
}

# Public pages that never show articles, with the reason.
EXEMPT = {
    "root": "redirects to a language's home page, no content",
    "switch_language": "saves a language choice and redirects, no content",
    "legacy_dated_post": "an imported WordPress address: 301 to a published story only, else "
    "404 (tests/test_import_legacy_addresses.py)",
    "legacy_category": "an imported WordPress address: 301 to a category page, no content",
    "legacy_tag": "an imported WordPress address: 301 to a tag page, no content",
    "projects": "the directory lists projects only",
    "projects_export_csv": "exports hold projects and figures only",
    "projects_export_json": "exports hold projects and figures only",
    "projects_data_dictionary": "documentation, no content",
    "preview": "shows unpublished articles on purpose, through a signed link",
    "sitemap_index": "lists the sitemap sections, not articles",
    "robots_txt": "names the sitemaps only",
    "health": "says which stores answer, no content",
    "brand_css": "the brand's colours as a stylesheet, no content",
    "styleguide": "staff only (404 for others), example content only: tests/test_design.py",
    "favicon": "a redirect to the icon",
    # The API's lists of things other than articles; tests/test_api_visibility.py checks
    # their counts, tags, citations and projects against the same schedules.
    "api-v1:projects": "projects only; article citations in it: tests/test_api_visibility.py",
    "api-v1:categories": "article counts only: tests/test_api_visibility.py",
    "api-v1:tags": "tags and counts only: tests/test_api_visibility.py",
    "programme": "a company plan and its published projects: tests/test_programmes.py",
    "api-v1:programmes": "plans and published projects only: tests/test_programmes.py",
    "api-v1:programme": "a plan and its published projects only: tests/test_programmes.py",
    "api-v1:organizations": "organisations and projects only: tests/test_api_visibility.py",
    "api-v1:organization": "organisations and projects only: tests/test_api_visibility.py",
    "api-v1:openapi-json": "documentation, no content",
    "api-v1:openapi-view": "documentation, no content",
    "api-v1:api-root": "a JSON 404 that points to the documentation",
    "api-v1:not-found": "a JSON 404 for every other address under /api/v1/",
    "article_media_kit": "a ZIP, not a page; its 404 for every unpublished state is in "
    "test_media_kit.py",
    "project_media_kit": "a ZIP of project pictures; tested in test_media_kit.py",
    "project_embed": "a published project's figures; a cited article only once public: "
    "tests/test_embed_cards.py",
    "oembed": "the iframe of a published project's card: tests/test_embed_cards.py",
    # The press office (newsroom/press): contacts are public once active; the rest is for
    # journalists' accounts, never cached, and tested in tests/test_journalists.py.
    "press_contacts": "press contacts only: tests/test_press_contacts.py",
    "press_vcard": "one contact's vCard: tests/test_press_contacts.py",
    "press_login": "the journalists' sign-in form",
    "press_logout": "signs out (POST only)",
    "press_request_access": "the form asking for a journalist's account",
    "press_invite": "an invitation's sign-up form, through a signed link",
    "press_embargoed": "embargoed stories on purpose, for approved journalists only: "
    "tests/test_journalists.py",
    "press_embargoed_article": "one embargoed story on purpose, for approved journalists only: "
    "tests/test_journalists.py",
    "alerts:subscribe": "the sign-up form: categories, tags of published articles and "
    "published projects, never an article (tests/test_alert_subscriptions.py)",
    "alerts:check_inbox": "a fixed message, no content",
    "alerts:confirm": "confirms a signed sign-up, no content",
    "alerts:unsubscribe": "stops a signed address's alerts, no content",
}


def hidden_story_setting(factories, **article_fields):
    """An article linked to a project and an organisation, tagged, with a Media Topic, a
    byline and a correction, next to a public story that links to it, so that every surface
    above has a place where it could leak."""
    from newsroom.models import Correction
    from projects.models import ArticleProject, Organization, ProjectOrganization

    news = factories.category(name="Company news", slug="company-news")
    fields = {"byline": "Hidden Writer", **article_fields}
    hidden = factories.article(title="Hidden story", category=news, tags=["Hidden topic"], **fields)
    Correction.objects.create(article=hidden, note="A corrected figure.")
    project = factories.project()
    organization = Organization.objects.create(name="Org", slug="org")
    ProjectOrganization.objects.create(project=project, organization=organization)
    public = factories.article(
        title="Public story",
        category=news,
        publish_at=timezone.now() - datetime.timedelta(days=400),
    )
    public.related_articles.add(hidden)
    hidden.subjects.add(factories.topic(qcode="medtop:04000000"))
    factories.link(public, project, ArticleProject.Link.ANNOUNCES)
    factories.link(hidden, project, ArticleProject.Link.UPDATES)
    return hidden, project
