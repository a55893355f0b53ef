"""Every public page type, by the address it has with the content of content.py.

The HTML checker, axe and the width checks go through this list; a new page type is one
line here, e.g. "search": "/en/search/?q=AUX" once the search page lands.
"""

from newsroom.demo.loader import ARTICLE_SLUG, PROGRAMME_SLUG, PROJECT_SLUG
from newsroom.demo.translation import SLUG as CHINESE_ARTICLE_SLUG
from newsroom.models import PreviewLink

PUBLIC_PAGES = {
    "home": "/en/",
    "news list": "/en/news/",
    "news list, page 2": "/en/news/?page=2",
    "article": f"/en/news/{ARTICLE_SLUG}/",
    "article with a lead image": "/en/news/first-compressors-leave-the-wuhu-line/",
    "category": "/en/news/category/enterprise-news/",
    "tag": "/en/news/tag/wuhu/",
    "topic": "/en/news/topics/04000000/",
    "archive by year": "/en/news/2024/",
    "archive by month": "/en/news/2024/01/",
    "project directory": "/en/projects/",
    "project directory, filtered and sorted": "/en/projects/?status=construction&sort=jobs",
    "project directory, unknown filter": "/en/projects/?status=no-such-status",
    "project": f"/en/projects/{PROJECT_SLUG}/",
    "project, announced only": "/en/projects/ningbo-heat-pump-base/",
    "organisation": "/en/organizations/aux-group/",
    "programme": f"/en/programmes/{PROGRAMME_SLUG}/",
    "project data dictionary": "/en/projects/data/",
    "search": "/en/search/?q=AUX",
    "search in Chinese": "/en/search/?q=%E5%8E%8B%E7%BC%A9%E6%9C%BA",
    "page not found": "/no-such-page/",
    "press contacts": "/en/press/contacts/",
    "journalists' sign-in": "/en/press/login/",
    "journalists' account request": "/en/press/request-access/",
    "corrections and updates": "/en/news/corrections/",
    "stories by an author": "/en/news/by/Newsroom staff/",
    "withdrawn article (410)": "/en/news/withdrawn-capacity-report/",
    "taken-down article (410)": "/en/news/removed-story/",
    "home in Chinese": "/zh-hans/",
    "news list in Chinese": "/zh-hans/news/",
    "article in Chinese": f"/zh-hans/news/{CHINESE_ARTICLE_SLUG}/",
    "project directory in Chinese": "/zh-hans/projects/",
    "project in Chinese": f"/zh-hans/projects/{PROJECT_SLUG}/",
    "search, Chinese interface": "/zh-hans/search/?q=%E5%8E%8B%E7%BC%A9%E6%9C%BA",
    "press contacts in Chinese": "/zh-hans/press/contacts/",
}

# Pages for staff only, checked signed in (the styleguide documents the design system).
STAFF_PAGES = {
    "styleguide": "/en/styleguide/",
    "styleguide in Chinese": "/zh-hans/styleguide/",
}


def public_pages():
    """PUBLIC_PAGES and the pages whose address is made when the content is: the embargoed
    article a journalist opens through a preview link."""
    preview = PreviewLink.objects.get(recipient="Reuters, Shanghai")
    return {**PUBLIC_PAGES, "article under embargo, by preview link": preview.get_absolute_url()}


def expected_status(name):
    if name.endswith("(410)"):
        return 410
    return 404 if name == "page not found" else 200
