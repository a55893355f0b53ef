"""schema.org JSON-LD for articles and projects, serialised so no text can end the script."""

import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe

# JSON allows these escapes; inside <script> they keep "</script>" and "<!--" inert.
_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script(data):
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_UNSAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # escaped above


def publisher(request):
    data = {
        "@type": "Organization",
        "@id": request.build_absolute_uri("/#publisher"),
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static("img/logo.png"))},
    }
    if settings.PUBLISHER_SAME_AS:
        data["sameAs"] = list(settings.PUBLISHER_SAME_AS)
    return data


def site_graph(request):
    """The home page's Organization (the publisher) and WebSite with its site search."""
    search = request.build_absolute_uri(reverse("search"))
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "@id": request.build_absolute_uri("/#website"),
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri("/"),
        "publisher": {"@id": request.build_absolute_uri("/#publisher")},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }
    return script([{"@context": "https://schema.org", **publisher(request)}, website])


def authors(request, article):
    """The byline's people, each with the page of their stories; else the publisher."""
    names = article.byline_list
    if not names:
        return [publisher(request)]
    return [
        {
            "@type": "Person",
            "name": name,
            "url": request.build_absolute_uri(reverse("author", kwargs={"name": name})),
        }
        for name in names
    ]


def about(request, projects):
    """What the article is about: each linked project, and directly its organisations
    (with their pages) and its place."""
    found, seen = [], set()
    for project in projects:
        found.append(
            {
                "@type": "Project",
                "name": project.name,
                "url": request.build_absolute_uri(project.get_absolute_url()),
                "location": place(project),
                "parentOrganization": owners(project),
                **({"event": events(project)} if project.events.all() else {}),
            }
        )
        for role in project.roles.all():
            organization = role.organization
            if organization.pk not in seen:
                seen.add(organization.pk)
                url = request.build_absolute_uri(organization.get_absolute_url())
                found.append({"@type": "Organization", "name": organization.name, "url": url})
        found.append(place(project))
    return found


def place(project):
    address = {"@type": "PostalAddress", "addressCountry": project.country}
    if project.city:
        address["addressLocality"] = project.city
    if project.province:
        address["addressRegion"] = project.province
    located = {"@type": "Place", "name": project.place or project.country_name, "address": address}
    if project.latitude is not None:
        located["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": str(project.latitude),
            "longitude": str(project.longitude),
        }
    return located


def owners(project):
    return [
        {"@type": "Organization", "name": role.organization.name}
        for role in project.roles.all()
        if role.role == "owner"
    ]


def person(attendance):
    """A person at an event, as the event's source names them, acting for an organisation."""
    who = attendance.person
    data = {"@type": "Person", "name": who.name}
    if who.local_name:
        data["alternateName"] = who.local_name
    if who.title:
        data["jobTitle"] = who.title
    if attendance.organization is not None:
        data["affiliation"] = {"@type": "Organization", "name": attendance.organization.name}
    return data


def event(project, happening):
    """A ceremony, meeting or signing: everyone there attended; who spoke, announced or
    signed also performed."""
    attendances = list(happening.attendances.all())
    location = place(project)
    if happening.place:
        location = {**location, "name": happening.place}
    data = {
        "@type": "Event",
        "name": happening.name,
        "startDate": happening.when.iso,
        "location": location,
        "attendee": [person(a) for a in attendances],
        "performer": [person(a) for a in attendances if a.is_performer],
    }
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def events(project):
    return [event(project, happening) for happening in project.events.all()]


def breadcrumbs(request, trail):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": n,
                "name": name,
                "item": request.build_absolute_uri(url),
            }
            for n, (name, url) in enumerate(trail, start=1)
        ],
    }


def translations(request, article):
    """The original (the earliest published of the versions the public may see) lists its
    translations; a translation names its original. `article.translations` holds only
    published siblings (the page sets it), so an embargoed one is never named."""
    siblings = getattr(article, "translations", [])
    if not siblings:
        return {}
    original = min((article, *siblings), key=lambda a: (a.publish_at, a.pk))

    def work(version):
        url = request.build_absolute_uri(version.get_absolute_url())
        return {"@type": "NewsArticle", "@id": url, "url": url, "inLanguage": version.language}

    if original is article:
        return {"workTranslation": [work(sibling) for sibling in siblings]}
    return {"translationOfWork": work(original)}


def news_article(request, article, image_url):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.meta_description or article.summary or article.subtitle,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.modified_at.isoformat(),
        "image": [image_url],
        "author": authors(request, article),
        "publisher": publisher(request),
        "articleSection": article.category.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "inLanguage": article.language,
        **translations(request, article),
    }
    # IPTC Media Topics first: what the story is about, in the news industry's vocabulary.
    found = [
        {
            "@type": "Thing",
            "name": topic.name,
            "sameAs": topic.uri,
            "url": request.build_absolute_uri(topic.get_absolute_url()),
        }
        for topic in article.subjects.all()
    ] + about(request, article.projects.all())
    if found:
        data["about"] = found
    return data


def article_graph(request, article, image_url):
    trail = [
        ("Home", reverse("home")),
        (article.category.name, article.category.get_absolute_url()),
        (article.title, article.get_absolute_url()),
    ]
    return script([news_article(request, article, image_url), breadcrumbs(request, trail)])


def project_graph(request, project):
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": project.name,
        "alternateName": project.local_name or None,
        "description": project.meta_description or project.summary,
        "url": request.build_absolute_uri(project.get_absolute_url()),
        "location": place(project),
        "parentOrganization": owners(project),
        "event": events(project),
    }
    trail = [
        ("Home", reverse("home")),
        ("Projects", reverse("projects")),
        (project.name, project.get_absolute_url()),
    ]
    clean = {key: value for key, value in data.items() if value not in (None, "", [])}
    return script([clean, breadcrumbs(request, trail)])


def programme_graph(request, programme):
    """A company plan as a schema.org Project, its published projects as its sub-organisations."""
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": programme.name,
        "description": programme.summary or programme.promise,
        "url": request.build_absolute_uri(programme.get_absolute_url()),
        "parentOrganization": [{"@type": "Organization", "name": programme.organization.name}]
        if programme.organization
        else [],
        "subOrganization": [
            {
                "@type": "Project",
                "name": project.name,
                "url": request.build_absolute_uri(project.get_absolute_url()),
            }
            for project in programme.public_projects
        ],
    }
    clean = {key: value for key, value in data.items() if value not in (None, "", [])}
    return script(clean)
