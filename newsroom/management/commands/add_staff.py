import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

ROLES = ["Writer", "Editor", "Administrator"]


class Command(BaseCommand):
    help = "Give a person a staff role (Writer, Editor, Administrator); creates the account if new."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=ROLES)
        parser.add_argument("--email", default="")

    def handle(self, username, role, email, **options):
        User = get_user_model()
        try:
            group = Group.objects.get(name=role)
        except Group.DoesNotExist:
            raise CommandError(f"The {role} role is missing; run `manage.py migrate`.") from None
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        user.is_staff = True
        if created:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
        user.save()
        user.groups.add(group)
        self.stdout.write(f"{username} is now a staff member with the {role} role.")
        if created:
            self.stdout.write(self.style.WARNING(f"New account; its password is: {password}"))
