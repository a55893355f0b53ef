"""The organisation and the place: read from the sentence that states the investment.

The organisation is the subject of the investing verb ("Fujifilm Diosynth Biotechnologies
will invest", "海辰储能在…投资"), or else the name the lead announces; the place is what
follows "in"/"at" there ("a factory in Dobromierz", "在沂南县举行"). A dateline
("FORT WAYNE, INDIANA, November 26, 2018 /") is the publisher's town, not the site.
"""

import re

from babel import Locale

CAP = r"[A-Z][\w&’'.-]*"
NAME = re.compile(
    rf"{CAP}(?:[ -](?:{CAP}|&|de|do|da|dos|das|del|of|and|y))*(?:,? (?:Inc|Ltd|Limited|LLC|Corp|Co|AG|SE|SA|plc|GmbH|N\.V|S\.A)\.?)?"
)
# "FORT WAYNE, INDIANA, November 26, 2018 / PRNewswire /", "Dresden, May 2, 2023 –",
# "SEATTLE (Scrap Monster):", "SEOUL, June 10 (Yonhap) --"
DATELINE = re.compile(r"^\s*[A-Z][^\n–—:/]{0,70}?(?:/[^/]{1,30}/|\s(?:--|[–—-])\s|:\s)")
APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s[^,]{2,80},")
BRACKETS = re.compile(r"\s*\([^)]*\)")
SKIP = {"The", "This", "It", "Its", "Today", "On", "In", "At", "Gov", "Gov.", "Governor", "President",
        "Mr", "Mrs", "Ms", "Dr", "Prime", "Minister", "Mayor", "CEO", "According", "Construction",
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday", "Board", "Directors"}  # fmt: skip
# A government, a ministry or a date is not the investor, nor "in Q3 2025" a place.
NOT_AN_INVESTOR = re.compile(
    r"(?:Government|Ministry|Department|State|City|County|Council|Authority|Commission|Agency|Cabinet|"
    r"Governor|Premier|Chief Minister|Office|Q[1-4]|H[12]|FY)\b"
)
SUBJECT_VERB = re.compile(
    r"(?:\s+(?:today|on\s+\w+day|\w+day|also|now|has|have|had|will|would|plans?\s+to|is|was|intends?\s+to))*"
    r"\s+(?:announce|invest|will|would|is|plans|intends|said|says|has|expects|to invest|unveil|build|add"
    r"|inaugurat|open|laid|lays|sign|broke|break|began|begins|start|unveil|launch|confirm)(?!ing\b)",
    re.I,
)
ZH_SUFFIX = re.compile(
    r"[\u4e00-\u9fff]{2,14}?(?:股份有限公司|有限责任公司|有限責任公司|有限公司|集团|集團|公司)"
)
# Words that open a clause without naming anyone: "全县…投资", "计划投资", "一期投资".
NOT_A_NAME = re.compile(
    r"全|各|共|总|總|累计|累計|计划|計劃|拟|擬|预计|預計|项目|項目|其中|目前|去年|今年|明年|此|这|這|一期|二期|三期|首期"
)
ZH_STOP = "的在以由与與和及向为為对對是将將于於从從到据據该該本"
ZH_PLACE = re.compile(
    r"(?:位于|位於|落户|落戶|在|于|於|落地)(?P<place>[\u4e00-\u9fff]{2,12}?)"
    r"(?:正式|隆重|顺利|順利)?(?:举行|舉行|投资|投資|建设|建設|开工|開工|签约|簽約|落户|落戶|的|打造|新建|兴建|興建|启动|啟動)"
)
ZH_ADMIN = re.compile(
    r"(?:(?![的在以由与與和及向为為对對是将將于於从從到据據该該本司])[\u4e00-\u9fff]){2,6}?"
    r"(?:省|市|县|縣|区|區|镇|鎮|开发区|開發區|高新区|高新區|园区|園區)"
)
# "台積電今(20)日宣布", "宁德时代日前表示": the subject of an announcing verb opening a sentence.
ZH_ANNOUNCER = re.compile(
    r"^(?:【[^】]{0,30}】)?(?:\d{1,2}月\d{1,2}日[上下]?午?[,，]\s*)?(?P<name>[\u4e00-\u9fff]{2,12}?)"
    r"(?:今\s*[(（]\s*\d{1,2}\s*[)）]\s*日|今日|今天|近日|日前|昨日|昨天)?(?:正式)?(?:宣布|表示|发布|發布|称|稱|透露|公告)"
)
PLACE_EN = re.compile(
    rf"\b(?:in|at|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|(?:state|province|region|city|county) of)\s+(?:the\s+)?(?P<place>(?:[a-z]+ern\s+)?{NAME.pattern})"
)
HOME = re.compile(rf"(?P<place>{NAME.pattern}) will (?:become|be) home to")
POSSESSIVE_PLANT = re.compile(
    rf"\bits (?P<place>{NAME.pattern}(?:, {NAME.pattern})*),? (?:[\w-]+ )?(?:plant|facility|mill|factory|site)"
)


# "a facility to be set up by Acme Ltd": the passive agent is the investor, whoever approves it.
AGENT = re.compile(
    rf"\b(?:to be|being|will be|is to be)\s+(?:set up|built|developed|established|constructed|operated|run)\s+by\s+(?:the\s+)?(?P<name>{NAME.pattern})"
)


def organization(doc, sentence_start, money_start):
    """(name, start) or None."""
    if doc.chinese:
        return _zh_organization(doc, sentence_start, money_start)
    head = doc.folded[sentence_start:money_start]
    agent = AGENT.search(head)
    if agent and not NOT_AN_INVESTOR.match(agent["name"]):
        return agent["name"], sentence_start + agent.start("name")
    name = _subject(head, sentence_start)
    if name is None:
        for sentence in doc.sentences[:4]:
            if STRONG_VERB.search(sentence.text):
                name = _subject(sentence.text, sentence.start)
                if name:
                    break
    return name


def _subject(head, offset):
    # Brackets first: "Acme Ltd (ASX: ACM) has ..." is not a dateline ending in a colon.
    stripped = BRACKETS.sub(lambda m: " " * len(m.group()), head)
    stripped = DATELINE.sub(lambda m: " " * len(m.group()), stripped)
    stripped = APPOSITIVE.sub(lambda m: " " * len(m.group()), stripped)
    strong, weak = [], []
    for match in NAME.finditer(stripped):
        words = match.group().split()
        if _is_person(stripped, match) or re.search(
            r"\b(?:in|at|near|of|from|to|for|into|across)\s+(?:the\s+)?$", stripped[: match.start()]
        ):
            continue  # "in Britain, investing ...": a place, not the subject
        while words and words[0].rstrip(".") in SKIP:
            words = words[1:]
        # "Japan's Kobe Chemical Co.", "South Korea's X", "Abu Dhabi-based Y": the country or
        # home town is not the name.
        lead = [i for i, w in enumerate(words[:3]) if re.search(r"['’]s$|-based$", w)]
        if lead and lead[-1] < len(words) - 1:
            words = words[lead[-1] + 1 :]
        if not words or not words[0][0].isupper() or NOT_AN_INVESTOR.match(" ".join(words)):
            continue
        rest = stripped[match.end() :].replace(",", " ", 1)
        verb = SUBJECT_VERB.match(rest)
        if verb:
            name = " ".join(words)
            found = (name, offset + match.end() - len(name))
            (strong if STRONG_VERB.search(verb.group()) else weak).append(found)
    candidates = strong or weak
    return candidates[-1] if candidates else None


TITLES = r"(?:Gov|Governor|Mr|Mrs|Ms|Dr|Minister|Mayor|President|CEO|Sen|Senator|Rep|Chairman|Chairwoman)"
STRONG_VERB = re.compile(
    r"announce|confirm|invest|plans|intends|expects|unveil|build|inaugurat|open|laid|lays|sign|broke|break|launch",
    re.I,
)


def _is_person(text, match):
    before = text[max(0, match.start() - 12) : match.start()]
    return bool(re.search(rf"{TITLES}\.?\s*$", before) or re.match(rf"{TITLES}\b", match.group()))


def _zh_organization(doc, sentence_start, money_start):
    _, start, _ = doc.clause(money_start)
    head = doc.folded[start:money_start]
    subject = re.match(
        r"[\u4e00-\u9fff]{2,10}?(?=在|于|於|将|將|拟|擬|计划|計劃|总投资|總投資|投资|投資|年产|年產)",
        head,
    )
    if subject and subject.group()[0] not in ZH_STOP and not NOT_A_NAME.match(subject.group()):
        return subject.group(), start + subject.start()
    match = _zh_suffixed(doc.folded)
    if match:
        return match
    for sentence in doc.sentences[:3]:
        announcer = ZH_ANNOUNCER.match(sentence.text)
        if announcer and announcer["name"][0] not in ZH_STOP:
            return announcer["name"], sentence.start + announcer.start("name")
    for sentence in doc.sentences[:3]:
        named = ZH_PROJECT_OWNER.search(sentence.text)
        if named and not NOT_A_NAME.match(named["name"]):
            return named["name"], sentence.start + named.start("name")
    return None


# "恒锐新材料高性能隔膜项目", "位于某园区的瑞康宁药业制剂基地项目": a project named after its
# owner, a name ending in a word companies are named with.
ZH_FIRM_WORD = (
    "新材料|新能源|材料|能源|药业|藥業|制药|製藥|医药|醫藥|生物|科技|电子|電子|化工|化学|化學|集团|集團"
    "|股份|实业|實業|控股|汽车|汽車|钢铁|鋼鐵|重工|光电|光電|电气|電氣|半导体|半導體|港务|港務|锂业|鋰業"
    "|纸业|紙業|食品|机械|機械|动力|動力|储能|儲能"
)
ZH_PROJECT_OWNER = re.compile(
    rf"(?:^|[,，的])(?P<name>(?:(?![{ZH_STOP}])[\u4e00-\u9fff]){{2,6}}?(?:{ZH_FIRM_WORD}))"
    r"[\u4e00-\u9fff]{0,16}?(?:项目|項目)"
)


def _zh_suffixed(text):
    for match in ZH_SUFFIX.finditer(text):
        name = match.group()
        cut = max(name.rfind(ch) for ch in ZH_STOP)
        name = name[cut + 1 :] if cut >= 0 else name
        name = re.sub(r"(?:母公司|子公司)$", "", name)  # "某某新能源母公司": the firm is 某某新能源
        if len(name) >= 3:
            return name, match.end() - len(name)
    return None


# "the eastern Hungarian city of Szeged", "the municipalities of A and B": the named place,
# never the adjective before the noun.
DESCRIBED = re.compile(
    rf"\b(?:city|town|municipality|municipalities|village|township|borough|district|county|prefecture)"
    rf"\s+of\s+(?P<place>{NAME.pattern})"
)
# "held at the Leeds site of the Acme Cell Project": the place of the project's own site.
SITE_OF = re.compile(
    rf"\bthe (?P<place>{NAME.pattern}) (?:branch|site|plant|base|campus|facility) of (?:the|its)\b"
)
# "the Gravity enterprise campus", "the Riverside industrial park": a site's name, not a place.
SITE_NAME = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}(?:campus|park|estate|zone|complex)\b")


# "项目位于某开发区某岛,": the project's own site, wherever the sentence stands.
ZH_SITE = re.compile(
    r"(?:项目|項目)(?:选址|選址)?(?:位于|位於|落户|落戶|选址于|選址於)(?P<place>[\u4e00-\u9fff]{2,20}?)(?=[,，。;；]|的|建设|建設)"
)


def location(doc, sentence_start, sentence_end, organization_name=""):
    """(place, start) or None: the project's stated site, else from the investment's sentence,
    then the lead."""
    if doc.chinese:
        for site in ZH_SITE.finditer(doc.folded):
            if not doc.in_batch(site.start()):
                return site["place"], site.start("place")
    spans = [(sentence_start, sentence_end)] + [(s.start, s.end) for s in doc.sentences[:3]]
    if not doc.chinese:
        for start, end in spans:
            text = DATELINE.sub(lambda m: " " * len(m.group()), doc.folded[start:end])
            match = DESCRIBED.search(text) or SITE_OF.search(text)
            if (
                match
                and match["place"].split()[0] not in SKIP
                and not (organization_name and match["place"] in organization_name)
            ):
                return match["place"].rstrip(".,"), start + match.start("place")
    for start, end in spans:
        found = (
            _zh_place(doc, start, end)
            if doc.chinese
            else _en_place(doc, start, end, organization_name)
        )
        if found:
            return found
    return None


def _zh_place(doc, start, end):
    text = doc.folded[start:end]
    match = ZH_PLACE.search(text)
    if match:
        return match["place"], start + match.start("place")
    match = ZH_ADMIN.search(text)
    return (match.group(), start + match.start()) if match else None


COUNTRIES = {name.lower() for name in Locale("en").territories.values()} | {
    "u.s",
    "us",
    "usa",
    "uk",
    "the us",
    "britain",
    "great britain",
    "england",
    "scotland",
    "wales",
}


def _en_place(doc, start, end, organization_name):
    """The first place named; a bare country gives way to a town or state in the same sentence."""
    text = DATELINE.sub(lambda m: " " * len(m.group()), doc.folded[start:end])
    found = []
    for regex in (HOME, PLACE_EN, POSSESSIVE_PLANT):
        for match in regex.finditer(text):
            place = match["place"].rstrip(".,")
            first = place.split()[0]
            if (
                first in SKIP
                or re.fullmatch(r"Q[1-4]|H[12]|FY\d*", first)
                or (organization_name and place in organization_name)
                or SITE_NAME.match(text[match.end("place") :])
            ):
                continue
            # "near Montreal" names a landmark: a place the site is in comes first.
            landmark = bool(re.match(r"near|outside", match.group()))
            found.append((landmark, place, start + match.start("place")))
    found.sort(key=lambda f: f[0])
    found = [(place, at) for _, place, at in found]
    specific = [f for f in found if f[0].lower() not in COUNTRIES]
    return (specific or found or [None])[0]
