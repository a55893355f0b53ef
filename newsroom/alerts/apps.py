from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "newsroom.alerts"
    label = "alerts"
    verbose_name = "Alerts and webhooks"
