"""A project's events and the people at them, and the programme a project is part of, in
the API. People are named as their source names them; an organisation a person acted for is
given by name and slug, its own page being the organisation's."""

from ninja import Field, Schema

from newsroom.api.schemas import PartialDate, Source, absolute, api_url, partial_date, source


class OrganizationName(Schema):
    slug: str
    name: str


class Attendee(Schema):
    name: str = Field(alias="person.name", description="As the source gives it.")
    local_name: str = Field(alias="person.local_name")
    local_name_language: str = Field(
        alias="person.local_name_language",
        description="The local name's language, a BCP 47 tag such as zh-Hans.",
    )
    title: str = Field(alias="person.title", description="The title the source gives.")
    role: str = Field(description="One of: attended, spoke, announced, hosted, signed.")
    role_label: str = Field(alias="get_role_display")
    organization: OrganizationName | None = Field(
        description="The organisation the person acted for, when the source says."
    )


class EventOut(Schema):
    kind: str = Field(description="One of: ceremony, meeting, signing, other.")
    kind_label: str = Field(alias="get_kind_display")
    name: str
    date: PartialDate
    place: str
    milestone: str | None = Field(description="The title of the milestone the event marks.")
    people: list[Attendee] = Field(alias="attendances")
    note: str
    source: Source | None

    @staticmethod
    def resolve_date(obj):
        return partial_date(obj.when)

    @staticmethod
    def resolve_milestone(obj):
        return obj.milestone.title if obj.milestone else None

    @staticmethod
    def resolve_source(obj, context):
        return source(obj.source, context["request"])


class ProgrammeRef(Schema):
    slug: str
    name: str
    url: str = Field(description="Its page on this site.")
    api_url: str = Field(description="Its address in this API.")

    @staticmethod
    def resolve_url(obj, context):
        return absolute(context["request"], obj.get_absolute_url())

    @staticmethod
    def resolve_api_url(obj, context):
        return api_url(context, "programme", obj.slug)
