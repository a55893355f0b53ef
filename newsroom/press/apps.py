from django.apps import AppConfig


class PressConfig(AppConfig):
    name = "newsroom.press"
    label = "press"
    verbose_name = "Press office"
