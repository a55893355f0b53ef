"""The task decorator of Django's Tasks API: built into Django 6, the django-tasks backport
on 5.2. Every task of the app is declared through it, so the backend (the database worker
by default, RQ on Redis in production) is a setting, not code."""

try:
    from django.tasks import task
except ImportError:  # Django 5.2
    from django_tasks import task

__all__ = ["task"]
