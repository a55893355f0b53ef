"""The benchmark's floors: Django with no database, served by gunicorn like the site.

- /template/: a page of about 31 KB rendered from a template on every request, the
  reference the site's uncached pages are compared with;
- /prerendered/: the same page rendered once and returned as it is, what a page cache
  hit cannot beat; cached pages are compared with it.

Both run through the middleware a bare production Django has (security, common,
clickjacking); nothing of the site is imported.
"""

import datetime
from pathlib import Path

from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="benchmark-floor-" + "x" * 40,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    USE_TZ=True,
    TIME_ZONE="Asia/Shanghai",
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [Path(__file__).with_name("templates")],
        }
    ],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402 (needs the settings above)
from django.http import HttpResponse  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.urls import path  # noqa: E402

START = datetime.datetime(2024, 1, 2, 10, tzinfo=datetime.UTC)
CONTEXT = {
    "site_name": "AUX Group Newsroom",
    "stories": [
        {
            "title": f"AUX Compressor plant number {n} starts trial production in Wuhu",
            "url": f"/en/news/aux-compressor-plant-{n}-starts-trial-production/",
            "published": START - datetime.timedelta(days=3 * n, hours=n),
            "category": "Enterprise News",
            "summary": "The plant will make 30 million intelligent air-conditioning "
            "compressors a year for an investment of about 5 billion yuan, creating "
            "3,000 jobs directly; it was built in sixteen months.",
            "tags": ["AUX", "Anhui", "Wuhu", "compressors", "major projects"],
        }
        for n in range(36)
    ],
}


def template(request):
    return render(request, "floor.html", CONTEXT)


application = get_wsgi_application()  # sets Django up, so templates can be rendered
PRERENDERED = render_to_string("floor.html", CONTEXT).encode()


def prerendered(request):
    return HttpResponse(PRERENDERED)


urlpatterns = [path("template/", template), path("prerendered/", prerendered)]
