"""One announcement as the rules see it: its sentences, its language, its date, and the
places in it that speak of many projects at once (a batch or a district's totals)."""

import bisect
import datetime
import re
from dataclasses import dataclass, field

from projects.extraction import figures, text

# "243個重大項目", "项目204个", "16 projects": from here on the sentence speaks of a batch.
PROJECT_COUNT = re.compile(
    r"\d+\s*(?:个|個|家|项|項)\s*(?:[\u4e00-\u9fff]{0,4})(?:项目|項目|企业|企業)"
    r"|(?:项目|項目)\s*\d+\s*(?:个|個)"
    r"|\b\d[\d,]*\s+(?:\w+\s+){0,2}(?:projects|companies|investments|businesses)\b",
    re.I,
)
# A sentence about all of them ("these projects") or about the previous phase.
PLURAL = re.compile(r"这些项目|這些項目|各项目|各項目|these projects|all (?:the )?projects", re.I)
# "其中" and a project's own long name after a batch: the sentence turns to that one project
# (a two-character category such as "其中工业项目" is still the batch's).
ONE_OF_THEM = re.compile(r"其中(?:(?![类類等个個])[^\d,，。;；]){6,30}?(?:项目|項目)(?!\s*\d)")
PHASE = re.compile(
    r"(?:第?[一二三四五1-5]\s*期)|(?:\b(?:phase|stage)\s+(?:[1-5]|one|two|three|I{1,3}|IV)\b)"
    r"|\b(?:first|second|third|initial) (?:phase|stage)\b",
    re.I,
)
PREVIOUS = re.compile(r"previous phase|earlier phase|已建成的|前期", re.I)


@dataclass
class Document:
    raw: str
    published: datetime.date | None = None
    title: str = ""
    blank: str = field(init=False)
    folded: str = field(init=False)
    chinese: bool = field(init=False)
    sentences: list = field(init=False)
    starts: list = field(init=False)

    def __post_init__(self):
        self.blank = text.blank_notes(self.raw)
        self.folded = figures.fold(self.blank)
        self.chinese = text.is_chinese(self.blank)
        self.sentences = text.sentences(self.folded)
        self.starts = [s.start for s in self.sentences]

    def sentence_at(self, position):
        """The sentence holding `position` (or the last one before it, between sentences)."""
        if not self.sentences:
            return text.Sentence("", 0, 0)
        index = bisect.bisect_right(self.starts, position) - 1
        return self.sentences[max(index, 0)]

    def clause(self, position):
        sentence = self.sentence_at(position)
        start, end = sentence.clause_at(position)
        return self.folded[start:end], start, end

    def before(self, position, limit=60):
        """The words of the clause before `position` (at most `limit` characters)."""
        clause, start, _ = self.clause(position)
        return clause[max(0, position - start - limit) : position - start]

    def head(self, position, limit=60):
        """The sentence before `position` (at most `limit` characters)."""
        sentence = self.sentence_at(position)
        return self.folded[max(sentence.start, position - limit) : position]

    def tail(self, position, limit=40):
        """The sentence after `position` (at most `limit` characters), across clauses."""
        sentence = self.sentence_at(position)
        return self.folded[position : min(sentence.end, position + limit)]

    def after(self, position, limit=40):
        _, _, end = self.clause(position)
        return self.folded[position : min(end, position + limit)]

    def in_batch(self, position):
        """True where a project count comes earlier in the same sentence (a batch total)."""
        sentence = self.sentence_at(position)
        head = self.folded[sentence.start : position]
        counts = list(PROJECT_COUNT.finditer(head))
        if counts and ONE_OF_THEM.search(head, counts[-1].end()):
            return False  # "…58个项目…,其中某某正极材料基地项目总投资…": one of them, by name
        return bool(counts or PLURAL.search(self.clause(position)[0]))

    def phase(self, position):
        """The phase marker ("一期", "phase 2") that the figure's clause or sentence opens with."""
        sentence = self.sentence_at(position)
        head = self.folded[sentence.start : position]
        markers = list(PHASE.finditer(head))
        return markers[-1].group() if markers else ""

    def quote(self, start, end):
        """The input's own characters between offsets (never the folded copy)."""
        return self.raw[start:end]
