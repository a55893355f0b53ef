"""Capacity rows: a quantity with a production unit, said of what the project makes.

The period is "year" only where the words say so (annual, per year, 年产); "28万吨装置" or a
"50GWh line" has no period, however usual a yearly reading is. Areas, voltages, sales and
another company's plant in a list of a district's projects are not capacity.
"""

import re

CUE = re.compile(
    r"日产|日產|月产|月產|rising to|rise to|expand(?:ed|ing)? to|increas(?:e|ed|ing) to|提升至|提升到|扩大到|擴大到|capacity|produc|output|manufactur|make|annual|per year|a year|年产|年產|产能|產能|产量|產量"
    r"|生产|生產|装置|裝置|产线|產線|生产线|生產線|基地|建设|建設|项目|項目",
    re.I,
)
PERIOD_BEFORE = [
    (
        "year",
        re.compile(
            r"annual|annually|yearly|年产|年產|年生产|年生產|每年|年设计|年設計|年处理|年處理", re.I
        ),
    ),
    ("month", re.compile(r"monthly|月产|月產|每月", re.I)),
    ("day", re.compile(r"daily|日产|日產|每天|每日", re.I)),
]
PERIOD_AFTER = [
    (
        "year",
        re.compile(
            r"^\s*(?:[\w-]+\s+){0,4}?(?:(?:a|per|each|every)\s+year|annually|per annum|p\.a\.)|^\s*/\s*(?:year|yr|年)",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            r"^\s*(?:[\w-]+\s+){0,4}?(?:(?:a|per|each|every)\s+month|monthly)|^\s*/\s*(?:month|月)",
            re.I,
        ),
    ),
    (
        "day",
        re.compile(
            r"^\s*(?:[\w-]+\s+){0,4}?(?:(?:a|per|each|every)\s+day|daily)|^\s*/\s*(?:day|日)", re.I
        ),
    ),
]
# Units that are a capacity by themselves ("a 1.2 GW solar farm", "a 5 MTPA steel plant");
# the per-annum ones say their period and scale.
RATED = {"gw", "mw", "gwh", "mwh", "mwp", "gwp", "mtpa", "mmtpa", "ktpa", "tpa", "tpd"}
PER_ANNUM = {
    "mtpa": (10**6, "year"),
    "mmtpa": (10**6, "year"),
    "ktpa": (10**3, "year"),
    "tpa": (1, "year"),
    "tpd": (1, "day"),
}
COMPANY_WIDE = re.compile(
    r"across (?:its|the group|all)|company-wide|group-wide|in total|its (?:existing )?plants|total (?:installed )?capacity of the (?:company|group)|现有产能|現有產能|全公司|集团总产能|集團總產能",
    re.I,
)
DONE = re.compile(
    r"\balready\b|\bexisting\b|\bbegan\b|\bstarted\b|\bwas (?:completed|commissioned|built)|\bhas been\b|已建成|已投产|已投產|已经投产|建成投产的|現有|现有",
    re.I,
)
STRONG_CUE = re.compile(r"capacity|produc|output|manufactur|\bmake|assembl|roll out", re.I)
NOT_CAPACITY = re.compile(
    r"sold|sales|销量|銷量|销售|銷售|出货量|出貨量|shipments?|shipped|deliver|库存|庫存|stock|existing|current",
    re.I,
)
# "10万吨级": a class of plant, not a second capacity.
CLASS = re.compile(r"^\s*(?:级|級|-class|class)")
SCOPE = re.compile(
    r"(?:(?:a|an|the)\s+)?(?P<scope>[\w-]+(?:\s[\w-]+)?\s+(?:line|plant|mill|unit|furnace|shop))\s+with\s+(?:an?\s+)?(?:annual\s+)?(?:[\w-]+\s+)?capacity",
    re.I,
)


# Said of a plant that already runs, or of another site the sentence compares with: "the
# existing complex can turn out", "currently has", "its first plant ... began production",
# "after the X site, which is being expanded to", 现有/母公司 (the parent's plants).
EXISTING_EN = re.compile(
    r"\b(?:existing|currently)\b(?!.*\b(?:will|new)\b)|\bcurrent (?:installed )?capacity|\b(?:after|like|besides|alongside|following)"
    r"\s+(?:the|its|an?)\s+(?:[\w-]+\s+){0,4}?(?:site|plant|factory|facility|mill|fab|works|gigafactory)\b.*\bwhich\b",
    re.I,
)
EXISTING_ZH = re.compile(r"现有|現有|母公司|已建成|已投产|已投產")
ALREADY_RUNNING = re.compile(
    r"\b(?:began|started|has been|have been)\s+(?:[\w-]+\s+){0,2}?(?:production|operations?|operating|producing)",
    re.I,
)


# "a combined capacity of 40 GWh" is the group's total, unless it is what the project will have.
COMBINED = re.compile(r"combined|合计|合計", re.I)
PLANNED = re.compile(r"\bwill\b|\bwould\b|\bto be\b|将|將|建成|达产|達產|投产后|投產後", re.I)


def _existing(doc, figure):
    sentence = doc.sentence_at(figure.start)
    if COMBINED.search(doc.before(figure.start, 40)) and not PLANNED.search(sentence.text):
        return True
    if doc.chinese:
        return bool(EXISTING_ZH.search(doc.before(figure.start, 30)))
    head = doc.folded[sentence.start : figure.start]
    running = ALREADY_RUNNING.search(sentence.text) and not re.search(
        r"\bwill\b|\bto be\b", sentence.text, re.I
    )
    return bool(EXISTING_EN.search(head) or running)


def _period(before, after):
    for period, regex in PERIOD_AFTER:
        if regex.match(after):
            return period
    for period, regex in PERIOD_BEFORE:
        if regex.search(before):
            return period
    return None


def rows(doc, measured, counted=()):
    """(value, figure, reason) per stated capacity, one per quantity and unit. `counted`
    figures ("200,000 battery packs") count only with a production word or a period."""
    out, seen = [], {}
    taken = [(f.start, f.end) for f in measured]
    counted = [f for f in counted if not any(s < f.end and f.start < e for s, e in taken)]
    for figure in [*measured, *counted]:
        before, after = doc.before(figure.start, 50), doc.after(figure.end, 30)
        if CLASS.match(after) or doc.in_batch(figure.start) or _existing(doc, figure):
            continue
        unit = figure.unit.lower()
        rated = unit in RATED
        if not (rated or CUE.search(before) or CUE.search(after)) or NOT_CAPACITY.search(
            before[-20:]
        ):
            continue
        if (
            COMPANY_WIDE.search(before)
            or COMPANY_WIDE.search(after)
            or (unit.split()[0] in RATED and figure in counted)
        ):
            continue
        period = _period(before, after)
        if figure in counted and not (period or STRONG_CUE.search(before)):
            continue
        quantity, unit_name = figure.reading.value, figure.unit
        if unit in PER_ANNUM:
            factor, period = PER_ANNUM[unit]
            quantity, unit_name = quantity * factor, "tonnes"
        value = {
            "quantity": int(quantity) if quantity == int(quantity) else float(quantity),
            "unit": unit_name,
            "period": period,
            "qualifier": figure.qualifier,
        }
        product = _product(doc, figure)
        if product:
            value["product"] = product
        scope = SCOPE.search(before)
        if scope:
            value["scope"] = scope["scope"]
        phase = doc.phase(figure.start)
        if phase and DONE.search(doc.sentence_at(figure.start).text):
            continue  # "the first phase, which began production in 2022, has 10 GWh": built already
        if phase:
            value["phase"] = phase
        key = (value["quantity"], figure.unit.lower())
        if key in seen:
            # The same plant named twice ("年产10万吨…基地" in the lead and the body): keep one,
            # the one that states a period.
            index = seen[key]
            if value["period"] and not out[index][0]["period"]:
                out[index] = (value, figure, "")
            continue
        seen[key] = len(out)
        out.append((value, figure, ""))
    return out


def _product(doc, figure):
    """The words naming the product right after a Chinese unit ("噸精製磷酸" → 精製磷酸)."""
    match = re.match(
        r"[\u4e00-\u9fff]{2,10}?(?=装置|裝置|生产|生產|产线|產線|基地|项目|項目|等|和|、|，|,|。|$)",
        doc.folded[figure.end :],
    )
    return match.group() if match else ""
