"""The admin in each staff member's own language (StaffLanguage); public pages are untouched."""

from django.urls import reverse
from django.utils import translation

from newsroom.models import StaffLanguage


class StaffLanguageMiddleware:
    """For /admin/ requests of a signed-in user with a saved language, that language.

    Placed after AuthenticationMiddleware. `override` restores the previous language after the
    response, so the choice never leaks into the next request this thread serves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self.language_for(request)
        if language is None:
            return self.get_response(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", language)
            return response

    @staticmethod
    def language_for(request):
        if not request.path_info.startswith(reverse("admin:index")):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return None
        return StaffLanguage.objects.filter(user=user).values_list("language", flat=True).first()
