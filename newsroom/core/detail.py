"""Detail pages of content that has a workflow: staff preview, old addresses, never a leak."""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView


def private(response):
    """Headers for a page the public must not see: never cached, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


class WorkflowDetailView(DetailView):
    """Visitors get the published object; staff who may change it also see drafts, with a
    banner. An address the object used to have redirects (301) to its current one."""

    redirects = None  # the reverse name of the object's old-slug model, e.g. "redirects"
    address_fields = ("slug",)  # what get_absolute_url() reads

    def is_visitor(self):
        """Without a session nobody is logged in: not staff, nor a journalist."""
        return settings.SESSION_COOKIE_NAME not in self.request.COOKIES

    def can_preview(self):
        # Not reading the session for visitors keeps their page free of `Vary: Cookie`,
        # which the page cache refuses to store.
        if self.is_visitor():
            return False
        opts = self.model._meta
        return self.request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.can_preview() else queryset.published()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            current = self.get_queryset().filter(**{f"{self.redirects}__old_slug": kwargs["slug"]})
            moved = (
                current.select_related(None)
                .prefetch_related(None)
                .only(*self.address_fields)
                .first()
            )
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.get_absolute_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(staff_preview=not self.object.is_published, **kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return private(response) if context["staff_preview"] else response
