"""The demo press office: a placeholder contact on the story and the project, and an
“About” text to replace. Both say they are demo text: the article names no press contact."""

from newsroom.press.models import ArticleContact, Boilerplate, PressContact, ProjectContact

ABOUT = (
    "AUX Group makes air conditioners and the compressors that drive them, among other "
    "businesses; its newsroom publishes the group's news and the records of its major "
    "projects.\n\n"
    "(Demo text: editors replace it under Press office › Boilerplate in the admin.)"
)

ABOUT_ZH = (
    "奥克斯集团生产空调及驱动空调的压缩机，并经营其他业务；本新闻中心发布集团新闻及其重大项目记录。\n\n"
    "（演示文本：编辑可在后台的“公司简介”中替换。）"
)


def load_press(upsert, article, project):
    upsert(
        Boilerplate,
        {"language": "en", "is_active": True},
        {"heading": "About AUX Group", "text": ABOUT},
    )
    upsert(
        Boilerplate,
        {"language": "zh-Hans", "is_active": True},
        {"heading": "关于奥克斯集团", "text": ABOUT_ZH},
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
