"""The organisation and the place, the answer schema, and `manage.py extract_facts`."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from projects.extraction import Suggestions, header, suggest

ARTICLE = """Title: Kestrel Foods to build a snack plant
Source: https://example.org/kestrel (written for this test)
Date: 2024-05-20

MARION, Ohio – Kestrel Foods Inc. will invest about $210 million in a snack plant in Marion, the company said.
The plant is expected to create 320 new jobs and to open next year.
[... a photo caption left out ...]
"""


@pytest.mark.parametrize(
    ("text", "organization", "place"),
    [
        (
            "DRESDEN, May 2, 2024 – Rheinwerk AG will invest €400 million in a foundry in Görlitz.",
            "Rheinwerk AG",
            "Görlitz",
        ),
        (
            "Gov. Jane Doe said Kestrel Foods, a family company, will invest $50 million in its Marion plant.",
            "Kestrel Foods",
            "Marion",
        ),
        (
            "Orion Cables, an Indian wire maker, announced on Monday that it would invest Rs 900 crore in a plant in Pune.",
            "Orion Cables",
            "Pune",
        ),
        (
            "Detroit-based Acme Corp. will invest $90 million in a plant in the U.S. state of Ohio.",
            "Acme Corp.",
            "Ohio",
        ),
        ("去年3月,星河电池在江西赣州投资80亿元,建设电池工厂。", "星河电池", "江西赣州"),
        (
            "9月2日,华辰新材料有限公司年产5万吨项目签约仪式在某某县举行。项目总投资约12亿元。",
            "华辰新材料有限公司",
            "某某县",
        ),
    ],
)
def test_the_organisation_and_place_come_from_the_investing_sentence(text, organization, place):
    result = suggest(text)
    assert result.organization.value["name"] == organization
    assert result.location.value["name"] == place


def test_a_clause_opening_without_a_name_gives_no_organisation():
    assert suggest("全县计划投资30亿元建设物流园。").organization is None


def test_a_government_that_signs_is_not_the_investor():
    text = "The Government of Andhra Pradesh signed an agreement with Foxwell Precision. Foxwell Precision will invest Rs 1,500 crore in a plant in Q3 2025."
    result = suggest(text)
    assert result.organization.value["name"] == "Foxwell Precision"
    assert result.location is None


def test_a_dateline_town_is_not_the_site():
    result = suggest(
        "FORT SMITH, Ark. – Rheinwerk AG will invest $80 million in a foundry in Tulsa."
    )
    assert result.location.value["name"] == "Tulsa"


def test_as_json_follows_the_answer_schema_with_nothing_found():
    assert Suggestions().as_json() == {
        "organization": None, "project": None, "location": None, "investment": None,
        "capacity": [], "jobs": None, "jobs_qualifier": None, "jobs_scope": None,
        "jobs_text": None, "annual_revenue": None, "milestones": [],
    }  # fmt: skip


def test_every_suggestion_quotes_the_input_at_its_offsets():
    body = header.parse(ARTICLE).body
    result = suggest(body, published=datetime.date(2024, 5, 20))
    assert len(result.all()) >= 5
    for found in result.all():
        assert body[found.start : found.end] == found.text
        assert "photo caption" not in found.text


def test_the_header_gives_the_date_and_the_body(tmp_path):
    article = header.parse(ARTICLE)
    assert article.published == datetime.date(2024, 5, 20)
    assert article.title == "Kestrel Foods to build a snack plant"
    assert article.body.startswith("MARION")
    assert header.parse("Date: not stated (undated copy)\n\nText.").published is None
    assert header.parse(
        'Date: page stamp "2014-08-02 02:47:31"\n\nText.'
    ).published == datetime.date(2014, 8, 2)


def test_the_command_writes_one_json_per_article_with_relative_dates_resolved(tmp_path):
    source = tmp_path / "01-kestrel-foods.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    call_command(
        "extract_facts", str(source), "--json", str(tmp_path / "out"), stdout=io.StringIO()
    )
    facts = json.loads((tmp_path / "out" / "01-kestrel-foods.json").read_text(encoding="utf-8"))
    assert facts["organization"] == "Kestrel Foods Inc."
    assert facts["investment"]["amount"] == 210_000_000
    assert facts["investment"]["qualifier"] == "about"
    assert facts["jobs"] == 320
    assert [(m["kind"], m["date"]) for m in facts["milestones"]] == [("operation", "2025")]


def test_without_a_header_date_next_year_stays_unresolved(tmp_path):
    source = tmp_path / "02-undated.txt"
    source.write_text(
        ARTICLE.replace("Date: 2024-05-20", "Date: not stated in the copy"), encoding="utf-8"
    )
    call_command("extract_facts", str(source), "--json", str(tmp_path), stdout=io.StringIO())
    facts = json.loads((tmp_path / "02-undated.json").read_text(encoding="utf-8"))
    assert facts["milestones"][0]["date"] is None


def test_unreadable_files_give_a_clear_error_and_the_others_are_still_written(tmp_path, capsys):
    good = tmp_path / "03-good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    binary = tmp_path / "04-binary.txt"
    binary.write_bytes(b"\xff\xfe\x00not text")
    with pytest.raises(CommandError, match="2 of 3 files could not be read"):
        call_command(
            "extract_facts",
            str(tmp_path / "missing.txt"),
            str(binary),
            str(good),
            "--json",
            str(tmp_path / "out"),
        )
    err = capsys.readouterr().err
    assert "missing.txt" in err and "not UTF-8" in err
    assert (tmp_path / "out" / "03-good.json").exists()


def test_an_output_directory_that_cannot_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CommandError, match="Cannot create the output directory"):
        call_command("extract_facts", str(blocker), "--json", str(blocker / "out"))
