"""A rule read with its exceptions: "Does the Protocol cover medicines?" is answered by the article that carves them
out ("Notwithstanding Article 4 ... this Protocol shall not apply to ... pharmaceuticals for humans"), not by the scope
article alone; "Can the pursuit go on into a third State's waters?" by "The right of hot pursuit ceases as soon as the
ship pursued enters the territorial sea ... of a third State", the paragraph after the rule.

Treaties draft an exception in one of two places: later in the rule's own article ("From the provisions of the
foregoing paragraphs of this Article shall be excepted – (a) fisheries"), or in another article that names the rule's
("Notwithstanding Article 4", "Article 4 shall not apply"). Both are found from the texts' own drafting words; which
one answers a yes/no question is the ranker's and the question's business (`Retriever.exceptions_first`).
"""

from __future__ import annotations

import re

from ..types import Document, Paragraph

# The drafting of an exception or a limit to a rule.
_EXCEPTS = re.compile(r"\b(?:shall|does|do|will|may) not (?:apply|extend|affect|cover|include|prevent)\b|"
                      r"\b(?:shall be|are|is) excepted\b|\bexcept(?:ed|ions?)\b|\bexcluded\b|\bnotwithstanding\b|"
                      r"\bceases?\b|\bshall cease\b|\bno longer\b|\bother than\b", re.I)
_HEAD = re.compile(r"^((?:[^,]*, )?Art\. [0-9IVXLC]+(?: ?[a-z]{3,6}\b)?)")


def is_exception(text: str) -> bool:
    return bool(_EXCEPTS.search(text))


def article_of(ref: str) -> str | None:
    """ "Art. 23(1)" -> "Art. 23"; "Annex 1, Art. 4(2)" -> "Annex 1, Art. 4"; None for a ref that is no article's."""
    match = _HEAD.match(ref)
    return match.group(1) if match else None


def exceptions_to(doc: Document, rule: Paragraph) -> list[Paragraph]:
    """The paragraphs that limit `rule`: later ones of its article drafted as exceptions, with their items, and any
    other that names its article in an exception ("Notwithstanding Article 4")."""
    head = article_of(rule.ref)
    if head is None:
        return []
    number = head.rsplit(" ", 1)[-1]
    names = re.compile(rf"\b(?:notwithstanding|except\w*|subject to)\b[^.;]{{0,60}}\bArticles?\s+{re.escape(number)}\b|"
                       rf"\bArticles?\s+{re.escape(number)}\b[^.;]{{0,40}}\b(?:shall|does) not apply\b", re.I)
    found: list[Paragraph] = []
    for p in doc.paragraphs:
        if p.position == rule.position or p.kind != "operative":
            continue
        if article_of(p.ref) == head:
            if p.position > rule.position and (_EXCEPTS.search(p.text) or any(p.lead_in and p.lead_in == e.text
                                                                                for e in found)):
                found.append(p)
        elif names.search(p.text):
            found.append(p)
    return found
