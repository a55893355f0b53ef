"""Reads IPTC's published Media Topics JSON (`cptall-en-GB.json` and its other languages)
into MediaTopic rows: new topics are added, changed labels, definitions, broader topics
and retirements applied, and nothing is deleted (stories keep a topic IPTC retires).

The format: {"conceptSet": [{"qcode": "medtop:04000000", "prefLabel": {"en-GB": "..."},
"definition": {"en-GB": "..."}, "broader": ["http://cv.iptc.org/newscodes/mediatopic/..."],
"retired": "2019-10-28T12:00:00+00:00", ...}, ...]}. Broader topics may be given as URIs
or as qcodes. A file in one language changes only that language's labels.
"""

import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.dateparse import parse_datetime

from newsroom.models import MediaTopic
from newsroom.models.topics import QCODE, URI_BASE

# prefLabel language tags → the column holding that language's label
ENGLISH = ("en-GB", "en", "en-US")
CHINESE = ("zh-Hans", "zh-CN", "zh", "zh-Hans-CN")


class TopicFileError(ValueError):
    """The file is not IPTC's Media Topics JSON; the message says where it is wrong."""


@dataclass
class Loaded:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    retired: int = 0
    unknown_broader: list = field(default_factory=list)


def as_qcode(reference):
    if isinstance(reference, str) and reference.startswith(URI_BASE):
        return f"medtop:{reference[len(URI_BASE) :].strip('/')}"
    return reference


def first_of(labels, tags):
    for tag in tags:
        if labels.get(tag):
            return labels[tag].strip()
    return None


def read(text):
    """The concepts of the file as dicts of MediaTopic fields (None: not in this file)."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise TopicFileError(f"The file is not JSON: {error}.") from None
    concepts = data.get("conceptSet") if isinstance(data, dict) else None
    if not isinstance(concepts, list):
        raise TopicFileError("No “conceptSet” list: this is not an IPTC concept file.")
    topics = []
    for number, concept in enumerate(concepts, start=1):
        qcode = concept.get("qcode") if isinstance(concept, dict) else None
        if not isinstance(qcode, str) or not QCODE.match(qcode):
            raise TopicFileError(f"Concept {number} has no Media Topic qcode: {qcode!r}.")
        labels = concept.get("prefLabel") or {}
        definitions = concept.get("definition") or {}
        broader = [as_qcode(ref) for ref in concept.get("broader") or []]
        retired = concept.get("retired")
        retired_at = parse_datetime(retired) if isinstance(retired, str) else None
        if retired and retired_at is None:
            raise TopicFileError(f"{qcode}: “retired” is not a date and time: {retired!r}.")
        topics.append(
            {
                "qcode": qcode,
                "name": first_of(labels, ENGLISH),
                "name_zh_hans": first_of(labels, CHINESE),
                "definition": first_of(definitions, ENGLISH),
                "broader": next((b for b in broader if QCODE.match(b or "")), None),
                "retired_at": retired_at,
            }
        )
    return topics


@transaction.atomic
def load(text):
    """Apply the file's topics; a Loaded summary. Raises TopicFileError on a bad file."""
    topics = read(text)
    existing = {topic.qcode: topic for topic in MediaTopic.objects.all()}
    result, new, changed = Loaded(), [], []
    for values in topics:
        topic = existing.get(values["qcode"])
        if topic is None:
            if not values["name"]:
                raise TopicFileError(f"{values['qcode']} is new but has no English label.")
            topic = MediaTopic(qcode=values["qcode"])
            new.append(topic)
        before = (topic.name, topic.name_zh_hans, topic.definition, topic.retired_at)
        for name in ("name", "name_zh_hans", "definition"):
            if values[name] is not None:
                setattr(topic, name, values[name])
        topic.retired_at = values["retired_at"]
        if topic.pk and before != (
            topic.name,
            topic.name_zh_hans,
            topic.definition,
            topic.retired_at,
        ):
            changed.append(topic)
        result.retired += topic.retired_at is not None
        existing[topic.qcode] = topic
    MediaTopic.objects.bulk_create(new)
    fields = ["name", "name_zh_hans", "definition", "retired_at"]
    MediaTopic.objects.bulk_update(changed, fields, batch_size=500)
    moved = []
    for values in topics:
        topic, wanted = existing[values["qcode"]], values["broader"]
        parent = existing.get(wanted) if wanted else None
        if wanted and parent is None:
            result.unknown_broader.append(f"{values['qcode']} → {wanted}")
            continue  # kept as it was until a file brings the broader topic
        if topic.broader_id != (parent.pk if parent else None):
            topic.broader = parent
            moved.append(topic)
    MediaTopic.objects.bulk_update(moved, ["broader"], batch_size=500)
    result.added = len(new)
    result.changed = len({t.pk for t in changed} | {t.pk for t in moved if t not in new})
    result.unchanged = len(topics) - result.added - result.changed
    return result
