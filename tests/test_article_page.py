"""The article page: the summary as standfirst, the sidebar's order, share links with no script."""

from urllib.parse import quote

import pytest

from newsroom.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_summary_is_the_standfirst_and_the_subtitle_its_dek(client):
    story = factories.article(summary="What happened, in two lines.", subtitle="The dek")
    page = client.get(story.get_absolute_url()).content.decode()
    assert '<p class="lede standfirst">What happened, in two lines.</p>' in page
    assert '<p class="dek">The dek</p>' in page


def test_without_a_summary_the_subtitle_is_the_standfirst(client):
    story = factories.article(summary="", subtitle="The dek")
    page = client.get(story.get_absolute_url()).content.decode()
    assert '<p class="lede standfirst">The dek</p>' in page
    assert 'class="dek"' not in page


def test_share_links_carry_the_encoded_absolute_address_and_no_script(client):
    story = factories.article(title="Wuhu & Ningbo: 30 million?")
    page = client.get(story.get_absolute_url()).content.decode()
    share = page[page.index('<section class="share"') :]
    share = share[: share.index("</section>")]
    address = quote(f"http://testserver{story.get_absolute_url()}", safe="")
    title = quote(story.title, safe="")
    assert f'href="mailto:?subject={title}&amp;body={address}"' in share
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={address}" in share
    assert f"https://x.com/intent/post?url={address}&amp;text={title}" in share
    assert f"https://service.weibo.com/share/share.php?url={address}&amp;title={title}" in share
    assert share.count('rel="noopener"') == 3
    assert f'value="http://testserver{story.get_absolute_url()}" readonly' in share
    assert "<script" not in share


def test_the_sidebar_follows_the_story_fact_box_then_contacts_pictures_related(client, demo):
    story = Article.objects.get(language="en")
    factories.article(category=story.category, title="Another story")
    page = client.get(story.get_absolute_url()).content.decode()
    marks = ['class="body"', 'class="factbox"', 'id="press-contacts-heading"']
    marks += ['id="media-kit-heading"', 'id="related-heading"']
    positions = [page.index(mark) for mark in marks]
    assert positions == sorted(positions)
    assert page.index('class="story-aside"') > page.index('class="body"')
