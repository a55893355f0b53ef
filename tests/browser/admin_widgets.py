"""How a person works the admin's widgets in a browser: autocomplete boxes, the rich-text
editor, inline rows, the lead-image upload."""

from playwright.sync_api import expect

from tests.browser.content import lead_image_file


def field(where, label):
    """The control labelled `label`: "Label:" in the admin's forms, "Label" in inline rows."""
    with_colon = where.get_by_label(f"{label}:", exact=True)
    return with_colon if with_colon.count() else where.get_by_label(label, exact=True)


def choose(page, field, option, within=None):
    """Pick `option` in the autocomplete (select2) box labelled `field`, by typing."""
    (within or page).get_by_role("combobox", name=field).click()
    page.keyboard.type(option[:6])  # into the search box that opens with the focus
    page.get_by_role("option", name=option).click()


def write_rich_text(page, field, plain, bold):
    """Type a paragraph into the rich-text editor labelled `field`, part of it in bold."""
    editor = page.get_by_role("textbox", name=field)
    editor.click()
    page.keyboard.type(plain + " ")
    page.keyboard.press("Control+b")
    page.keyboard.type(bold)
    page.keyboard.press("Control+b")
    expect(editor.locator("strong")).to_have_text(bold)


def add_inline_row(page, verbose_name_plural, add_label):
    """Click "Add another …" under an inline and return the new row: a table row, or in a
    stacked inline (the project's facts) a card."""
    group = page.get_by_role("group", name=verbose_name_plural)
    rows = group.locator(
        "tr.form-row.dynamic-form, tr.form-row:not(.empty-form), "
        "div.inline-related:not(.tabular):not(.empty-form)"
    )
    count = rows.count()
    group.get_by_role("button", name=add_label).click()
    expect(rows).to_have_count(count + 1)
    return rows.nth(count)


def attach_lead_image(page, alt):
    """Upload a lead image into the image library from the article form (the "+" beside the
    lead image field opens the library's upload form); the new image becomes the lead image.

    The one place that knows how an article gets its image.
    """
    name, data = lead_image_file("wuhu-line.png")
    with page.expect_popup() as opened:
        page.locator("#add_id_lead_image").click()
    popup = opened.value
    popup.wait_for_load_state()
    field(popup, "Image file").set_input_files(
        files=[{"name": name, "mimeType": "image/png", "buffer": data}]
    )
    field(popup, "Title").fill("Wuhu assembly line")
    field(popup, "Alt text").fill(alt)
    with popup.expect_event("close"):
        popup.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#id_lead_image")).not_to_have_value("")
