"""The admin's home page is the editors' inbox: what waits for review, what goes out by itself
and when, what was just published, and the records that need fixing, each linking to the fix."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Article
from tests import factories, pictures

HOME = "/admin/"


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def section(page, key):
    start = page.index(f'class="module dashboard-section dashboard-{key}"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def newsroom(db):
    now = timezone.now()
    old = factories.article(title="Waiting longest", status=Article.Status.REVIEW)
    Article.objects.filter(pk=old.pk).update(updated_at=now - datetime.timedelta(days=2))
    factories.article(title="Just submitted", status=Article.Status.REVIEW)
    factories.draft(title="A plain draft")
    factories.scheduled(title="Goes out tomorrow")
    factories.embargoed(hours=3, title="Embargo lifts soon")
    factories.article(title="Out this morning")
    stale = factories.project(name="Unconfirmed plant", status="construction")
    stale.status_as_of = timezone.localdate() - datetime.timedelta(days=800)
    stale.save()
    late = factories.project(name="Late plant", status="construction")
    factories.milestone(late, planned_date=timezone.localdate() - datetime.timedelta(days=90))
    factories.project(name="Cancelled plant", status="cancelled", status_as_of=stale.status_as_of)
    figure = factories.money(factories.project(name="Plant with a bare figure", is_published=False))
    factories.money(late, source=factories.web_source())
    picture = pictures.image(title="Harbour at dusk", alt_text="")
    pictures.image(title="Described harbour", alt_text="Cranes over the harbour")
    return {"figure": figure, "picture": picture, "old": old, "stale": stale}


def test_stories_in_review_are_listed_oldest_first_with_a_link_to_each_form(
    editor_client, newsroom
):
    page = editor_client.get(HOME).content.decode()
    review = section(page, "review")
    assert review.index("Waiting longest") < review.index("Just submitted")
    assert change_url(newsroom["old"]) in review
    assert "A plain draft" not in page
    assert ">2</span>" in review


def test_scheduled_and_embargoed_stories_are_one_list_in_the_order_they_go_out(
    editor_client, newsroom
):
    pending = section(editor_client.get(HOME).content.decode(), "pending")
    assert pending.index("Embargo lifts soon") < pending.index("Goes out tomorrow")
    assert "Out this morning" not in pending
    assert "?pending=yes" in pending


def test_the_view_all_link_lists_only_what_is_not_public_yet(editor_client, newsroom):
    page = editor_client.get("/admin/newsroom/article/", {"pending": "yes"}).content.decode()
    assert "Goes out tomorrow" in page and "Embargo lifts soon" in page
    assert "Out this morning" not in page and "Waiting longest" not in page


def test_recently_published_stories_are_listed(editor_client, newsroom):
    published = section(editor_client.get(HOME).content.decode(), "published")
    assert "Out this morning" in published and "Goes out tomorrow" not in published


def test_overdue_and_stale_projects_are_listed_but_not_cancelled_ones(editor_client, newsroom):
    projects = section(editor_client.get(HOME).content.decode(), "projects")
    assert "Unconfirmed plant" in projects and "Late plant" in projects
    assert "Cancelled plant" not in projects
    assert "overdue=yes" in projects and "stale=yes" in projects


def test_figures_without_a_source_link_to_their_form_and_to_a_filtered_list(
    editor_client, newsroom
):
    figures = section(editor_client.get(HOME).content.decode(), "figures")
    assert "Plant with a bare figure" in figures and "Late plant" not in figures
    assert change_url(newsroom["figure"]) in figures
    listed = editor_client.get("/admin/projects/figure/", {"unsourced": "yes"}).content.decode()
    assert "Plant with a bare figure" in listed and "Late plant" not in listed


def test_pictures_without_alt_text_link_to_the_image_form(editor_client, newsroom):
    found = section(editor_client.get(HOME).content.decode(), "pictures")
    assert "Harbour at dusk" in found and "Described harbour" not in found
    assert change_url(newsroom["picture"]) in found and "described=no" in found


def test_empty_sections_say_so(editor_client):
    page = editor_client.get(HOME).content.decode()
    assert "No story is waiting for review." in page
    assert "Every figure cites a source." in page
    assert "Every picture has alt text or is marked decorative." in page


def test_a_section_is_shown_only_to_roles_that_may_see_its_model(editor, client, newsroom):
    editor.groups.clear()
    editor.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(editor)
    page = client.get(HOME).content.decode()
    assert "Waiting longest" in page
    assert "Harbour at dusk" not in page and "Plant with a bare figure" not in page


def test_the_dashboard_costs_the_same_queries_however_much_waits(editor_client, newsroom):
    editor_client.get(HOME)  # warm the session and content-type caches
    with CaptureQueriesContext(connection) as few:
        editor_client.get(HOME)
    for n in range(8):
        factories.article(title=f"More review {n}", status=Article.Status.REVIEW)
        factories.money(factories.project(is_published=False))
        pictures.image(title=f"More pictures {n}", alt_text="")
    with CaptureQueriesContext(connection) as many:
        editor_client.get(HOME)
    assert len(many) == len(few)


def test_the_dashboard_query_count_is_pinned(editor_client, newsroom, django_assert_num_queries):
    editor_client.get(HOME)
    # session, user, the user's permissions (one for groups, one direct), then per section a
    # count and its first rows (in review, scheduled, published, projects, figures, pictures),
    # and the current user's recent actions.
    with django_assert_num_queries(17):
        editor_client.get(HOME)


def test_the_dashboard_works_in_chinese(editor, client, newsroom):
    from newsroom.models import StaffLanguage

    StaffLanguage.objects.create(user=editor, language="zh-hans")
    client.force_login(editor)
    response = client.get(HOME)
    assert response.status_code == 200
    assert "Waiting longest" in response.content.decode()
