"""Sign up, confirm and stop alerts. Every page here carries per-visitor state (a form with
its CSRF token, a signed address), so none is ever page-cached."""

from django.core import signing
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from newsroom.alerts import services
from newsroom.alerts.forms import SubscribeForm
from newsroom.alerts.tokens import read_confirmation, read_unsubscribe
from newsroom.core.security import client_ip


@never_cache
def subscribe(request):
    ip = client_ip(request)
    form = SubscribeForm(request.POST or None, ip=ip)
    if request.method == "POST" and form.is_valid():
        scope, subject = form.cleaned_data["follow"]
        services.request_subscription(
            form.cleaned_data["email"], scope, subject, ip, language=get_language()
        )
        # The same answer whether a mail went out or not: it tells nobody who subscribes.
        return redirect("alerts:check_inbox")
    return render(
        request, "alerts/subscribe.html", {"form": form}, status=400 if form.errors else 200
    )


@never_cache
def check_inbox(request):
    return render(request, "alerts/check_inbox.html")


@never_cache
def confirm(request, token):
    try:
        pk, email = read_confirmation(token)
    except signing.SignatureExpired:
        return render(request, "alerts/link_invalid.html", {"expired": True}, status=410)
    except signing.BadSignature:
        return render(request, "alerts/link_invalid.html", status=404)
    if not services.confirm(pk, email):
        return render(request, "alerts/link_invalid.html", {"expired": True}, status=410)
    return render(request, "alerts/confirmed.html", {"email": email})


# RFC 8058: a mail client POSTs "List-Unsubscribe=One-Click" here with no cookie and no CSRF
# token; the signed address is the authority. A GET (a person following the link) only asks.
@csrf_exempt
@never_cache
def unsubscribe(request, token):
    try:
        email = read_unsubscribe(token)
    except signing.BadSignature:
        return render(request, "alerts/link_invalid.html", status=404)
    if request.method == "POST":
        services.unsubscribe(email)
        return render(request, "alerts/unsubscribed.html", {"email": email})
    return render(request, "alerts/unsubscribe.html", {"email": email})
