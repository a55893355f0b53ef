"""Subset Noto Sans CJK SC into the web fonts in static/fonts/ (`make font`, a one-off dev step).

Two files share one family name, each declared with the unicode-range of exactly the
characters it holds (static/css/site.css), so a browser downloads only what a page needs:
  noto-sans-sc-interface.woff2  every Chinese character of the interface (.po), the templates
                                and the demo content, with CJK punctuation and full-width forms
  noto-sans-sc-common.woff2     the rest of GB 2312's 3,755 level-1 characters, the common
                                characters of modern Chinese text
A Latin page uses neither: no range covers Latin, general punctuation or digits.

Needs fonttools and brotli (pip install fonttools brotli) and the Noto Sans CJK font from
Debian's fonts-noto-cjk (or NOTO_CJK=path/to/NotoSansCJK-Regular.ttc); neither is needed
to run or test the site, since the woff2 files are committed.
"""

import os
import re
import sys
from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "static" / "fonts"
SOURCE = Path(os.environ.get("NOTO_CJK", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"))
SC_INDEX = 2  # the collection holds JP, KR, SC, TC, HK; SC is the third
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
PUNCTUATION = {chr(c) for c in range(0x3000, 0x3040)} | {chr(c) for c in range(0xFF01, 0xFF5F)}
# The interface's catalogue and templates, and the demo story `make run` loads (not the
# synthetic content of generate_content, which the common file covers).
SCANNED = [
    "newsroom/locale",
    "templates",
    "newsroom/demo/loader.py",
    "newsroom/demo/people.py",
    "newsroom/demo/press.py",
    "newsroom/demo/aux_compressor_project.txt",
]


def interface_characters():
    found = set(PUNCTUATION)
    for name in SCANNED:
        paths = [ROOT / name] if (ROOT / name).is_file() else (ROOT / name).rglob("*")
        for path in paths:
            if path.suffix in {".po", ".html", ".txt", ".py"} and path.is_file():
                found.update(CJK.findall(path.read_text(encoding="utf-8")))
    return found


def gb2312_level_one():
    """The 3,755 level-1 hanzi: rows 0xB0-0xD7 of GB 2312, in the order of their pinyin."""
    found = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # row 0xD7 ends at 0xF9
    return found


def unicode_range(characters):
    """The CSS unicode-range of `characters`, with consecutive code points merged."""
    points = sorted(ord(c) for c in characters)
    spans, start, end = [], points[0], points[0]
    for point in points[1:]:
        if point == end + 1:
            end = point
            continue
        spans.append((start, end))
        start = end = point
    spans.append((start, end))
    return ", ".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in spans)


CSS_FILES = [ROOT / "static" / "css" / "site.css", ROOT / "static" / "css" / "embed.css"]
BEGIN, END = "/* Chinese web font: begin", "/* Chinese web font: end */"


# An installed Chinese font is used before any download (macOS, Windows, Linux with Noto CJK).
LOCAL = ", ".join(
    f'local("{name}")'
    for name in [
        "PingFang SC Regular",
        "PingFangSC-Regular",
        "Noto Sans CJK SC Regular",
        "NotoSansCJKsc-Regular",
        "Source Han Sans SC Regular",
        "SourceHanSansSC-Regular",
        "Microsoft YaHei",
    ]
)


def font_faces(interface):
    """The common file first, over the whole CJK blocks; the interface file after it wins for
    the characters it holds (CSS Fonts 4: the last matching face is tried first), so a page
    using only interface characters never downloads the common file.

    The family comes first in the font stacks: after system-ui, Chromium on Linux draws
    missing-glyph boxes for Chinese instead of falling through to a web font. Its ranges
    hold no Latin, so Latin text still uses system-ui."""
    return f"""{BEGIN} (written by `make font`, tests/tools/subset_font.py). An installed
   Chinese font first; otherwise these subsets, only for Chinese ranges: Latin pages never load them. */
@font-face {{
  font-family: "Newsroom Noto Sans SC";
  src: {LOCAL},
    url("../fonts/noto-sans-sc-common.woff2") format("woff2");
  font-display: swap;
  unicode-range: U+3000-303F, U+3400-4DBF, U+4E00-9FFF, U+FF00-FFEF;
}}
@font-face {{
  font-family: "Newsroom Noto Sans SC";
  src: {LOCAL},
    url("../fonts/noto-sans-sc-interface.woff2") format("woff2");
  font-display: swap;
  unicode-range: {unicode_range(interface)};
}}
{END}"""


def write(name, characters):
    options = subset.Options()
    options.flavor = "woff2"
    options.font_number = SC_INDEX
    options.layout_features = ["*"]  # vertical forms and full-width punctuation alternates
    options.name_IDs = ["*"]  # keep the copyright and licence names the OFL asks for
    options.hinting = False  # CJK outlines are not hinted usefully on screens
    font = subset.load_font(str(SOURCE), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters])
    subsetter.subset(font)
    cmap = {chr(c) for c in font.getBestCmap()}
    path = OUT / name
    subset.save_font(font, str(path), options)
    print(f"{path.relative_to(ROOT)}: {len(cmap)} characters, {path.stat().st_size / 1024:.0f} KB")
    return cmap


def main():
    if not SOURCE.exists():
        sys.exit(f"No Noto Sans CJK at {SOURCE}: apt-get install fonts-noto-cjk, or set NOTO_CJK")
    OUT.mkdir(parents=True, exist_ok=True)
    interface = interface_characters()
    held_interface = write("noto-sans-sc-interface.woff2", interface)
    write("noto-sans-sc-common.woff2", gb2312_level_one() - held_interface)
    rewrite_css(held_interface)


def rewrite_css(held_interface):
    for css in CSS_FILES:
        text = css.read_text()
        start, end = text.index(BEGIN), text.index(END) + len(END)
        css.write_text(text[:start] + font_faces(held_interface) + text[end:])
        print(f"{css.relative_to(ROOT)}: @font-face rules written")


if __name__ == "__main__":
    main()
