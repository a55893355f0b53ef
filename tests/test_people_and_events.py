"""The story's people and its mobilisation meeting: on the project page, the article, the API,
the exports and the JSON-LD, as the article gives them and no more."""

import csv
import datetime
import io
import json

import extruct
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from projects.models import Attendance, Event, Milestone, Person
from tests import factories

PROJECT = "/en/projects/aux-compressor-wuhu/"


def json_ld(html):
    return extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]


def typed(items, kind):
    """Every object of schema.org type `kind` anywhere in `items`."""
    found = []
    stack = list(items)
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if item.get("@type") == kind:
                found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_the_demo_meeting_has_the_three_people_the_article_names(demo):
    meeting = Event.objects.get()
    people = {a.person.name: (a.person.title, a.role) for a in meeting.attendances.all()}
    assert people == {
        "Ningbo": ("Secretary of the Wuhu Municipal Party Committee", "announced"),
        "Xu Zhi": ("Deputy secretary of the Municipal Party Committee and mayor of Wuhu", "spoke"),
        "Li Jian": ("CEO of AUX Group", "attended"),
    }
    assert meeting.when.iso == "2024-01-02"
    assert meeting.milestone.title == "Mobilisation meeting and construction start"
    assert meeting.source.article.slug == demo.ARTICLE_SLUG
    assert not Person.objects.exclude(local_name="").exists()  # the article gives none


def test_the_project_page_shows_the_meeting_and_who_spoke(client, demo):
    page = client.get(PROJECT).content.decode()
    assert "Mobilisation meeting for the first batch of major projects" in page
    assert '<time datetime="2024-01-02">2 January 2024</time>' in page
    assert "Xu Zhi" in page and "mayor of Wuhu; spoke" in page
    assert "CEO of AUX Group; attended for AUX Group" in page


def test_the_article_shows_the_meeting_of_its_project(client, demo):
    page = client.get(f"/en/news/{demo.ARTICLE_SLUG}/").content.decode()
    assert "Events and people" in page and "Ningbo" in page


def test_the_project_json_ld_has_the_meeting_as_an_event_with_attendees_and_performers(
    client, demo
):
    events = typed(json_ld(client.get(PROJECT).content.decode()), "Event")
    assert len(events) == 1
    meeting = events[0]
    assert meeting["startDate"] == "2024-01-02"
    assert meeting["location"]["@type"] == "Place"
    assert meeting["location"]["address"]["addressLocality"] == "Wuhu"
    assert {p["name"] for p in meeting["attendee"]} == {"Ningbo", "Xu Zhi", "Li Jian"}
    assert {p["name"] for p in meeting["performer"]} == {"Ningbo", "Xu Zhi"}
    li_jian = next(p for p in meeting["attendee"] if p["name"] == "Li Jian")
    assert li_jian["jobTitle"] == "CEO of AUX Group"
    assert li_jian["affiliation"]["name"] == "AUX Group"


def test_the_article_json_ld_has_the_meeting_too(client, demo):
    html = client.get(f"/en/news/{demo.ARTICLE_SLUG}/").content.decode()
    assert [e["name"] for e in typed(json_ld(html), "Event")] == [Event.objects.get().name]


def test_the_api_gives_the_events_with_their_people(client, demo):
    project = client.get(f"/api/v1/projects/{demo.PROJECT_SLUG}").json()
    [meeting] = project["events"]
    assert (meeting["date"]["date"], meeting["date"]["precision"]) == ("2024-01-02", "day")
    assert meeting["milestone"] == "Mobilisation meeting and construction start"
    assert [p["name"] for p in meeting["people"]] == ["Ningbo", "Xu Zhi", "Li Jian"]
    assert meeting["people"][2]["organization"] == {"slug": "aux-group", "name": "AUX Group"}
    assert meeting["people"][1]["role"] == "spoke"


def test_the_exports_give_the_events_with_their_people(client, demo):
    [record] = client.get("/en/projects/export.json").json()["projects"]
    [meeting] = record["events"]
    assert meeting["people"][0] == {
        "name": "Ningbo",
        "local_name": "",
        "title": "Secretary of the Wuhu Municipal Party Committee",
        "role": "announced",
        "organization": None,
    }
    rows = list(
        csv.DictReader(io.StringIO(b"".join(client.get("/en/projects/export.csv")).decode()))
    )
    assert rows[0]["events"].startswith("2024-01-02 Mobilisation meeting")
    assert "Xu Zhi (spoke)" in rows[0]["events"]


def test_an_event_of_an_unpublished_project_is_nowhere(client, db):
    project = factories.project(is_published=False)
    meeting = Event.objects.create(project=project, name="Secret signing", date="2024-05-01")
    Attendance.objects.create(event=meeting, person=Person.objects.create(name="Hidden Person"))
    assert client.get(project.get_absolute_url()).status_code == 404
    assert "Hidden Person" not in json.dumps(client.get("/en/projects/export.json").json())


def test_a_month_event_must_be_entered_on_the_first_of_the_month(db):
    event = Event(
        project=factories.project(),
        name="Signing",
        date=datetime.date(2024, 5, 7),
        precision="month",
    )
    with pytest.raises(ValidationError, match="first day of that month"):
        event.full_clean()


def test_an_event_cannot_mark_another_projects_milestone(db):
    other = Milestone.objects.create(
        project=factories.project(slug="other"), title="Start", actual_date="2024-01-01"
    )
    event = Event(
        project=factories.project(), milestone=other, name="Meeting", date=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError, match="milestone of this event's project"):
        event.full_clean()


def test_a_person_is_listed_once_per_role_at_an_event(db):
    meeting = Event.objects.create(project=factories.project(), name="Meeting", date="2024-01-02")
    person = Person.objects.create(name="Xu Zhi")
    Attendance.objects.create(event=meeting, person=person, role="spoke")
    duplicate = Attendance(event=meeting, person=person, role="spoke")
    with pytest.raises(ValidationError, match="already listed in this role"):
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_an_unknown_kind_of_event_is_refused_by_the_database(db):
    project = factories.project()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.create(project=project, name="x", date="2024-01-02", kind="gala")
    assert not Event.objects.exists()
