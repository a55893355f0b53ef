"""A writer drafts and submits articles but has no way to publish one: no status, action,
date or button for it anywhere in the admin."""

from playwright.sync_api import expect

from newsroom.demo.loader import ARTICLE_SLUG
from newsroom.models import Article
from tests.browser.admin_widgets import choose, field, write_rich_text
from tests.browser.conftest import log_in


def test_a_writer_can_submit_for_review_but_not_publish(page, new_page, site, writer):
    log_in(page, writer.username)
    page.goto("/admin/newsroom/article/add/")
    status = field(page, "Status")
    expect(status.locator("option")).to_have_text(["Draft", "In review"])
    for publishing in ("Publish at", "Unpublish at", "Embargoed until", "Featured"):
        expect(page.get_by_role("group", name=publishing)).to_have_count(0)
        expect(page.get_by_label(publishing)).to_have_count(0)

    field(page, "Title").press_sequentially("Night shift at the Wuhu plant")
    write_rich_text(page, "Body", "Three shifts keep the line running", "around the clock.")
    choose(page, "Category", "Enterprise News")
    status.select_option("In review")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert Article.objects.get(title="Night shift at the Wuhu plant").status == "review"
    assert new_page().goto("/en/news/night-shift-at-the-wuhu-plant/").status == 404

    actions = page.get_by_label("Action").locator("option").all_inner_texts()
    assert "Submit for review" in actions and "Publish now" not in actions, actions

    published = Article.objects.get(slug=ARTICLE_SLUG)
    page.goto(f"/admin/newsroom/article/{published.pk}/change/")
    expect(page.get_by_role("heading", name="View article")).to_be_visible()
    expect(page.get_by_role("button", name="Save", exact=True)).to_have_count(0)
