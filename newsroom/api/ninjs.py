"""An article as IPTC's ninjs 3.1 (news in JSON): what news agencies' and aggregators'
systems read. Built from the same published rows as the JSON API, in a fixed number of
queries (`for_ninjs`), whatever the number of tags, subjects, projects or people."""

import json

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags

from newsroom.core.negotiation import NINJS
from newsroom.models import Article, ArticleImage
from projects.models import Project
from projects.models.people import with_events

MEDIA_TYPE = NINJS
STANDARD = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
}
COUNTRY_URI = "http://cvx.iptc.org/iso3166-1a2/"  # IPTC's country codes, as in ninjs examples
# How the OpenAPI document describes a ninjs body (the full schema is IPTC's, linked).
OPENAPI_SCHEMA = {
    "type": "object",
    "required": ["uri"],
    "description": "A ninjs 3.1 object (IPTC's news in JSON), valid against "
    f"{STANDARD['schema']}: uri, type, versionCreated, firstCreated, contentCreated, "
    "headlines, bodies, descriptions, language, subjects (IPTC Media Topics and tags), "
    "places, organisations, people, associations (pictures with renditions), pubStatus, "
    "copyrightNotice.",
    "externalDocs": {"url": "https://iptc.org/standards/ninjs/"},
}


def for_ninjs(articles):
    """`articles` with everything their ninjs shows."""
    projects = with_events(Project.objects.published().with_roles())
    return articles.select_related("lead_image").prefetch_related(
        "tags",
        "subjects",
        "corrections",
        Prefetch("gallery", queryset=ArticleImage.objects.select_related("image")),
        Prefetch("projects", queryset=projects),
    )


def pub_status(article):
    """ninjs `pubStatus`: "usable" for a published story, "canceled" once withdrawn and
    "withheld" once taken down (the API answers those with a 410 notice instead)."""
    return {
        Article.Status.WITHDRAWN: "canceled",
        Article.Status.TAKEN_DOWN: "withheld",
    }.get(article.status, "usable")


def subjects(article, absolute):
    topics = [
        {"name": topic.name, "uri": topic.uri, "literal": topic.qcode, "rel": "about"}
        for topic in article.subjects.all()
    ]
    tags = [
        {"name": tag.name, "uri": absolute(tag.get_absolute_url()), "literal": tag.slug}
        for tag in article.tags.all()
    ]
    return topics + tags


def places(projects):
    found = {}
    for project in projects:
        address = {"country": project.country_name}
        if project.city:
            address["locality"] = project.city
        if project.province:
            address["area"] = project.province
        name = project.place or project.country_name
        found.setdefault(
            name,
            {
                "name": name,
                "rel": "about",
                "contactInfo": [{"type": "physical", "address": address}],
            },
        )
        country = {"name": project.country_name, "uri": f"{COUNTRY_URI}{project.country.lower()}"}
        found.setdefault(project.country_name, {**country, "rel": "mentions"})
    return list(found.values())


def organisations(projects, absolute):
    found = {}
    for project in projects:
        for role in project.roles.all():
            organization = role.organization
            found.setdefault(
                organization.pk,
                {
                    "name": organization.name,
                    "rel": role.role,
                    "uri": absolute(organization.get_absolute_url()),
                },
            )
    return list(found.values())


def people(projects):
    found = {}
    for project in projects:
        for event in project.events.all():
            for attendance in event.attendances.all():
                person = attendance.person
                found.setdefault(person.pk, {"name": person.name, "rel": attendance.role})
    return list(found.values())


def picture(image, name, absolute):
    """A described image as an associated picture, with its original and renditions."""
    renditions = [
        {
            "name": "original",
            "href": absolute(image.file.url),
            "contentType": image.content_type,
            "width": image.width,
            "height": image.height,
        }
    ]
    for extension in ("webp", image.fallback_extension):
        for url, width, height in image.rendition_urls("full", extension):
            renditions.append(
                {
                    "name": f"{extension}-{width}w",
                    "href": absolute(url),
                    "contentType": f"image/{'jpeg' if extension == 'jpg' else extension}",
                    "width": width,
                    "height": height,
                }
            )
    descriptions = [{"role": "alt", "contentType": "text/plain", "value": image.alt}]
    if image.caption:
        descriptions.append(
            {"role": "caption", "contentType": "text/plain", "value": image.caption}
        )
    item = {
        "name": name,
        "rel": "picture",
        "uri": absolute(image.file.url),
        "type": "picture",
        "headlines": [{"role": "main", "value": image.title}] if image.title else [],
        "descriptions": descriptions,
        "renditions": renditions,
    }
    if image.credit:
        item["by"] = image.credit
    return {key: value for key, value in item.items() if value != []}


def associations(article, absolute):
    """The pictures the public may see (Article.media_kit): the lead first, then the gallery."""
    pictures = article.media_kit
    lead = bool(article.lead_image_id and article.lead_image.is_described)
    names = (["lead"] if lead else []) + [f"gallery-{n}" for n in range(1, len(pictures) + 1)]
    return [picture(image, name, absolute) for image, name in zip(pictures, names, strict=False)]


def ninjs(article, request):
    """The ninjs 3.1 object of one published article (loaded with `for_ninjs`)."""
    absolute = request.build_absolute_uri
    projects = list(article.projects.all())
    published = timezone.localtime(article.publish_at)
    text = strip_tags(article.body)
    item = {
        "standard": STANDARD,
        "uri": f"urn:uuid:{article.uuid}",
        "type": "text",
        "representationType": "full",
        "version": str(article.version),
        "firstCreated": article.publish_at.isoformat(),
        "versionCreated": article.modified_at.isoformat(),
        "contentCreated": article.created_at.isoformat(),
        "pubStatus": pub_status(article),
        "copyrightHolder": settings.SITE_NAME,
        "copyrightNotice": f"© {published.year} {settings.SITE_NAME}",
        "language": article.language,
        "altIds": [{"role": "url", "value": absolute(article.get_absolute_url())}],
        "headlines": [{"role": "main", "value": article.title}]
        + ([{"role": "sub", "value": article.subtitle}] if article.subtitle else []),
        "descriptions": [{"role": "summary", "contentType": "text/plain", "value": article.summary}]
        if article.summary
        else [],
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "charCount": len(text),
                "wordCount": len(text.split()),
                "value": article.body,
            }
        ],
        "by": article.byline,
        "located": article.dateline,
        "subjects": subjects(article, absolute),
        "places": places(projects),
        "organisations": organisations(projects, absolute),
        "people": people(projects),
        "associations": associations(article, absolute),
    }
    return {key: value for key, value in item.items() if value not in ("", [])}


def ninjs_response(article, request):
    body = json.dumps(ninjs(article, request), ensure_ascii=False)
    return HttpResponse(body, content_type=MEDIA_TYPE, headers={"Vary": "Accept"})
