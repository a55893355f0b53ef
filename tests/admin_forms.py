"""Post admin forms as a browser would: start from what the page renders, change a few fields."""

from html.parser import HTMLParser


class _FormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea, self._multiple = {}, None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            elif kind not in ("submit", "button", "file"):
                self.data[name] = attrs.get("value", "")
        elif tag == "select" and name and "__prefix__" not in name:
            self._select = name
            self._multiple = "multiple" in attrs
            if not self._multiple:
                self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            value = attrs.get("value", "")
            if self._multiple:
                self.data.setdefault(self._select, []).append(value)
            else:
                self.data[self._select] = value
        elif tag == "textarea" and name and "__prefix__" not in name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(client, url):
    """The fields of the admin form at `url`, with the values the page shows."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    parser = _FormFields()
    parser.feed(response.content.decode())
    parser.data.pop("csrfmiddlewaretoken", None)
    parser.data.pop("action", None)
    return parser.data


def fields_in(html):
    """The fields of the forms in `html`, with the values they show."""
    parser = _FormFields()
    parser.feed(html)
    parser.data.pop("csrfmiddlewaretoken", None)
    return parser.data
