"""The search index: tags, categories, project and organisation names are searchable with
the text, kept current by the models' own saves, rebuilt by a command and by the migration."""

import importlib
import io

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from newsroom.models import Article, SearchDocument, Tag
from newsroom.search import search_articles
from projects.models import Project
from projects.search import search_projects
from tests import factories


def news(text):
    return [a.title for a in search_articles(Article.objects.published(), text)]


def projects(text):
    from newsroom.core.query_syntax import parse

    return [p.name for p in search_projects(Project.objects.published(), parse(text))]


def test_an_article_is_found_by_its_tags_though_its_text_never_says_them(db):
    factories.article(title="Line two opens", body="<p>Nothing else.</p>", tags=["压缩机"])
    factories.article(title="Unrelated")
    assert news("压缩机") == ["Line two opens"]


def test_an_article_is_found_by_its_category_and_its_projects_names(db):
    energy = factories.category(name="Energy", slug="energy")
    story = factories.article(title="Quarterly note", category=energy)
    factories.link(story, factories.project(name="Lakeside Plant", local_name="湖畔工厂"))
    assert news("energy") == news("Lakeside") == news("湖畔") == ["Quarterly note"]


def test_a_project_is_found_by_its_organisations_in_both_their_names(db):
    project = factories.project(name="Plant A")
    factories.role(project, factories.organization(name="Zenith Holdings", local_name="天顶控股"))
    assert projects("Zenith") == projects("天顶") == ["Plant A"]


def test_renaming_a_tag_organisation_or_project_refreshes_the_documents_naming_it(db):
    story = factories.article(title="Story", tags=["Old tag"])
    project = factories.project(name="Old name")
    factories.link(story, project)
    owner = factories.organization(name="Old owner")
    factories.role(project, owner)
    tag = Tag.objects.get(name="Old tag")
    tag.name = "Fresh label"
    tag.save()
    owner.name = "Renamed Owner"
    owner.save()
    project.name = "Brand New Name"
    project.save()
    assert news("fresh label") == news("brand new name") == ["Story"]
    assert projects("renamed owner") == ["Brand New Name"]
    assert news("old tag") == [] and projects("old owner") == []


def test_a_deleted_article_leaves_no_document(db):
    story = factories.article(title="Gone soon")
    story.delete()
    assert not SearchDocument.objects.filter(kind="article", object_id=story.pk).exists()
    assert news("gone") == []


def wipe_index():
    SearchDocument.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM newsroom_search_fts")


def test_the_rebuild_command_writes_every_document_again(db):
    factories.article(title="Wuhu plant", tags=["Compressors"])
    wipe_index()
    assert news("compressors") == []
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert news("compressors") == ["Wuhu plant"]


def test_the_migration_builds_the_documents_of_existing_rows_with_its_own_models(db):
    story = factories.article(title="Wuhu plant", tags=["Compressors"])
    factories.link(story, factories.project(name="Riverside Works"))
    wipe_index()
    state = MigrationExecutor(connection).loader.project_state(
        ("projects", "0014_search_documents")
    )
    migration = importlib.import_module("projects.migrations.0014_search_documents")
    migration.build(state.apps, None)
    assert news("compressors") == news("riverside") == ["Wuhu plant"]
    assert projects("riverside") == ["Riverside Works"]
