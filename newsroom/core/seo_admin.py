"""The "Search and sharing" fieldset the article and project forms share: how the page looks
in search results and when shared. Rarely changed, so collapsed."""

from django.utils.translation import gettext_lazy as _

SEO_FIELDS = ["seo_title", "meta_description", "social_image", "noindex"]
SEO_FIELDSET = (_("Search and sharing"), {"classes": ["collapse"], "fields": SEO_FIELDS})
