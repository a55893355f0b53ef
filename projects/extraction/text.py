"""Sentences and clauses of an announcement, with their character offsets in the input.

Editors' notes such as "[... photo caption left out ...]" are blanked (same length, so
offsets stay those of the input) and never become evidence.
"""

import re
from dataclasses import dataclass

NOTE = re.compile(r"\[\s*(?:\.\.\.|…)[^\]]*\]")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A full stop ends an English sentence unless it ends an abbreviation ("Gov. Roy", "N.C.").
ABBREVIATIONS = {"gov", "mr", "mrs", "ms", "dr", "inc", "ltd", "co", "corp", "st", "no", "jr",
                 "sr", "vs", "e.g", "i.e", "u.s", "n.c", "ky", "sen", "rep", "prof", "mt",
                 "approx", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
                 "dec", "u.k", "s.a", "p.m", "a.m"}  # fmt: skip
END = re.compile(r"[。！？!?]+[”」』\"]?|\.(?=[”\"’]?\s+[“\"‘(]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int

    def clause_at(self, position):
        """(start, end) in the input of the clause around `position`: commas, semicolons and
        the Chinese enumeration comma bound it (not the comma inside "1,000")."""
        local = position - self.start
        left = 0
        for match in CLAUSE_BREAK.finditer(self.text, 0, local):
            left = match.end()
        right_match = CLAUSE_BREAK.search(self.text, local)
        right = right_match.start() if right_match else len(self.text)
        return self.start + left, self.start + right


CLAUSE_BREAK = re.compile(r"[，；;：、]|,(?!\s?\d)|:(?!\d)")


def blank_notes(text):
    return NOTE.sub(lambda m: " " * len(m.group()), text)


def is_chinese(text):
    return len(CJK.findall(text)) > len(re.findall(r"[A-Za-z]", text)) / 4


def sentences(text):
    """The sentences of `text` (already blanked), stripped, each with its offsets."""
    out, start = [], 0
    for match in END.finditer(text):
        if match.group().startswith(".") and _abbreviation(text, match.start()):
            continue
        _add(out, text, start, match.end() if match.group()[0] != "\n" else match.start())
        start = match.end()
    _add(out, text, start, len(text))
    return out


def _abbreviation(text, dot):
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 8) : dot])
    return bool(word) and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1)


def _add(out, text, start, end):
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        out.append(Sentence(stripped, offset, offset + len(stripped)))
