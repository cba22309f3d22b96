"""Is a topic about the relation between the instruments it names, and which conventions does it name itself?

"Cooperation between CMS and CITES" asks what links the two: a paragraph must concern both. "How CITES works
with other bodies ..., and what has the joint CMS-CITES work said about bushmeat" does not: its relation words
("works with", "partnerships") are about CITES and others, and "the joint CMS-CITES work" is the name of one
document, the joint work programme, whose words name the two conventions without naming them as subjects.
"""

from __future__ import annotations

import re

from ..queries import own_mentions
from ..types import Document

RELATION = re.compile(r"\b(?:between|among|co-?operat\w*|collaborat\w*|synerg\w*|relation\w*|coordinat\w*|"
                      r"co-ordinat\w*|joint|partnerships?|liaison|interplay)\b", re.I)
NEAR = 5  # words between a relation word and each of two instruments it relates ("cooperation between CMS and CITES")


def conventions_named(topic: str, documents: dict[str, Document]) -> list[str]:
    """The conventions the topic names as subjects: not those named only inside a document's name."""
    codes: list[str] = []
    for _, _, label in own_mentions(topic, documents):
        if label not in documents and label not in codes:
            codes.append(label)
    return codes


def about_relation(topic: str, documents: dict[str, Document]) -> bool:
    """A relation word with two instruments it relates close by, neither inside a document's name."""
    mentions = own_mentions(topic, documents)
    names = [(s, e) for s, e, label in mentions if label in documents]
    for m in RELATION.finditer(topic):
        if any(s <= m.start() and m.end() <= e for s, e in names):
            continue  # "joint" of "the joint CMS-CITES work": part of a name
        near = {label for s, e, label in mentions if _words_between(topic, m.span(), (s, e)) <= NEAR}
        if len(near) >= 2:
            return True
    return False


def _words_between(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    start, end = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return len(re.findall(r"[\w'’-]+", text[start:end])) if start < end else 0
