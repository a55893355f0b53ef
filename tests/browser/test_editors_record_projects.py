"""An editor records a project with its figures and milestones in one admin form, and
visitors see the figures and the timeline on its public page."""

from playwright.sync_api import expect

from projects.models import Source
from tests.browser.admin_widgets import add_inline_row, choose, field
from tests.browser.conftest import log_in

NAME = "Hefei Compressor Plant Phase II"


def test_an_editor_records_a_project_with_milestones_and_visitors_see_its_timeline(
    page, new_page, site, editor
):
    log_in(page, editor.username)
    page.goto("/admin/projects/project/add/")
    field(page, "Name [en]").press_sequentially(NAME)  # one box per language
    expect(field(page, "Slug")).to_have_value("hefei-compressor-plant-phase-ii")
    field(page, "Summary [en]").fill("A second compressor plant in Hefei.")
    field(page, "Status").select_option("Under construction")
    field(page, "Published").check()
    field(page, "Country").fill("CN")
    field(page, "Province or state [en]").fill("Anhui")

    money = add_inline_row(
        page, "Money: investment, revenue, output value", "Add another Money figure"
    )
    field(money, "Kind").select_option("Total investment")
    field(money, "Amount as stated").fill("约20亿元")
    expect(money.locator("output")).to_have_text("Reads as: CNY 2,000,000,000 · about")
    choose(page, "Source", Source.objects.get().label, within=money)
    jobs = add_inline_row(page, "Jobs", "Add another Jobs figure")
    field(jobs, "Type of jobs").select_option("direct jobs")
    field(jobs, "Amount as stated").fill("800 jobs")
    field(jobs, "Source not stated publicly").check()

    started = add_inline_row(page, "Milestones", "Add another Milestone")
    field(started, "Kind").select_option("Groundbreaking / construction start")
    field(started, "Title [en]").fill("Construction start")
    field(started, "Actual date").fill("2025-05-08")
    field(started, "Source not stated publicly").check()
    operating = add_inline_row(page, "Milestones", "Add another Milestone")
    field(operating, "Kind").select_option("Operation start")
    field(operating, "Title [en]").fill("Start of operation")
    field(operating, "Planned date").fill("2027-06-01")
    field(operating, "Planned precision").select_option("Month")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    visitor = new_page()
    visitor.goto("/en/projects/hefei-compressor-plant-phase-ii/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(NAME)
    figures = visitor.get_by_role("region", name="Key figures")
    expect(figures).to_contain_text("about CNY 2 billion")
    expect(figures).to_contain_text("800 direct jobs")
    expect(figures).to_contain_text("(Source: not stated publicly)")
    timeline = visitor.get_by_role("list", name="Timeline")
    expect(timeline.get_by_role("listitem")).to_have_count(2)
    expect(timeline.get_by_role("listitem").nth(0)).to_contain_text(
        "Construction start Happened: 8 May 2025"
    )
    expect(timeline.get_by_role("listitem").nth(1)).to_contain_text(
        "Start of operation Planned: June 2027"
    )
    visitor.goto("/en/projects/")
    # its card, and the list of projects not on the map (it has no coordinates)
    expect(visitor.get_by_role("link", name=NAME, exact=True).first).to_be_visible()
