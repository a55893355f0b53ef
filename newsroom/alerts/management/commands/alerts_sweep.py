from django.core.management.base import BaseCommand

from newsroom.alerts.services import ensure_sweep


class Command(BaseCommand):
    help = (
        "Start the alerts' periodic sweep on the task queue unless one is already scheduled "
        "(run once per deployment; the sweep then reschedules itself)."
    )

    def handle(self, **options):
        started = ensure_sweep()
        self.stdout.write("Sweep scheduled." if started else "A sweep is already scheduled.")
