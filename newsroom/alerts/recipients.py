"""Who an event goes to. A new story: every confirmed address whose subscription matches it
(once, however many match) and every webhook that picked the event. A correction,
withdrawal or take-down: the addresses that received the story and still subscribe."""

from newsroom.alerts.models import Delivery, StoryEvent, Subscription, Webhook


def email_addresses(story_event):
    article = story_event.article
    if article is None:
        return []
    if story_event.event == "article.published":
        return Subscription.objects.for_article(article).values_list("email", flat=True).distinct()
    received = Delivery.objects.filter(
        story_event__in=StoryEvent.objects.filter(article=article, event="article.published"),
        channel=Delivery.Channel.EMAIL,
        status=Delivery.Status.DELIVERED,
    ).values("recipient")
    return (
        Subscription.objects.confirmed()
        .filter(email__in=received)
        .values_list("email", flat=True)
        .distinct()
    )


def recipients(story_event):
    """(channel, address, webhook or None) for each recipient of `story_event`."""
    for address in email_addresses(story_event):
        yield Delivery.Channel.EMAIL, address, None
    for hook in Webhook.objects.for_event(story_event.event):
        yield Delivery.Channel.WEBHOOK, hook.url, hook
