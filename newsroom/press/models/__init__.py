from newsroom.press.models.boilerplate import Boilerplate, about_row
from newsroom.press.models.contacts import ArticleContact, PressContact, ProjectContact
from newsroom.press.models.coverage import Coverage
from newsroom.press.models.journalists import EmbargoedRead, Journalist, JournalistInvite
from newsroom.press.models.pages import press_office, with_about, with_press_office
from newsroom.press.models.previews import PreviewOpening, describe_client

__all__ = [
    "ArticleContact",
    "Boilerplate",
    "Coverage",
    "EmbargoedRead",
    "Journalist",
    "JournalistInvite",
    "PressContact",
    "PreviewOpening",
    "ProjectContact",
    "about_row",
    "describe_client",
    "press_office",
    "with_about",
    "with_press_office",
]
