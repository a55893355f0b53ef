"""The admin in each staff member's own language (StaffLanguage); public pages are untouched."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.urls import reverse
from django.utils import translation

from newsroom.models import StaffLanguage


class StaffLanguageBackend(ModelBackend):
    """Django's ModelBackend, loading the signed-in user's admin language in the same query,
    so choosing the admin's language costs no query of its own."""

    def get_user(self, user_id):
        try:
            user = (
                get_user_model()._default_manager.select_related("staff_language").get(pk=user_id)
            )
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


class StaffLanguageMiddleware:
    """For /admin/ requests of a signed-in staff member with a saved language, that language.

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
        try:
            return user.staff_language.language
        except StaffLanguage.DoesNotExist:
            return None
