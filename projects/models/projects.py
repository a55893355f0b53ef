from itertools import pairwise

from babel import Locale
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from newsroom.core.addresses import slug_path
from newsroom.core.content import SearchEngineFields, VersionedContent
from newsroom.core.translated import DefaultLanguageColumns, OriginalColumnsQuerySet
from newsroom.models import Article
from newsroom.models.gallery import social_image_field
from newsroom.models.images import needs_description
from projects.fields import local_name_language, local_name_language_rule
from projects.models import status as statuses
from projects.models.durations import StatedDuration
from projects.models.figures import Figure, Kind
from projects.models.gallery import ProjectImage
from projects.models.links import ArticleProject, ProjectOrganization
from projects.models.milestones import Designation, Interval, Milestone
from projects.models.people import with_events
from projects.models.search_document import SearchableProject
from projects.models.sources import with_cited_articles
from projects.models.status import STATUS_DEFINITIONS, Status

KIND_ORDER = {kind: n for n, kind in enumerate(Kind.values)}
# Addresses under /projects/ that the site itself uses.
RESERVED_SLUGS = ["data"]
COORDINATES_RULE = (
    "Give latitude (−90 to 90), longitude (−180 to 180) and what they point at, or none of them."
)


class ProjectQuerySet(OriginalColumnsQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def stale(self, today=None):
        return self.filter(statuses.stale_records(today))  # see projects/models/status.py

    def updated_recently(self, today=None):
        return self.exclude(statuses.stale_records(today))

    def with_pictures(self):
        """The gallery with its images, in one query."""
        return self.prefetch_related(
            Prefetch("gallery", queryset=ProjectImage.objects.select_related("image"))
        )

    def with_facts(self):
        """Prefetch every figure, current and revised, with its source: one query for all."""
        figures = with_cited_articles(Figure.objects.all())
        return self.prefetch_related(Prefetch("figures", queryset=figures, to_attr="figure_rows"))

    def with_roles(self):
        """The organisations and their roles, in one query."""
        return self.prefetch_related(
            Prefetch("roles", queryset=ProjectOrganization.objects.select_related("organization"))
        )

    def with_record(self):
        """A project's whole record, as its page and the API show it, in a constant number of
        queries: facts, status source, programme, milestones, designations, roles, events
        with their people, and `news_links`."""
        return with_cited_articles(
            with_events(self.with_facts().with_roles()).select_related("programme"),
            path="status_source",
        ).prefetch_related(
            Prefetch(
                "milestones",
                queryset=with_cited_articles(Milestone.objects.select_related("derived_from")),
            ),
            Prefetch(
                "stated_durations", queryset=with_cited_articles(StatedDuration.objects.all())
            ),
            Prefetch("designations", queryset=with_cited_articles(Designation.objects.all())),
            Prefetch(
                "article_links",
                queryset=ArticleProject.objects.published(),
                to_attr="news_links",
            ),
        )


class Project(SearchableProject, DefaultLanguageColumns, SearchEngineFields, VersionedContent):
    name = models.CharField(max_length=300)
    local_name = models.CharField(
        max_length=300, blank=True, help_text=_("The name in the local language, if different.")
    )
    local_name_language = local_name_language()
    slug = models.SlugField(max_length=200, unique=True, allow_unicode=True)
    summary = models.TextField(blank=True, help_text=_("A short description for readers."))
    sector = models.CharField(
        max_length=100, blank=True, help_text=_("The industry, e.g. “Home appliances”.")
    )
    product = models.CharField(
        max_length=200, blank=True, help_text=_("What the plant makes, e.g. “Compressors”.")
    )
    status = models.CharField(
        max_length=20,
        choices=Status,
        default=Status.ANNOUNCED,
        help_text=" ".join(
            f"{Status(key).label}: {text}" for key, text in STATUS_DEFINITIONS.items()
        ),
    )
    status_as_of = models.DateField(
        "status as of",
        null=True,
        blank=True,
        help_text=_("The date the status was last confirmed."),
    )
    status_source = models.ForeignKey(
        "Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    country = models.CharField(
        max_length=2, help_text=_("Two-letter ISO 3166 country code, e.g. CN.")
    )
    province = models.CharField("province or state", max_length=100, blank=True)
    city = models.CharField(max_length=100, blank=True)
    zone = models.CharField(
        "zone or address", max_length=200, blank=True, help_text=_("Industrial park or street.")
    )
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    coordinates_accuracy = models.CharField(
        max_length=10,
        choices=[("site", "The site itself"), ("city", "The city"), ("region", "The region")],
        blank=True,
        help_text=_("What the coordinates point at; required with coordinates."),
    )
    organizations = models.ManyToManyField(
        "Organization", through="ProjectOrganization", related_name="projects", blank=True
    )
    programme = models.ForeignKey(
        "Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("The company plan it is part of, if the source says so."),
    )
    articles = models.ManyToManyField(
        Article, through="ArticleProject", related_name="projects", blank=True
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text=_("Only published projects appear on the public site; editors publish them."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    social_image = social_image_field()

    objects = ProjectQuerySet.as_manager()
    public_flag = "is_published"  # newsroom/core/publishing.py

    class Meta:
        ordering = ["name"]
        permissions = [("publish_project", "Can publish and unpublish projects")]
        indexes = [
            models.Index(fields=["status", "country"], name="project_status_country"),
            # The directory's default order, and the keys of its deep pages.
            models.Index(
                fields=["name", "id"], condition=Q(is_published=True), name="project_directory"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(latitude__isnull=True, longitude__isnull=True, coordinates_accuracy="")
                    | Q(
                        latitude__gte=-90,
                        latitude__lte=90,
                        longitude__gte=-180,
                        longitude__lte=180,
                    )
                    & ~Q(coordinates_accuracy="")
                ),
                name="project_coordinates_complete",
                violation_error_message=COORDINATES_RULE,
            ),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_SLUGS),
                name="project_slug_not_reserved",
                violation_error_message="This address is reserved by the site; choose another slug.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="project_known_status",
                violation_error_message="Choose one of the listed statuses.",
            ),
            models.CheckConstraint(
                condition=Q(country__regex=r"^[A-Z]{2}$"),
                name="project_country_iso_code",
                violation_error_message="Use a two-letter upper-case country code such as CN.",
            ),
            local_name_language_rule("project"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("project", self.slug)

    def clean(self):
        if self.is_published and self.social_image_id and not self.social_image.is_described:
            raise ValidationError({"social_image": needs_description(self.social_image)})
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is reserved by the site; choose another.")}
            )
        located = (self.latitude, self.longitude, self.coordinates_accuracy or None)
        if any(v is not None for v in located) and (
            None in located or abs(self.latitude) > 90 or abs(self.longitude) > 180
        ):
            raise ValidationError({"latitude": COORDINATES_RULE})
        if self.country and not (
            len(self.country) == 2
            and self.country.isascii()
            and self.country.isalpha()
            and self.country.isupper()
        ):
            raise ValidationError({"country": _("Use a two-letter upper-case code such as CN.")})

    @cached_property
    def all_figures(self):
        if not hasattr(self, "figure_rows"):
            self.figure_rows = list(with_cited_articles(self.figures.all()))
        return self.figure_rows

    @cached_property
    def current_figures(self):
        replaced = {figure.replaces_id for figure in self.all_figures}
        current = [figure for figure in self.all_figures if figure.pk not in replaced]
        return sorted(current, key=lambda f: (KIND_ORDER[f.kind], f.phase, f.pk))

    def history_of(self, figure):
        """The values `figure` revised, newest first."""
        by_pk = {f.pk: f for f in self.all_figures}
        earlier = []
        while figure.replaces_id in by_pk:
            figure = by_pk[figure.replaces_id]
            earlier.append(figure)
        return earlier

    @property
    def fact_sheet(self):
        """(figure, the values it revised) for every current figure, in the table's order."""
        return [(figure, self.history_of(figure)) for figure in self.current_figures]

    def current(self, *kinds):
        return [figure for figure in self.current_figures if figure.kind in kinds]

    @property
    def investment(self):
        return next(iter(self.current(Kind.INVESTMENT)), None)

    @property
    def revenue(self):
        return next(
            iter(self.current(Kind.REVENUE, Kind.OUTPUT_VALUE, Kind.OPERATING_INCOME)), None
        )

    @property
    def capacities(self):
        return self.current(Kind.CAPACITY)

    @property
    def jobs(self):
        return self.current(Kind.JOBS)

    @cached_property
    def timeline(self):
        """Milestones in the order they happened or are planned, vaguer dates after exact ones."""
        dated = [m for m in self.milestones.all() if m.when]
        return sorted(dated, key=lambda m: (m.when.end, m.when.start, m.order, m.pk))

    @cached_property
    def intervals(self):
        """The time between consecutive milestones: as stated, where a source said how long
        it took, else measured from their dates."""
        stated = {(d.start, d.end): d for d in self.stated_durations.all()}
        return [
            Interval(first, second, stated.get((first.kind, second.kind)))
            for first, second in pairwise(self.timeline)
        ]

    @property
    def media_kit(self):
        """The gallery's pictures the public may see (described or decorative), prefetched."""
        return [row.image for row in self.gallery.all() if row.image.is_described]

    @property
    def status_definition(self):
        return str(STATUS_DEFINITIONS[self.status])  # in the reader's language, as text

    @property
    def confirmed_on(self):
        """When the record was last confirmed: its status date, else the day it was entered."""
        return self.status_as_of or timezone.localdate(self.created_at)

    @property
    def is_stale(self):
        return self.status in statuses.NEEDS_UPDATES and self.confirmed_on < statuses.stale_before()

    @property
    def country_name(self):
        return Locale("en").territories.get(self.country, self.country)

    @property
    def place(self):
        return ", ".join(part for part in (self.city, self.province) if part)
