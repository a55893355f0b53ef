"""The demo read in Chinese: the interface, the figures and the dates as Chinese writes them."""

import re

from django.urls import reverse
from django.utils import translation

from newsroom.demo import translation as demo_translation
from newsroom.demo.loader import PROJECT_SLUG


def chinese(client, name, **kwargs):
    with translation.override("zh-hans"):
        response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    return response.content.decode()


def test_the_chinese_story_is_dated_the_chinese_way(client, demo):
    html = chinese(client, "article", slug=demo_translation.SLUG)
    assert '<html lang="zh-Hans">' in html
    assert "2024年1月2日" in html
    assert "一月" not in html and "January" not in html


def test_the_chinese_home_leads_with_the_chinese_story(client, demo):
    html = chinese(client, "home")
    assert "奥克斯" in html
    assert demo_translation.SLUG in html


def test_the_chinese_project_page_writes_figures_with_wan_and_yi(client, demo):
    html = chinese(client, "project", slug=PROJECT_SLUG)
    assert "约50亿元" in html
    assert "年产3000万台" in html
    assert "超过60亿元" in html
    assert (
        "CNY 5 billion" not in html
    )  # the source's own words ("about 5 billion yuan") stay quoted


def test_the_chinese_project_page_lists_the_chinese_story_only(client, demo):
    html = chinese(client, "project", slug=PROJECT_SLUG)
    assert demo_translation.SLUG in html
    assert "/zh-hans/news/aux-compressor-project" not in html


def test_the_english_and_chinese_story_link_each_other(client, demo):
    html = chinese(client, "article", slug=demo_translation.SLUG)
    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert links["en"].endswith(
        "/en/news/aux-compressor-project-listed-as-major-construction-project-in-anhui-province/"
    )
    english = client.get(links["en"]).content.decode()
    assert f'hreflang="zh-Hans" href="{links["zh-Hans"]}"' in english


def test_the_chinese_interface_is_translated(client, demo):
    html = chinese(client, "news")
    assert "新闻" in html
    assert "Skip to content" not in html


def test_the_chinese_story_carries_the_chinese_about_text(client, demo):
    html = chinese(client, "article", slug=demo_translation.SLUG)
    assert (
        '<section class="boilerplate" aria-labelledby="boilerplate-heading" lang="zh-Hans">' in html
    )
    assert "关于奥克斯集团" in html and "About AUX Group" not in html


def test_a_language_without_its_own_about_text_falls_back_to_english(client, demo):
    from newsroom.press.models import Boilerplate

    Boilerplate.objects.filter(language="zh-Hans").update(is_active=False)
    html = chinese(client, "article", slug=demo_translation.SLUG)
    assert 'lang="en">' in html and "About AUX Group" in html
