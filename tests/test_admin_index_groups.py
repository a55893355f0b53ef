"""The admin index and its sidebar group what people work on (News, Projects, Media, People,
Settings) instead of listing every model by app; an app's own page still lists all of its."""

import re

from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from newsroom.admin_site import GROUPS, PARTS, group_of, grouped


def group_names(page):
    return re.findall(r'<span class="section">([^<]+)</span>', page)


def test_the_index_shows_the_five_groups_in_order(admin_client):
    page = admin_client.get("/admin/").content.decode()
    assert group_names(page) == ["News", "Projects", "Media", "People", "Settings"]
    assert "Major projects" not in page


def test_each_group_holds_the_models_people_expect(admin_client):
    page = admin_client.get("/admin/").content.decode()
    news = page[page.index('class="app-news') : page.index('class="app-projects')]
    assert "/admin/newsroom/article/" in news and "/admin/newsroom/category/" in news
    settings = page[page.index('class="app-settings') :]
    assert "/admin/newsroom/articleredirect/" in settings
    assert "/admin/projects/projectredirect/" in settings
    assert "/admin/projects/exchangerate/" in settings
    assert reverse("admin:staff_language") in settings  # a page, not a model


def test_the_parts_edited_in_a_project_form_are_not_index_entries(admin_client):
    page = admin_client.get("/admin/").content.decode()
    for part in ("milestone", "statedduration", "designation", "projectorganization"):
        assert f"/admin/projects/{part}/" not in page


def test_an_apps_own_page_still_lists_all_of_its_models(admin_client):
    page = admin_client.get("/admin/projects/").content.decode()
    assert "/admin/projects/milestone/" in page and "/admin/projects/project/" in page


def test_the_sidebar_uses_the_groups(admin_client):
    page = admin_client.get("/admin/newsroom/article/").content.decode()
    start = page.index('id="nav-sidebar"')
    sidebar = page[start : page.index("</nav>", start)]
    assert group_names(sidebar) == ["News", "Projects", "Media", "People", "Settings"]


def test_a_model_nobody_placed_lands_in_settings():
    assert group_of("newsroom.brand") == "settings"
    assert group_of("axes.accessattempt") == "settings"
    assert group_of("newsroom.article") == "news"


def test_unknown_models_come_after_the_known_ones_in_their_group(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    app_list = admin.site._build_app_dict(request).values()
    settings = grouped(list(app_list))[-1]
    names = [model["model"]._meta.label_lower for model in settings["models"]]
    known = [label for key, _n, labels in GROUPS if key == "settings" for label in labels]
    placed = [name for name in names if name in known]
    assert names[: len(placed)] == placed and "axes.accessattempt" in names[len(placed) :]


def test_every_registered_model_is_reachable_from_the_index(admin_client):
    page = admin_client.get("/admin/").content.decode()
    for model in admin.site._registry:
        opts = model._meta
        if opts.label_lower not in PARTS:
            assert f"/admin/{opts.app_label}/{opts.model_name}/" in page, opts.label_lower


def test_a_writer_sees_only_the_groups_with_something_for_them(writer_client):
    page = writer_client.get("/admin/").content.decode()
    assert "News" in group_names(page)
    assert 'href="/admin/auth/user/"' not in page
    assert 'href="/admin/newsroom/articleredirect/"' not in page


def test_the_groups_are_translated_for_chinese_staff(admin_user, client):
    from newsroom.models import StaffLanguage

    StaffLanguage.objects.create(user=admin_user, language="zh-hans")
    client.force_login(admin_user)
    names = group_names(client.get("/admin/").content.decode())
    assert len(names) == 5 and "News" not in names
