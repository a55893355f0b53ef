"""Press contacts: on the pages of published stories and projects, on their own page, and as
vCards (RFC 6350) that phones and mail programs read, Chinese names included."""

import pytest

from newsroom.press.models import PressContact
from newsroom.press.vcard import escape, fold, vcard
from tests import factories
from tests.admin_forms import form_data
from tests.pictures import image


@pytest.fixture
def story(db):
    return factories.article(title="Plant opens", slug="plant-opens")


def test_an_active_contact_is_shown_on_the_story_it_is_attached_to(client, story):
    factories.press_contact(articles=[story], name="王芳", role="Head of media relations")
    page = client.get(story.get_absolute_url()).content.decode()
    assert "Press contacts" in page and "王芳" in page and "Head of media relations" in page


def test_an_inactive_contact_is_on_no_page(client, story):
    contact = factories.press_contact(articles=[story], name="Gone Person", is_active=False)
    assert "Gone Person" not in client.get(story.get_absolute_url()).content.decode()
    assert "Gone Person" not in client.get("/en/press/contacts/").content.decode()
    assert client.get(contact.get_vcard_url()).status_code == 404


def test_a_contact_of_a_draft_story_is_not_shown_through_it(client, db):
    hidden = factories.draft(slug="hidden-draft")
    factories.press_contact(articles=[hidden], name="Draft Contact")
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_project_pages_show_their_contacts(client, db):
    project = factories.project()
    factories.press_contact(projects=[project], name="Project Spokesperson")
    assert "Project Spokesperson" in client.get(project.get_absolute_url()).content.decode()


def test_the_contacts_page_lists_featured_contacts_first(client, db):
    factories.press_contact(name="Zed Ordinary", order=0)
    factories.press_contact(name="Amy Featured", is_featured=True, order=5)
    page = client.get("/en/press/contacts/").content.decode()
    assert page.index("Amy Featured") < page.index("Zed Ordinary")


def test_a_contact_needs_an_email_or_a_phone(db):
    contact = PressContact(name="Nobody", role="Unreachable")
    with pytest.raises(Exception, match="email address or a phone number"):
        contact.full_clean()


def test_the_vcard_is_utf8_text_vcard_with_crlf_lines(client, db):
    contact = factories.press_contact(
        name="王芳", role="Head of media, East China", phone="+86 21 5555 0100", languages="zh, en"
    )
    response = client.get(contact.get_vcard_url())
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") and text.endswith("END:VCARD\r\n")
    assert "\r\nFN:王芳\r\n" in text
    assert "TITLE:Head of media\\, East China" in text
    assert "TEL;VALUE=uri;TYPE=work,voice:tel:+862155550100" in text
    assert "\n" not in text.replace("\r\n", "")


def test_vcard_text_escapes_backslash_comma_semicolon_and_newlines():
    assert escape("a\\b,c;d\ne") == "a\\\\b\\,c\\;d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_a_chinese_character():
    folded = fold("NOTE:" + "压缩机" * 40)
    lines = folded.split("\r\n")
    assert len(lines) > 1
    assert all(len(line.encode()) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    assert (
        "".join(line[1:] if i else line for i, line in enumerate(lines)) == "NOTE:" + "压缩机" * 40
    )


def test_a_hostile_name_cannot_add_properties_to_the_vcard(db):
    contact = factories.press_contact(name="Eve\r\nEMAIL:attacker@example.com", role="x;y")
    lines = vcard(contact).split("\r\n")
    assert not any(line.startswith("EMAIL:attacker") for line in lines)
    assert "FN:Eve\\nEMAIL:attacker@example.com" in lines


def test_a_described_photo_is_shown_and_named_in_the_vcard(client, story):
    photo = image(alt_text="Portrait of Wang Fang")
    contact = factories.press_contact(articles=[story], photo=photo)
    page = client.get(story.get_absolute_url()).content.decode()
    assert 'alt="Portrait of Wang Fang"' in page
    assert "PHOTO:http://testserver/media/" in client.get(contact.get_vcard_url()).content.decode()


def test_a_photo_without_alt_text_is_never_shown(client, story):
    contact = factories.press_contact(articles=[story], photo=image(alt_text=""))
    assert "PHOTO:" not in client.get(contact.get_vcard_url()).content.decode()


def test_the_admin_form_says_once_that_a_contact_needs_an_email_or_a_phone(client, editor):
    client.force_login(editor)
    response = client.post("/admin/press/presscontact/add/", {"name": "Nobody", "role": "x"})
    assert response.content.decode().count("email address or a phone number") == 1
    assert not PressContact.objects.exists()


def test_the_contacts_page_runs_one_query_however_many_contacts(
    client, db, django_assert_num_queries
):
    for n in range(8):
        factories.press_contact(photo=image() if n % 2 else None)
    with django_assert_num_queries(1):  # the active contacts, their photos joined
        assert client.get("/en/press/contacts/").status_code == 200


def add_contact_in_the_article_form(client, story, contact):
    url = f"/admin/newsroom/article/{story.pk}/change/"
    data = form_data(client, url)
    prefix = next(k for k in data if k.endswith("-TOTAL_FORMS") and "contact" in k)[
        : -len("-TOTAL_FORMS")
    ]
    data |= {f"{prefix}-TOTAL_FORMS": "1", f"{prefix}-0-contact": str(contact.pk)}
    return client.post(url, data)


def test_a_writer_lists_a_contact_under_a_draft_in_its_form(client, writer):
    draft = factories.draft(title="Draft with contact")
    contact = factories.press_contact(name="Desk")
    client.force_login(writer)
    assert add_contact_in_the_article_form(client, draft, contact).status_code == 302
    assert list(draft.press_contacts.all()) == [contact]


def test_a_writer_cannot_add_a_contact_to_a_published_story(client, writer, story):
    contact = factories.press_contact(name="Desk")
    client.force_login(writer)
    response = add_contact_in_the_article_form(client, story, contact)
    assert response.status_code in (200, 403)
    assert not story.press_contacts.exists()
