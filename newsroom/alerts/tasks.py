"""The queue's tasks. Each may run twice or late (a lost worker, a duplicate enqueue): the
database decides what is sent, by claiming a delivery row before sending it."""

import datetime
import smtplib
import urllib.error

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from newsroom.alerts import mail, signing
from newsroom.alerts.models import Delivery, StoryEvent, Subscription, SweepSchedule
from newsroom.alerts.queue import task
from newsroom.alerts.recipients import recipients
from newsroom.models import Article


def enqueue(a_task, *args, at=None):
    """Enqueue once the current transaction commits; a lost enqueue is found by the sweep."""
    if at is not None and at > timezone.now():
        a_task = a_task.using(run_after=at)
    transaction.on_commit(lambda: a_task.enqueue(*args))


def due_moment(article):
    """When an article becomes public: its publish time, or its embargo's end if later."""
    if article.embargo_until and article.embargo_until > article.publish_at:
        return article.embargo_until
    return article.publish_at


@task()
def fan_out(story_event_id):
    """Create one delivery row per recipient of a due event, then send each."""
    story_event = StoryEvent.objects.select_related("article", "project").get(pk=story_event_id)
    if story_event.fanned_out_at:
        return 0
    article = story_event.article
    must_be_public = story_event.event in ("article.published", "article.updated")
    if must_be_public and not Article.objects.published().filter(pk=article.pk).exists():
        due = due_moment(article)
        scheduled = article.status == Article.Status.PUBLISHED and due > timezone.now()
        if story_event.event == "article.published" and scheduled:
            StoryEvent.objects.filter(pk=story_event.pk).update(due_at=due)
            enqueue(fan_out, story_event.pk, at=due)
        return 0  # not public (any more): nothing goes out until it is
    now = timezone.now()
    with transaction.atomic():
        if not StoryEvent.objects.filter(pk=story_event.pk, fanned_out_at=None).update(
            fanned_out_at=now
        ):
            return 0  # another worker fanned it out first
        rows = [
            Delivery(
                story_event=story_event,
                channel=channel,
                recipient=address,
                webhook=hook,
                next_attempt_at=now,
            )
            for channel, address, hook in recipients(story_event)
        ]
        Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
        for pk in story_event.deliveries.filter(status=Delivery.Status.PENDING).values_list(
            "pk", flat=True
        ):
            enqueue(send, pk)
    return len(rows)


@task()
def send_confirmation(subscription_id):
    """Mail the confirmation link (the sign-up claimed this mail in the database)."""
    subscription = Subscription.objects.filter(pk=subscription_id, confirmed_at=None).first()
    if subscription is None or subscription.confirmation_sent_at is None:
        return "nothing to confirm"
    mail.confirmation(subscription).send()
    return "sent"


def backoff(attempts):
    """Seconds before the next attempt: 30 s, 1 min, 2 min, 4 min… (at most a day)."""
    return min(30 * 2 ** (attempts - 1), 86_400)


@task()
def send(delivery_id):
    """Send one delivery if this call claims it: a pending row whose time has come, or one
    claimed longer ago than the lease (its worker died). Never a delivered or failed one."""
    now = timezone.now()
    lease = now - datetime.timedelta(seconds=settings.ALERTS_SEND_LEASE_SECONDS)
    claimed = (
        Delivery.objects.filter(pk=delivery_id)
        .filter(
            Q(status=Delivery.Status.PENDING, next_attempt_at__lte=now)
            | Q(status=Delivery.Status.SENDING, claimed_at__lte=lease)
        )
        .update(status=Delivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        return "not claimed"
    delivery = Delivery.objects.select_related("story_event__article", "webhook").get(
        pk=delivery_id
    )
    try:
        if delivery.channel == Delivery.Channel.EMAIL:
            mail.alert(delivery).send()
        else:
            signing.post(delivery)
    except (signing.RefusedTarget, smtplib.SMTPRecipientsRefused) as error:
        return failed(delivery, error, final=True)
    except (smtplib.SMTPException, urllib.error.URLError, OSError) as error:
        return failed(delivery, error, final=delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.DELIVERED, delivered_at=timezone.now(), error=""
    )
    return "delivered"


def failed(delivery, error, final):
    reason = f"{type(error).__name__}: {error}"[:2000]
    if final:
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED, error=reason)
        return "failed"
    at = timezone.now() + datetime.timedelta(seconds=backoff(delivery.attempts))
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.PENDING, error=reason, next_attempt_at=at
    )
    enqueue(send, delivery.pk, at=at)
    return "retrying"


@task()
def sweep(token):
    """The periodic sweep, rescheduling itself (no cron): forget unconfirmed sign-ups, fan out
    due events whose task was lost, resend deliveries whose worker died."""
    now = timezone.now()
    if not SweepSchedule.objects.filter(token=token).exists():
        return "superseded"
    Subscription.objects.expired(now).delete()
    public = Article.objects.published().values("pk")
    due = StoryEvent.objects.filter(fanned_out_at=None, due_at__lte=now).filter(
        Q(article__in=public) | ~Q(event__in=["article.published", "article.updated"])
    )
    for pk in due.values_list("pk", flat=True):
        enqueue(fan_out, pk)
    for pk in Delivery.objects.stuck(now).values_list("pk", flat=True):
        enqueue(send, pk)
    following = now + datetime.timedelta(seconds=settings.ALERTS_SWEEP_SECONDS)
    upcoming = (
        StoryEvent.objects.filter(fanned_out_at=None, due_at__gt=now)
        .order_by("due_at")
        .values_list("due_at", flat=True)
        .first()
    )
    following = min(following, upcoming) if upcoming else following
    SweepSchedule.objects.filter(token=token).update(next_at=following)
    enqueue(sweep, token, at=following)
    return "swept"
