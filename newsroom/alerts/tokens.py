"""Signed addresses for confirming and stopping alerts (django.core.signing, SECRET_KEY)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from newsroom.alerts.models.subscriptions import CONFIRMATION_HOURS

CONFIRM_SALT = "newsroom.alerts.confirm"
UNSUBSCRIBE_SALT = "newsroom.alerts.unsubscribe"


def confirmation_url(subscription):
    token = signing.dumps([subscription.pk, subscription.email], salt=CONFIRM_SALT)
    return settings.SITE_URL + reverse("alerts:confirm", args=[token])


def read_confirmation(token):
    """(subscription id, address); raises signing.BadSignature (SignatureExpired after
    CONFIRMATION_HOURS, when the sign-up is deleted anyway)."""
    pk, email = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRMATION_HOURS * 3600)
    return pk, email


def unsubscribe_url(email):
    # No expiry: the link in an old alert must still stop the alerts.
    return settings.SITE_URL + reverse(
        "alerts:unsubscribe", args=[signing.dumps(email, salt=UNSUBSCRIBE_SALT)]
    )


def read_unsubscribe(token):
    return signing.loads(token, salt=UNSUBSCRIBE_SALT)
