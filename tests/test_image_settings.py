"""Image limits, media storage and media serving come from the environment too."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
    "ALLOWED_HOSTS": "news.example.com",
}
SHOW = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({"storage": settings.STORAGES["default"], "serve": settings.SERVE_MEDIA,
                  "bytes": settings.IMAGE_MAX_FILE_SIZE, "pixels": settings.IMAGE_MAX_PIXELS}))
"""


def settings_with(**environment):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env={**clean, **PRODUCTION, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 or not result.stdout, result.stdout
    return json.loads(result.stdout) if result.returncode == 0 else result.stderr


def test_defaults_are_the_filesystem_20_mb_and_50_megapixels_and_no_media_from_django():
    found = settings_with()
    assert found["storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert (found["bytes"], found["pixels"]) == (20 * 1024 * 1024, 50_000_000)
    assert found["serve"] is False


def test_limits_and_media_serving_are_set_from_the_environment():
    found = settings_with(IMAGE_MAX_UPLOAD_MB="8", IMAGE_MAX_MEGAPIXELS="24", SERVE_MEDIA="true")
    assert (found["bytes"], found["pixels"], found["serve"]) == (8 * 1024 * 1024, 24_000_000, True)
    assert "IMAGE_MAX_MEGAPIXELS must be at least 1" in settings_with(IMAGE_MAX_MEGAPIXELS="0")


def test_a_bucket_name_selects_s3_compatible_storage_with_public_immutable_files():
    found = settings_with(
        S3_BUCKET="newsroom-media",
        S3_ENDPOINT_URL="https://s3.example.com",
        S3_CUSTOM_DOMAIN="media.example.com",
    )
    storage = found["storage"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert (
        storage["OPTIONS"]
        | {
            "bucket_name": "newsroom-media",
            "endpoint_url": "https://s3.example.com",
            "custom_domain": "media.example.com",
            "querystring_auth": False,
            "file_overwrite": False,
        }
        == storage["OPTIONS"]
    )
    assert storage["OPTIONS"]["object_parameters"]["CacheControl"] == (
        "public, max-age=31536000, immutable"
    )
