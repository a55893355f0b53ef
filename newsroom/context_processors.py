from django.conf import settings
from django.urls import translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_from_path


def site(request):
    return {"site_name": settings.SITE_NAME}


def chrome(request):
    """The header's and footer's data (newsroom/chrome.py), read only by a page that shows it."""
    from newsroom import chrome

    return {"chrome": SimpleLazyObject(chrome.load)}


def alternates(request):
    """Every language's address of this page: a page in one language is a page in all.

    Pages whose content exists in some languages only (an article and its translations)
    set `alternates` themselves; pages outside the language prefixes have none.
    """
    language = get_language_from_path(request.path_info)
    if request.resolver_match is None or not language:
        return {"alternates": {}}
    path = request.get_full_path()
    # No URL pattern is translated, so the addresses differ only in their language prefix:
    # swapping it costs nothing, where translate_url() resolves and reverses per language.
    script = request.path.removesuffix(request.path_info)
    rest = path.removeprefix(script)
    own = f"/{language}/"
    if not rest.startswith(own):
        return {
            "alternates": {
                code: request.build_absolute_uri(translate_url(path, code))
                for code, _ in settings.LANGUAGES
            }
        }
    tail = rest.removeprefix(own)
    return {
        "alternates": {
            code: request.build_absolute_uri(f"{script}/{code}/{tail}")
            for code, _ in settings.LANGUAGES
        }
    }
