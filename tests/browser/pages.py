"""Every public page type, by the address it has with the content of content.py.

The HTML checker, axe and the width checks go through this list; a new page type is one
line here, e.g. "search": "/search/?q=AUX" once the search page lands.
"""

from newsroom.demo.loader import ARTICLE_SLUG, PROGRAMME_SLUG, PROJECT_SLUG
from newsroom.models import PreviewLink

PUBLIC_PAGES = {
    "home": "/",
    "news list": "/news/",
    "news list, page 2": "/news/?page=2",
    "article": f"/news/{ARTICLE_SLUG}/",
    "article with a lead image": "/news/first-compressors-leave-the-wuhu-line/",
    "category": "/news/category/enterprise-news/",
    "tag": "/news/tag/wuhu/",
    "topic": "/news/topics/04000000/",
    "archive by year": "/news/2024/",
    "archive by month": "/news/2024/01/",
    "project directory": "/projects/",
    "project directory, filtered and sorted": "/projects/?status=construction&sort=jobs",
    "project directory, unknown filter": "/projects/?status=no-such-status",
    "project": f"/projects/{PROJECT_SLUG}/",
    "project, announced only": "/projects/ningbo-heat-pump-base/",
    "organisation": "/organizations/aux-group/",
    "programme": f"/programmes/{PROGRAMME_SLUG}/",
    "project data dictionary": "/projects/data/",
    "search": "/search/?q=AUX",
    "search in Chinese": "/search/?q=%E5%8E%8B%E7%BC%A9%E6%9C%BA",
    "page not found": "/no-such-page/",
    "press contacts": "/press/contacts/",
    "journalists' sign-in": "/press/login/",
    "journalists' account request": "/press/request-access/",
    "corrections and updates": "/news/corrections/",
    "stories by an author": "/news/by/Newsroom staff/",
    "withdrawn article (410)": "/news/withdrawn-capacity-report/",
    "taken-down article (410)": "/news/removed-story/",
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
