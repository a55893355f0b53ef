"""The demo press office: a placeholder contact on the story and the project, and an
“About” text to replace. Both say they are demo text: the article names no press contact."""

from newsroom.press.models import ArticleContact, Boilerplate, PressContact, ProjectContact

ABOUT = (
    "AUX Group makes air conditioners and the compressors that drive them, among other "
    "businesses; its newsroom publishes the group's news and the records of its major "
    "projects.\n\n"
    "(Demo text: editors replace it under Press office › Boilerplate in the admin.)"
)


def load_press(upsert, article, project):
    upsert(
        Boilerplate,
        {"language": "en", "is_active": True},
        {"heading": "About AUX Group", "text": ABOUT},
    )
    contact = upsert(
        PressContact,
        {"email": "press@example.com"},
        {
            "name": "Press office (demo)",
            "role": "Media relations",
            "languages": "Chinese, English",
            "is_featured": True,
        },
    )
    upsert(ArticleContact, {"article": article, "contact": contact}, {})
    upsert(ProjectContact, {"project": project, "contact": contact}, {})
