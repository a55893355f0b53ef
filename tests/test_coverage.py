"""Coverage (clippings): entered by staff for a story or a project, shown on its page once
that is public, exported as CSV a spreadsheet opens without running formulas."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from newsroom.press.models import Coverage
from tests import factories


def clipping(**fields):
    defaults = {
        "outlet": "Reuters",
        "title": "AUX starts Wuhu plant",
        "url": "https://news.example.com/aux-wuhu",
        "published_on": datetime.date(2024, 1, 3),
        "country": "GB",
        "language": "en",
        "reach": 1_000_000,
    }
    return Coverage.objects.create(**{**defaults, **fields})


@pytest.fixture
def story(db):
    return factories.article(title="Plant opens", slug="plant-opens")


def test_coverage_of_a_story_is_shown_on_its_page(client, story):
    clipping(article=story, title="压缩机工厂开工", outlet="第一财经")
    page = client.get(story.get_absolute_url()).content.decode()
    assert "In the media" in page and "压缩机工厂开工" in page and "第一财经" in page


def test_coverage_of_a_project_is_shown_on_its_page(client, db):
    project = factories.project()
    clipping(project=project, title="Compressor base breaks ground")
    assert (
        "Compressor base breaks ground" in client.get(project.get_absolute_url()).content.decode()
    )


def test_coverage_of_a_draft_is_on_no_public_page(client, db):
    draft = factories.draft(slug="still-a-draft")
    clipping(article=draft, title="Leaked early")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Leaked early" not in client.get("/en/news/").content.decode()


def test_a_clipping_is_of_a_story_or_a_project_never_both_or_neither(story):
    project = factories.project()
    for fields in ({}, {"article": story, "project": project}):
        with pytest.raises(ValidationError, match="either a story or a project"):
            Coverage(
                outlet="X", title="Y", url="https://x.example/", published_on="2024-01-01", **fields
            ).full_clean()
    with pytest.raises(IntegrityError):
        clipping()


def test_a_country_is_a_two_letter_code(story):
    row = Coverage(
        article=story,
        outlet="X",
        title="Y",
        url="https://x.example/",
        published_on="2024-01-01",
        country="China",
    )
    with pytest.raises(ValidationError, match="two-letter code"):
        row.full_clean()
    row.country = "cn"
    row.full_clean()
    assert row.country == "CN"


def test_the_csv_export_defuses_formulas(client, editor, story):
    clipping(article=story, title='=HYPERLINK("https://evil.example")', outlet="@outlet")
    clipping(article=story, title="Plain headline", outlet="-minus")
    client.force_login(editor)
    response = client.post(
        reverse("admin:press_coverage_changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(Coverage.objects.values_list("pk", flat=True)),
        },
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["title"] for row in rows} == {
        '\'=HYPERLINK("https://evil.example")',
        "Plain headline",
    }
    assert {row["outlet"] for row in rows} == {"'@outlet", "'-minus"}
    assert rows[0]["story"] == "Plant opens" and rows[0]["reach"] == "1000000"


def test_a_writer_cannot_add_coverage_to_a_published_story(client, writer, story):
    client.force_login(writer)
    response = client.post(
        "/admin/press/coverage/add/",
        {
            "article": story.pk,
            "outlet": "X",
            "title": "Y",
            "url": "https://x.example/",
            "published_on": "2024-01-01",
        },
    )
    assert (
        response.status_code == 200 and "only an editor may change it" in response.content.decode()
    )
    assert not Coverage.objects.exists()
