"""Indexes for lists of any length (README, "Deployment at scale").

`article_published` and `article_published_category` are partial indexes over published
articles in the public order, holding the embargo and expiry times too: counts and the keys
of deep pages (newsroom/core/pagination.py) come from them without reading a row. They replace
`article_category`. `article_order` gives the admin's order with its tie-break.
"""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0008_image_roles'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='article',
            name='article_category',
        ),
        migrations.AlterField(
            model_name='article',
            name='publish_at',
            field=models.DateTimeField(default=django.utils.timezone.now, help_text='Visible to the public once published and this time has passed. A time in the future schedules the article: it appears at that second, by itself.', verbose_name='publish at'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['-publish_at', '-id'], name='article_order'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(condition=models.Q(('status', 'published')), fields=['-publish_at', '-id', 'embargo_until', 'unpublish_at'], name='article_published'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(condition=models.Q(('status', 'published')), fields=['category', '-publish_at', '-id', 'embargo_until', 'unpublish_at'], name='article_published_category'),
        ),
        migrations.AddIndex(
            model_name='taggedarticle',
            index=models.Index(fields=['tag', 'content_object'], name='tagged_article_by_tag'),
        ),
    ]
