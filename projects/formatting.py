"""Readable, unambiguous figures: "about CNY 5 billion", "30 million compressors per year"."""

from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_compact_decimal, format_decimal

QUALIFIER_WORDS = {"exact": "", "about": "about", "over": "over", "up_to": "up to", "range": ""}


@lru_cache(maxsize=4096)  # CLDR formatting is slow, and pages show the same figures again
def readable_number(value: Decimal | int) -> str:
    """Large numbers in words (5 billion), small ones in full (3,000)."""
    if abs(value) >= 1_000_000:
        return format_compact_decimal(value, format_type="long", fraction_digits=2, locale="en")
    return format_decimal(value, locale="en")


def qualified(qualifier, low, high=None, *, prefix="", suffix="") -> str:
    """ "about CNY 5 billion", "CNY 1–2 billion", "over 3,000 jobs"."""
    number = readable_number(low)
    if qualifier == "range" and high is not None:
        number = f"{number}–{readable_number(high)}"
    words = (QUALIFIER_WORDS.get(qualifier, ""), prefix, number, suffix)
    return " ".join(str(word) for word in words if word)
