import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Ensure the demo staff account `admin` exists. Its password comes from "
        "NEWSROOM_ADMIN_PASSWORD, or is generated and printed once when the account is created."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        password = os.environ.get("NEWSROOM_ADMIN_PASSWORD", "")
        user = User.objects.filter(username="admin").first()
        if user is None:
            generated = not password
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.com", password)
            if generated:
                self.stdout.write(
                    self.style.WARNING(f"Created staff account admin with password: {password}")
                )
                self.stdout.write(
                    "Shown only this once; set NEWSROOM_ADMIN_PASSWORD to choose one."
                )
            else:
                self.stdout.write(
                    "Created staff account admin (password from NEWSROOM_ADMIN_PASSWORD)."
                )
        elif password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write("Updated the password of admin from NEWSROOM_ADMIN_PASSWORD.")
        else:
            self.stdout.write("Staff account admin already exists; its password is unchanged.")
