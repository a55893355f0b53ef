"""Pictures on public pages: responsive markup, no layout shift, no N+1, never broken."""

import re
import shutil

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from newsroom.models import Article, ArticleImage, Image
from projects.models import ProjectImage
from tests import factories, pictures
from tests.conftest import load_chrome


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def tag(html, name, contains):
    """The first <name ...> tag whose text contains `contains`."""
    found = [t for t in re.findall(rf"<{name}\b[^>]*>", html) if contains in t]
    assert found, f"no <{name}> with {contains!r}"
    return found[0]


@pytest.fixture
def story(db):
    image = pictures.image(
        pictures.picture_bytes(size=(2000, 1000)),
        alt_text="The new hall.",
        caption="The hall in May.",
        credit="© AUX Group / Zhang Wei",
    )
    return factories.article(lead_image=image, title="Hall opens")


def test_the_lead_image_is_a_picture_with_webp_and_jpeg_at_every_width(client, story):
    html = page(client, story.get_absolute_url())
    folder = story.lead_image.renditions["folder"]
    sizes = 'sizes="(min-width: 42rem) 42rem, calc(100vw - 2rem)"'
    source = tag(html, "source", "full-320.webp")
    assert 'type="image/webp"' in source and sizes in source
    for width in (320, 640, 960, 1280, 1920):
        assert f"/media/{folder}/full-{width}.webp {width}w" in source
    img = tag(html, "img", "full-320.jpg")
    assert f'src="/media/{folder}/full-960.jpg"' in img
    assert f"/media/{folder}/full-1920.jpg 1920w" in img and sizes in img
    assert 'width="1920" height="960"' in img  # the browser reserves the space: no shift
    assert 'alt="The new hall."' in img
    assert 'fetchpriority="high"' in img and "loading=" not in img
    assert "The hall in May." in html and "© AUX Group / Zhang Wei" in html


def test_cards_and_the_media_kit_load_their_pictures_lazily(client, story):
    html = page(client, "/en/")  # "Latest news": below the featured stories
    img = tag(html, "img", "card-320.jpg")
    assert 'loading="lazy"' in img and 'width="640" height="427"' in img
    assert 'sizes="(min-width: 48rem) 22rem, 100vw"' in img and "fetchpriority" not in img
    detail = page(client, story.get_absolute_url())
    kit = detail[detail.index('class="media-kit"') :]
    assert 'loading="lazy"' in tag(kit, "img", "full-320.jpg")


def test_a_decorative_picture_has_an_empty_alt(client, db):
    image = pictures.image(alt_text="", is_decorative=True)
    story = factories.article(lead_image=image)
    assert 'alt=""' in tag(page(client, story.get_absolute_url()), "img", "full-320.jpg")


def test_a_picture_without_alt_text_never_appears_publicly(client, staff_client, db):
    image = pictures.image(alt_text="", title="Undescribed")
    story = factories.article(lead_image=image)  # saved without clean(), as a script might
    factories.link(story, project := factories.project())
    ProjectImage.objects.create(project=project, image=image)
    for url in (story.get_absolute_url(), "/en/news/", project.get_absolute_url()):
        html = page(client, url)
        assert image.renditions["folder"] not in html, url
    draft = factories.draft(lead_image=image)
    preview = page(staff_client, draft.get_absolute_url())
    assert "“Undescribed” is hidden from the public until it has alt text" in preview


def test_pages_render_when_every_image_file_is_missing(client, story, media_root):
    project = factories.project()
    ProjectImage.objects.create(project=project, image=story.lead_image)
    ArticleImage.objects.create(article=story, image=pictures.image())
    shutil.rmtree(media_root)
    for url in (story.get_absolute_url(), "/en/news/", "/en/", project.get_absolute_url()):
        assert "<picture" in page(client, url), url


def test_an_image_without_renditions_shows_its_file_and_one_without_a_file_nothing(client, db):
    image = pictures.image()
    Image.objects.filter(pk=image.pk).update(renditions={})
    story = factories.article(lead_image=Image.objects.get(pk=image.pk))
    img = tag(page(client, story.get_absolute_url()), "img", image.file.name)
    assert 'width="400" height="300"' in img
    Image.objects.filter(pk=image.pk).update(file="")
    assert "<picture" not in page(client, story.get_absolute_url())


def test_the_social_card_url_is_absolute_for_articles_and_projects(settings, story):
    settings.ALLOWED_HOSTS = ["news.example.com"]
    request = RequestFactory().get("/", HTTP_HOST="news.example.com")
    template = Template("{% load pictures %}{% social_card_url obj %}")
    url = template.render(Context({"obj": story, "request": request}))
    folder = story.lead_image.renditions["folder"]
    assert url == f"http://news.example.com/media/{folder}/social-1200.jpg"
    assert story.lead_image.social_card_url == f"/media/{folder}/social-1200.jpg"
    project = factories.project()
    assert template.render(Context({"obj": project, "request": request})) == ""
    ProjectImage.objects.create(project=project, image=story.lead_image)
    project.refresh_from_db()
    assert template.render(Context({"obj": project, "request": request})) == url


def illustrate(count, news):
    """`count` published articles, each with a picture of its own (copies of one processed
    upload, so that making them is quick)."""
    model = pictures.image()
    copies = Image.objects.bulk_create(
        Image(
            title=f"Copy {n}",
            alt_text=f"Copy {n}.",
            file=model.file.name,
            renditions=model.renditions,
            width=model.width,
            height=model.height,
        )
        for n in range(count)
    )
    return Article.objects.bulk_create(
        Article(
            title=f"Illustrated {n}",
            slug=f"illustrated-{n}",
            category=news,
            status="published",
            lead_image=image,
        )
        for n, image in enumerate(copies)
    )


def queries(client, url):
    load_chrome()  # the header's and footer's data, pinned on its own in test_query_counts
    with CaptureQueriesContext(connection) as captured:
        html = page(client, url)
    return len(captured), html.count("<picture")


LISTS = {
    # featured, latest, projects (none, so no figures), press contacts, boilerplate
    "/en/": 5,
    # count, page, tags, the archive's years
    "/en/news/": 4,
    # category, count, page, tags
    "/en/news/category/news/": 4,
    # the archive (one aggregate); count, page, tags
    "/en/news/{year}/": 4,
}


@pytest.mark.parametrize(("url", "expected"), LISTS.items())
def test_lists_of_50_illustrated_articles_run_no_query_per_picture(client, db, url, expected):
    news = factories.category(name="News", slug="news")
    Article.objects.bulk_create(
        Article(title=f"Plain {n}", slug=f"plain-{n}", category=news, status="published")
        for n in range(50)
    )
    url = url.format(year=Article.objects.first().publish_at.year)
    plain, _ = queries(client, url)
    Article.objects.all().delete()
    illustrate(50, news)
    illustrated, shown = queries(client, url)
    assert shown >= 6  # a page (or the home page's grid) of cards, each with its picture
    assert illustrated == plain == expected


def test_detail_pages_with_a_ten_picture_gallery_keep_their_query_count(client, demo):
    story = Article.objects.get(language="en")  # the demo story, not its translation
    project = story.projects.get()
    urls = (story.get_absolute_url(), project.get_absolute_url())

    def add_pictures(count, start):
        for n in range(start, start + count):
            image = pictures.image(pictures.picture_bytes(size=(64, 48)))
            ArticleImage.objects.create(article=story, image=image, order=n)
            ProjectImage.objects.create(project=project, image=image, order=n)

    add_pictures(1, 0)
    # the article page's pin in tests/test_query_counts.py (11: the demo story has no
    # gallery, which then costs no query) and the gallery's one query
    one = [queries(client, url)[0] for url in urls]
    assert one[0] == 11 + 1
    add_pictures(9, 1)
    for url, expected in zip(urls, one, strict=True):
        count, shown = queries(client, url)
        assert count == expected
        assert shown >= 11


def test_the_demo_story_and_project_show_the_drawn_illustration(client, demo):
    story = Article.objects.get(language="en")  # the demo story; its translation shares it
    assert story.lead_image.is_described and story.lead_image.format == "JPEG"
    assert story.projects.get().gallery.get().image == story.lead_image
    html = page(client, story.get_absolute_url())
    assert 'fetchpriority="high"' in tag(html, "img", "full-960.jpg")


def test_the_first_card_of_a_list_loads_at_once_and_the_rest_lazily(client, db):
    news = factories.category()
    for n in range(3):
        factories.article(category=news, lead_image=pictures.image(), is_featured=n == 0)
    for url in ("/en/news/", "/en/"):
        cards = re.findall(r"<img [^>]*card-320[^>]*>", page(client, url))
        assert "loading=" not in cards[0], url
        assert all('loading="lazy"' in card for card in cards[1:]), url
