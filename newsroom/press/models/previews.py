"""Each opening of a signed preview link (newsroom/models/workflow.py), for the editors."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.models import PreviewLink

# Checked in order: Edge and Opera say "Chrome" too, Chrome says "Safari".
BROWSERS = [
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
]
SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]
BOTS = re.compile(r"bot|crawl|spider|preview|slack|whatsapp|telegram", re.IGNORECASE)


def describe_client(user_agent):
    """A coarse description such as “Firefox on Windows”: enough to tell a chat app's link
    preview from a person, never a fingerprint (no versions, no address)."""
    agent = user_agent or ""
    if not agent:
        return "Unknown client"
    if BOTS.search(agent):
        return "Link preview or robot"
    browser = next((name for mark, name in BROWSERS if mark in agent), "Other browser")
    system = next((name for mark, name in SYSTEMS if mark in agent), "")
    return f"{browser} on {system}" if system else browser


class PreviewOpening(models.Model):
    link = models.ForeignKey(PreviewLink, on_delete=models.CASCADE, related_name="openings")
    opened_at = models.DateTimeField(auto_now_add=True, db_index=True)
    client = models.CharField(max_length=100)

    on_public_pages = False  # a log: saving one changes no page (newsroom/apps.py)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("preview link opening")
        verbose_name_plural = _("preview link openings")

    def __str__(self):
        return f"{self.link} opened {self.opened_at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, link, user_agent):
        return cls.objects.create(link=link, client=describe_client(user_agent))
