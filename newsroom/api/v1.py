"""Version 1 of the API: its resources, its errors and its documentation page."""

from ninja import NinjaAPI, Swagger
from ninja.renderers import JSONRenderer

from newsroom.api import articles, errors, ninjs_feed, organizations, programmes, projects

DESCRIPTION = """
Read-only JSON for the newsroom's published articles and major projects. It shows
exactly what the public site shows: drafts, scheduled and embargoed articles and
unpublished projects are absent (404), and appear at their time by themselves.

- **Lists** are paginated: `page` (from 1) and `page_size` (1 to 100, default 20).
  A page past the last is a 404; an empty list has an empty page 1. Any page, however
  deep (page 4,000 of 100,000 articles), answers as fast as the first ones: follow
  `next`, or jump to any `page`.
- **Article filters** (`category`, `tag`, `project`: slugs; `year`) that match nothing
  give an empty list (200), so the API never tells a tag or project that is not public
  from one that does not exist. **Project filters** are the directory's: `status` and
  `sort` are fixed lists; the others take values that published projects have, and a
  value none has is a 400, as in the directory's export. An empty filter is a 400 too.
- **Errors** are JSON: `{"detail": "..."}`; a 400 adds `"errors": {"parameter": ["..."]}`.
  A malformed parameter (`page=abc`, `page=0`, `year=abc`, a year outside 1900 to
  2200) is a 400.
- **Numbers** are exact decimal strings (`"5000000000.000"`), in base units; amounts in
  different currencies are never converted. Partial dates give their `precision`.
- **Caching**: responses are `Cache-Control: public` for at most 60 seconds, never past
  the next moment an article is scheduled to appear or leave, with `ETag` and
  `Last-Modified`; conditional requests get `304 Not Modified`.
- **ninjs 3.1**: an article's address gives IPTC's ninjs (news in JSON, Content-Type
  `application/vnd.iptc.ninjs+json`) to `Accept: application/vnd.iptc.ninjs+json`, and JSON
  otherwise (`Vary: Accept`); an Accept that allows neither is a 406. `/ninjs` lists the
  latest articles as ninjs objects, paged like the other lists. Subjects are IPTC Media
  Topics (`medtop:` codes) and tags.
- **CORS**: any origin may read (`Access-Control-Allow-Origin: *`), without credentials.
  Only GET, HEAD and OPTIONS are allowed; other methods get 405.
"""


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # 压缩机, not \\u538b\\u7f29\\u673a


class Docs(Swagger):
    """Swagger UI from the package's own static files: no CDN, no outside request."""

    template = "api/docs.html"


api = NinjaAPI(
    title="Newsroom API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # validatorUrl: Swagger UI would otherwise send the schema to swagger.io for a badge.
    docs=Docs(settings={"validatorUrl": "none", "defaultModelsExpandDepth": 0}),
    renderer=Renderer(),
)
api.add_router("", articles.router)
api.add_router("", ninjs_feed.router)
api.add_router("", projects.router)
api.add_router("", organizations.router)
api.add_router("", programmes.router)
errors.register(api)
