"""Categories, tags and the project record's text translated per field (modeltranslation):
Chinese readers see Chinese where an editor wrote it and English where nobody has yet."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from newsroom.models import Category, Tag
from projects.models import Milestone, Person, Project
from tests import factories


def test_a_chinese_reader_sees_the_chinese_name_and_english_where_none_is_written(db):
    project = factories.project(name="Wuhu plant", city="Wuhu")
    project.name_zh_hans = "芜湖工厂"
    project.save()
    project = Project.objects.get(pk=project.pk)
    with translation.override("zh-hans"):
        assert (project.name, project.city) == ("芜湖工厂", "Wuhu")
    with translation.override("en"):
        assert (project.name, project.city) == ("Wuhu plant", "Wuhu")


def test_reading_a_translation_costs_no_query(db, django_assert_num_queries):
    factories.project(name="Wuhu plant", name_zh_hans="芜湖工厂")
    project = Project.objects.get()
    with django_assert_num_queries(0), translation.override("zh-hans"):
        assert project.name == "芜湖工厂"


def test_saving_in_chinese_keeps_english_in_the_original_column(db):
    project = factories.project(name="Wuhu plant")
    with translation.override("zh-hans"):
        project.name = "芜湖工厂"  # the active language's column
        project.save()
    # Queries, ordering and the directory's keyset paging read the original column.
    assert Project.objects.filter(name="Wuhu plant").exists()
    assert Project.objects.values_list("name_zh_hans", flat=True).get() == "芜湖工厂"


def test_lookups_by_name_do_not_depend_on_the_active_language(db):
    factories.project(name="Wuhu plant")
    with translation.override("zh-hans"):
        assert Project.objects.filter(name="Wuhu plant").count() == 1
        assert list(Project.objects.values_list("name", flat=True)) == ["Wuhu plant"]


def test_a_tag_made_under_a_chinese_request_still_has_its_english_name(db):
    with translation.override("zh-hans"):
        tag = Tag.objects.create(name="Wuhu", slug="wuhu")
    tag.refresh_from_db()
    assert (tag.name_en, Tag.objects.values_list("name", flat=True).get()) == ("Wuhu", "Wuhu")


def test_the_case_insensitive_tag_rule_still_holds_in_english(db):
    Tag.objects.create(name="Compressor", slug="compressor")
    variant = Tag(name="COMPRESSOR", slug="c2")
    with pytest.raises(ValidationError, match="ignore upper and lower case"):
        variant.validate_constraints(exclude={"name"})  # as the admin form, editing name_en
    with pytest.raises(IntegrityError), transaction.atomic():
        variant.save()


def test_two_untranslated_categories_do_not_collide_on_an_empty_chinese_name(db):
    Category.objects.create(name="Markets", slug="markets")
    Category.objects.create(name="People", slug="people")
    assert list(Category.objects.values_list("name_zh_hans", flat=True)) == [None, None]


def test_a_local_name_is_marked_with_its_own_language(db, client):
    project = factories.project(local_name="三菱電機", local_name_language="ja")
    page = client.get(project.get_absolute_url()).content.decode()
    assert '<p class="lede" lang="ja">三菱電機</p>' in page


def test_a_local_name_defaults_to_simplified_chinese(db, client):
    project = factories.project(local_name="奥克斯")
    page = client.get(project.get_absolute_url()).content.decode()
    assert '<p class="lede" lang="zh-Hans">奥克斯</p>' in page


def test_a_local_name_language_must_be_a_language_tag(db):
    project = factories.project()
    project.local_name_language = "Japanese!"
    with pytest.raises(ValidationError, match="BCP 47 tag"):
        project.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_the_demo_project_has_its_chinese_record(demo):
    project = Project.objects.get(slug=demo.PROJECT_SLUG)
    start = Milestone.objects.get(project=project, kind=Milestone.Kind.GROUNDBREAKING)
    with translation.override("zh-hans"):
        assert project.name == "奥克斯智能空调压缩机生产建设项目（芜湖分公司）"
        assert (project.province, project.city) == ("安徽省", "芜湖市")
        assert start.title == "项目动员会暨开工建设"
        assert Person.objects.get(name="Li Jian").title == "奥克斯集团首席执行官"
        assert project.roles.get().organization.name == "奥克斯集团"
    with translation.override("en"):
        assert project.city == "Wuhu"


def test_the_admin_offers_a_box_per_language(admin_client, db):
    page = admin_client.get(reverse("admin:projects_project_add")).content.decode()
    assert 'name="name_en"' in page and 'name="name_zh_hans"' in page
    assert 'name="local_name_language"' in page


def test_the_api_gives_the_local_name_with_its_language(db, client):
    project = factories.project(local_name="三菱電機", local_name_language="ja")
    url = reverse("api-v1:project", kwargs={"slug": project.slug})
    data = client.get(url).json()
    assert (data["local_name"], data["local_name_language"]) == ("三菱電機", "ja")


def test_the_milestone_list_edits_one_box_per_language_not_the_original_field(admin_client, db):
    start = datetime.date(2025, 5, 8)
    milestone = factories.milestone(factories.project(), actual_date=start)
    url = reverse("admin:projects_milestone_change", args=[milestone.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="title_en"' in page and 'name="title_zh_hans"' in page
    assert 'name="title"' not in page
