"""Settings come from the environment, fail loudly on bad values, and are safe by default."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.core import env

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
    "ALLOWED_HOSTS": "news.example.com",
}


def manage(*args, **environment):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", *environment}}
    clean.pop("SECURE_SSL_REDIRECT", None)
    clean.pop("ADMIN_HTTPS_ONLY", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_reports_nothing_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_secret_key_is_required_when_debug_is_off():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be one of"),
        ("CONN_MAX_AGE", "ten", "CONN_MAX_AGE must be an integer"),
        ("DATABASE_URL", "nosuchdb://x", "DATABASE_URL is not a valid database URL"),
    ],
)
def test_a_bad_value_stops_start_up_with_a_clear_message(name, value, message):
    result = manage("check", **{**PRODUCTION, name: value})
    assert result.returncode != 0
    assert message in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_env_helpers_parse_and_refuse(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "-3")
    monkeypatch.setenv("X_LIST", " a.example , b.example ,")
    assert env.env_bool("X_BOOL") is True
    assert env.env_list("X_LIST") == ["a.example", "b.example"]
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env.env_int("X_INT", 1, minimum=0)
    assert env.env_int("X_MISSING", 7) == 7


def test_production_defaults_are_safe(settings):
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SECURE_HSTS_SECONDS >= 31_536_000
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert settings.TIME_ZONE == "Asia/Shanghai" and settings.USE_TZ


def test_redis_url_selects_the_shared_redis_cache():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **os.environ,
            **PRODUCTION,
            "REDIS_URL": "redis://127.0.0.1:6379/1",
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "newsroom.core.resilient_cache.ResilientRedisCache"


def database_options(url):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS'))",
        DATABASE_URL=url,
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_postgresql_connections_turn_jit_off_unless_the_url_names_it():
    assert "-c jit=off" in database_options("postgres://u@db.example.com/newsroom")
    own = database_options("postgres://u@db.example.com/newsroom?options=-c%20jit%3Don")
    assert "jit=on" in own and "jit=off" not in own
    assert "jit" not in database_options("sqlite:////tmp/newsroom-settings-test.sqlite3")
