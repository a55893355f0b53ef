"""The site's brand: the company's name, logo, accent colours and typeface, set in the admin.

One row at most (a check constraint pins its key); without it the defaults from settings
apply. Templates get it through the cached site chrome (newsroom/chrome.py) and the
colours as a stylesheet of custom properties (/brand.css), since the CSP allows no inline
style.
"""

import hashlib
import re
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

HEX = r"^#[0-9A-Fa-f]{6}$"
LIGHT_BG = "#ffffff"  # --color-bg in light mode (static/css/site.css)
DARK_BG = "#14171c"  # --color-bg in dark mode
AA = 4.5
# Font stacks with no download. The Chinese web font comes first: its unicode-range keeps it
# to Chinese characters (static/css/site.css), so Latin text falls through to the next.
WEB_CJK = '"Newsroom Noto Sans SC"'
CJK = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei"'
TYPEFACES = {
    "system": f'{WEB_CJK}, system-ui, -apple-system, "Segoe UI", Roboto, {CJK}, sans-serif',
    "humanist": f'{WEB_CJK}, Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", {CJK}, '
    "sans-serif",
    "serif": f'{WEB_CJK}, Charter, "Bitstream Charter", "Sitka Text", Cambria, {CJK}, serif',
}
DEFAULT_LOGO = ("img/brand-logo.svg", 80, 40)  # the demo's wordmark, drawn for it
UNSAFE_SVG = re.compile(rb"<script|javascript:|\son[a-z]+\s*=|<foreignObject", re.IGNORECASE)


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def svg_size(data):
    """(width, height) of an SVG from its viewBox or width/height, or None if it is not one."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return None
    if not root.tag.endswith("svg"):
        return None
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        if len(box) == 4:
            return round(float(box[2])), round(float(box[3]))
        return round(float(root.get("width", ""))), round(float(root.get("height", "")))
    except ValueError:
        return None


class Brand(models.Model):
    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    name = models.CharField(
        max_length=100,
        help_text=_("The company's name, as the logo's text and in the footer's copyright."),
    )
    logo = models.FileField(
        upload_to="brand/",
        blank=True,
        validators=[FileExtensionValidator(["svg", "png"])],
        help_text=_("SVG or PNG, shown 40 pixels high in the header; empty: the demo's wordmark."),
    )
    logo_width = models.PositiveIntegerField(default=0, editable=False)
    logo_height = models.PositiveIntegerField(default=0, editable=False)
    accent = models.CharField(
        _("accent colour"),
        max_length=7,
        validators=[RegexValidator(HEX, _("A colour in the form #1a2b3c."))],
        help_text=_(
            "Links, buttons and highlights on the light page, e.g. #0057b8; white text on it "
            "and it on white must reach a contrast of 4.5:1."
        ),
    )
    accent_dark = models.CharField(
        _("accent colour in dark mode"),
        max_length=7,
        validators=[RegexValidator(HEX, _("A colour in the form #1a2b3c."))],
        help_text=_("The same on the dark page (background #14171c), e.g. #7db4ff."),
    )
    typeface = models.CharField(
        max_length=20,
        choices=[
            ("system", _("System sans-serif")),
            ("humanist", _("Humanist sans-serif")),
            ("serif", _("Serif")),
        ],
        default="system",
        help_text=_("Fonts already on readers' devices: nothing to download."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("brand")
        verbose_name_plural = _("brand")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="one_brand_row"),
            models.CheckConstraint(
                condition=Q(accent__regex=HEX) & Q(accent_dark__regex=HEX),
                name="brand_colours_are_hex",
                violation_error_message="Colours are written #1a2b3c.",
            ),
        ]

    def __str__(self):
        return str(self.name)

    @classmethod
    def current(cls):
        """The saved brand, or the defaults from settings (one query)."""
        return cls.objects.filter(pk=1).first() or cls.defaults()

    @classmethod
    def defaults(cls):
        return cls(
            name=settings.BRAND_NAME,
            accent=settings.BRAND_ACCENT,
            accent_dark=settings.BRAND_ACCENT_DARK,
            typeface=settings.BRAND_TYPEFACE,
        )

    def clean(self):
        errors = {}
        too_dark = _(
            "This colour on white has a contrast of %(ratio).1f:1; text needs 4.5:1 to be "
            "readable. Choose a darker shade."
        )
        too_light = _(
            "This colour on the dark background has a contrast of %(ratio).1f:1; text needs "
            "4.5:1 to be readable. Choose a lighter shade."
        )
        for field, page, message in (
            ("accent", LIGHT_BG, too_dark),
            ("accent_dark", DARK_BG, too_light),
        ):
            colour = getattr(self, field) or ""
            if not re.match(HEX, colour):
                errors[field] = _("Write the colour as #1a2b3c.")
            elif (ratio := contrast(colour, page)) < AA:
                errors[field] = message % {"ratio": ratio}
        if self.logo and not self.logo._committed:
            size = self.logo_size()
            if size is None:
                errors["logo"] = _("This file is not a valid PNG or SVG image.")
            else:
                self.logo_width, self.logo_height = size
        if errors:
            raise ValidationError(errors)

    def logo_size(self):
        self.logo.seek(0)
        data = self.logo.read(2_000_000)
        self.logo.seek(0)
        if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
            return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        if self.logo.name.lower().endswith(".svg") and not UNSAFE_SVG.search(data):
            return svg_size(data)
        return None

    @property
    def logo_url(self):
        return self.logo.url if self.logo else static(DEFAULT_LOGO[0])

    @property
    def logo_dimensions(self):
        """Width and height for the header's 40-pixel-high <img> (no layout shift)."""
        width, height = (self.logo_width, self.logo_height) if self.logo else DEFAULT_LOGO[1:]
        height = height or 1
        return round(width * 40 / height) or 40, 40

    @property
    def font_stack(self):
        return TYPEFACES.get(self.typeface, TYPEFACES["system"])

    def stylesheet(self):
        """The custom properties that override site.css's defaults."""
        return (
            f":root{{--color-accent:{self.accent};--color-link:{self.accent};"
            f"--color-accent-text:#fff;--font-sans:{self.font_stack}}}\n"
            f"@media (prefers-color-scheme: dark){{:root{{--color-accent:{self.accent_dark};"
            f"--color-link:{self.accent_dark};--color-accent-text:{DARK_BG}}}}}\n"
        )

    @property
    def version(self):
        return hashlib.sha256(self.stylesheet().encode()).hexdigest()[:12]
