"""Disclosure timing for listed companies: when a price-sensitive story may go live.

Two rules, each answered with the reason and the moment the story may go live instead:
the exchange filing must be recorded and the story may not go live before it, and it may
not go live inside a quiet window (DISCLOSURE_QUIET_WINDOWS, read in settings.py).
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format


def local(moment):
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def quiet_window_at(moment, windows=None):
    """(a description of the window, the moment it ends) if `moment` lies inside one of
    the configured quiet windows, else None."""
    windows = settings.DISCLOSURE_QUIET_WINDOWS if windows is None else windows
    here = timezone.localtime(moment)
    for kind, start, end in windows:
        if kind == "once":
            if start <= moment < end:
                return f"the quiet period {local(start)} to {local(end)}", end
            continue
        day, now = here.date(), here.time()
        label = f"the daily quiet window {start:%H:%M}–{end:%H:%M}"
        if start < end and start <= now < end:
            return label, timezone.make_aware(datetime.datetime.combine(day, end))
        if start > end and (now >= start or now < end):
            ends_on = day + datetime.timedelta(days=1) if now >= start else day
            return label, timezone.make_aware(datetime.datetime.combine(ends_on, end))
    return None


def refusal(goes_live, filed_at, windows=None):
    """Why a price-sensitive story may not go live at `goes_live`, naming the rule and
    until when; "" when it may."""
    if filed_at is None:
        return (
            "This story is marked price-sensitive: record the exchange filing time before "
            "publishing or scheduling it."
        )
    if goes_live < filed_at:
        return (
            "This story is marked price-sensitive: it may not go live before its exchange "
            f"filing at {local(filed_at)}. Publish at or after that time."
        )
    quiet = quiet_window_at(goes_live, windows)
    if quiet:
        label, ends = quiet
        return (
            f"This story is marked price-sensitive and would go live inside {label}. "
            f"Publish at or after {local(ends)}."
        )
    return ""
