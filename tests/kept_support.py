"""For the tests of what public pages keep (tests/test_fragment_cache.py,
tests/test_kept_pages.py): the page cache on, visits that render the page again, and
changes the content generation does not hear of."""

import itertools

import pytest

# A parameter no page reads: the page cache never stores such an address, so each visit
# renders the page again (from what is kept).
_visits = itertools.count()


def visit(client, url, status=200, **params):
    response = client.get(url, {**params, "visit": next(_visits)})
    assert response.status_code == status
    assert "X-Cache" not in response
    return response.content.decode()


def quietly(model, pk, **fields):
    """A change the generation does not hear of (a bulk update): shows what is kept."""
    model.objects.filter(pk=pk).update(**fields)


@pytest.fixture
def page_cache_on(settings):
    """Kept parts need the page cache's generation (tests/conftest.py empties both)."""
    settings.PAGE_CACHE_SECONDS = 300
