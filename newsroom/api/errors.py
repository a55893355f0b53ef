"""Every API error is JSON of one shape (see `http.error_response`), with its real status:
400 for bad parameters (ninja's default would be 422), 404 for anything not public."""

from django.http import Http404
from ninja.errors import HttpError, ValidationError

from newsroom.api.http import error_response

BAD_PARAMETERS = "Some parameters are not valid."


class BadParameters(HttpError):
    """A 400 naming each bad parameter: {"page": ["Input should be ..."]}."""

    def __init__(self, errors):
        super().__init__(400, BAD_PARAMETERS)
        self.errors = errors


def bad_parameters(request, exc):
    return error_response(400, exc.message, exc.errors)


def invalid(request, exc):
    """Parameters that failed ninja's validation (page=abc, year=0). A malformed slug in the
    path names nothing, so it is a 404 like any other unknown slug."""
    if any(error["loc"][0] == "path" for error in exc.errors):
        return not_public(request, exc)
    errors = {}
    for error in exc.errors:
        errors.setdefault(str(error["loc"][-1]), []).append(error["msg"])
    return error_response(400, BAD_PARAMETERS, errors)


def http_error(request, exc):
    return error_response(exc.status_code, exc.message)


def not_public(request, exc):
    return error_response(404, "Not found: nothing published has this address.")


def register(api):
    api.add_exception_handler(BadParameters, bad_parameters)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_public)
