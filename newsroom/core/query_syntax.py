"""The search box's one query syntax, parsed once for both databases.

    wuhu compressor        both words (AND)
    "compressor plant"     the words next to each other, in that order
    -wuhu  -"wuhu plant"   without that word or phrase
    wuhu OR hefei          either (OR binds the terms beside it: `aux wuhu OR hefei` is
                           aux AND (wuhu OR hefei), as in the big web search engines)

Anything else is text: stray quotes, a lone `-`, an `OR` with nothing on one side and
punctuation are ignored rather than refused, so no query is an error. Chinese runs are
kept whole here; each engine splits them into character pairs (newsroom/core/search.py).
"""

import re
from dataclasses import dataclass, field

# A quoted phrase (its closing quote optional: the rest of the query), or a bare token.
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Chinese characters (CJK ideographs)
CJK = re.compile(f"[{HAN}]+")
# Words: runs of letters and digits, a Chinese run being a word of its own.
WORD = re.compile(rf"[{HAN}]+|[^\W_{HAN}]+")


@dataclass(frozen=True)
class Term:
    """One word, or several that must appear together (a phrase, or `state-owned`)."""

    words: tuple[str, ...]
    quoted: bool = field(default=False, compare=False)  # "压缩机": its pairs in this order

    @property
    def is_phrase(self):
        return len(self.words) > 1 or self.quoted

    def __str__(self):
        return f'"{" ".join(self.words)}"' if self.is_phrase else self.words[0]


@dataclass
class Query:
    """Every clause must match (AND); a clause matches when any of its terms does (OR);
    no excluded term may match."""

    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    def __bool__(self):
        return bool(self.clauses)

    @property
    def words(self):
        """The words a reader looks for (not the excluded ones), for highlighting."""
        return [word for clause in self.clauses for term in clause for word in term.words]

    def __str__(self):
        parts = [" OR ".join(str(t) for t in clause) for clause in self.clauses]
        return " ".join(parts + [f"-{t}" for t in self.excluded])


def words_of(text):
    return tuple(word.lower() for word in WORD.findall(text))


def parse(text):
    """The `Query` that `text` asks for (see the module's docstring)."""
    query, pending_or = Query(), False
    for match in TOKEN.finditer(text or ""):
        minus, phrase, bare = match.groups()
        if bare == "OR":
            pending_or = bool(query.clauses)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            minus, bare = "-", bare[1:]
        words = words_of(phrase if bare is None else bare)
        if not words or (bare is not None and bare.upper() == "AND"):
            continue
        term = Term(words, quoted=bare is None)
        if minus:
            query.excluded.append(term)
        elif pending_or:
            query.clauses[-1].append(term)
        else:
            query.clauses.append([term])
        pending_or = False
    return query


def is_cjk(word):
    return bool(CJK.fullmatch(word))
