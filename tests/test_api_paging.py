"""The API's deep pages: found by key (newsroom/core/pagination.py) rather than by an OFFSET
over every row before them, with the same contents, addresses and number of queries
whatever the depth."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.core.pagination import DIRECT_ROWS
from tests import factories
from tests.api_client import get

COUNT = DIRECT_ROWS * 2 + 30  # deep pages counted from either end
SIZE = 10


def every_slug(client):
    slugs = []
    for number in range(1, -(-COUNT // SIZE) + 1):
        page = get(client, f"/api/v1/articles?page={number}&page_size={SIZE}")
        slugs += [article["slug"] for article in page["results"]]
    return slugs


def test_every_page_holds_the_next_rows_of_the_list_newest_first(client, db):
    made = factories.many_articles(COUNT)  # an hour apart, newest first
    assert every_slug(client) == [article.slug for article in made]


def test_a_deep_page_gives_its_number_and_the_addresses_beside_it(client, db):
    factories.many_articles(COUNT)
    deep = DIRECT_ROWS // SIZE + 5
    page = get(client, f"/api/v1/articles?page={deep}&page_size={SIZE}")
    assert (page["count"], page["page"], page["pages"]) == (COUNT, deep, COUNT // SIZE)
    assert page["next"].endswith(f"page={deep + 1}&page_size={SIZE}")
    assert page["previous"].endswith(f"page={deep - 1}&page_size={SIZE}")
    assert page["results"][0]["slug"] == f"bulk-{(deep - 1) * SIZE}"


def test_a_deep_page_costs_one_query_more_than_the_second(client, db):
    factories.many_articles(COUNT)

    def queries(number):
        with CaptureQueriesContext(connection) as captured:
            get(client, f"/api/v1/articles?page={number}&page_size={SIZE}")
        return len(captured)

    # The deep page's keys come first, from the index, then only those rows.
    second = queries(2)
    assert queries(DIRECT_ROWS // SIZE + 5) == second + 1
    assert queries(COUNT // SIZE - 2) == second + 1  # counted from the end


def test_a_page_past_the_last_is_a_404_that_names_the_last(client, db):
    factories.many_articles(30)
    page = get(client, f"/api/v1/articles?page=99&page_size={SIZE}", status=404)
    assert "the last is 3" in page["detail"]
