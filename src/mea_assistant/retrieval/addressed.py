"""What a resolution asks of a body ("What does the synergies resolution ask of the BLG?") is in the paragraphs
whose operative verb addresses that body ("Invites the members of the BLG to ...", "... and invites the BLG to
address ..."), not in one that only names it on the way ("Requests the Executive Secretary to inform ... through
the BLG"). Those lead, in the ranker's order."""

from __future__ import annotations

import re

from ..types import Hit

WINDOW = 12  # the candidates looked at for a paragraph addressed to the body
# The body a question asks about as the one asked: "ask of the BLG", "ask Parties to", "is the Secretariat invited
# to"
_VERB = r"(?i:asks?|asked|requests?|requested|invites?|invited|urges?|urged|encourages?|encouraged|calls?\s+(?:up)?on)"
_WHO = r"([A-Z]{2,}\b|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3}|(?i:parties|signatories|range\s+states))"
_ASKED = re.compile(rf"\b{_VERB}\s+(?:of\s+|from\s+)?(?:the\s+)?(?:members\s+of\s+(?:the\s+)?)?{_WHO}|"
                    rf"\b(?:is|are)\s+(?:the\s+)?{_WHO}\s+(?:being\s+)?{_VERB}\s+to\b")
# The operative verb of a resolution's paragraph, addressing someone a few words on
_OPERATIVE = (r"\b(?i:urges|requests|invites|encourages|calls\s+(?:up)?on|instructs|directs|appeals\s+to)\s+"
              r"(?:\S+\s+){0,4}?")


def asked_body(question: str) -> str:
    """The body the question asks about as the one asked to act, or ""."""
    m = _ASKED.search(question)
    who = next((g for g in m.groups() if g), "") if m else ""
    return " ".join(who.split())


def addressed_first(hits: list[Hit], question: str) -> list[Hit]:
    """The paragraphs among the first WINDOW whose operative verb addresses the body the question asks about
    first, in their order; the others after them. Unchanged when the first already does, or none does."""
    # (the question's own words: a follow-up's query carries an earlier turn's after its question mark, "Does it
    # say who pays for that? Resolution 11.10 ask Secretariat partnerships")
    who = asked_body(question[:question.rfind("?") + 1] or question)
    if not who or not hits or hits[0].exact:
        return hits
    addressed = re.compile(_OPERATIVE + rf"(?:the\s+)?{re.escape(who)}\b", re.I)
    if addressed.search(hits[0].text):
        return hits
    found = [h for h in hits[:WINDOW] if addressed.search(h.text)]
    if not found:
        return hits
    return found + [h for h in hits if h not in found]
