import uuid

from django.db import migrations, models


def own_groups(apps, schema_editor):
    # Every existing article starts alone in its group; its feed ID is unique already.
    Article = apps.get_model("newsroom", "Article")
    Article.objects.update(translation_group=models.F("uuid"))


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0014_search_documents")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("zh-hans", "简体中文")],
                default="en",
                help_text="The language the article is written in; its address carries it.",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="translation_group",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(own_groups, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="article",
            name="translation_group",
            field=models.UUIDField(
                default=uuid.uuid4,
                editable=False,
                help_text="Articles sharing this value are translations of one story.",
            ),
        ),
        migrations.AlterField(
            model_name="article",
            name="slug",
            field=models.SlugField(
                allow_unicode=True,
                blank=True,
                help_text="The last part of the article's address. Must be unique. Left blank, "
                "it is made from the title (Chinese titles in pinyin).",
                max_length=200,
                unique=True,
            ),
        ),
        migrations.AddConstraint(
            model_name="article",
            constraint=models.UniqueConstraint(
                fields=("translation_group", "language"),
                name="article_one_per_language_in_group",
                violation_error_message="This story already has a translation in that language.",
            ),
        ),
    ]
