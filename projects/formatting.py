"""Figures and partial dates as each language writes them: the one place that formats them.

English: "about CNY 5 billion", "30 million compressors per year", "3,000 direct jobs",
"March 2025", "Q1 2025". Chinese: "约50亿元", "年产3000万台", "3000个直接就业岗位",
"2025年3月", "2025年第一季度". Babel (CLDR) gives the numbers (万/亿 grouping), currency
names, month and quarter names; the words around them (qualifiers, measure words, 年产)
are ours, in the tables below, checked by tests/test_figures_in_both_languages.py.
The language is the active one (get_language()) unless a caller names one.
"""

import datetime
from decimal import Decimal
from functools import lru_cache

from babel.dates import format_date, format_skeleton, get_quarter_names
from babel.numbers import format_compact_decimal, format_decimal, get_currency_name
from django.utils.translation import get_language, override

QUALIFIER_WORDS = {"exact": "", "about": "about", "over": "over", "up_to": "up to", "range": ""}
QUALIFIER_ZH = {"exact": "", "about": "约", "over": "超过", "up_to": "最多", "range": ""}
# Chinese writes yuan amounts as 元 ("50亿元"); CLDR's name, 人民币, is for naming the currency.
CURRENCY_ZH = {"CNY": "元", "RMB": "元"}
PERIOD_ZH = {"year": "年产", "month": "月产", "day": "日产", "total": "总产"}
JOBS_ZH = {"direct": "个直接就业岗位", "construction": "个建设期就业岗位", "total": "个就业岗位"}
# Measure words for counting a product (unit left empty), by a word in its English name.
MEASURE_WORDS_ZH = (
    (("vehicle", "car", "truck", "bus"), "辆"),
    (("ship", "vessel"), "艘"),
    (("panel", "wafer", "chip", "cell", "module"), "片"),
    (("tonne", "ton"), "吨"),
)
DEFAULT_MEASURE_WORD_ZH = "台"  # machines: compressors, air conditioners, motors
UNITS_ZH = {"tonnes": "吨", "tonne": "吨", "tons": "吨", "t": "吨", "sets": "套", "units": "台"}


@lru_cache(maxsize=32)
def labels(choices, language: str) -> dict:
    """A TextChoices' labels as text in `language`, the active one: str() of a lazy label
    looks it up in the catalogue every time, twice for each figure of an export."""
    with override(language):
        return {value: str(label) for value, label in choices.choices}


def language(lang: str | None = None) -> str:
    """ "zh" for any Chinese, else "en": the two ways of writing figures we know."""
    return "zh" if (lang or get_language() or "en").lower().startswith("zh") else "en"


def readable_number(value: Decimal | int, lang: str | None = None) -> str:
    """Large numbers in words (5 billion, 50亿), small ones in full (3,000 / 3000)."""
    return _readable_number(value, language(lang))


# Cached by resolved language: CLDR formatting is slow, and pages repeat the same figures.
@lru_cache(maxsize=8192)
def _readable_number(value: Decimal | int, lang: str) -> str:
    if lang == "zh":
        if abs(value) >= 10_000:  # 万 and 亿 are where Chinese groups
            return format_compact_decimal(value, fraction_digits=2, locale="zh_Hans_CN")
        return format_decimal(value, format="0.###", locale="zh_Hans_CN")
    if abs(value) >= 1_000_000:
        return format_compact_decimal(value, format_type="long", fraction_digits=2, locale="en")
    return format_decimal(value, locale="en")


def _number_range(low, high, lang) -> str:
    number = readable_number(low, lang)
    if high is not None:
        joiner = "至" if lang == "zh" else "–"
        number = f"{number}{joiner}{readable_number(high, lang)}"
    return number


def qualified(qualifier, low, high=None, *, prefix="", suffix="", lang=None) -> str:
    """English words around a number: "about CNY 5 billion", "over 3,000 jobs"."""
    number = _number_range(low, high if qualifier == "range" else None, "en")
    words = (QUALIFIER_WORDS.get(qualifier, ""), prefix, number, suffix)
    return " ".join(str(word) for word in words if word)


def money(qualifier, low, high, currency, lang=None) -> str:
    """ "about CNY 5 billion" / "约50亿元", "over USD 1 billion" / "超过10亿美元"."""
    if language(lang) == "en":
        return qualified(qualifier, low, high, prefix=currency)
    number = _number_range(low, high if qualifier == "range" else None, "zh")
    unit = CURRENCY_ZH.get(currency) or get_currency_name(currency, locale="zh_Hans")
    return f"{QUALIFIER_ZH.get(qualifier, '')}{number}{unit}"


def jobs(qualifier, low, high, job_type, job_words, lang=None) -> str:
    """ "3,000 direct jobs" / "3000个直接就业岗位"; job_words: the English names by type."""
    if language(lang) == "en":
        return qualified(qualifier, low, high, suffix=job_words.get(job_type, f"{job_type} jobs"))
    number = _number_range(low, high if qualifier == "range" else None, "zh")
    return f"{QUALIFIER_ZH.get(qualifier, '')}{number}{JOBS_ZH.get(job_type, '个就业岗位')}"


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def measure_word(unit: str, product: str) -> str:
    """台 for 30 million compressors, 吨 for tonnes, GWh stays GWh."""
    if unit:
        return UNITS_ZH.get(unit.lower(), unit)
    name = product.lower()
    for keywords, word in MEASURE_WORDS_ZH:
        if any(keyword in name for keyword in keywords):
            return word
    return DEFAULT_MEASURE_WORD_ZH


def capacity(qualifier, low, high, *, unit, product, period, period_words, lang=None) -> str:
    """ "30 million compressors per year" / "年产3000万台"; period_words: English by period."""
    if language(lang) == "en":
        words = (unit, product, period_words.get(period, ""))
        return qualified(qualifier, low, high, suffix=" ".join(str(w) for w in words if w))
    number = _number_range(low, high if qualifier == "range" else None, "zh")
    # The product name is English unless an editor wrote it in Chinese; 台 then says enough.
    thing = product if _has_chinese(product) else ""
    lead = PERIOD_ZH.get(period, "")
    return f"{lead}{QUALIFIER_ZH.get(qualifier, '')}{number}{measure_word(unit, product)}{thing}"


HALVES_ZH = {1: "上半年", 2: "下半年"}


def partial_date(start: datetime.date, precision: str, lang: str | None = None) -> str:
    """A date with only its known parts: "March 2025" / "2025年3月", "Q1 2025" /
    "2025年第一季度", "H1 2025" / "2025年上半年", "2025" / "2025年", "5 March 2025" /
    "2025年3月5日". `precision` is a projects.dates.Precision value."""
    return _partial_date(start, str(precision), language(lang))


@lru_cache(maxsize=4096)
def _partial_date(start: datetime.date, precision: str, lang: str) -> str:
    zh = lang == "zh"
    locale = "zh_Hans_CN" if zh else "en"
    quarter, half = (start.month - 1) // 3 + 1, 1 if start.month < 7 else 2
    if precision == "month":
        return format_skeleton("yMMMM", start, locale=locale)
    if precision == "quarter":
        if zh:
            return f"{start.year}年{get_quarter_names('wide', locale=locale)[quarter]}"
        return f"Q{quarter} {start.year}"
    if precision == "half_year":
        return f"{start.year}年{HALVES_ZH[half]}" if zh else f"H{half} {start.year}"
    if precision == "year":
        return f"{start.year}年" if zh else str(start.year)
    return format_date(start, "long" if zh else "d MMMM y", locale=locale)


DURATION_UNITS = {"day": ("day", "days", "天"), "month": ("month", "months", "个月")}
DURATION_UNITS["year"] = ("year", "years", "年")


def duration(count: int, unit: str, *, about=False, lang=None) -> str:
    """ "16 days" / "16天", "about 3 months" / "约3个月", "about 2 years" / "约2年"."""
    one, many, chinese = DURATION_UNITS[unit]
    if language(lang) == "zh":
        return f"{'约' if about else ''}{count}{chinese}"
    return f"{'about ' if about else ''}{count} {one if abs(count) == 1 else many}"


def compared_with_plan(difference: str | None, later: bool, lang=None) -> str:
    """ "3 months later than planned" / "比计划晚约3个月"; "as planned" with no difference."""
    if language(lang) == "zh":
        return f"比计划{'晚' if later else '早'}{difference}" if difference else "按计划"
    if not difference:
        return "as planned"
    return f"{difference} {'later' if later else 'earlier'} than planned"
