"""Capacity rows: a quantity with a production unit, said of what the project makes.

The period is "year" only where the words say so (annual, per year, 年产); "28万吨装置" or a
"50GWh line" has no period, however usual a yearly reading is. Areas, voltages, sales and
another company's plant in a list of a district's projects are not capacity.
"""

import re

CUE = re.compile(
    r"capacity|produc|output|manufactur|make|annual|per year|a year|年产|年產|产能|產能|产量|產量"
    r"|生产|生產|装置|裝置|产线|產線|生产线|生產線|基地|建设|建設|项目|項目",
    re.I,
)
ANNUAL_BEFORE = re.compile(r"annual|annually|yearly|年产|年產|年生产|年生產|每年|年设计|年設計|年处理|年處理", re.I)
ANNUAL_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,4}?(?:a|per|each|every)\s+year|^\s*(?:[\w-]+\s+){0,4}?(?:annually|per annum|/year|p\.a\.)|^/年", re.I)
NOT_CAPACITY = re.compile(r"sold|sales|销量|銷量|销售|銷售|shipped|deliver|库存|庫存|stock|existing|current", re.I)
# "10万吨级": a class of plant, not a second capacity.
CLASS = re.compile(r"^\s*(?:级|級|-class|class)")
SCOPE = re.compile(
    r"(?:(?:a|an|the)\s+)?(?P<scope>[\w-]+(?:\s[\w-]+)?\s+(?:line|plant|mill|unit|furnace|shop))\s+with\s+(?:an?\s+)?(?:annual\s+)?(?:[\w-]+\s+)?capacity",
    re.I,
)


def rows(doc, found):
    """(value, figure, reason) per stated capacity, one per quantity and unit."""
    out, seen = [], {}
    for figure in found:
        before, after = doc.before(figure.start, 50), doc.after(figure.end, 30)
        if CLASS.match(after) or doc.in_batch(figure.start):
            continue
        if not (CUE.search(before) or CUE.search(after)) or NOT_CAPACITY.search(before[-20:]):
            continue
        annual = ANNUAL_BEFORE.search(before) or ANNUAL_AFTER.match(after)
        value = {
            "quantity": int(figure.reading.value) if figure.reading.value == int(figure.reading.value) else float(figure.reading.value),
            "unit": figure.unit,
            "period": "year" if annual else None,
            "qualifier": figure.qualifier,
        }
        product = _product(doc, figure)
        if product:
            value["product"] = product
        scope = SCOPE.search(before)
        if scope:
            value["scope"] = scope["scope"]
        phase = doc.phase(figure.start)
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
    match = re.match(r"[\u4e00-\u9fff]{2,10}?(?=装置|裝置|生产|生產|产线|產線|基地|项目|項目|等|和|、|，|,|。|$)", doc.folded[figure.end :])
    return match.group() if match else ""
