"""Every existing article and project gets its search document (newsroom's 0014 made the
index). The document builders are the project's own, run on this migration's models."""

from django.db import migrations


def build(apps, schema_editor):
    from newsroom.models.search_index import rebuild
    from projects.models.search_document import search_sources

    rebuild(
        search_sources(apps.get_model("newsroom", "Article"), apps.get_model("projects", "Project")),
        Document=apps.get_model("newsroom", "SearchDocument"),
        Word=apps.get_model("newsroom", "SearchWord"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0013_half_year_precision"),
        ("newsroom", "0014_search_documents"),
    ]

    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
