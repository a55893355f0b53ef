"""Site search helpers shared by both databases: Chinese character pairs, the query's
length rule, and result snippets.

Chinese has no spaces and neither engine has a Chinese tokenizer here, so runs of Chinese
characters are indexed as overlapping pairs (国家发展 → 国家 家发 发展) in columns of their
own, plus each character once more so that a one-character query still finds something;
a query's Chinese runs are split the same way (newsroom/core/search_engines.py).
"""

import html as htmllib
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from newsroom.core.query_syntax import CJK, is_cjk, parse

MAX_QUERY = 200  # characters, after normalising; a longer query is refused with a message
# Where one paragraph of an article's HTML ends and the next begins.
BLOCK = re.compile(r"<(?:/?(?:p|li|h[1-6]|blockquote|td|th|tr|div|pre|figcaption)\b[^>]*|br\s*/?)>")


def cjk_bigrams(text):
    """Overlapping character pairs of every run of Chinese characters, space-separated."""
    pairs = []
    for run in CJK.findall(text or ""):
        pairs += [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
    return " ".join(pairs)


def cjk_index_text(text):
    """What a Chinese column holds: the pairs in reading order (so that a quoted phrase's
    pairs are adjacent), then every character on its own."""
    pairs = cjk_bigrams(text)
    singles = " ".join(c for run in CJK.findall(text or "") if len(run) > 1 for c in run)
    return f"{pairs} {singles}".strip()


def clean_query(raw):
    """The query with its whitespace normalised (the length rule applies to this)."""
    return " ".join((raw or "").split())


def paragraphs(html):
    """The text of each paragraph of `html`, entities decoded, whitespace normalised."""
    texts = (" ".join(htmllib.unescape(strip_tags(part)).split()) for part in BLOCK.split(html))
    return [text for text in texts if text]


def highlighter(words):
    """A pattern for the words a reader searched for: Latin words at a word start (so that
    `factory` marks `factory's` and `factories`' stem), Chinese runs and their pairs anywhere."""
    latin = sorted({re.escape(w) for w in words if not is_cjk(w)}, key=len, reverse=True)
    chinese = {w for w in words if is_cjk(w)} | set(cjk_bigrams(" ".join(words)).split())
    parts = [re.escape(w) for w in sorted(chinese, key=len, reverse=True)]
    parts += [rf"\b{w}\w*" for w in latin]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _window(text, hit, length):
    """`text` cut to about `length` characters around `hit`, on word boundaries (a Chinese
    character is a boundary of its own): never half a word."""
    if len(text) <= length:
        return text, False, False
    start = max(0, (hit.start() if hit else 0) - length // 3)
    if start and not (text[start - 1].isspace() or is_cjk(text[start])):
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (hit.start() if hit else len(text)) else start
    end = min(len(text), start + length)
    if end < len(text) and not (text[end].isspace() or is_cjk(text[end - 1])):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return text[start:end].strip(), start > 0, end < len(text)


def snippet(html, words, length=240):
    """The paragraph of `html` with the most of `words` (the first one on a tie), cut on
    word boundaries around the first hit, with the words in <mark> and the rest escaped."""
    if isinstance(words, str):  # a query string rather than its parsed words
        words = parse(words).words
    pattern = highlighter(words)
    texts = paragraphs(html or "") or [""]

    def score(text):
        return len({m.group().lower() for m in pattern.finditer(text)}) if pattern else 0

    best = max(texts, key=score)  # max() keeps the first of equals
    passage, cut_before, cut_after = _window(
        best, pattern.search(best) if pattern else None, length
    )
    parts, position = [], 0
    for hit in pattern.finditer(passage) if pattern else ():
        parts += [escape(passage[position : hit.start()]), f"<mark>{escape(hit.group())}</mark>"]
        position = hit.end()
    parts.append(escape(passage[position:]))
    # Every piece of text above went through escape(); only <mark> is markup.
    return mark_safe(("… " if cut_before else "") + "".join(parts) + (" …" if cut_after else ""))
