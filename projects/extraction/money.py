"""Investment and annual revenue: which money figure of the text is the project's own.

Each money figure is judged by the words just before it in its clause (and just after):
an investment cue makes it a candidate, a distractor cue (grants, payroll, tax, profit,
the economy, batch or district totals) rules it out, a phase or a first-year figure gives
way to the whole project's. The strongest cue wins; the first figure breaks a tie.
"""

import dataclasses
import re
from dataclasses import dataclass

from projects import amounts
from projects.extraction import figures

INVEST_VERB = re.compile(
    r"(?:\binvest(?:s|ed|ing)?|\bspend(?:s|ing)?|投资|投資|投入|耗资|耗資)"
    r"(?:\s+(?:a|an|another|additional|further|nearly|around|about|some|total of|the|in)){0,3}\s*"
    r"(?:总额|總額|额|額|总计|總計|共计|共計|规模|規模)?\s*(?:为|為|达|達|约|約|超|近|逾|高达|高達|超过|超過){0,2}\s*$",
    re.I,
)
INVEST_NOUN = re.compile(
    r"(?:\binvestment|\bcost|\bcapex|\bcapital expenditure|\bproject (?:is )?worth|总投资|總投資|计划投资|計劃投資)"
    r"[^,，;；]{0,30}$",
    re.I,
)
INVEST_AFTER = re.compile(
    r"^[\s,]*(?:[\w.,-]+\s+){0,4}?(?:investment|project|expansion|plant|facility|factory|farm|park|complex|mill"
    r"|cent(?:er|re)|campus|hub|fab|terminal|refinery|mine|base)\b",
    re.I,
)
IN_INVESTMENT = re.compile(r"^\s*(?:in|of)\s+(?:new\s+|capital\s+|total\s+)?investments?\b", re.I)
NOT_INVESTMENT = re.compile(
    r"grant|subsid|incentive|tax|payroll|salar|wage|econom|impact|revenue|sales|turnover|profit"
    r"|loan|rebate|credit|dividend|buyback|market (?:value|cap)|valuation|worldwide|globally"
    r"|company-wide|group-wide|补贴|補貼|补助|補助|奖励|獎勵|税|稅|利润|利潤|产值|產值|收入|营收|營收"
    r"|年度投资|年度投資|贷款|貸款|融资|融資|注册资本|註冊資本",
    re.I,
)
OUTPUT_VALUE = re.compile(r"产值|產值|output value|gross output|industrial output", re.I)
OPERATING = re.compile(
    r"营业收入|營業收入|主营业务收入|主營業務收入|operating income|operating revenue", re.I
)
REVENUE = re.compile(
    r"销售收入|銷售收入|销售额|銷售額|营收|營收|收入|\brevenues?\b|\bsales\b|\bturnover\b", re.I
)
NOT_REVENUE = re.compile(
    r"combined|consolidated|group-wide|合并|合併|利税|利稅|利润|利潤|税|稅|\bprofit|\btax|ebitda|payroll|带动|帶動|拉动|拉動|上下游|induced"
    r"|econom|gdp|impact|千亿|千億|cluster|集群",
    re.I,
)
# "Last year the company reported revenue of ...": the company's past accounts, not the project's.
REPORTED = re.compile(
    r"\breported\b|\bposted\b|\brecorded\b|\bhad\b|last year|fiscal|\bFY\s?\d|in 20\d\d|"
    r"去年|上年|前三季度|全年实现|全年實現|同比",
    re.I,
)
FIRST_YEAR = re.compile(r"今年|首年|第一年|初期|this year|first year|initially|in its first", re.I)
FULL_OUTPUT = re.compile(
    r"达产|達產|满产|滿產|届时|屆時|建成后|建成後|完成后|完成後|full (?:production|capacity|operation)|once (?:complete|fully)",
    re.I,
)


@dataclass(frozen=True)
class Candidate:
    figure: figures.Figure
    score: int
    unsure: str = ""  # the reason, when there is one
    kind: str = ""


def _value(figure, kind=""):
    reading = figure.reading
    value = {
        "amount": int(reading.value),
        "currency": reading.currency,
        "qualifier": figure.qualifier,
    }
    if reading.high is not None:
        value["amount_max"] = int(reading.high)
    if figure.equivalents:
        value["equivalents"] = [
            {"amount": int(e.value), "currency": e.currency} for e in figure.equivalents
        ]
    if kind:
        value["kind"] = kind
    return value


# "Separately, the company will invest $25 million in its Dayton facility": another project.
OTHER_PROJECT = re.compile(
    r"^\W*(?:separately|also|in addition|additionally|meanwhile|elsewhere)\b|\banother (?:plant|facility|factory|site|project)"
    r"|\bother (?:plants|facilities|sites|projects)|\bits (?:existing|other)\b|另外|此外|同时|同時|另一"
    # "The project is part of Acme's plan to invest $40 billion": the wider plan's figure.
    r"|(?<!as )\bpart of (?:a|an|the|its|\w+['’]s)\s+(?:(?:[\w-]+\s+){0,3}?(?:plan|programme|program|pledge|commitment|strategy|push|initiative)\b|$)",
    re.I,
)


def investment_candidates(doc, found):
    out = []
    for figure in found:
        before = doc.before(figure.start)
        after = doc.after(figure.end)
        if doc.in_batch(figure.start) or NOT_INVESTMENT.search(before[-25:]):
            continue
        if OTHER_PROJECT.search(doc.head(figure.start, 400)) or OTHER_PROJECT.search(after):
            continue
        if INVEST_VERB.search(before):
            score = 3
        elif INVEST_NOUN.search(before) or INVEST_AFTER.match(doc.tail(figure.end, 50)):
            score = 2
        elif IN_INVESTMENT.match(after):
            score = 1  # "$800 million in investment": usually a total of several announcements
        else:
            continue
        if NOT_INVESTMENT.search(after[:25]) and not INVEST_AFTER.match(after):
            continue
        figure, reasons = _currency_doubt(doc, figure)
        figure = _detached_qualifier(figure, before)
        if figure.implied_currency:
            reasons.append("the text names no currency; yuan is assumed for a Chinese text")
        phase = doc.phase(figure.start)
        if phase:
            score -= 2
            reasons.append(f"this figure is for {phase} only")
        out.append(Candidate(figure, score, "; ".join(reasons)))
    return out


def revenue_candidates(doc, found):
    out = []
    for figure in found:
        before, after = (
            doc.before(figure.start, 14 if doc.chinese else 30),
            doc.after(figure.end, 8),
        )
        cue = before + " " + after
        if (
            doc.in_batch(figure.start)
            or NOT_REVENUE.search(before[-10:])
            or NOT_REVENUE.search(before[:4])
        ):
            continue
        kind = (
            "output_value" if OUTPUT_VALUE.search(cue)
            else "operating_income" if OPERATING.search(cue)
            else "revenue" if REVENUE.search(cue)
            else ""
        )  # fmt: skip
        if not kind or (
            NOT_REVENUE.search(before)
            and not re.search(r"(?:产值|產值|收入|revenue|sales)\s*\S{0,4}$", before, re.I)
        ):
            continue
        if REPORTED.search(doc.head(figure.start, 60)) or REPORTED.search(after):
            continue
        figure, reasons = _currency_doubt(doc, figure)
        score = 2
        if FULL_OUTPUT.search(doc.head(figure.start, 40)):
            score += 1
        if FIRST_YEAR.search(doc.before(figure.start, 20)):
            score -= 2
            reasons.append("this is the first year's figure, not the full output")
        phase = doc.phase(figure.start)
        if phase:
            score -= 2
            reasons.append(f"this figure is for {phase} only")
        out.append(Candidate(figure, score, "; ".join(reasons), kind))
    return out


DETACHED = re.compile(
    r"(?P<word>大约|大約|约|約|超过|超過|逾|近|将近|將近|高达|高達)(?:为|為|达|達|到)\s*$"
)


ESTIMATED = re.compile(
    r"\b(?:an\s+)?estimated(?:\s+at)?\s*$|\bestimated\s+to\s+(?:cost|be|total)\s*$"
    r"|\bestimated\s+(?:[\w-]+\s+){0,2}?(?:investment|cost|capex|outlay)\s+(?:of\s+)?$",
    re.I,
)


def _detached_qualifier(figure, before):
    """ "投资额约为120亿元", "an estimated $2 billion": the qualifier is not at the figure."""
    if figure.qualifier != "exact":
        return figure
    if ESTIMATED.search(before):
        return dataclasses.replace(figure, qualifier="about")
    match = DETACHED.search(before)
    return (
        dataclasses.replace(figure, qualifier=amounts.QUALIFIER_BEFORE[match["word"]])
        if match
        else figure
    )


# A bare "$" where the text also writes "US$" for a conversion is the local dollar; the
# country is told by its name or by a province or large city of it.
LOCAL_DOLLARS = [
    ("CAD", re.compile(r"Canad|Quebec|Québec|Ontario|Ottawa|Alberta|British Columbia|Manitoba|"
                       r"Saskatchewan|Nova Scotia|New Brunswick|Montreal|Montréal|Toronto|Vancouver|\bOnt\.")),
    ("AUD", re.compile(r"Australia|New South Wales|Queensland|Victoria, Australia|Sydney|Melbourne|"
                       r"Brisbane|Perth|Adelaide")),
    ("NZD", re.compile(r"New Zealand|Auckland|Wellington")),
    ("SGD", re.compile(r"Singapore")),
]  # fmt: skip
EXPLICIT_US = re.compile(r"US\$|USD|U\.S\. dollars|US dollars")
JAPAN = re.compile(r"\bJapan|\byen\b|日本|円")
OTHER_DOLLARS = re.compile(
    r"Canad|Australia|New Zealand|Singapore|Hong Kong|Taiwan|Mexic|加拿大|澳大利亚|新加坡|香港"
)


def _currency_doubt(doc, figure):
    """¥ in a text about Japan is yen; a bare "$" in a text about another dollar country is
    US dollars only by default, and says so."""
    written = doc.folded[figure.start : figure.end]
    reading = figure.reading
    if (
        "¥" in written
        and reading.currency == "CNY"
        and not doc.chinese
        and JAPAN.search(doc.folded)
    ):
        reading = dataclasses.replace(reading, currency="JPY")
        return dataclasses.replace(figure, reading=reading), []
    # Only where the figure's sentence or the lead names the country: a "Mexican market"
    # further on does not make "$1.7 billion" pesos.
    sentence = doc.sentence_at(figure.start)
    where = sentence.text + " " + doc.sentences[0].text
    bare_dollar = re.search(r"(?<![A-Za-z])\$", written) and not re.search(
        r"US\$|USD|U\.S\.", written
    )
    if bare_dollar and EXPLICIT_US.search(doc.folded):
        local = [code for code, regex in LOCAL_DOLLARS if regex.search(doc.folded)]
        if len(local) == 1:
            reading = dataclasses.replace(reading, currency=local[0])
            return dataclasses.replace(figure, reading=reading), [
                f"“$” is read as {local[0]}: the text writes US$ for US dollars"
            ]
    if bare_dollar and OTHER_DOLLARS.search(where):
        return figure, ["“$” is read as US dollars; the text may mean another dollar"]
    return figure, []


def best(candidates):
    """The strongest candidate (the first among equals), or None."""
    if not candidates:
        return None
    top = max(c.score for c in candidates)
    chosen = next(c for c in candidates if c.score == top)
    rivals = [
        c
        for c in candidates
        if c.score == top and c.figure.reading.value != chosen.figure.reading.value
    ]
    if rivals:
        # Two figures said in the same way: the first is proposed, and the editor is told.
        reason = "the text also gives " + ", ".join(
            f"{c.figure.reading.value:,}" for c in rivals[:2]
        )
        chosen = dataclasses.replace(
            chosen, unsure="; ".join(filter(None, [chosen.unsure, reason]))
        )
    return chosen


def value(candidate):
    return _value(candidate.figure, candidate.kind)
