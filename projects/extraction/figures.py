"""Money and quantity figures in running text, read by the fact editor's own parser.

The patterns here only find where a figure starts and ends; `projects.amounts.read` turns
the span into a number, a currency and a qualifier, so an article and a typed figure are
read by one parser.
"""

import re
from dataclasses import dataclass

from projects import amounts


def _alternation(words):
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Figures are found on a copy with full-width ASCII folded (one character for one, so the
# offsets stay those of the input).
FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

NUM = r"\d[\d,]*(?:\.\d+)?"
LATIN_SCALES = r"(?:trillion|billion|million|thousand|lakh\s+crores?|crores?|lakhs?|lacs?|bn|mn|mln|tn|cr|[mbk])(?![a-z])"
CJK_SCALES = _alternation(w for w in amounts.SCALES if not w.isascii())
SCALE = rf"(?:{LATIN_SCALES}|{CJK_SCALES})"
SYMBOLS = ["us$", "hk$", "nt$", "r$", "a$", "c$", "s$", "rp", "rm", "cn¥", "$", "€", "£", "₹", "₩", "¥", "₱", "₺",
           "rs.", "rs", "zł", "rmb", "人民币", "人民幣", "新台币", "新台幣", "台币", "台幣", "港币", "港幣"]  # fmt: skip
# Written before or after the number ("zł 300 million", "300 mln zł", "50亿元人民币").
BOTH_SIDES = {
    "zł",
    "€",
    "rmb",
    "人民币",
    "人民幣",
    "新台币",
    "新台幣",
    "台币",
    "台幣",
    "港币",
    "港幣",
}
ISO = r"(?-i:[A-Z]{3})(?![a-zA-Z])"
PREFIX = rf"(?:(?:{_alternation(SYMBOLS)})\s?|{ISO}\s?)"
SUFFIX_WORDS = [
    w
    for w in amounts.CURRENCY_WORDS
    if (w not in SYMBOLS or w in BOTH_SIDES) and w not in ("real", "rm", "rp")
]
SUFFIX = rf"(?:{_alternation(SUFFIX_WORDS)}|{ISO})"
BEFORE = _alternation(w for w in amounts.QUALIFIER_BEFORE if w not in ("c.", "some"))
AFTER = _alternation(["以上", "左右", "or more", "plus"])
RANGE_SIGN = r"\s*(?:-|–|—|~|～|至|到|to(?= ))\s*"
ONE = rf"{PREFIX}?{NUM}\s*(?:多|余|餘)?(?:\s*-?\s*{SCALE})?"  # "Rs 65,000-crore", "$1.4-billion"
MONEY = re.compile(
    rf"(?P<q>(?<![a-z])(?:{BEFORE})\s*)?(?P<between>between\s+)?(?P<body>{ONE}(?:(?:{RANGE_SIGN}|(?(between)\s+and\s+|(?!)))\s*{ONE})?(?:\s*{SUFFIX})?)"
    rf"(?:\s*(?P<after>{AFTER}))?",
    re.I,
)
AT_LEAST = (
    "at least",
    "no less than",
    "not less than",
    "不低于",
    "不低於",
    "不少于",
    "不少於",
    "至少",
)
CHINESE_SCALE = re.compile(r"[亿億万萬]")

UNITS = ["mtpa", "mmtpa", "ktpa", "tpa", "tpd", "gwh", "mwh", "kwh", "gw", "mw", "mwp", "gwp", "tonnes", "tonne", "tons", "ton",
         "metric tons", "mt", "t", "units", "vehicles", "cars", "wafers", "barrels", "megawatts", "gigawatts",
         "平方米", "平米", "个标准机架", "個標準機架", "吨", "噸", "台", "臺", "辆", "輛", "套", "件", "片", "只", "颗", "顆", "支", "组", "組"]  # fmt: skip
QUANTITY = re.compile(
    rf"(?P<q>(?<![a-z])(?:{BEFORE})\s*)?(?P<body>{NUM}\s*(?:多|余|餘)?\s*{SCALE}?"
    rf"(?:{RANGE_SIGN}{NUM}\s*{SCALE}?)?)\s*(?P<unit>(?:{_alternation(UNITS)})(?![a-z])|(?-i:P)(?![a-zA-Z]))",
    re.I,
)
# "建设机架3000个": a data centre's racks, the product before the number.
RACKS = re.compile(
    rf"(?P<q>)(?:标准|標準)?(?:机架|機架)\s*(?P<body>{NUM}\s*[万萬]?)\s*(?P<unit>[个個])"
)
# "200,000 battery packs a year", "produce 48 million chips": a counted noun as the unit.
NOT_COUNTED = r"(?!(?:nm|nanomet\w*|microns?)\b|(?:new\s+)?(?:jobs?|people|employees|workers|staff|positions|square|acres|hectares|years|months|days|percent|projects|companies)\b)"
COUNTED = re.compile(
    rf"(?P<q>(?<![a-z])(?:{BEFORE})\s*)?(?P<body>{NUM}(?:\s*{LATIN_SCALES})?)\s+{NOT_COUNTED}"
    rf"(?P<unit>(?:[a-z][\w-]*\s+){{0,3}}?[a-z][\w-]*s)\b",
    re.I,
)


@dataclass(frozen=True)
class Figure:
    start: int  # offsets in the input of the whole figure, qualifier words included
    end: int
    reading: amounts.Reading
    qualifier: str
    unit: str = ""
    equivalents: tuple = ()
    implied_currency: bool = False


def fold(text):
    return text.translate(FOLD)


def _qualifier(match, reading):
    words = (match["q"] or "").strip().lower()
    if words in AT_LEAST:
        return "at_least"
    return reading.qualifier


def money(folded, start=0, end=None, chinese=False):
    """The money figures in folded[start:end]; a bracketed conversion right after a figure
    is its equivalent, not a figure of its own."""
    end = len(folded) if end is None else end
    found, skip_until = [], -1
    for match in MONEY.finditer(folded, start, end):
        if match.start() < skip_until:
            continue
        figure = _money_figure(match, chinese)
        if figure is None:
            continue
        aside = re.match(r"\s*[(（]([^()（）]{1,60})[)）]", folded[match.end() : end])
        if aside:
            inner = [
                f
                for m in MONEY.finditer(aside.group(1))
                if (f := _money_figure(m, chinese)) and not f.implied_currency
            ]
            if inner:
                figure = Figure(
                    **{**figure.__dict__, "equivalents": tuple(f.reading for f in inner)}
                )
                skip_until = match.end() + aside.end()
        found.append(figure)
    return found


def _money_figure(match, chinese):
    body = match["body"]
    has_currency = bool(re.match(PREFIX, body, re.I) or re.search(rf"{SUFFIX}$", body, re.I))
    implied = not has_currency and chinese and bool(CHINESE_SCALE.search(body))
    if not has_currency and not implied:
        return None
    if match["between"]:
        # "between $300 million and $350 million" is the range "$300 million to $350 million".
        body = re.sub(r"\s+and\s+", " to ", body, count=1)
    body = re.sub(r"(?<=\d)-(?=[a-z])", " ", body, flags=re.I)
    phrase = (match["q"] or "") + body + (match["after"] or "")
    try:
        reading = amounts.read(phrase, amounts.MONEY, currency="CNY" if implied else "")
    except amounts.AmountError:
        return None
    return Figure(
        match.start(), match.end(), reading, _qualifier(match, reading), implied_currency=implied
    )


def quantities(folded, start=0, end=None, counted=False):
    """Capacity-like figures: a number with a measure unit (or, with `counted`, a plural noun)."""
    found, end = [], len(folded) if end is None else end
    regexes = [COUNTED] if counted else [QUANTITY, RACKS]
    for match in (m for regex in regexes for m in regex.finditer(folded, start, end)):
        try:
            reading = amounts.read((match["q"] or "") + match["body"], amounts.QUANTITY)
        except amounts.AmountError:
            continue
        unit = "个标准机架" if match.re is RACKS else match["unit"]
        found.append(Figure(match.start(), match.end(), reading, _qualifier(match, reading), unit))
    return sorted(found, key=lambda f: f.start)


def count(text):
    """A head count such as "over 1,000" or "5000多", or None."""
    try:
        return amounts.read(text, amounts.COUNT)
    except amounts.AmountError:
        return None
