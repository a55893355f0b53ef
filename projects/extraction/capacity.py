"""Capacity rows: a quantity with a production unit, said of what the project makes.

The period is "year" only where the words say so (annual, per year, 年产); "28万吨装置" or a
"50GWh line" has no period, however usual a yearly reading is. Areas, voltages, sales and
another company's plant in a list of a district's projects are not capacity.
"""

import re

from projects import amounts

CUE = re.compile(
    r"日产|日產|月产|月產|rising to|rise to|expand(?:ed|ing)? to|increas(?:e|ed|ing) to|提升至|提升到|扩大到|擴大到|capacity|produc|output|manufactur|make|annual|per year|a year|年产|年產|产能|產能|产量|產量"
    r"|生产|生產|装置|裝置|产线|產線|生产线|生產線|基地|建设|建設|项目|項目|能力|算力|机架|機架",
    re.I,
)
PERIOD_BEFORE = [
    (
        "year",
        re.compile(
            r"annual|annually|yearly|年产|年產|年生产|年生產|每年|年设计|年設計|年处理|年處理|年通过|年通過|年吞吐",
            re.I,
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
    r"across (?:its|the group|all)|company-wide|group-wide|in total|its (?:existing )?plants|total (?:installed )?capacity of the (?:company|group)|现有产能|現有產能|全公司|集团总产能|集團總產能|全市|全省|全区|全區|全县|全縣|全国|全國",
    re.I,
)
DONE = re.compile(
    r"已形成|\balready\b|\bexisting\b|\bbegan\b|\bstarted\b|\bwas (?:completed|commissioned|built)|\bhas been\b|已建成|已投产|已投產|已经投产|建成投产的|現有|现有",
    re.I,
)
STRONG_CUE = re.compile(r"capacity|produc|output|manufactur|\bmake|assembl|roll out", re.I)
NOT_CAPACITY = re.compile(
    r"sold|sales|turnover|revenue|营收|營收|营业收入|營業收入|销量|銷量|销售|銷售|出货量|出貨量|shipments?|shipped|deliver|库存|庫存|stock|existing|current",
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
    r"\b(?:existing|currently|already)\b(?!.*\b(?:will|new)\b)|(?<!\bbe )(?<!\bbeen )\bproduced\b(?!.*\bwill\b)"
    r"|^\s*(?:that|the other|its other)\s+(?:[\w-]+\s+){0,2}?(?:site|plant|factory|facility|mill|smelter|refinery|mine|works)\b|\bcurrent (?:installed )?capacity|\b(?:after|like|besides|alongside|following)"
    r"\s+(?:the|its|an?)\s+(?:[\w-]+\s+){0,4}?(?:site|plant|factory|facility|mill|fab|works|gigafactory)\b.*\bwhich\b",
    re.I,
)
EXISTING_ZH = re.compile(r"现有|現有|母公司|已建成|已投产|已投產|已形成")
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


# "年产6亿平方米隔膜" is a capacity, "占地3万平方米" an area: an area unit counts only with a period.
AREA = {"平方米", "平米"}
UNIT_NAMES = {"megawatts": "MW", "gigawatts": "GW"}
# "of contained nickel" after a weight unit names the product ("tonnes of contained nickel").
PRODUCT_OF = re.compile(
    r"^\s*(?:(?:per annum|per year|a year|annually)\s+)?of\s+((?:[\w-]+\s?){1,6}?)"
    r"(?=\s*(?:$|[,.;()]|\b(?:and|per|a year|annually|each|every|from|at|in|for|to|which|that)\b))",
    re.I,
)
WEIGHT = {"tonnes", "tonne", "tons", "ton", "metric tons", "t"}
# A sum or a total of the rows ("总产能逾30万吨", "a total capacity of"): not a row of its own.
TOTAL = re.compile(r"总产能|總產能|总规模|總規模|\btotal (?:annual |installed )?capacity", re.I)
# A country's, a city's or a sector's goal ("The country aims to reach 5 GW of ... by 2030").
NOT_THE_PROJECT = re.compile(
    r"^\s*(?:the\s+)?(?:kingdom|country|nation|government|state|province|city|region|sector|industry)\b"
    r".*\b(?:aims?|plans?|targets?|seeks?|wants?|hopes?)\s+to\b",
    re.I,
)
# Items of one list ("6 million X and 800,000 Y a year", "年产A3000万支、B2000万支") share a cue
# and a period stated once for the list.
LIST_GAP = re.compile(
    r"^[^\d.;。；!?]{0,40}?(?:\band\b|,|、|及|和|以及|与|與)[^\d.;。；!?]{0,20}$", re.I
)


def rows(doc, measured, counted=()):
    """(value, figure, reason) per stated capacity, one per quantity and unit. `counted`
    figures ("200,000 battery packs") count only with a production word or a period."""
    out, seen, totals = [], {}, []
    taken = [(f.start, f.end) for f in measured]
    counted = [f for f in counted if not any(s < f.end and f.start < e for s, e in taken)]
    previous = None  # the last row taken: (index in out, figure)
    for figure in sorted([*measured, *counted], key=lambda f: f.start):
        before, after = doc.before(figure.start, 50), doc.after(figure.end, 30)
        listed = previous is not None and _listed(doc, previous[1], figure)
        head = doc.folded[doc.sentence_at(figure.start).start : figure.start]
        if CLASS.match(after) or doc.in_batch(figure.start) or _existing(doc, figure):
            continue
        if NOT_THE_PROJECT.search(head):
            continue
        unit = figure.unit.lower()
        if unit.split()[0] in amounts.CURRENCY_WORDS:
            continue  # "700 million euros" of turnover is money, never a capacity
        rated = unit in RATED
        if not (rated or listed or CUE.search(before) or CUE.search(after)) or NOT_CAPACITY.search(
            before[-20:]
        ):
            continue
        if (
            COMPANY_WIDE.search(before)
            or COMPANY_WIDE.search(after)
            or (unit.split()[0] in RATED and figure in counted)
        ):
            continue
        period = _period(before, after) or (listed and out[previous[0]][0]["period"]) or None
        if figure in counted and not (period or listed or STRONG_CUE.search(before)):
            continue
        if (unit in AREA and not period) or (figure.unit == "P" and not re.search(r"算力", before)):
            continue
        quantity, unit_name = figure.reading.value, UNIT_NAMES.get(unit, figure.unit)
        if unit in PER_ANNUM:
            factor, period = PER_ANNUM[unit]
            quantity, unit_name = quantity * factor, "tonnes"
        of = PRODUCT_OF.match(doc.folded[figure.end : figure.end + 80])
        if of and unit in WEIGHT:
            unit_name = f"{unit_name} of {of.group(1).strip()}"
        value = {
            "quantity": int(quantity) if quantity == int(quantity) else float(quantity),
            "unit": unit_name,
            "period": period,
            "qualifier": figure.qualifier,
        }
        product = _product(doc, figure)
        if product:
            value["product"] = product
            if doc.chinese and not figure.unit.isascii():
                value["unit"] = figure.unit + product  # "支冻干粉针剂": the unit and what it counts
        scope = SCOPE.search(before)
        if scope:
            value["scope"] = scope["scope"]
        phase = doc.phase(figure.start)
        if phase and DONE.search(doc.sentence_at(figure.start).text):
            continue  # "the first phase, which began production in 2022, has 10 GWh": built already
        if phase:
            value["phase"] = phase
        if listed and period and not out[previous[0]][0]["period"]:
            out[previous[0]][0]["period"] = period  # "60,000 t of X and 6,500 t of Y per year"
        key = (value["quantity"], figure.unit.lower())
        if key in seen:
            # The same plant named twice ("年产10万吨…基地" in the lead and the body): keep one,
            # the one that states a period.
            index = seen[key]
            if value["period"] and not out[index][0]["period"]:
                out[index] = (value, figure, "")
            continue
        seen[key] = len(out)
        previous = (len(out), figure)
        if TOTAL.search(doc.before(figure.start, 15)):
            totals.append(len(out))
        out.append((value, figure, ""))
    if len(totals) < len(out):
        return [row for i, row in enumerate(out) if i not in totals]
    return [
        (value, figure, "a total capacity; check it is this project's own")
        for value, figure, _ in out
    ]


def _listed(doc, earlier, figure):
    """True where `figure` follows `earlier` as the next item of one list in one sentence."""
    if doc.sentence_at(earlier.start).start != doc.sentence_at(figure.start).start:
        return False
    return bool(LIST_GAP.match(doc.folded[earlier.end : figure.start]))


def _product(doc, figure):
    """The words naming the product right after a Chinese unit ("噸精製磷酸" → 精製磷酸), or
    right before the number after 年产 or a list's 、 ("年产胶囊5000万粒" → 胶囊)."""
    match = re.match(
        r"(?![的之])[\u4e00-\u9fff]{2,10}?(?=装置|裝置|生产|生產|产线|產線|产能|產能|基地|项目|項目|等|和|及|、|，|,|。|;|；|$)",
        doc.folded[figure.end :],
    )
    if match:
        return match.group()
    match = re.search(
        r"(?:(?:年产|年產|日产|日產|月产|月產)(?![量能值])|、)([\u4e00-\u9fff]{2,10})$",
        doc.folded[max(0, figure.start - 12) : figure.start],
    )
    # "年产量可达到30万台": words of saying, not a product.
    if not match or re.search(
        r"^[可达達到为為约約将將]|可达|可達|达到|達到|规模|規模", match.group(1)
    ):
        return ""
    return re.sub(r"(?:能力|产能|產能)$", "", match.group(1))  # "芯片封装能力12亿颗": the chips
