"""Newsroom settings: one module, read from the environment (see README, "Configuration")."""

import datetime
import re
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from newsroom.core.env import (
    LOOPBACK_NETWORKS,
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_path,
    env_secret,
    env_str,
    env_windows,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_secret(
    "SECRET_KEY", required=not DEBUG, fallback="insecure-local-development-key-" + "x" * 32
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_NAME = env_str("SITE_NAME", "AUX Group Newsroom")
# The brand's defaults while no brand is saved in the admin (newsroom/models/brand.py).
BRAND_NAME = env_str("BRAND_NAME", "AUX Group")
BRAND_ACCENT = env_str("BRAND_ACCENT", "#0057b8").lower()
BRAND_ACCENT_DARK = env_str("BRAND_ACCENT_DARK", "#7db4ff").lower()
BRAND_TYPEFACE = env_str("BRAND_TYPEFACE", "system")
for _name in ("BRAND_ACCENT", "BRAND_ACCENT_DARK"):
    if not re.fullmatch(r"#[0-9a-f]{6}", globals()[_name]):
        raise ImproperlyConfigured(f"{_name} must be a colour written #1a2b3c.")
if BRAND_TYPEFACE not in ("system", "humanist", "serif"):
    raise ImproperlyConfigured("BRAND_TYPEFACE must be system, humanist or serif.")
# The footer's legal links; a link whose address is empty is not shown.
PRIVACY_URL = env_str("PRIVACY_URL")
TERMS_URL = env_str("TERMS_URL")
# The publisher's own profiles elsewhere (schema.org `sameAs` on the home page).
PUBLISHER_SAME_AS = env_list("PUBLISHER_SAME_AS")
# Price-sensitive stories never go live inside these windows (newsroom/core/disclosure.py).
DISCLOSURE_QUIET_WINDOWS = env_windows("DISCLOSURE_QUIET_WINDOWS")
# How long a withdrawn story stays in feeds and the API's list as a withdrawal notice.
WITHDRAWAL_NOTICE_DAYS = env_int("WITHDRAWAL_NOTICE_DAYS", 30, minimum=1)

INSTALLED_APPS = [
    "modeltranslation",  # per-field translations; before the admin, as its docs require
    "newsroom.admin_site.NewsroomAdminConfig",  # django.contrib.admin, grouped for editors
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.forms",
    "taggit",
    "django_prose_editor",
    "django_filters",
    "ninja",  # the API's docs page uses its bundled Swagger UI static files
    "reversion",
    "csp",
    "axes",
    "newsroom",
    "projects",
    "newsroom.press",
    "newsroom.alerts",
    "newsroom.importers",
    "django_tasks_db",
]
# Django 6 has the Tasks API built in; on 5.2 the django-tasks backport provides it.
if not find_spec("django.tasks"):
    INSTALLED_APPS.append("django_tasks")

MIDDLEWARE = [
    # First, so a hit is answered before anything else runs; it stores what all the others
    # return (their headers included). It believes X-Forwarded-Proto only from
    # TRUSTED_PROXIES, as ForwardedHeadersMiddleware does, and checks ALLOWED_HOSTS itself.
    "newsroom.cache.PageCacheMiddleware",
    # Before anything that reads them: SecurityMiddleware and request.is_secure() read
    # X-Forwarded-Proto.
    "newsroom.core.security.ForwardedHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "newsroom.core.security.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.core.locale.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "newsroom.admin_language.StaffLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Widgets render with the templates above, so templates/admin/widgets/ can override them.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "newsroom.context_processors.site",
                "newsroom.context_processors.chrome",
                "newsroom.context_processors.alternates",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
try:
    _database = dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 600, minimum=0), conn_health_checks=True
    )
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {error}") from None
if _database["ENGINE"] == "django.db.backends.sqlite3":
    # Persistent connections buy nothing on SQLite and keep files locked in tests.
    _database["CONN_MAX_AGE"] = 0
    # The covering indexes (the sitemap's, newsroom/migrations/0019, and published() by key,
    # 0023) include columns only PostgreSQL can use; SQLite builds them without, as we want.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]


def _without_jit(database):
    """PostgreSQL's JIT compiles a page's larger queries on every run (about 100 ms for the
    article page's, to save 1 ms); our queries are short, so it is off unless the URL's
    options name it."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        if "jit" not in options.get("options", ""):
            options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return database


DATABASES = {"default": _without_jit(_database)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# An optional read replica for public pages; all else uses the primary (newsroom/core/replicas.py).
# In tests it mirrors the default database.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    try:
        _replica = dj_database_url.parse(
            DATABASE_REPLICA_URL, conn_max_age=_database["CONN_MAX_AGE"], conn_health_checks=True
        )
    except ValueError as error:
        raise ImproperlyConfigured(
            f"DATABASE_REPLICA_URL is not a valid database URL: {error}"
        ) from None
    DATABASES["replica"] = {**_without_jit(_replica), "TEST": {"MIRROR": "default"}}
    DATABASE_ROUTERS = ["newsroom.core.replicas.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "newsroom.core.replicas.ReplicaMiddleware",
    )

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # A Redis outage means pages are served uncached, not errors (newsroom/core/resilient_cache.py).
    CACHES = {
        "default": {
            "BACKEND": "newsroom.core.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Local memory is per process: without Redis, the processes of one machine (gunicorn's
# workers) share a cache only through a directory. A prefix keeps sites sharing a Redis apart.
if not REDIS_URL and (CACHE_DIR := env_str("CACHE_DIR")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR,
        }
    }
CACHES["default"]["KEY_PREFIX"] = env_str("CACHE_KEY_PREFIX")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling; must come first
    # ModelBackend, with the admin language in the user query (newsroom/admin_language.py)
    "newsroom.admin_language.StaffLanguageBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "newsroom" / "locale"]
USE_TZ = True  # stored in UTC, shown in TIME_ZONE
FORMAT_MODULE_PATH = ["newsroom.formats"]  # dates as each language writes them
# Translated fields (newsroom/translation.py, projects/translation.py): English is the
# original column and every other language falls back to it; slugs come from English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
# Tag.objects.create(name=…) under a Chinese request still fills the English column.
MODELTRANSLATION_AUTO_POPULATE = "default"

STATIC_URL = "/static/"
STATIC_ROOT = env_path("STATIC_ROOT", BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env_path("MEDIA_ROOT", BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded images in S3-compatible object storage when a bucket is named (README, "Images").
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "custom_domain": env_str("S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
# Media files never change under one name, so whoever serves them may cache them for a year.
# Django serves them itself with DEBUG, or with SERVE_MEDIA on a single server without a proxy.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=DEBUG)
# Uploads beyond these are refused before they are decoded.
IMAGE_MAX_FILE_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 20, minimum=1) * 1024 * 1024
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_MEGAPIXELS", 50, minimum=1) * 1_000_000
# Images above this many megapixels (frames counted) are decoded in a short-lived child
# process, with at most IMAGE_PROCESS_MEMORY_MB, so a worker never keeps their memory
# (newsroom/core/imaging.py). 0 sends every image to a child; a memory of 0 is unlimited.
IMAGE_INLINE_MEGAPIXELS = env_int("IMAGE_INLINE_MEGAPIXELS", 2, minimum=0)
IMAGE_PROCESS_MEMORY_MB = env_int("IMAGE_PROCESS_MEMORY_MB", 2048, minimum=0)

TAGGIT_CASE_INSENSITIVE = True

# Production hardening; HTTPS is assumed to be terminated by a proxy in front.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 63_072_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# The switcher's saved choice, read only on the bare root `/`.
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
CSRF_COOKIE_HTTPONLY = True  # no script of ours or the admin's reads it
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"  # sent by newsroom.core.security
# The admin is refused over plain HTTP even if SECURE_SSL_REDIRECT is turned off.
ADMIN_HTTPS_ONLY = env_bool("ADMIN_HTTPS_ONLY", default=not DEBUG)
# Forwarded headers (X-Forwarded-For, -Proto, -Host...) are believed only from these peers;
# from anyone else they are removed before any code reads them, so a client that reaches
# gunicorn directly cannot claim another address or HTTPS (README, "Deploying").
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES", LOOPBACK_NETWORKS)
# How many proxies in front append to X-Forwarded-For; the client is that many from the right.
PROXY_COUNT = env_int("PROXY_COUNT", 1, minimum=0)

# No inline script or style and no eval; the admin's import map carries the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        # The hash is tiptap's built-in editor CSS, which it injects as a <style> element
        # (django-prose-editor passes it no nonce); an upgrade that changes it fails the
        # browser tests, which fail on any CSP violation.
        "style-src": [SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login throttling: five failed passwords for one account from one address lock that pair
# out for 15 minutes, so an attacker elsewhere cannot lock an editor out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "newsroom.core.security.client_ip"
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_VERBOSE = False  # failures and lockouts are still logged as warnings

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO").upper()},
}

NEWS_PAGE_SIZE = 12
# Anonymous pages are cached whole for at most this long (and never past a scheduled change);
# browsers and CDNs may keep them for BROWSER_CACHE_SECONDS.
# On by default only with a cache all app processes share (Redis or CACHE_DIR): with the
# per-process memory cache, a publish seen by one gunicorn worker would not reach the others.
PAGE_CACHE_SECONDS = env_int(
    "PAGE_CACHE_SECONDS", 300 if REDIS_URL or env_str("CACHE_DIR") else 0, minimum=0
)
BROWSER_CACHE_SECONDS = env_int("BROWSER_CACHE_SECONDS", 60, minimum=0)
# A project record not confirmed for this many months is flagged as not updated.
PROJECT_STALE_MONTHS = env_int("PROJECT_STALE_MONTHS", 12, minimum=1)
# How many pages one client address may add to the page cache a minute; beyond it, pages
# are served uncached, so no client can fill the cache's memory.
PAGE_CACHE_CLIENT_STORES = env_int("PAGE_CACHE_CLIENT_STORES", 120, minimum=0)
# How long a process answers hits from its own copies without asking the shared cache for
# the generation again; a change waits this long before its response (newsroom/core/
# page_lease.py). 0: every hit asks; so it is without a cache shared between processes.
PAGE_CACHE_LEASE_SECONDS = (
    env_int("PAGE_CACHE_LEASE_MS", 50 if REDIS_URL or env_str("CACHE_DIR") else 0, minimum=0) / 1000
)

# Alerts and webhooks (README, "Alerts and webhooks"). Links in emails need the site's address.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30, minimum=1)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
# Every task goes through Django's Tasks API; the default backend keeps the queue in the
# database, so `make run` needs nothing else (`manage.py db_worker` runs the tasks).
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
if TASKS["default"]["BACKEND"] == "django_tasks_rq.RQBackend":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {"URL": env_str("RQ_REDIS_URL", REDIS_URL or "redis://127.0.0.1:6379/0")}
    }
# A delivery claimed longer ago than this is taken to have lost its worker and is sent again.
ALERTS_SEND_LEASE_SECONDS = env_int("ALERTS_SEND_LEASE_SECONDS", 300, minimum=1)
# The longest a worker sleeps between sweeps (unconfirmed sign-ups, lost tasks).
ALERTS_SWEEP_SECONDS = env_int("ALERTS_SWEEP_SECONDS", 300, minimum=1)
# Confirmation mails: none again to a pending address within the window; at most this many
# from one client address per hour.
ALERTS_CONFIRMATION_WINDOW_MINUTES = env_int("ALERTS_CONFIRMATION_WINDOW_MINUTES", 60, minimum=1)
ALERTS_CONFIRMATIONS_PER_IP_HOUR = env_int("ALERTS_CONFIRMATIONS_PER_IP_HOUR", 5, minimum=1)
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 6, minimum=1)
WEBHOOK_TIMEOUT_SECONDS = env_int("WEBHOOK_TIMEOUT_SECONDS", 10, minimum=1)
# Only for tests: let webhooks reach loopback and private addresses.
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", default=False)
# import_feed: let a feed URL be on a loopback or private address (an intranet feed, tests).
FEED_IMPORT_ALLOW_PRIVATE_URLS = env_bool("FEED_IMPORT_ALLOW_PRIVATE_URLS", default=False)
FEED_IMPORT_MAX_MB = env_int("FEED_IMPORT_MAX_MB", 20, minimum=1)
