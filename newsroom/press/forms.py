"""The journalist's forms: asking for an account, accepting an invitation."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from newsroom.press.models import Journalist


class AccountForm(forms.Form):
    name = forms.CharField(max_length=150, label=_("Your name"))
    password = forms.CharField(
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password

    def create(self, email, outlet, beat, status):
        """The account (never staff) and its journalist profile, together or not at all."""
        User = get_user_model()
        with transaction.atomic():
            user = User.objects.create_user(
                username=email.lower(),
                email=email,
                password=self.cleaned_data["password"],
                first_name=self.cleaned_data["name"][:150],
                is_staff=False,
            )
            return Journalist.objects.create(user=user, outlet=outlet, beat=beat, status=status)


def address_taken(email):
    return get_user_model().objects.filter(username__iexact=email).exists()


class RequestAccessForm(AccountForm):
    field_order = ["name", "email", "outlet", "beat", "password"]
    email = forms.EmailField(label=_("Work email"), max_length=150)
    outlet = forms.CharField(max_length=200, help_text=_("The publication you work for."))
    beat = forms.CharField(max_length=200, required=False, help_text=_("What you cover."))

    def clean_email(self):
        email = self.cleaned_data["email"]
        if address_taken(email):
            raise forms.ValidationError(
                _("An account with this address exists already: sign in, or ask the press team.")
            )
        return email

    def save(self):
        data = self.cleaned_data
        return self.create(data["email"], data["outlet"], data["beat"], Journalist.Status.REQUESTED)


class AcceptInviteForm(AccountForm):
    def __init__(self, *args, invite, **kwargs):
        self.invite = invite
        super().__init__(*args, **kwargs)

    def clean(self):
        if address_taken(self.invite.email):
            raise forms.ValidationError(
                _("An account with this address exists already: sign in instead.")
            )
        return super().clean()

    def save(self):
        invite = self.invite
        journalist = self.create(
            invite.email, invite.outlet, invite.beat, Journalist.Status.APPROVED
        )
        journalist.decided_by_id, journalist.decided_at = invite.invited_by_id, invite.created_at
        journalist.save(update_fields=["decided_by", "decided_at"])
        invite.accepted_by = journalist
        invite.save(update_fields=["accepted_by"])
        return journalist
