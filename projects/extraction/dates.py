"""Dates as announcements write them, with their precision, resolved against the header date.

A date is (YYYY | YYYY-MM | YYYY-MM-DD, precision); a quarter or a half-year is written as
its first month. A relative date ("next year", "今年6月", "9月26日") is resolved from the
publication date only when there is one, else its date is None and the words stay as text.
"""

import datetime
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}  # fmt: skip
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d,.]\d|\s?m²)"
ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
           "4th": 4, "一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}  # fmt: skip
REL = r"(?P<rel>this|next|last|the current|the coming)"
ZH_REL = r"(?P<rel>今年|明年|去年|本年|當年|当年|次年)"
ZH_YEAR = rf"(?:(?P<year>(?:19|20)\d\d)\s*年|{ZH_REL})"
PATTERNS = [  # (regex, precision); the first that matches at a position wins
    (rf"{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR}", "day"),
    (rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+{YEAR}", "day"),
    (rf"{MONTH},?\s+(?:of\s+)?{YEAR}", "month"),
    (rf"{MONTH}\s+(?:of\s+)?{REL}\s+year", "month"),
    # "on March 13", "in April": the year is the article's own (or the next, for a plan).
    (
        rf"{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d,.]\d)(?!,?\s*(?:19|20)\d\d|\s+(?:this|next|last)\s+year)",
        "day",
    ),
    (
        rf"\b(?:in|by|from|until|till|since|early|late|mid-?|end of)\s+(?:early\s+|late\s+|mid-?)?{MONTH}\b(?!,?\s*(?:of\s+)?(?:(?:19|20)\d\d|(?:this|next|last|the current|the coming)\s+year))",
        "month",
    ),
    (r"(?P<relm>this|next|last|the coming)\s+month\b", "month"),
    # "the latter half of the decade": a time, but no calendar date at any precision.
    (
        r"(?:the\s+)?(?:latter|second|first|early|late|later)\s+(?:half|part)\s+of\s+the\s+decade"
        r"|\blater\s+(?:this|in\s+the)\s+decade|\bthe\s+end\s+of\s+(?:the|this)\s+decade",
        "vague",
    ),
    (
        rf"(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)\s*(?:of\s+)?(?:{YEAR}|(?:FY)?(?P<yy>\d\d)(?!\d))",
        "quarter",
    ),
    (
        rf"(?:(?:the\s+)?(?:end|close|start|beginning)\s+of\s+)?(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?\s+(?:{YEAR}|{REL}\s+year)",
        "quarter",
    ),
    (
        r"(?:the\s+end\s+of\s+)?(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter",
        "quarter",
    ),
    (rf"H(?P<h>[12])\s*(?:of\s+)?{YEAR}", "half_year"),
    (
        rf"(?:(?:the\s+)?(?:end|close|start|beginning)\s+of\s+)?(?:the\s+)?(?P<hw>first|second)\s+half(?:\s+of)?\s+(?:{YEAR}|{REL}\s+year)",
        "half_year",
    ),
    (rf"(?:the\s+)?(?:end|close)\s+of\s+(?:{YEAR}|{REL}\s+year)", "year"),
    (rf"{REL}\s+year", "year"),
    (rf"{ZH_YEAR}\s*(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*[日号號]", "day"),
    (rf"{ZH_YEAR}\s*(?P<month>\d{{1,2}})\s*(?:月份|月)", "month"),
    (rf"{ZH_YEAR}\s*(?:第\s*)?(?P<ord>[一二三四1-4])\s*季(?:度)?", "quarter"),  # 第三季 (Taiwan)
    (rf"{ZH_YEAR}\s*(?P<hz>[上下])半年", "half_year"),
    (rf"{ZH_YEAR}\s*(?:年底|年末|底|末)", "year"),
    # "3月18日电" is a wire's dateline, not an event; "17日" alone is a day of the article's month.
    (r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号號](?![电電])", "day"),
    (r"(?<![\d月(（])(?P<dd>\d{1,2})\s*日(?![电電内內起产產])", "day"),
    (r"(?<![\d年])(?P<month>\d{1,2})\s*月(?!份?\s*\d)", "month"),
    (rf"{ZH_YEAR}", "year"),
    # "计划年内开工": within the article's year ("3年内" is a span, not a date).
    (r"(?<![\d一二三四五六七八九十两兩])(?P<rel>年内|年內)", "year"),
    (rf"(?<![\d$€£¥.,#])\b{YEAR}\b", "year"),
]
# Days named relative to the item's own date: "today", "on Thursday", "今(20)日".
TODAY = re.compile(r"\btoday\b|今\s*[(（]\s*\d{1,2}\s*[)）]\s*日|今日|今天|本日", re.I)
YESTERDAY = re.compile(r"\byesterday\b|昨日|昨天", re.I)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = re.compile(r"\b(?:on\s+|last\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
PATTERNS += [
    (TODAY.pattern, "today"),
    (YESTERDAY.pattern, "yesterday"),
    (WEEKDAY.pattern, "weekday"),
]
COMPILED = [(re.compile(p, re.I), precision) for p, precision in PATTERNS]
IMMEDIATE = re.compile(r"\bimmediately\b|\bright away\b|立即|马上|馬上|即将|即將", re.I)
OFFSET = {"this": 0, "the current": 0, "next": 1, "the coming": 1, "last": -1, "今年": 0,
          "本年": 0, "當年": 0, "当年": 0, "年内": 0, "年內": 0, "明年": 1, "次年": 1, "去年": -1}  # fmt: skip


@dataclass(frozen=True)
class When:
    start: int
    end: int
    date: str | None
    precision: str
    relative: bool  # resolved (or not) from the publication date
    bare: bool = False  # no year word at all ("in April", "17日"): a plan may mean the next year


def find(text, start=0, end=None):
    """The date expressions in text[start:end], left to right, none overlapping."""
    end = len(text) if end is None else end
    found, position = [], start
    while position < end:
        best = None
        for regex, precision in COMPILED:
            match = regex.search(text, position, end)
            # The leftmost date, and of those the longest: "the end of the third quarter of
            # 2026" is one date, not a relative quarter followed by a year.
            if match and (
                best is None or (match.start(), -match.end()) < (best[0].start(), -best[0].end())
            ):
                best = (match, precision)
        if best is None:
            break
        match, precision = best
        found.append((match, precision))
        position = match.end()
    return found


def resolve(match, precision, published):
    """A When for one match of `find`."""
    groups = match.groupdict()
    if precision in ("today", "yesterday", "weekday"):
        return _named_day(match, groups, published, precision)
    if precision == "vague":
        return When(match.start(), match.end(), None, "year", False)
    if groups.get("relm") or groups.get("dd"):
        return _in_month(match, groups, published)
    year, relative = groups.get("year"), False
    if groups.get("yy"):
        year = f"20{groups['yy']}"
    if not year:
        relative = True
        base = published.year if published else None
        rel = groups.get("rel")
        year = None if base is None else base + OFFSET.get((rel or "this").lower(), 0)
    month = _month(groups, precision)
    bare = relative and not groups.get("rel")
    if year is None:
        return When(match.start(), match.end(), None, precision, relative)
    if precision == "day":
        date = f"{int(year):04d}-{month:02d}-{int(groups['day']):02d}"
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            return When(match.start(), match.end(), None, precision, relative)
    elif precision == "year":
        date = f"{int(year):04d}"
    else:
        date = f"{int(year):04d}-{month:02d}"
    return When(match.start(), match.end(), date, precision, relative, bare=bare)


def _in_month(match, groups, published):
    """ "next month" (a month from the article's), "17日" (a day of the article's month)."""
    if published is None:
        return When(
            match.start(), match.end(), None, "month" if groups.get("relm") else "day", True
        )
    if groups.get("dd"):
        try:
            day = published.replace(day=int(groups["dd"]))
        except ValueError:
            return When(match.start(), match.end(), None, "day", True)
        return When(match.start(), match.end(), day.isoformat(), "day", True)
    offset = OFFSET.get(groups["relm"].lower(), 0)
    index = published.year * 12 + published.month - 1 + offset
    date = f"{index // 12:04d}-{index % 12 + 1:02d}"
    return When(match.start(), match.end(), date, "month", True)


def _named_day(match, groups, published, precision="today"):
    """Today is the item's date; a weekday is the latest such day on or before it."""
    if published is None:
        return When(match.start(), match.end(), None, "day", True)
    day = published - datetime.timedelta(days=1 if precision == "yesterday" else 0)
    if groups.get("weekday"):
        back = (published.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7
        day = published - datetime.timedelta(days=back)
    return When(match.start(), match.end(), day.isoformat(), "day", True)


def _month(groups, precision):
    if groups.get("month"):
        value = groups["month"].lower().rstrip(".")
        return MONTHS.get(value) or int(value)
    if precision == "quarter":
        quarter = groups.get("q") or groups.get("q2") or ORDINAL[groups["ord"].lower()]
        return (int(quarter) - 1) * 3 + 1
    if precision == "half_year":
        second = (
            groups.get("h") == "2"
            or (groups.get("hw") or "").lower() == "second"
            or groups.get("hz") == "下"
        )
        return 7 if second else 1
    return 1


def first_day(when):
    """The first day a When covers, for comparing with the publication date."""
    if when.date is None:
        return None
    parts = [int(p) for p in when.date.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])
