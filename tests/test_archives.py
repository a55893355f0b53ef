"""Archive pages: one address per month, navigation with counts, bad dates 404."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def on(year, month, day=15, **fields):
    moment = timezone.make_aware(datetime.datetime(year, month, day, 12))
    return factories.article(publish_at=moment, **fields)


@pytest.mark.parametrize("prefix", ["/en", "/zh-hans"])
def test_a_month_without_its_leading_zero_redirects_for_good_to_the_canonical_address(
    client, prefix
):
    on(2024, 1)
    response = client.get(f"{prefix}/news/2024/1/?page=1")
    assert response.status_code == 301
    assert response["Location"] == f"{prefix}/news/2024/01/?page=1"
    assert client.get(f"{prefix}/news/2024/01/").status_code == 200


def test_a_year_with_leading_zeros_redirects_to_its_plain_address(client):
    on(2024, 1)
    response = client.get("/en/news/02024/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/2024/"


def test_archive_links_use_the_canonical_address(client):
    on(2024, 3)
    page = client.get(reverse("archive_year", args=[2024])).content.decode()
    assert 'href="/en/news/2024/03/"' in page


@pytest.mark.parametrize(
    "path",
    [
        "/en/news/2024/13/",
        "/en/news/2024/00/",
        "/en/news/2024/0/",
        "/en/news/0/",
        "/en/news/9999/",
        "/en/news/99999/12/",
        "/zh-hans/news/2024/13/",
    ],
)
def test_months_and_years_that_cannot_be_are_404_not_500(client, path):
    on(2024, 1)
    assert client.get(path).status_code == 404


def test_a_period_without_published_stories_is_404(client):
    on(2024, 1)
    factories.draft(publish_at=timezone.make_aware(datetime.datetime(2023, 5, 1, 12)))
    assert client.get("/en/news/2023/").status_code == 404
    assert client.get("/en/news/2024/02/").status_code == 404


def test_the_news_list_links_every_year_with_its_count(client):
    on(2023, 5)
    on(2024, 1)
    on(2024, 2)
    factories.draft(publish_at=timezone.make_aware(datetime.datetime(2022, 5, 1, 12)))
    response = client.get(reverse("news"))
    years = [(y.year, y.count) for y in response.context["archive"].years]
    assert years[:2] == [(2024, 2), (2023, 1)]
    assert all(year != 2022 for year, _n in years)
    page = response.content.decode()
    assert 'href="/en/news/2024/"' in page
    assert "2 stories" in page


def test_the_year_page_lists_its_months_with_counts_and_marks_the_current_one(client):
    on(2024, 1, 3)
    on(2024, 1, 20)
    on(2024, 3)
    page = client.get("/en/news/2024/03/").content.decode()
    assert 'href="/en/news/2024/01/">January</a> <span class="count">2 stories' in page
    assert 'href="/en/news/2024/03/" aria-current="page">March</a>' in page


def test_neighbouring_periods_skip_empty_ones(client):
    on(2023, 11)
    on(2024, 1)
    on(2024, 6)
    context = client.get("/en/news/2024/01/").context
    assert context["previous_month"] == datetime.date(2023, 11, 1)
    assert context["next_month"] == datetime.date(2024, 6, 1)
    context = client.get("/en/news/2024/").context
    assert context["previous_year"] == datetime.date(2023, 1, 1)
    assert context["next_year"] is None


def test_months_are_counted_in_the_site_time_zone(client):
    # 20:00 UTC on 31 December 2023 is already 2024 in Shanghai, as the archive pages count.
    factories.article(publish_at=datetime.datetime(2023, 12, 31, 20, tzinfo=datetime.UTC))
    assert client.get("/en/news/2024/01/").status_code == 200
    assert client.get("/en/news/2023/").status_code == 404


def test_the_chinese_archive_counts_chinese_readers_stories(client):
    english = on(2024, 1)
    factories.translation(english, title="中文", publish_at=english.publish_at)
    response = client.get("/zh-hans/news/2024/01/")
    assert response.status_code == 200
    assert [a.title for a in response.context["articles"]] == ["中文"]
    assert response.context["archive"].years[0].count == 1
