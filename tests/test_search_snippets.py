"""Result snippets: one paragraph, cut on word boundaries, the searched words marked."""

import re

from newsroom.core.search import snippet


def words_of(text):
    return re.sub(r"</?mark>|…", " ", text).split()


def test_a_snippet_is_one_paragraph_never_two_joined():
    html = "<p>The first paragraph ends here.</p><p>The second one is about Wuhu.</p>"
    text = snippet(html, ["wuhu"])
    assert "<mark>Wuhu</mark>" in text
    assert "ends here" not in text


def test_the_paragraph_with_most_searched_words_is_chosen():
    html = "<p>Wuhu alone.</p><p>Compressors made in Wuhu.</p>"
    assert snippet(html, ["wuhu", "compressors"]).startswith("<mark>Compressors</mark>")


def test_long_paragraphs_are_cut_between_words_never_inside_one():
    source = " ".join(f"word{n:03d}" for n in range(200)).replace("word120", "Wuhu")
    text = snippet(f"<p>{source}</p>", ["wuhu"], length=120)
    assert "<mark>Wuhu</mark>" in text and text.startswith("… ") and text.endswith(" …")
    allowed = set(source.split())
    assert all(word in allowed for word in words_of(text))


def test_chinese_may_be_cut_between_characters():
    source = "芜湖" + "压缩机工厂开工建设" * 40 + "芜湖"
    text = snippet(f"<p>{source}</p>", ["芜湖"], length=60)
    assert text.startswith("<mark>芜湖</mark>")
    assert len(re.sub(r"</?mark>", "", text)) <= 62


def test_word_starts_are_marked_so_plurals_and_possessives_are_too():
    text = snippet("<p>The factory's factories; a prefactory.</p>", ["factor"])
    assert text.count("<mark>") == 2 and "pre<mark>" not in text


def test_a_short_body_is_shown_whole_and_entities_stay_escaped():
    text = snippet("<p>Tom &amp; Jerry build in Wuhu &lt;b&gt;</p>", ["wuhu"])
    assert text == "Tom &amp; Jerry build in <mark>Wuhu</mark> &lt;b&gt;"
