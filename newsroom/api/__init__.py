"""The public, read-only JSON API at /api/v1/ (django-ninja).

- `v1.py` builds the API: its routers, error handlers and documentation.
- `http.py` wraps every API address: read-only methods, CORS, caching headers, 304s.
- `urls.py` mounts both; `newsroom/urls.py` includes it.
- `articles.py`, `projects.py`, `organizations.py`: the resources, each from the
  published rules (`Article.objects.published()`, `Project.objects.published()`).
"""
