"""Where a webhook may point: never at our own networks (SSRF), unless the setting allows it
for tests (the check itself is newsroom.core.outbound's, shared with the feed importer)."""

from django.conf import settings

from newsroom.core.outbound import refusal_for_url


def refusal_for_target(url):
    """Why `url` may not receive webhooks, or None if it may."""
    return refusal_for_url(
        url,
        allow_private=settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
        only="webhooks go to the public internet only",
    )
