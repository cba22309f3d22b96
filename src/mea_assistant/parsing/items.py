"""A paragraph under construction, and the line tests every part of the structure builder shares.

Kept at the bottom of `parsing/` so headings, numbering, tables, preambles and timeframes can all use them
without importing one another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TERMINAL = (".", ";", ":", "!", "?", "”", '"', "’", ".)", ";)", ":)")


def ends_clause(text: str) -> bool:
    """A clause is complete: the next wrapped line starts something new rather than continuing it."""
    text = text.rstrip()
    return text.endswith(TERMINAL) or bool(re.search(r";\s*(?:and|or)$", text))


def word_count(text: str) -> int:
    return len(text.split())


def is_caps_heading(text: str) -> bool:
    """`CONSERVATION MEASURES`: all capitals and short, a heading whatever format it came from."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and word_count(text) <= 14


_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def vocabulary(texts: list[str]) -> frozenset[str]:
    """The words of a document (lower case, hyphenated compounds whole), leaving out a line's final "fragment-"."""
    words: set[str] = set()
    split_before = False
    for text in texts:
        body = text[:-1] if text.endswith("-") else text
        found = _WORD_RE.findall(body.lower())
        if text.endswith("-") and found:
            found.pop()
        if split_before and found:
            found.pop(0)  # "tectors" after "pro-" is a fragment, not a word of the document
        words.update(found)
        split_before = text.endswith("-")
    return frozenset(words)


_PREFIXES = frozenset("non co re pre post sub inter intra multi anti self well cross trans bio eco semi "
                      "ex pro counter over under socio agro".split())


def joins_without_hyphen(left: str, right: str, vocab: frozenset[str]) -> bool:
    """`environ-` + `mental` -> "environmental" when the document writes that word elsewhere and never
    `environ-mental`; "non-" + "governmental" keeps its hyphen. MEA texts hyphenate compounds far more often
    than a layout splits words, so without evidence the hyphen stays."""
    whole, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    if hyphenated in vocab:
        return False
    if whole in vocab:
        return True
    # Neither form written elsewhere: a compound joins two words ("non-" + "governmental"); a split word
    # leaves fragments that are not words ("Febr-" + "uary").
    left_word = left.lower() in vocab or left.lower() in _PREFIXES
    return not (left_word and right.lower() in vocab)


@dataclass
class Item:
    """A paragraph under construction."""

    lines: list[str]
    parts: list[tuple[str, str]]  # numbering path, [] for unnumbered
    container: str
    section: tuple[str, ...]
    lead_in: str
    kind: str
    meta: dict[str, str] = field(default_factory=dict)
    merged_bullet: bool = False
    footnotes: list[str] = field(default_factory=list)
    vocab: frozenset[str] = frozenset()  # the document's words, to undo a layout's line-end hyphenation

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def append(self, piece: str, newline: bool = False) -> None:
        if not self.lines:
            self.lines.append(piece)
        elif newline:
            self.lines.append(piece)
        elif self.lines[-1].endswith("-") and not self.lines[-1].endswith(" -") and piece[:1].islower():
            left = re.search(r"([^\W\d_]+)-$", self.lines[-1])
            right = re.match(r"[^\W\d_]+", piece)
            if left and right and joins_without_hyphen(left.group(1), right.group(0), self.vocab):
                self.lines[-1] = self.lines[-1][:-1] + piece
            else:
                self.lines[-1] = self.lines[-1] + piece
        else:
            self.lines[-1] = self.lines[-1] + " " + piece
