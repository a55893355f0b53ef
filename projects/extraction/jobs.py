"""New jobs the project creates: not staff who move, construction crews or a headcount the
company already has. A statement without a figure ("unlikely to create new jobs") is
reported with no count, never as 0."""

import re
from dataclasses import dataclass

from projects.extraction import figures
from projects.extraction.figures import BEFORE, NUM

JOB_NOUN = r"(?:new\s+)?(?:jobs?|job opportunities|positions|employees|workers|people|staff|roles|hires|employment opportunities)\b"
EN = re.compile(
    rf"(?P<q>(?<![a-z])(?:{BEFORE})\s*)?(?P<n>{NUM})(?P<scale>\s*(?:thousand|million|k)\b)?(?P<plus>\+)?"
    rf"(?P<between>(?:\s+(?!(?:of|for|in|at|to|on|with|by|from|will|would|are|is)\b)[A-Za-z][\w-]*){{0,5}}?)\s+{JOB_NOUN}",
    re.I,
)
ZH_NOUN = r"(?:就业岗位|就業崗位|工作岗位|工作崗位|就业机会|就業機會|岗位|崗位|职位|職位|工作机会|工作機會)"
ZH = re.compile(
    rf"{ZH_NOUN}\s*(?P<q>约|約|超过|超過|逾|近|达|達)?\s*(?P<n>\d[\d,]*)(?P<more>多|余|餘)?(?P<scale>万|萬)?\s*(?:个|個)"
    rf"|(?P<q2>约|約|超过|超過|逾|近)?\s*(?P<n2>\d[\d,]*)(?P<more2>多|余|餘)?(?P<scale2>万|萬)?\s*(?:个|個)?\s*(?:新增)?{ZH_NOUN}"
    rf"|(?:就业|就業)\s*(?P<q3>约|約|超过|超過|逾|近)?\s*(?P<n3>\d[\d,]*)(?P<more3>多|余|餘)?(?P<scale3>万|萬)?\s*(?:人|名)"
)
CREATION = re.compile(
    r"creat|\badd|\bbring|generat|\babsorb|\bsupport|\bhire|\bhiring|\bprovid|employment (?:to|for)|(?:will|to|would|shall)\s+(?:\w+\s+)?employ|\bnew\b|\bopen up|提供|解决|解決|新增|增加|带动|帶動|吸纳|吸納|创造|創造",
    re.I,
)
NOT_NEW = re.compile(
    r"already|currently|existing|relocat|\bmove\b|\bmoving\b|transfer|\bwork at\b|\bworks at\b|retain|"
    r"\bkeep\b|construction (?:jobs|workers|crews?)|during construction|peak of (?:the )?construction|construction peak|temporary|施工|工地|建设期|建設期|"
    r"现有|現有|搬迁|搬遷|转移|轉移|原有",
    re.I,
)
NO_JOBS = re.compile(
    r"(?:unlikely|not expected|no plans?|will not|won't|does not|doesn't)\s+(?:to\s+)?(?:create|add|bring|generate)\s+(?:any\s+)?new\s+jobs"
    r"|不(?:会|會)(?:新增|增加)(?:就业|就業)",
    re.I,
)


@dataclass(frozen=True)
class JobsFigure:
    start: int
    end: int
    count: int | None
    qualifier: str
    scope: str = ""
    reason: str = ""
    # "50,000 jobs, including 9,000 Acme jobs": the company's own (or direct) share of a total.
    own: bool = False


def find(doc):
    """Every new-jobs statement, in text order; relocations and headcounts are left out."""
    out = []
    for regex in (EN, ZH):
        for match in regex.finditer(doc.folded):
            sentence = doc.sentence_at(match.start())
            if sentence is None:
                continue
            context = doc.head(match.start(), 80) + match.group() + doc.after(match.end(), 30)
            if NOT_NEW.search(_segment(doc, match)) or doc.in_batch(match.start()):
                continue
            if not CREATION.search(context):
                continue
            figure = _count(match)
            if figure is None:
                continue
            count, qualifier = figure
            scope = "direct" if re.search(r"\bdirect(?:ly)?\b|直接", context, re.I) else ""
            if re.search(r"indirect|间接|間接", match.group(), re.I):
                scope = "indirect"
            own = bool(
                re.search(
                    r"\bincluding\s*$", doc.folded[max(0, match.start() - 12) : match.start()]
                )
                and re.search(r"(?-i:\b[A-Z])|\bdirect\b", match.groupdict().get("between") or "")
            )
            out.append(JobsFigure(match.start(), match.end(), count, qualifier, scope, own=own))
    for match in NO_JOBS.finditer(doc.folded):
        out.append(
            JobsFigure(
                match.start(),
                match.end(),
                None,
                "",
                reason="the text says no new jobs are expected, without a figure",
            )
        )
    return sorted(out, key=lambda j: j.start)


# "1,000 jobs during construction and 200 permanent jobs": each figure is judged by its own
# part of the clause.
JOINS = re.compile(r"\band\b|\bwhile\b|\bplus\b|\bas well as\b|\bwhereas\b|\bbut\b|并|並|同时|同時")


def _segment(doc, match):
    clause, start, _ = doc.clause(match.start())
    local_start, local_end = match.start() - start, match.end() - start
    left = max([m.end() for m in JOINS.finditer(clause, 0, local_start)], default=0)
    right = next((m.start() for m in JOINS.finditer(clause, local_end)), len(clause))
    return clause[left:right]


def _count(match):
    groups = {k: v for k, v in match.groupdict().items() if v}
    number = groups.get("n") or groups.get("n2") or groups.get("n3")
    qualifier = (groups.get("q") or groups.get("q2") or groups.get("q3") or "").strip()
    more = (
        groups.get("plus") or groups.get("more") or groups.get("more2") or groups.get("more3") or ""
    )
    scale = (groups.get("scale") or groups.get("scale2") or groups.get("scale3") or "").strip()
    reading = figures.count(f"{qualifier} {number}{more} {scale}".strip())
    if reading is None or reading.value <= 0 or reading.value != int(reading.value):
        return None
    return int(reading.value), reading.qualifier


def quote(doc, jobs_figure):
    """The clause the figure stands in, as evidence (start, end)."""
    _, start, end = doc.clause(jobs_figure.start)
    return start, max(end, jobs_figure.end)
