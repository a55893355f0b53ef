from django.db import models


class WebAddressField(models.URLField):
    """A URL field whose form assumes https:// when an editor types "aux.com"."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})
