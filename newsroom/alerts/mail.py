"""The messages alerts send: confirmation requests and story alerts, each as text and HTML,
with RFC 8058 one-click unsubscribe headers."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from newsroom.alerts.tokens import confirmation_url, unsubscribe_url


def _message(subject, template, context, to, message_id):
    stop = unsubscribe_url(to)
    context = {**context, "unsubscribe_url": stop, "site_name": settings.SITE_NAME}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"alerts/email/{template}.txt", context),
        to=[to],
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # Stable per delivery: a receiver can drop a copy sent again after a crash.
            "Message-ID": message_id,
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        render_to_string(f"alerts/email/{template}.html", context), "text/html"
    )
    return message


def confirmation(subscription):
    """In the language of the page the reader signed up on."""
    with translation.override(subscription.language):
        return _confirmation(subscription)


def _confirmation(subscription):
    domain = settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0]
    return _message(
        f"Confirm your {settings.SITE_NAME} alerts",
        "confirm",
        {"subscription": subscription, "confirm_url": confirmation_url(subscription)},
        subscription.email,
        f"<confirm-{subscription.pk}-{int(subscription.confirmation_sent_at.timestamp())}@{domain}>",
    )


SUBJECTS = {
    "article.published": "{title}",
    "article.updated": "Correction: {title}",
    "article.withdrawn": "Withdrawn: {title}",
    "article.taken_down": "Taken down: {title}",
}


def alert(delivery):
    """In the story's language (a reader gets the version in theirs, when it has one)."""
    with translation.override(delivery.story_event.article.language):
        return _alert(delivery)


def _alert(delivery):
    story_event = delivery.story_event
    article = story_event.article
    domain = settings.SITE_URL.split("//")[-1].split("/")[0].split(":")[0]
    context = {
        "event": story_event.event,
        "article": article,
        "link": settings.SITE_URL + article.get_absolute_url(),
        "correction": article.corrections.filter(
            pk=story_event.key.removeprefix("correction-")
        ).first()
        if story_event.key.startswith("correction-")
        else None,
    }
    subject = SUBJECTS[story_event.event].format(title=article.title)
    return _message(
        subject, "alert", context, delivery.recipient, f"<alert-{delivery.pk}@{domain}>"
    )
