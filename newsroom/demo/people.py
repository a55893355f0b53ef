"""The story's people, its mobilisation meeting and AUX's 2024 plan, exactly as the article
gives them: names and titles as written (the Party Secretary is named "Ningbo" in the text),
no local names, since the article gives none."""

import datetime

from projects.dates import Precision
from projects.models import Attendance, Event, Milestone, Person, Programme

PROGRAMME_SLUG = "aux-2024-production-bases-and-sales-companies"

PEOPLE = [
    # (name, title as the article gives it, role at the meeting, acted for AUX)
    ("Ningbo", "Secretary of the Wuhu Municipal Party Committee", Attendance.Role.ANNOUNCED, False),
    (
        "Xu Zhi",
        "Deputy secretary of the Municipal Party Committee and mayor of Wuhu",
        Attendance.Role.SPOKE,
        False,
    ),
    ("Li Jian", "CEO of AUX Group", Attendance.Role.ATTENDED, True),
]


def load_people(upsert, project, source, aux, started):
    start = Milestone.objects.get(project=project, kind=Milestone.Kind.GROUNDBREAKING)
    meeting = upsert(
        Event,
        {"project": project, "kind": Event.Kind.MEETING, "date": started},
        {
            "name": "Mobilisation meeting for the first batch of major projects in Anhui Province",
            "precision": Precision.DAY,
            "place": "Wuhu branch of the AUX Intelligent Air Conditioning Compressor "
            "Production and Construction Project",
            "milestone": start,
            "source": source,
        },
    )
    for order, (name, title, role, for_aux) in enumerate(PEOPLE, start=1):
        person = upsert(Person, {"name": name}, {"title": title})
        upsert(
            Attendance,
            {"event": meeting, "person": person},
            {"role": role, "organization": aux if for_aux else None, "order": order},
        )
    return meeting


def load_programme(upsert, aux, source):
    return upsert(
        Programme,
        {"slug": PROGRAMME_SLUG},
        {
            "name": "AUX's 2024 production bases and sales companies",
            "organization": aux,
            "summary": "AUX plans to build 12 more production bases and sales companies in "
            "2024, forming a global industrial chain matrix.",
            "target_count": 12,
            "target": "production bases and sales companies",
            "as_stated": "In 2024, AUX will continue to deeply cultivate domestic and foreign "
            "markets, plan to build 12 more production bases and sales companies",
            "period_date": datetime.date(2024, 1, 1),
            "period_precision": Precision.YEAR,
            "source": source,
            "is_published": True,
        },
    )
