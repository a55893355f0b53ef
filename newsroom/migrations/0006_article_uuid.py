import uuid

from django.db import migrations, models


def give_each_article_its_own_uuid(apps, schema_editor):
    Article = apps.get_model("newsroom", "Article")
    for pk in Article.objects.values_list("pk", flat=True):
        Article.objects.filter(pk=pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0005_search_index")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="uuid",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_each_article_its_own_uuid, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="article",
            name="uuid",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="The article's permanent identity in feeds; never changes.",
                unique=True,
                verbose_name="feed ID",
            ),
        ),
    ]
