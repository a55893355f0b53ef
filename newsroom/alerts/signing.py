"""Webhook bodies and their Standard Webhooks signature: `webhook-id`, `webhook-timestamp`
and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with a whsec_ secret.
Receivers verify with any Standard Webhooks library."""

import json
import urllib.error
import urllib.request

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from standardwebhooks import Webhook as Signer

from newsroom.alerts.targets import refusal_for_target


class RefusedTarget(Exception):
    """The URL points at a network webhooks may not reach; not worth retrying."""


class NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect could lead to a private address the check never saw.
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def payload(delivery):
    story_event = delivery.story_event
    data = {"event": story_event.event}
    if story_event.article_id:
        article = story_event.article
        data["article"] = {
            "id": str(article.uuid),
            "title": article.title,
            "summary": article.summary,
            "url": settings.SITE_URL + article.get_absolute_url(),
            "published_at": article.publish_at,
        }
        if story_event.key.startswith("correction-"):
            correction = article.corrections.filter(pk=story_event.key.split("-", 1)[1]).first()
            data["correction"] = correction and {"kind": correction.kind, "note": correction.note}
    else:
        project = story_event.project
        data["project"] = {
            "slug": project.slug,
            "name": project.name,
            "url": settings.SITE_URL + project.get_absolute_url(),
        }
    return {"type": story_event.event, "timestamp": story_event.created_at, "data": data}


def signed_headers(secret, message_id, moment, body):
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": Signer(secret).sign(message_id, moment, body),
    }


def post(delivery):
    """POST the signed body; raises RefusedTarget, urllib.error.URLError or OSError."""
    hook = delivery.webhook
    if hook is None:
        raise RefusedTarget("The webhook was deleted.")
    if reason := refusal_for_target(delivery.recipient):
        raise RefusedTarget(reason)
    body = json.dumps(payload(delivery), cls=DjangoJSONEncoder, ensure_ascii=False)
    # The id stays the same on every retry, so a receiver can drop duplicates by it.
    headers = signed_headers(hook.secret, f"msg_{delivery.pk}", timezone.now(), body)
    request = urllib.request.Request(
        delivery.recipient,
        data=body.encode(),
        method="POST",
        headers={**headers, "Content-Type": "application/json", "User-Agent": "Newsroom-Webhooks"},
    )
    with OPENER.open(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:
        response.read(1024)
        return response.status
