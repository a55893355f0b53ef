"""Operations of the alerts app that span models and outside systems (mail, the queue).

`story_event(subject, event)` is the one entry point for telling readers and integrations
about a story: the admin calls it when an article is published or scheduled, corrected, and
when a project is saved; withdrawals and take-downs call it too."""

import datetime
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from newsroom.alerts.models import Event, StoryEvent, Subscription, SweepSchedule
from newsroom.alerts.tasks import due_moment, enqueue, fan_out, send_confirmation, sweep
from newsroom.models import Article


def story_event(subject, event, key=""):
    """Record `event` about an article or project and queue its alerts for when it is due.
    Calling it again for the same event and key changes nothing already sent."""
    event = Event(event)
    if event == Event.PROJECT_UPDATED:
        if not subject.is_published:
            return None
        # Each saved update is news of its own to integrations.
        key = key or timezone.now().isoformat()
        fields = {"project": subject}
        due = timezone.now()
    else:
        if event == Event.PUBLISHED and subject.status != Article.Status.PUBLISHED:
            return None
        fields = {"article": subject}
        due = due_moment(subject) if event == Event.PUBLISHED else timezone.now()
    row, created = StoryEvent.objects.get_or_create(
        **fields, event=event, key=key, defaults={"due_at": due}
    )
    if row.fanned_out_at:
        return row
    if not created and row.due_at != due:
        StoryEvent.objects.filter(pk=row.pk).update(due_at=due)
    enqueue(fan_out, row.pk, at=due)
    ensure_sweep()
    return row


def article_saved(article, before):
    """After an editor saves `article` (`before`: as it was, None if new): its published
    event, if it has just been published or scheduled, or its time moved. Re-saving a story
    that was already public alerts nobody."""
    if article.status != Article.Status.PUBLISHED:
        return None
    was_published = before is not None and before.status == Article.Status.PUBLISHED
    # Already public, or scheduled for the same moment: its event exists, or predates alerts.
    if was_published and (
        due_moment(before) <= timezone.now() or due_moment(before) == due_moment(article)
    ):
        return None
    return story_event(article, Event.PUBLISHED)


def ensure_sweep(now=None):
    """Start the sweep chain if none is alive (none yet, or overdue past a lease: its task
    was lost). Cheap when one is: a single query."""
    now = now or timezone.now()
    grace = datetime.timedelta(seconds=settings.ALERTS_SEND_LEASE_SECONDS)
    schedule = SweepSchedule.objects.first()
    if schedule and schedule.next_at > now - grace:
        return False
    token = secrets.token_hex(16)
    with transaction.atomic():
        SweepSchedule.objects.all().delete()
        SweepSchedule.objects.create(token=token, next_at=now)
    enqueue(sweep, token)
    return True


def request_subscription(email, scope, subject, ip, language=None):
    """Record a sign-up and mail its confirmation link, unless the address has had one
    within the window (a flood of sign-ups for one address sends one mail). Returns the
    subscription and whether a mail went out."""
    email = email.strip().lower()
    fields = {"email": email, "scope": scope, **({scope: subject} if subject else {})}
    now = timezone.now()
    window = now - datetime.timedelta(minutes=settings.ALERTS_CONFIRMATION_WINDOW_MINUTES)
    # A repeated sign-up (the flood case) costs two reads and writes nothing.
    subscription = Subscription.objects.filter(**fields).first()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(
                    **fields, signup_ip=ip or None, language=language or settings.LANGUAGE_CODE
                )
        except IntegrityError:  # the same sign-up arrived twice at once
            subscription = Subscription.objects.get(**fields)
    if subscription.is_confirmed:
        return subscription, False
    recent = Subscription.objects.filter(email=email, confirmation_sent_at__gt=window)
    if recent.exists():
        return subscription, False
    # Claim the mail in the database, so two requests at once send one.
    claimed = (
        Subscription.objects.filter(pk=subscription.pk)
        .exclude(confirmation_sent_at__gt=window)
        .update(confirmation_sent_at=now, signup_ip=ip or None)
    )
    if not claimed:
        return subscription, False
    enqueue(send_confirmation, subscription.pk)
    return subscription, True


def ip_over_limit(ip):
    hour = timezone.now() - datetime.timedelta(hours=1)
    sent = Subscription.objects.filter(signup_ip=ip, confirmation_sent_at__gt=hour).count()
    return sent >= settings.ALERTS_CONFIRMATIONS_PER_IP_HOUR


def confirm(pk, email):
    updated = Subscription.objects.filter(pk=pk, email=email, confirmed_at=None).update(
        confirmed_at=timezone.now()
    )
    return updated or Subscription.objects.filter(pk=pk, email=email).exists()


def unsubscribe(email):
    """Stop every alert to `email` (its signed unsubscribe link or one-click POST)."""
    deleted, _ = Subscription.objects.filter(email=email).delete()
    return deleted
