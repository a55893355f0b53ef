"""Embeddable fact cards: a published project's key figures in a card any site may frame,
with no cookie and no script, and its oEmbed endpoint with discovery links."""

import datetime
import json
import re
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.utils import timezone

from projects.models import Project, Source
from tests import factories

CARD = "/en/projects/{}/embed/"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";"))}


def oembed(client, url, **params):
    query = "&".join(f"{k}={v}" for k, v in {"url": quote(url, safe=""), **params}.items())
    return client.get(f"/en/oembed/?{query}")


@pytest.fixture
def project(db):
    project = factories.project(name="Wuhu compressor plant", slug="wuhu-plant")
    report = factories.web_source(url="https://example.com/annual-report", title="Annual report")
    factories.money(project, value=Decimal("5e9"), qualifier="about", source=report)
    factories.jobs(project, 3000, qualifier="over", not_stated_publicly=True)
    return project


def test_the_card_shows_the_figures_with_their_qualifiers_and_sources(client, project):
    response = client.get(CARD.format(project.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "about CNY 5 billion" in html
    assert '(source: <a href="https://example.com/annual-report">Annual report</a>)' in html
    assert "over 3,000" in html.lower() and "(Source: not stated publicly)" in html
    assert 'href="http://testserver/en/projects/wuhu-plant/"' in html  # the full fact sheet
    assert '<base target="_blank">' in html  # links open beside the host page, not in it


def test_only_the_card_may_be_framed_by_any_site(client, project):
    card = client.get(CARD.format(project.slug))
    assert directives(card)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in card
    page = client.get(project.get_absolute_url())
    assert directives(page)["frame-ancestors"] == ["'none'"]
    assert page["X-Frame-Options"] == "DENY"


def test_the_card_sets_no_cookie_and_runs_no_script_or_inline_style(client, project):
    response = client.get(CARD.format(project.slug))
    html = response.content.decode()
    assert not response.cookies and "Set-Cookie" not in response
    assert directives(response)["script-src"] == ["'none'"]
    assert "<script" not in html and "<style" not in html and " style=" not in html
    assert re.search(r'<link rel="stylesheet" href="/static/css/embed\.[0-9a-f]+\.css">', html)


def test_the_card_is_cached_as_pages_are_and_keeps_its_framing_from_the_cache(
    client, project, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get(CARD.format(project.slug))
    second = client.get(CARD.format(project.slug))
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert directives(second)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in second and not second.cookies


def test_a_draft_project_has_no_card_even_for_staff(staff_client, project):
    Project.objects.filter(pk=project.pk).update(is_published=False)
    assert staff_client.get(CARD.format(project.slug)).status_code == 404
    assert staff_client.get("/en/projects/no-such-project/embed/").status_code == 404


def test_a_figure_citing_an_unpublished_article_does_not_leak_it_on_the_card(client, project):
    embargoed = factories.article(
        title="Secret results", embargo_until=timezone.now() + datetime.timedelta(days=1)
    )
    factories.capacity(project, 30_000_000, source=Source.objects.create(article=embargoed))
    html = client.get(CARD.format(project.slug)).content.decode()
    assert "Secret results" not in html and embargoed.get_absolute_url() not in html


def test_the_card_costs_a_fixed_number_of_queries(client, project, django_assert_num_queries):
    for n in range(5):
        factories.capacity(project, 1000 + n, source=factories.web_source())
    # The project; its figures with sources and cited articles; the exchange rates.
    with django_assert_num_queries(3):
        assert client.get(CARD.format(project.slug)).status_code == 200


def test_the_project_page_advertises_its_oembed(client, project):
    html = client.get(project.get_absolute_url()).content.decode()
    page = quote("http://testserver/en/projects/wuhu-plant/", safe="")
    assert (
        '<link rel="alternate" type="application/json+oembed" '
        f'href="http://testserver/en/oembed/?url={page}&amp;format=json"'
    ) in html
    assert 'href="/en/projects/wuhu-plant/embed/"' in html


def test_oembed_gives_a_rich_iframe_of_the_card(client, project):
    response = oembed(client, "http://testserver/en/projects/wuhu-plant/", format="json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    answer = json.loads(response.content)
    assert answer["version"] == "1.0" and answer["type"] == "rich"
    assert answer["title"] == "Wuhu compressor plant: key figures"
    assert answer["provider_url"] == "http://testserver/"
    assert (answer["width"], answer["height"]) == (480, 540)
    assert answer["html"] == (
        '<iframe src="http://testserver/en/projects/wuhu-plant/embed/" width="480" height="540" '
        'title="Wuhu compressor plant: key figures" loading="lazy" '
        'referrerpolicy="strict-origin-when-cross-origin"></iframe>'
    )


def test_oembed_answers_for_the_cards_own_address_too(client, project):
    response = oembed(client, "http://testserver/en/projects/wuhu-plant/embed/")
    assert response.status_code == 200


def test_oembed_honours_maxwidth_and_maxheight_and_never_grows(client, project):
    answer = json.loads(
        oembed(
            client, "http://testserver/en/projects/wuhu-plant/", maxwidth=300, maxheight=200
        ).content
    )
    assert (answer["width"], answer["height"]) == (300, 200)
    assert 'width="300" height="200"' in answer["html"]
    answer = json.loads(
        oembed(client, "http://testserver/en/projects/wuhu-plant/", maxwidth=2000).content
    )
    assert answer["width"] == 480


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/en/projects/no-such-project/",
        "http://testserver/en/news/",
        "http://testserver/no-such-page/",
        "http://elsewhere.example.com/projects/wuhu-plant/",
        "javascript:alert(1)",
    ],
)
def test_oembed_is_404_for_addresses_that_are_no_published_project(client, project, url):
    assert oembed(client, url).status_code == 404


def test_oembed_is_404_for_a_draft_project(client, project):
    Project.objects.filter(pk=project.pk).update(is_published=False)
    assert oembed(client, "http://testserver/en/projects/wuhu-plant/").status_code == 404


def test_oembed_refuses_xml_with_501_and_bad_sizes_with_400(client, project):
    url = "http://testserver/en/projects/wuhu-plant/"
    assert oembed(client, url, format="xml").status_code == 501
    for bad in ("abc", "0", "-5"):
        response = oembed(client, url, maxwidth=bad)
        assert response.status_code == 400
        assert "maxwidth must be a whole number" in json.loads(response.content)["error"]
    assert client.get("/en/oembed/").status_code == 400


def test_oembed_answers_are_cached_by_their_parameters(client, project, settings):
    settings.PAGE_CACHE_SECONDS = 300
    url = "http://testserver/en/projects/wuhu-plant/"
    assert oembed(client, url)["X-Cache"] == "miss"
    assert oembed(client, url)["X-Cache"] == "hit"
    narrow = oembed(client, url, maxwidth=300)
    assert narrow["X-Cache"] == "miss" and json.loads(narrow.content)["width"] == 300
