from django.core.validators import RegexValidator
from django.db import models


class WebAddressField(models.URLField):
    """A URL field whose form assumes https:// when an editor types "aux.com"."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


# A BCP 47 language tag as HTML's lang takes it: zh-Hans, zh-Hant, ja, ko, en, vi…
LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
LANGUAGE_TAG_RULE = (
    "Give the local name's language as a BCP 47 tag such as zh-Hans (simplified Chinese), "
    "zh-Hant (traditional), ja, ko or vi."
)


def local_name_language():
    """The language of a record's local name, so pages mark it with the right `lang`."""
    return models.CharField(
        "language of the local name",
        max_length=35,
        default="zh-Hans",
        validators=[RegexValidator(LANGUAGE_TAG, LANGUAGE_TAG_RULE)],
        help_text="A BCP 47 tag: zh-Hans (simplified Chinese), zh-Hant, ja, ko, vi…",
    )


def local_name_language_rule(model_name):
    """The database's half of the rule above, for a model's Meta.constraints."""
    return models.CheckConstraint(
        condition=models.Q(local_name_language__regex=LANGUAGE_TAG),
        name=f"{model_name}_local_name_language_tag",
        violation_error_message=LANGUAGE_TAG_RULE,
    )
