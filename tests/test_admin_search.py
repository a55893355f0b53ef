"""The article admin's search box: words of the title (on PostgreSQL through the search
index, prefixes included), a slug, a quoted phrase; one count, no date hierarchy while
searching. Runs on both databases."""

from django.urls import reverse

from newsroom.admin import search
from newsroom.admin.articles import ArticleAdmin
from tests import factories

CHANGELIST = "admin:newsroom_article_changelist"


def titles(staff_client, q):
    response = staff_client.get(reverse(CHANGELIST), {"q": q})
    assert response.status_code == 200
    return {article.title for article in response.context["cl"].result_list}


def test_a_title_word_finds_the_article_in_any_status(staff_client, db):
    factories.article(title="Wuhu compressor plant opens")
    factories.draft(title="Hefei compressor line planned")
    factories.article(title="Bank results")
    assert titles(staff_client, "compressor") == {
        "Wuhu compressor plant opens",
        "Hefei compressor line planned",
    }


def test_the_start_of_a_word_finds_it_as_an_editor_types(staff_client, db):
    factories.article(title="Wuhu compressor plant opens")
    assert titles(staff_client, "compr") == {"Wuhu compressor plant opens"}


def test_a_slug_or_its_start_finds_its_article(staff_client, db):
    factories.article(title="Plant opens", slug="wuhu-plant-2024-05")
    factories.article(title="Other news", slug="other-news")
    assert titles(staff_client, "wuhu-plant-2024-05") == {"Plant opens"}
    assert titles(staff_client, "wuhu-plant") == {"Plant opens"}


def test_a_quoted_phrase_finds_the_words_together(staff_client, db):
    factories.article(title="Compressor plant opens in Wuhu")
    factories.article(title="Plant for compressor parts")
    assert titles(staff_client, '"compressor plant"') == {"Compressor plant opens in Wuhu"}


def test_words_must_all_be_there(staff_client, db):
    factories.article(title="Wuhu compressor plant opens")
    factories.article(title="Hefei compressor line planned")
    assert titles(staff_client, "wuhu compressor") == {"Wuhu compressor plant opens"}


def test_a_search_that_finds_nothing_is_an_empty_list_not_an_error(staff_client, db):
    factories.article(title="Wuhu compressor plant opens")
    assert titles(staff_client, "zeppelin") == set()
    titles(staff_client, '" - OR -')  # nothing but syntax: a page, whatever it lists


def test_searching_counts_once_and_skips_the_date_hierarchy(staff_client, db):
    for n in range(3):
        factories.article(title=f"Compressor story {n}")
    response = staff_client.get(reverse(CHANGELIST), {"q": "compressor"})
    changelist = response.context["cl"]
    assert changelist.result_count == 3
    assert changelist.date_hierarchy is None
    assert not changelist.show_full_result_count
    plain = staff_client.get(reverse(CHANGELIST)).context["cl"]
    assert plain.date_hierarchy == "publish_at"


def test_a_search_counts_no_further_than_its_cap_and_says_so(staff_client, db, monkeypatch):
    monkeypatch.setattr(search, "COUNT_CAP", 3)
    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)
    for n in range(5):
        # Texts without the factory's running number: on SQLite the last word is matched as
        # the start of a word, and "4" would find a story numbered 4012 too.
        factories.article(
            title=f"Compressor story {n}",
            slug=f"compressor-story-{n}",
            summary="A story.",
            body="<p>Text.</p>",
        )
    response = staff_client.get(reverse(CHANGELIST), {"q": "compressor"})
    changelist = response.context["cl"]
    assert changelist.result_count == 3 and changelist.paginator.capped
    assert "More than 3 articles match: these are the newest 3." in response.content.decode()
    assert [a.title for a in changelist.result_list] == ["Compressor story 0", "Compressor story 1"]
    last = staff_client.get(reverse(CHANGELIST), {"q": "compressor", "p": 2}).context["cl"]
    assert [a.title for a in last.result_list] == ["Compressor story 2"]
    under = staff_client.get(reverse(CHANGELIST), {"q": "story 4"})
    assert under.context["cl"].result_count == 1 and not under.context["cl"].paginator.capped
    assert "search-capped" not in under.content.decode()


def test_a_slug_the_words_do_not_find_is_still_found_beside_them(staff_client, db):
    factories.article(title="Plant opens", slug="compressor-plant")
    factories.article(title="Compressor line planned", slug="line")
    assert titles(staff_client, "compressor") == {"Plant opens", "Compressor line planned"}
