"""A visitor finds their way by clicking: from the home page through a story to its
project, the company behind it and a tag; through the directory's filters and sort; and
from one page of news to the next."""

from playwright.sync_api import expect

from tests.browser.content import STORIES_BEYOND_ONE_PAGE

STORY = "AUX Compressor Project Listed as Major Construction Project in Anhui Province"
PROJECT = (
    "AUX Intelligent Air Conditioning Compressor Production and Construction Project (Wuhu branch)"
)


def heading(page):
    return page.get_by_role("heading", level=1)


def test_a_visitor_goes_from_home_to_story_project_company_and_tag(page, site):
    page.goto("/en/")
    page.get_by_role("region", name=STORY).get_by_role("link", name=STORY).click()
    expect(heading(page)).to_have_text(STORY)
    page.get_by_role("link", name="Full project record and timeline").click()
    expect(heading(page)).to_have_text(PROJECT)
    expect(page.get_by_role("list", name="Timeline").get_by_role("listitem")).to_have_count(3)
    page.get_by_role("link", name="AUX Group", exact=True).click()
    expect(heading(page)).to_have_text("AUX Group")
    page.get_by_role("region", name="News").get_by_role("link", name=STORY).click()
    page.get_by_role("link", name="Wuhu", exact=True).click()
    expect(heading(page)).to_have_text("Tagged “Wuhu”")
    expect(page.get_by_role("link", name="First compressors leave the Wuhu line")).to_be_visible()


def project_names(page):
    return page.get_by_role("region", name="Projects").get_by_role("heading", level=3)


def test_a_visitor_filters_and_sorts_the_project_directory(page, site):
    page.goto("/en/projects/")
    expect(project_names(page)).to_have_count(3)
    page.get_by_label("Country").select_option("China")
    page.get_by_label("Sort by").select_option("Direct jobs, most first")
    page.get_by_role("button", name="Show projects").click()
    expect(page).to_have_url(
        "/en/projects/?status=&sector=&country=CN&province=&sort=jobs&organization=&designation=&year="
        "&updated=&unit="
    )
    expect(project_names(page)).to_have_text([PROJECT, "Ningbo Heat Pump Base"])
    expect(page.get_by_text("2 projects, sorted by direct jobs, most first.")).to_be_visible()
    page.get_by_label("Sort by").select_option("Name (A–Z)")
    page.get_by_role("button", name="Show projects").click()
    expect(project_names(page)).to_have_text([PROJECT, "Ningbo Heat Pump Base"])
    page.get_by_label("Status").select_option("Announced")
    page.get_by_role("button", name="Show projects").click()
    expect(project_names(page)).to_have_text(["Ningbo Heat Pump Base"])
    page.get_by_role("link", name="Clear all filters").click()
    expect(project_names(page)).to_have_count(3)


def test_a_visitor_pages_through_the_news(page, site):
    page.goto("/en/news/")
    stories = page.get_by_role("main").get_by_role("article")
    expect(stories).to_have_count(12)
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages).to_contain_text("Page 1 of 2")
    pages.get_by_role("link", name="Next").click()
    expect(page).to_have_url("/en/news/?page=2")
    expect(stories).to_have_count(STORIES_BEYOND_ONE_PAGE + 2 - 12)
    expect(pages).to_contain_text("Page 2 of 2")
    pages.get_by_role("link", name="Previous").click()
    expect(stories).to_have_count(12)
