from newsroom.alerts.models.deliveries import Delivery, StoryEvent, SweepSchedule
from newsroom.alerts.models.subscriptions import Subscription
from newsroom.alerts.models.webhooks import Event, Webhook

__all__ = ["Delivery", "Event", "StoryEvent", "Subscription", "SweepSchedule", "Webhook"]
