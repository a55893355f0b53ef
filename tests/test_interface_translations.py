"""The interface in Simplified Chinese: a complete catalogue, placeholders that match, and the
compiled catalogue (`make messages`) actually used."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

PO = Path(settings.BASE_DIR) / "newsroom" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sdif]")


def messages():
    with PO.open("rb") as handle:
        return [message for message in read_po(handle, locale="zh_Hans") if message.id]


def texts(value):
    return value if isinstance(value, tuple | list) else (value,)


def placeholders(text):
    return {match.group(1) or match.group(0) for match in PLACEHOLDER.finditer(text)}


def test_every_interface_string_has_a_chinese_translation_that_is_not_fuzzy():
    untranslated = [m.id for m in messages() if not all(texts(m.string)) or m.fuzzy]
    assert untranslated == []


def test_each_translation_keeps_the_placeholders_of_its_english_text():
    mismatched = []
    for message in messages():
        english = set().union(*(placeholders(text) for text in texts(message.id)))
        for chinese in texts(message.string):
            if placeholders(chinese) != english:
                mismatched.append((message.id, chinese))
    assert mismatched == []


def test_the_catalogue_declares_chinese_has_one_plural_form():
    with PO.open("rb") as handle:
        catalogue = read_po(handle, locale="zh_Hans")
    assert catalogue.plural_forms == "nplurals=1; plural=0;"
    assert not catalogue.fuzzy  # a fuzzy header would keep Babel from compiling it


def test_the_compiled_catalogue_translates_interface_strings():
    assert PO.with_suffix(".mo").exists(), "run `make messages` to compile the catalogue"
    with translation.override("zh-hans"):
        assert translation.gettext("Latest news") == "最新新闻"
        assert translation.pgettext("verb: the search button", "Search") == "搜索"
        assert (
            translation.ngettext("%(counter)s project", "%(counter)s projects", 3) % {"counter": 3}
            == "3个项目"
        )


def test_a_page_rendered_in_chinese_uses_the_translations_and_english_stays_english():
    with translation.override("zh-hans"):
        chinese = render_to_string("500.html")
    with translation.override("en"):
        english = render_to_string("500.html")
    assert "出错了" in chinese
    assert "Something went wrong" not in chinese
    assert "Something went wrong" in english


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_model_choices_follow_the_active_language(language):
    from newsroom.models import Article

    with translation.override(language):
        label = str(Article.Status.PUBLISHED.label)
    assert label == {"en": "Published", "zh-hans": "已发布"}[language]
