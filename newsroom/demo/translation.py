"""The demo story's Chinese translation: its own row in the English story's translation
group, published a little later, saying at its end that it was translated. The text is a
translation of the seed's English (aux_compressor_project.txt), names included: the seed's
"Ningbo" is the Party Secretary 宁波, "Li Jian" is written 李坚 from its pinyin.
It announces the project too: the project page lists the story in the reader's language."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.html import escape

from newsroom.core.sanitize import sanitize_html
from newsroom.models import Article

STORY = Path(__file__).with_name("aux_compressor_project.zh-hans.txt")
LANGUAGE = "zh-hans"
# readable_slug() of the Chinese title (tests/test_translations.py keeps them together).
SLUG = "ao-ke-si-ya-suo-ji-xiang-mu-lie-ru-an-hui-sheng-zhong-da-jian-she-xiang-mu"
NOTE = "本文译自英文原文。"


def load_translation(upsert, article, project, link_model):
    blocks = [b.strip() for b in STORY.read_text(encoding="utf-8").split("\n") if b.strip()]
    title, *paragraphs = blocks
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs) + f"<p><em>{NOTE}</em></p>"
    translated = upsert(
        Article,
        {"translation_group": article.translation_group, "language": LANGUAGE},
        {
            "slug": SLUG,
            "title": title,
            "summary": "奥克斯芜湖年产3000万台智能空调压缩机项目总投资约50亿元，"
            "作为安徽省2024年第一批重大项目开工建设。",
            "body": sanitize_html(body),
            "dateline": "安徽芜湖",
            "category": article.category,
            "status": Article.Status.PUBLISHED,
            "publish_at": datetime.datetime(2024, 1, 2, 20, 0, tzinfo=ZoneInfo(settings.TIME_ZONE)),
            "is_featured": True,
            "lead_image": article.lead_image,
        },
    )
    if {t.pk for t in translated.tags.all()} != {t.pk for t in article.tags.all()}:
        translated.tags.set(article.tags.all())
    if {s.pk for s in translated.subjects.all()} != {s.pk for s in article.subjects.all()}:
        translated.subjects.set(article.subjects.all())
    upsert(link_model, {"article": translated, "project": project}, {"link": "announces"})
    return translated
