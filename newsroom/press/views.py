"""The press office's pages: contacts and their vCards (public), and the journalists' own
pages (signed in, never cached anywhere: Cache-Control private, no-store)."""

from functools import wraps

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from newsroom.core.detail import private
from newsroom.models import Article
from newsroom.press.forms import AcceptInviteForm, RequestAccessForm
from newsroom.press.models import EmbargoedRead, JournalistInvite, PressContact
from newsroom.press.vcard import vcard


def contacts(request):
    return render(request, "press/contacts.html", {"contacts": PressContact.objects.active()})


def contact_vcard(request, pk):
    contact = get_object_or_404(PressContact.objects.active(), pk=pk)
    photo = contact.photo if contact.photo_id and contact.photo.is_described else None
    url = request.build_absolute_uri(photo.file.url) if photo and photo.file else None
    response = HttpResponse(vcard(contact, url), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="press-contact-{contact.pk}.vcf"'
    return response


def journalist_page(response):
    """Per-person pages: no shared cache, browser or CDN may keep them."""
    private(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def journalists_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return journalist_page(redirect_to_login(request.get_full_path(), "press_login"))
        journalist = getattr(user, "journalist", None)
        if journalist is None or not journalist.is_approved:
            page = render(request, "press/pending.html", {"journalist": journalist}, status=403)
            return journalist_page(page)
        request.journalist = journalist
        return journalist_page(view(request, *args, **kwargs))

    return guarded


@journalists_only
def embargoed(request):
    articles = Article.objects.under_embargo().select_related("category").defer("body")
    return render(request, "press/embargoed_list.html", {"articles": articles})


@journalists_only
def embargoed_article(request, slug):
    held = Article.objects.under_embargo().select_related("category", "lead_image")
    article = held.filter(slug=slug).first()
    if article is None:
        lifted = Article.objects.published().filter(slug=slug).only("slug", "language").first()
        if lifted is not None:
            return redirect(lifted)  # the embargo has lifted: the public page is the story
        raise Http404("No embargoed story at this address.")
    EmbargoedRead.objects.create(journalist=request.journalist, article=article)
    return render(request, "press/embargoed_article.html", {"article": article})


class LoginForm(AuthenticationForm):
    def clean_username(self):
        return self.cleaned_data["username"].lower()  # accounts are named by their email


class LoginView(auth_views.LoginView):
    # The authentication backends run through django-axes (settings), so the admin's
    # throttling holds here too.
    form_class = LoginForm
    template_name = "press/login.html"
    redirect_authenticated_user = True
    # Django's login view names the site after its host; the site's own name it is.
    extra_context = {"site_name": settings.SITE_NAME}
    next_page = reverse_lazy("press_embargoed")

    def render_to_response(self, context, **kwargs):
        return journalist_page(super().render_to_response(context, **kwargs))


logout = auth_views.LogoutView.as_view(next_page=reverse_lazy("press_login"))


@require_http_methods(["GET", "POST"])
def request_access(request):
    form = RequestAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        return journalist_page(render(request, "press/requested.html"))
    return journalist_page(render(request, "press/request_access.html", {"form": form}))


@require_http_methods(["GET", "POST"])
def accept_invite(request, token):
    invite = JournalistInvite.from_token(token)
    if invite is None:
        page = render(request, "press/invite_invalid.html", status=404)
        return journalist_page(page)
    form = AcceptInviteForm(request.POST or None, invite=invite)
    if request.method == "POST" and form.is_valid():
        form.save()
        return journalist_page(redirect("press_login"))
    context = {"form": form, "invite": invite}
    return journalist_page(render(request, "press/accept_invite.html", context))
