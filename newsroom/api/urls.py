"""/api/v1/: ninja's addresses, each wrapped by `http.api_view`, then a JSON 404 for the rest."""

from django.urls import URLPattern, re_path

from newsroom.api.http import api_view, no_such_address
from newsroom.api.v1 import api

patterns, _, namespace = api.urls
app_name = namespace  # "api-v1"

urlpatterns = [
    URLPattern(p.pattern, api_view(p.callback), p.default_args, p.name) for p in patterns
] + [re_path(r"^.+$", api_view(no_such_address), name="not-found")]
