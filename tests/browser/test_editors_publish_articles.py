"""An editor writes an article in the admin, keeps it as a draft that visitors cannot see,
then publishes it and finds it wherever visitors look."""

from playwright.sync_api import expect

from newsroom.models import Article
from tests.browser.admin_widgets import (
    add_inline_row,
    attach_lead_image,
    choose,
    field,
    write_rich_text,
)
from tests.browser.conftest import log_in

TITLE = "Wuhu plant ships its first compressors"
ADDRESS = "/en/news/wuhu-plant-ships-its-first-compressors/"


def test_an_editor_drafts_an_article_then_publishes_it_everywhere(page, new_page, site, editor):
    log_in(page, editor.username)
    page.goto("/admin/newsroom/article/add/")
    field(page, "Title").press_sequentially(TITLE)  # the slug follows as one types
    expect(field(page, "Slug")).to_have_value("wuhu-plant-ships-its-first-compressors")
    field(page, "Summary").fill("The first batch of compressors left the Wuhu line.")
    write_rich_text(page, "Body", "The first compressors left the plant", "on schedule.")
    choose(page, "Category", "Enterprise News")
    field(page, "Tags").fill("Wuhu, first shipment")
    attach_lead_image(page, alt="A lorry loaded with boxed compressors at the plant gate")
    row = add_inline_row(page, "Article–project links", "Add another Article–project link")
    choose(
        page,
        "Project",
        "AUX Intelligent Air Conditioning Compressor Production and "
        "Construction Project (Wuhu branch)",
        within=row,
    )
    field(row, "Link").select_option("Updates")
    expect(field(page, "Status")).to_have_value("draft")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    article = Article.objects.get(title=TITLE)
    assert "<strong>on schedule.</strong>" in article.body
    assert {t.name for t in article.tags.all()} == {"first shipment", "Wuhu"}
    assert article.lead_image and article.projects.get().slug == "aux-compressor-wuhu"

    visitor = new_page()
    assert visitor.goto(ADDRESS).status == 404
    visitor.goto("/en/")
    expect(visitor.get_by_role("link", name=TITLE)).to_have_count(0)

    field(page, "Status").select_option("Published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    assert visitor.goto(ADDRESS).status == 200
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    # The lead picture, and the same picture again in the press kit below the story.
    pictures = visitor.get_by_role("img", name="A lorry loaded with boxed compressors")
    expect(pictures.first).to_be_visible()
    expect(
        visitor.get_by_role("region", name="Pictures for the press").get_by_role("img")
    ).to_have_count(1)
    for place in (
        "/en/",
        "/en/news/category/enterprise-news/",
        "/en/news/tag/wuhu/",
        "/en/news/tag/first-shipment/",
        "/en/projects/aux-compressor-wuhu/",
    ):
        visitor.goto(place)
        expect(visitor.get_by_role("link", name=TITLE).first).to_be_visible()
