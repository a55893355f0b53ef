from django import forms
from django.utils.translation import gettext_lazy as _

from newsroom.alerts.models import Subscription
from newsroom.alerts.services import ip_over_limit
from newsroom.models import Article, Category, Tag
from projects.models import Project


def follow_choices():
    """All news, then the categories, tags and projects the public can see."""
    public = Article.objects.published()
    return [
        ("all", _("All news")),
        (
            _("Categories"),
            [(f"category:{c.pk}", c.name) for c in Category.objects.order_by("name")],
        ),
        (
            _("Tags"),
            [
                (f"tag:{t.pk}", t.name)
                for t in Tag.objects.filter(tagged_articles__content_object__in=public)
                .distinct()
                .order_by("name")
            ],
        ),
        (_("Projects"), [(f"project:{p.pk}", p.name) for p in Project.objects.published()]),
    ]


class SubscribeForm(forms.Form):
    email = forms.CharField(label=_("Your email address"), max_length=254)
    follow = forms.ChoiceField(label=_("Send me"), choices=())

    def __init__(self, *args, ip=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.ip = ip
        self.fields["follow"].choices = follow_choices()

    def clean_email(self):
        raw = self.data.get("email", "")
        if "\r" in raw or "\n" in raw:
            raise forms.ValidationError(_("An email address cannot contain line breaks."))
        value = forms.EmailField(max_length=254).clean(raw)
        return value.lower()

    def clean_follow(self):
        value = self.cleaned_data["follow"]
        if value == "all":
            return Subscription.Scope.ALL, None
        scope, _colon, pk = value.partition(":")
        model = {"category": Category, "tag": Tag, "project": Project}[scope]
        return scope, model.objects.get(pk=pk)

    def clean(self):
        if self.ip and ip_over_limit(self.ip):
            raise forms.ValidationError(
                _(
                    "Too many sign-ups came from your network in the last hour. Please try again later."
                )
            )
        return super().clean()
