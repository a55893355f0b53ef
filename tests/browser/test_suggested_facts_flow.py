"""An editor asks for an article's suggested facts, accepts two, edits one, rejects one, and
the project record has exactly the accepted facts, each citing the article."""

from playwright.sync_api import expect

from projects.models import Figure, Kind, Milestone, Project
from tests import factories
from tests.browser.admin_widgets import choose
from tests.browser.conftest import PHONE, log_in
from tests.browser.test_pages_are_accessible import axe_violations, describe
from tests.suggestions import TEXT, use_proposals


def proposal(page, number):
    return page.locator(f"#proposal-{number}")


def test_an_editor_accepts_edits_and_rejects_suggested_facts_and_the_record_cites_the_article(
    page, new_page, editor, monkeypatch
):
    use_proposals(monkeypatch)
    body = "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    article = factories.article(title="Northwind Cells picks Greenville", body=body)
    log_in(page, editor.username)
    page.goto(f"/admin/newsroom/article/{article.pk}/change/")
    page.get_by_role("link", name="Suggest project facts").click()
    expect(page.get_by_role("heading", name="Proposed facts")).to_be_visible()
    expect(page.locator(".evidence-text mark")).to_have_count(4)
    assert not (violations := axe_violations(page)), describe("review page", violations)

    page.get_by_label("Country:").fill("US")
    proposal(page, 1).get_by_label("Accept").check()  # the investment
    proposal(page, 2).get_by_label("Reject").check()  # the capacity
    jobs = proposal(page, 3)
    expect(jobs).to_contain_text("“expected to” may be a hope, not a plan")
    jobs.get_by_text("Edit before accepting").click()
    jobs.get_by_label("Amount as stated:").fill("about 1,500 jobs")
    jobs.get_by_label("Accept").check()
    proposal(page, 4).get_by_label("Accept").check()  # the construction start
    page.get_by_role("button", name="Save accepted facts").click()
    expect(page.locator(".messagelist")).to_contain_text(
        "3 facts added to “Greenville battery plant”"
    )

    project = Project.objects.get()
    source = article.sources.get()
    figures = {f.kind: f for f in project.figures.all()}
    assert set(figures) == {Kind.INVESTMENT, Kind.JOBS}  # the rejected capacity is nowhere
    assert figures[Kind.JOBS].value == 1500 and figures[Kind.JOBS].qualifier == "about"
    assert all(f.source == source for f in figures.values())
    assert project.milestones.get().source == source
    assert not Figure.objects.filter(kind=Kind.CAPACITY).exists()
    assert Milestone.objects.count() == 1
    # The project form the editor lands on shows each fact citing the article.
    cited = page.locator("select[name$='-source'] option:checked:not([value=''])")
    expect(cited).to_have_text([article.title] * 3)

    phone = new_page(viewport=PHONE)
    log_in(phone, editor.username)
    phone.goto(f"/admin/projects/project/suggest/?article={article.pk}")
    expect(phone.get_by_role("heading", name="Proposed facts")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the review page is {width} px wide on a phone"


def test_a_writer_chooses_a_published_project_by_typing_and_is_refused_as_for_a_typed_figure(
    page, writer, monkeypatch
):
    use_proposals(monkeypatch)
    project = factories.project(name="Greenville Cells", is_published=True)
    body = "".join(f"<p>{line}</p>" for line in TEXT.splitlines())
    article = factories.article(title="Northwind Cells picks Greenville", body=body)
    log_in(page, writer.username)
    page.goto(f"/admin/projects/project/suggest/?article={article.pk}")
    page.get_by_label("an existing project").check()
    choose(page, "Existing project", project.name)
    proposal(page, 1).get_by_label("Accept").check()
    page.get_by_role("button", name="Save accepted facts").click()
    expect(proposal(page, 1)).to_contain_text(
        "is shown on the published page of “Greenville Cells”; only an editor may change it."
    )
    assert not project.figures.exists()
