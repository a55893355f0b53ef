"""Milestones: a cue word for the event, the date of its clause, planned or happened.

The date is the one in the cue's own clause; a past event reported in a sentence that
opens with a day ("1月31日,…开工活动在…举行") takes that day. No date and no "immediately"
means no milestone: "全面达产后" alone dates nothing. A batch's or "these projects'"
timetable is not the project's.
"""

import re

from projects.extraction import dates
from projects.extraction.document import PROJECT_COUNT

KINDS = [
    ("construction_start", r"(?:break(?:s|ing)?|broke) ground|ground-?breaking|(?:begin|began|begun|start|commence)(?:s|ed|ing)?\s+(?:the\s+)?(?:construction|building|work)"
     r"|(?:construction|works?|building)\s+(?:[\w’']+\s+){0,6}?(?:begin|start|commence|get\s+under\s?way|kick\s+off|began|started|commenced)"
     r"|start of construction|construction start|开工|開工|动工|動工|开建|開建|破土"),
    ("completion", r"\bcomplet(?:e|ed|es|ion|ing)\b|\bfinish(?:ed|es)?\b|建成|竣工|完工|建设完成|建設完成|落成(?!典礼|典禮|仪式|儀式)"),
    ("operation", r"(?:mass\s+|commercial\s+|series\s+)?(?:production|operations?|manufacturing)\s+(?:[\w’']+\s+){0,10}?(?:begin|start|commence|began|started|commenced)"
     r"|commencement of (?:commercial )?(?:operations?|production)|(?:begin|began|begun|start|commence)(?:s|ed|ing)?\s+(?:(?!full\b)[\w-]+\s+)?(?:operations?|production|manufacturing)"
     # "the first chips are expected to roll out", "output is expected to ramp": the products' start
     r"|\b(?:commercial\s+)?operations?\s+(?:is|are)\s+(?:slated|scheduled|planned|set|due|expected)\s+(?:for|in|by)\b"
     r"|\b(?:first|initial|commercial)\s+(?:production|output)\b(?!\s+lines?\b)"
     r"|\b(?:first|initial)\b[^.,;]{0,60}?\broll(?:s|ed|ing)?\s+out\b|\b(?:output|production|volumes?)\b[^.,;]{0,40}?\bramp(?:s|ed|ing)?\b"
     r"|\bfirst\s+(?:[\w-]+\s+){0,2}?shipments?\b|\b(?:have|get)\s+(?:[\w-]+\s+){0,4}?live\b"
     r"|\bup and running\b|\bbe running\b|\bin operation\b|\boperational\b|go(?:es)?\s+(?:into\s+operation|online|live)|\bput\s+into\s+(?:operation|production|service|use)\b|come(?:s)?\s+online|\bopen(?:s|ed|ing)?\b(?!\s+(?:ceremony|market|source|space))"
     r"|commissioning|commissioned|投产|投產|投入运营|投入運營|投运|投運|运营|運營|试生产|試生產|量产|量產|投入使用|投入生产|投入生產|投用|启用|啟用|试运行|試運行"),
    ("full_capacity", r"(?:full|nameplate) (?:production )?capacity|full production|达产|達產|满产|滿產"),
    ("agreement_signed", r"\bsign(?:s|ed|ing)\b|memorandum of understanding|\bMoU\b|签约|簽約|签订|簽訂|签署|簽署"),
    ("foundation_stone", r"foundation stone|corner ?stone|奠基"),
    ("inauguration", r"inaugurat\w*|opening ceremony|ribbon[- ]cutting|揭牌|落成典礼|落成典禮|开业|開業"),
    ("topping_out", r"topp(?:ed|ing) out|封顶|封頂"),
]  # fmt: skip
CUES = [(kind, re.compile(pattern, re.I)) for kind, pattern in KINDS]
FUTURE = re.compile(
    r"\bwill\b|\bwould\b|expect|\bplan(?:s|ned|ning)?\b|schedul|slated|\btarget|anticipat|\baim|\bset to\b|\bto be\b|\bdue\b|intend|"
    r"预计|預計|计划|計劃|将|將|拟|擬|力争|力爭|有望|争取|爭取|目标|目標|预期|預期|即将|即將",
    re.I,
)
PAST = re.compile(
    r"举行|舉行|举办|舉辦|已经|已經|已|正式|\bheld\b|took place|\bwas\b|\bwere\b|has been|have been|began|started|"
    r"broke ground|\bcompleted\b|\bsigned\b|\bopened\b|inaugurated|ceremony|\blaid\b|\blaunched\b|\bcelebrated\b|\bheld\b",
    re.I,
)
OTHER_FACILITY = re.compile(
    r"\b(?:a|another|its first|an earlier|other)\s+(?:new\s+)?(?:plant|factory|facility|mill|site|base|plants|factories)\b",
    re.I,
)
# "Acme's first European plant, in Lyon, ...; it began production last year": the sentence
# is about an older plant of the company's, whatever its clause says.
OLDER_PLANT = re.compile(
    r"(?:['’]s|\bits)\s+(?:(?i:first|other|existing|older|flagship|sister)\s+(?:[\w-]+\s+){0,2}|(?:[A-Z][\w-]*\s+){1,3})"
    r"(?i:plant|factory|facility|mill|site|fab|mine|refinery|smelter|works)\b"
)
# "Outside Korea, the group is building ...", "Elsewhere, ...": the sentence turns to other plants.
OTHER_OPENING = re.compile(r"^\W*(?:outside|elsewhere|separately)\b", re.I)
# "2024年二季度重大项目集中开工活动": the quarter names a batch's event, it does not date it.
EVENT_NAME = re.compile(
    r"\s*(?:第)?(?:重大|重点|重點)(?:项目|項目)|\s*(?:项目|項目)?集中(?:开工|開工|签约|簽約|动工|動工)"
)
# A wire's dateline and byline open a sentence before its own first words:
# "本报某地9月13日电(记者 某某)12日,…", "【本報訊】(記者 某某)8日…".
DATELINE = re.compile(
    r"^\s*(?:(?:[^,，。]{0,16}?日[电電]|【[^】]{0,10}】)\s*(?:[(（][^)）]{0,20}[)）])?)?"
)
# "明年6月正式投产": a date in the coming year is a plan, whatever word says "formally".
COMING = re.compile(r"明年|次年|下月|下个月|下個月|\bnext (?:year|month)\b", re.I)
NOT_A_MILESTONE = re.compile(
    r"shut|clos(?:e|ed|ing|ure)|\bsell\b|\bsold\b|acqui|merger|\bdeal\b|transaction|financing|\bfounded\b|\bIPO\b|listing|offering|sales office"
    r"|关闭|關閉|停产|停產|收购|收購|并购|併購|成立于|成立於",
    re.I,
)


def find(doc):
    """(value, start, end, reason) per milestone, one per kind and date."""
    out, seen = [], set()
    for sentence in doc.sentences:
        if OTHER_OPENING.match(sentence.text):
            continue
        for kind, cue in CUES:
            for match in cue.finditer(doc.folded, sentence.start, sentence.end):
                found = _one(doc, sentence, kind, match)
                if found and (found[0]["kind"], found[0]["date"]) not in seen:
                    seen.add((found[0]["kind"], found[0]["date"]))
                    out.append(found)
    # "开工仪式…9月25日举行" and a batch's "今年…集中开工": the same start said twice; the
    # coarser date is the one that contains the finer.
    return [
        m
        for m in out
        if not any(
            o is not m
            and o[0]["kind"] == m[0]["kind"]
            and m[0]["date"]
            and (o[0]["date"] or "").startswith(m[0]["date"] + "-")
            for o in out
        )
    ]


def _one(doc, sentence, kind, match):
    clause, start, end = doc.clause(match.start())
    if (
        doc.in_batch(match.start())
        or NOT_A_MILESTONE.search(clause)
        or PROJECT_COUNT.search(clause)
    ):
        return None
    head = doc.folded[sentence.start : match.start()]
    past = bool(PAST.search(clause)) and not FUTURE.search(clause) and not COMING.search(clause)
    # "on Monday signed an agreement for a plant to be set up": the cue's own past tense wins
    # over a future elsewhere in the clause, unless an auxiliary makes it future or passive.
    if re.search(r"(?:ed|broke|began|begun|laid)$", match.group(), re.I) and not re.search(
        r"\b(?:will|would|to|be|been|expected|set)\s+(?:\w+\s+)?$", head[-25:], re.I
    ):
        past = True
    when = _date(doc, start, end, sentence, past, match)
    immediate = dates.IMMEDIATE.search(clause)
    if when is None and not immediate:
        return None
    planned = _planned(doc, clause, head, when, past)
    if planned and when and when.bare and when.date and doc.published:
        day = dates.first_day(when)
        if day < doc.published.replace(day=1) or (when.precision == "day" and day < doc.published):
            # "will open in March" written in September: next year's March.
            when = dates.When(when.start, when.end, f"{day.year + 1}{when.date[4:]}",
                              when.precision, True, bare=True)  # fmt: skip
    phase = doc.phase(match.start())
    if phase and not planned and kind in ("completion", "operation", "inauguration"):
        return None  # a phase already finished is an earlier one, not this project's
    day = dates.first_day(when) if when and when.date else None
    if not planned and day and doc.published and day.year < doc.published.year - 1:
        return None  # "its first plant opened in 1998": the company's history, not this project
    other = OTHER_FACILITY.search(clause) and kind != "agreement_signed"  # "signed ... for a plant"
    if not planned and (other or OLDER_PLANT.search(head)):
        return None  # "It opened a plant in Germany in 2022": some other plant
    reason = ""
    if when is None:
        value = {"kind": kind, "date": None, "precision": "day", "planned": planned}
        reason = "no calendar date is given (“immediately”)"
    else:
        value = {"kind": kind, "date": when.date, "precision": when.precision, "planned": planned}
        if when.date is None and doc.published:
            reason = "the time is too vague for a calendar date"
        elif when.date is None:
            reason = "the date has no year or is relative, and the article's own date is not known"
        elif (
            when.relative
            and not planned
            and doc.published
            and dates.first_day(when) > doc.published
        ):
            # "9月26日…举行" in an item stamped in August: not this year's 26 September.
            value["date"] = None
            reason = "the year is not stated and the article's date comes before this day"
        elif (
            when.relative
            and planned
            and when.precision == "day"
            and doc.published
            and dates.first_day(when) < doc.published
        ):
            # "将于5日开工" in an item of the 15th: a day of some later month.
            value["date"] = None
            reason = "the month is not stated and this day has passed in the article's month"
    if phase:
        value["phase"] = phase
    evidence_start = min(start, when.start) if when else start
    evidence_end = max(end, when.end) if when else end
    return value, evidence_start, evidence_end, reason


def _date(doc, start, end, sentence, past, cue):
    """The clause's own date nearest the cue; a past event, or a clause without a date,
    takes the day that opens its sentence ("1月31日,…开工活动在…举行")."""
    found = [
        (m, p)
        for m, p in dates.find(doc.folded, start, end)
        if not EVENT_NAME.match(doc.folded, m.end())
    ]
    first = sentence.start + DATELINE.match(sentence.text).end()
    opening = dates.find(doc.folded, first, min(sentence.end, first + 12))
    opening = [
        (m, p)
        for m, p in opening
        if p in ("day", "today", "yesterday", "weekday") and m.start() < start
    ]
    if opening and (past or not found):
        found = opening
    if not found and not doc.chinese:
        # "BYD inaugurated its factory in Camaçari, Bahia, on Thursday": an English date may
        # trail the clause; it is taken up to the next milestone word.
        rest_end = min(
            [sentence.end]
            + [
                m.start()
                for _, cue_re in CUES
                if (m := cue_re.search(doc.folded, end, sentence.end))
            ]
        )
        found = dates.find(doc.folded, end, rest_end)[:1]
    if not found:
        return None
    match, precision = min(found, key=lambda mp: _distance(doc, cue, mp[0]))
    return dates.resolve(match, precision, doc.published)


def _distance(doc, cue, match):
    """English puts the date after the verb ("begin construction in 2020"), Chinese before it
    ("预计2024年6月建成"): a date on the language's side of the cue comes first."""
    after = match.start() >= cue.end()
    gap = match.start() - cue.end() if after else cue.start() - match.end()
    preferred = after != doc.chinese
    return (not preferred, gap)


def _planned(doc, clause, head, when, past):
    if past:
        return False
    if FUTURE.search(clause) or FUTURE.search(head[-40:]):
        return True
    # Without a tense, a date before the item's own (or its very day) has happened.
    day = dates.first_day(when) if when else None
    return not (
        day
        and doc.published
        and (day < doc.published or (day == doc.published and when.precision == "day"))
    )
