"""Typed readers for settings that come from the environment.

Each helper fails loudly with ImproperlyConfigured instead of guessing, so a
typo in a deployment surfaces at start-up rather than as odd behaviour later.
"""

import ipaddress
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
# The default TRUSTED_PROXIES: a proxy on the same machine (README, "Deploying").
LOOPBACK_NETWORKS = ["127.0.0.1/32", "::1/128"]


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(_TRUE | _FALSE)}, not {raw!r}.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    raw = env_str(name)
    return Path(raw).expanduser().resolve() if raw else default


def env_secret(name: str, *, required: bool, fallback: str) -> str:
    """A secret that must be set in production; `fallback` is for local DEBUG runs only."""
    value = env_str(name)
    if value:
        return value
    if required:
        raise ImproperlyConfigured(f"{name} must be set when DEBUG is off.")
    return fallback


def env_networks(name: str, default: list[str]) -> tuple:
    """Addresses and CIDR networks (``10.0.0.0/8``, ``::1``), comma-separated; a bare address
    is a network of one, and host bits set in a network (``10.0.0.1/8``) are a typo we refuse."""
    networks = []
    for item in env_list(name, default):
        try:
            networks.append(ipaddress.ip_network(item))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks, not {item!r} ({error})."
            ) from None
    return tuple(networks)


def env_windows(name: str) -> tuple:
    """Quiet windows, comma-separated: ``HH:MM-HH:MM`` every day in TIME_ZONE (a window may
    pass midnight, ``22:00-06:00``), or two ISO 8601 moments ``start/end`` for one period.
    Returns ``("daily", start, end)`` with ``datetime.time`` values, or ``("once", start,
    end)`` with aware datetimes (a moment without an offset is read as UTC)."""
    import datetime

    windows = []
    for item in env_list(name):
        try:
            if "/" in item:
                start, end = (datetime.datetime.fromisoformat(p) for p in item.split("/"))
                start, end = (
                    m if m.tzinfo else m.replace(tzinfo=datetime.UTC) for m in (start, end)
                )
                kind = "once"
            else:
                start, end = (datetime.time.fromisoformat(p) for p in item.split("-"))
                kind = "daily"
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is neither HH:MM-HH:MM nor an ISO 8601 start/end pair."
            ) from None
        if start == end or (kind == "once" and end < start):
            raise ImproperlyConfigured(f"{name}: the window {item!r} must end after it starts.")
        windows.append((kind, start, end))
    return tuple(windows)
