"""The Chinese web font: only Chinese ranges, every character of the interface's translations in
the small file, and preloaded on Chinese pages only."""

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

STATIC = Path(settings.BASE_DIR) / "static"
PO = Path(settings.BASE_DIR) / "newsroom" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def font_faces(css):
    """{woff2 file name: set of code points of its unicode-range} for our family's faces."""
    faces = {}
    for block in re.findall(r"@font-face\s*{([^}]*)}", (STATIC / "css" / css).read_text()):
        name = re.search(r'url\("\.\./fonts/([^"]+)"\)', block).group(1)
        points = set()
        for span in re.search(r"unicode-range:\s*([^;]+);", block).group(1).split(","):
            low, _dash, high = span.strip().removeprefix("U+").partition("-")
            points.update(range(int(low, 16), int(high or low, 16) + 1))
        faces[name] = points
    return faces


def test_the_font_files_and_their_licence_are_shipped():
    for name in ["noto-sans-sc-interface.woff2", "noto-sans-sc-common.woff2", "OFL.txt"]:
        assert (STATIC / "fonts" / name).stat().st_size > 0
    assert "SIL Open Font License" in (STATIC / "fonts" / "OFL.txt").read_text()


def test_no_face_covers_latin_so_english_pages_never_download_it():
    for css in ["site.css", "embed.css"]:
        for name, points in font_faces(css).items():
            assert not points & set(range(0x0000, 0x2E80)), (css, name)


def test_every_chinese_character_of_the_translations_is_in_the_interface_file():
    interface = font_faces("site.css")["noto-sans-sc-interface.woff2"]
    translated = {ord(c) for c in HANZI.findall(PO.read_text(encoding="utf-8"))}
    missing = "".join(sorted(chr(p) for p in translated - interface))
    assert missing == "", f"run `make font` to add {missing}"


def test_the_font_is_preloaded_on_chinese_pages_only():
    with translation.override("zh-hans"):
        assert 'rel="preload"' in render_to_string("includes/chinese_font.html")
    with translation.override("en"):
        assert render_to_string("includes/chinese_font.html").strip() == ""


def test_the_font_stack_puts_the_web_font_where_chromium_reaches_it():
    # After system-ui, Chromium on Linux draws boxes for Chinese instead of trying the web font.
    for css in ["site.css", "embed.css"]:
        text = (STATIC / "css" / css).read_text()
        stack = re.search(r"font-family: ([^;]+);", text).group(1)
        if stack.startswith("var(--"):  # the design tokens' stack (site.css)
            name = stack.removeprefix("var(").removesuffix(")")
            stack = re.search(rf"{name}: ([^;]+);", text).group(1)
        assert stack.startswith('"Newsroom Noto Sans SC", system-ui'), css
