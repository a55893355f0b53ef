"""Amounts as press releases write them: "about 5 billion yuan", "约50亿元", "Rs 20,000 crore",
"年产3000万台", "3,000 jobs". One reading per phrase, or an error that quotes it: never a guess.

`read(text, kind)` with kind "money" (a currency is required), "quantity" (capacity: an
optional measure unit such as GWh, a period, and the words of what is counted) or "count"
(jobs). Digits are read with Babel (also Indian grouping, 1,50,000); the English, Indian
(lakh, crore) and Chinese (万, 亿) scales and the qualifier words are ours, since no kept
library reads them.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, list_currencies, parse_decimal

MONEY, QUANTITY, COUNT = "money", "quantity", "count"

# Longest first wherever one word starts another ("more than" before "more").
QUALIFIER_BEFORE = {
    "approximately": "about", "approx.": "about", "approx": "about", "about": "about",
    "around": "about", "roughly": "about", "nearly": "about", "almost": "about",
    "some": "about", "circa": "about", "c.": "about", "~": "about", "大约": "about",
    "约": "about", "近": "about", "将近": "about", "more than": "over", "over": "over",
    "above": "over", "exceeding": "over", "exceeds": "over", "exceed": "over",
    "surpassing": "over", "surpasses": "over", "surpass": "over", "topping": "over", "top": "over", "in excess of": "over", "at least": "at_least",
    "no less than": "at_least", "not less than": "at_least", "超过": "over", "逾": "over",
    "超": "over", "不少于": "at_least", "不低于": "at_least", "至少": "at_least", "up to": "up_to",
    "as much as": "up_to", "at most": "up_to", "no more than": "up_to",
    "not more than": "up_to", "最高": "up_to", "不超过": "up_to", "最多": "up_to",
    "高达": "up_to", "达": "exact", "共": "exact", "total of": "exact", "a total of": "exact",
    "約": "about", "大約": "about", "將近": "about", "超過": "over", "不少於": "at_least",
    "不低於": "at_least", "不超過": "up_to", "高達": "up_to", "達": "exact",
}  # fmt: skip
QUALIFIER_AFTER = {
    "or more": "over", "plus": "over", "+": "over", "以上": "over", "多": "over",
    "余": "over", "餘": "over", "左右": "about", "上下": "about", "or so": "about", "以内": "up_to",
}  # fmt: skip
SCALES = {
    "trillion": 10**12, "tn": 10**12, "billion": 10**9, "bn": 10**9, "b": 10**9,
    "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6, "thousand": 10**3, "k": 10**3,
    "lakh crores": 10**12, "lakh crore": 10**12, "crores": 10**7, "crore": 10**7, "cr": 10**7, "lakhs": 10**5, "lakh": 10**5,
    "lacs": 10**5, "lac": 10**5, "万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "亿": 10**8,
    "千万": 10**7, "百万": 10**6, "十万": 10**5, "万": 10**4, "千": 10**3,
    # Traditional characters (NFKC leaves them as they are) and the Korean 조/억/만.
    "萬億": 10**12, "千億": 10**11, "百億": 10**10, "億": 10**8, "千萬": 10**7, "百萬": 10**6,
    "十萬": 10**5, "萬": 10**4, "조": 10**12, "억": 10**8, "만": 10**4,
}  # fmt: skip
CURRENCY_WORDS = {
    "us$": "USD", "hk$": "HKD", "cn¥": "CNY", "rmb": "CNY", "¥": "CNY", "$": "USD",
    "€": "EUR", "£": "GBP", "₹": "INR", "rs.": "INR", "rs": "INR", "yuan": "CNY",
    "renminbi": "CNY", "人民币": "CNY", "元": "CNY", "美元": "USD", "欧元": "EUR",
    "港元": "HKD", "港币": "HKD", "日元": "JPY", "英镑": "GBP", "卢比": "INR",
    "us dollars": "USD", "us dollar": "USD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "rupees": "INR", "rupee": "INR", "pounds": "GBP",
    "yen": "JPY", "r$": "BRL", "reais": "BRL", "real": "BRL", "₩": "KRW", "won": "KRW",
    "zł": "PLN", "zloty": "PLN", "złoty": "PLN", "zlotys": "PLN", "a$": "AUD", "c$": "CAD",
    "s$": "SGD", "nt$": "TWD", "₱": "PHP", "₫": "VND", "₺": "TRY", "rp": "IDR", "rm": "MYR",
    "人民幣": "CNY", "美金": "USD", "歐元": "EUR", "港幣": "HKD", "韩元": "KRW", "韓元": "KRW",
    "新台币": "TWD", "新台幣": "TWD", "台币": "TWD", "台幣": "TWD",
}  # fmt: skip
# Words that count the thing itself: "30 million units" is 30 million of the product.
COUNTERS = ("units", "unit", "sets", "set", "pieces", "pcs", "台", "套", "件", "辆", "个",
            "臺", "輛", "個")  # fmt: skip
MEASURES = {
    "gwh": "GWh", "mwh": "MWh", "kwh": "kWh", "gw": "GW", "mw": "MW", "kw": "kW",
    "tonnes": "tonnes", "tons": "tonnes", "tonne": "tonnes", "ton": "tonnes", "t": "tonnes",
    "吨": "tonnes", "万吨": "tonnes", "噸": "tonnes", "萬噸": "tonnes",
}  # fmt: skip
PERIODS = {
    "a year": "year", "per year": "year", "per annum": "year", "p.a.": "year",
    "annually": "year", "each year": "year", "every year": "year", "/year": "year",
    "/yr": "year", "a month": "month", "per month": "month", "monthly": "month",
    "/month": "month", "a day": "day", "per day": "day", "daily": "day", "/day": "day",
    "年产": "year", "年產": "year", "每年": "year", "/年": "year", "月产": "month", "每月": "month",
    "日产": "day", "每天": "day", "in total": "total", "总计": "total",
}  # fmt: skip
JOB_WORDS = ("new jobs", "jobs", "job", "positions", "posts", "employees", "workers",
             "个就业岗位", "就业岗位", "个岗位", "岗位", "就业机会", "就业", "人")  # fmt: skip
RANGE = re.compile(r"\s*(?:-|–|—|~|～|至|到|to\b)\s*")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
ISO_CODES = {code.lower(): code for code in list_currencies() if len(code) == 3}


class AmountError(ValueError):
    """A phrase that cannot be read; the message quotes it and says what was expected."""


@dataclass(frozen=True)
class Reading:
    text: str  # the words as given, kept as the figure's as-stated text
    value: Decimal
    high: Decimal | None = None
    qualifier: str = "exact"
    currency: str = ""
    unit: str = ""
    period: str = ""
    counted: str = ""  # quantity only: what is counted, e.g. "compressors"
    equivalent: "Reading | None" = None  # a conversion the source adds in brackets

    def __str__(self):
        """The normalised reading shown beside the input: "CNY 5,000,000,000 · about"."""
        number = f"{self.value:,}"
        if self.high is not None:
            number += f"–{self.high:,}"
        parts = [" ".join(p for p in (self.currency, number, self.unit, self.counted) if p)]
        if self.period:
            parts.append(f"per {self.period}" if self.period != "total" else "in total")
        return " · ".join([*parts, self.qualifier.replace("_", " ")])


def _take(rest, words):
    """(the value of the longest of `words` that `rest` starts with, the rest), or (None, rest)."""
    for word in _longest_first(words):
        # An English word must end where the next one starts ("m" is not the "m" of "mw").
        if not rest.startswith(word):
            continue
        if not _latin(word[-1]) or not _latin(rest[len(word) : len(word) + 1]):
            return words[word] if isinstance(words, dict) else word, rest[len(word) :].lstrip()
    return None, rest


_ORDERS = {}


def _longest_first(words):
    """The words longest first, sorted once per table (an article is read phrase by phrase)."""
    key = id(words)
    if key not in _ORDERS:
        _ORDERS[key] = (words, sorted(words, key=len, reverse=True))  # keeps the table alive
    return _ORDERS[key][1]


def _latin(char):
    return bool(char) and char.isascii() and char.isalpha()


def _number(digits, text):
    indian = re.fullmatch(r"\d{1,2}(,\d{2})+,\d{3}(\.\d+)?", digits)
    try:
        return parse_decimal(digits, locale="en_IN" if indian else "en", strict=True)
    except NumberFormatError:
        raise AmountError(f"“{text}”: {digits} is not a number as written.") from None


class _Phrase:
    def __init__(self, text, kind):
        self.text, self.kind = text, kind
        self.rest = unicodedata.normalize("NFKC", text).strip().lower()
        self.currency = self.unit = self.period = ""
        self.qualifier = None

    def fail(self, why):
        raise AmountError(f"Could not read “{self.text}”: {why}")

    def skip(self, words):
        found, self.rest = _take(self.rest, words)
        return found

    def qualify(self, words):
        while found := self.skip(words):  # "about up to": each word is read, and refused
            if found != "exact":
                if self.qualifier not in (None, "exact", found):
                    self.fail("it says two different things about the number.")
                self.qualifier = found

    def money_word(self):
        if self.currency and self.rest.startswith("元"):
            # 元 is the unit of any yuan or dollar: "新台幣3000億元" is TWD, "港币5亿元" HKD.
            self.rest = self.rest[1:].lstrip()
            return self.currency
        code = self.skip(CURRENCY_WORDS) or self.skip(ISO_CODES)
        if code:
            if self.kind != MONEY:
                self.fail("a currency belongs to a money figure.")
            if self.currency and self.currency != code:
                self.fail(f"it names two currencies ({self.currency} and {code}).")
            self.currency = code
        return code

    def amount(self):
        """(the number with its scale applied, the scale), e.g. (Decimal(5000000000), 10**9)."""
        match = NUMBER.match(self.rest)
        if not match:
            self.fail("no number where one was expected.")
        value = _number(match.group().rstrip(","), self.text)
        self.rest = self.rest[match.end() :].lstrip()
        self.qualify({"多": "over", "余": "over", "餘": "over"})  # 60余亿: over 6 billion
        scale = self.skip(SCALES) or 1
        return value * scale, scale


def _whole(value):
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


BRACKETED = re.compile(r"^(?P<main>.+?)\s*[(（](?P<aside>[^()（）]+)[)）]\s*$")


def read(text, kind=MONEY, currency=""):
    """The Reading of `text` as a figure of `kind` (MONEY, QUANTITY or COUNT); a money phrase
    that names no currency takes `currency` if one is given."""
    bracketed = BRACKETED.match(text.strip())
    if bracketed and kind == MONEY:
        # "5 billion yuan (about US$700 million)": the conversion is an equivalent, not the figure.
        main = read(bracketed["main"], kind, currency)
        aside = read(bracketed["aside"], kind)
        return Reading(**{**main.__dict__, "text": text.strip(), "equivalent": aside})
    phrase = _Phrase(text, kind)
    if not phrase.rest:
        phrase.fail("it is empty.")
    phrase.qualify(QUALIFIER_BEFORE)
    phrase.period = phrase.skip(PERIODS) or ""  # 年产3000万台
    phrase.money_word()
    low, low_scale = phrase.amount()
    high = None
    sign = RANGE.match(phrase.rest)
    if sign and (
        NUMBER.match(after := phrase.rest[sign.end() :]) or _take(after, CURRENCY_WORDS)[0]
    ):
        phrase.rest = after
        phrase.money_word()
        high, high_scale = phrase.amount()
        if low_scale == 1:
            low *= high_scale  # "20,000–24,000 crore", "20-24亿": one scale for both ends
    phrase.money_word()
    counted = _tail(phrase)
    if high is not None:
        # "about 20–24 billion": the range already says how precise it is; the words keep it.
        if high <= low:
            phrase.fail("a range's high end must be above its low end.")
        phrase.qualifier = "range"
    if kind == MONEY and not phrase.currency:
        phrase.currency = currency
    if kind == MONEY and not phrase.currency:
        phrase.fail("it names no currency; write it as the source does, e.g. “5 billion yuan”.")
    return Reading(
        text=text.strip(), value=_whole(low), high=high and _whole(high), qualifier=phrase.qualifier or "exact",
        currency=phrase.currency, unit=phrase.unit, period=phrase.period, counted=counted,
    )  # fmt: skip


def _tail(phrase):
    """Units, periods, qualifiers and counted words after the number; nothing unread left."""
    counted = []
    while phrase.rest:
        before = phrase.rest
        phrase.qualify(QUALIFIER_AFTER)
        period = phrase.skip(PERIODS)
        if period:
            phrase.period = period
        if phrase.kind == QUANTITY:
            measure = phrase.skip(MEASURES)
            if measure:
                phrase.unit = measure
            phrase.skip(COUNTERS)
        if phrase.kind == COUNT:
            phrase.skip(COUNTERS)
            phrase.skip(JOB_WORDS)
        if phrase.kind == MONEY:
            phrase.money_word()
        if phrase.rest == before:
            word = re.match(r"[a-z][a-z-]*|\S", phrase.rest).group()
            if phrase.kind != QUANTITY or not word.isalpha() or not word.isascii():
                phrase.fail(f"“{word}” is not part of an amount.")
            counted.append(word)
            phrase.rest = phrase.rest[len(word) :].lstrip()
    return " ".join(counted)
