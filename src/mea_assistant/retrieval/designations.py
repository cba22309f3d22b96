"""Who holds an office a treaty designates: the paragraph that designates it answers "who is ...".

"Who is the depositary of the Plant Treaty?" is answered by "The Director-General of FAO shall be the Depositary
of this Treaty", not by the many paragraphs in which the Depositary acts ("The Depositary shall notify ...").
"Who provides the secretariat?" is answered by "The International Atomic Energy Agency shall provide the
secretariat ...", not by "Each Party shall provide to the secretariat ...". Treaties designate both offices in
set formulas (the final clauses' "shall be the Depositary", "instruments ... shall be deposited with the
Government of ...", the institutional clauses' "shall carry out the following secretariat functions", "the
Secretariat is provided by ..."); the ranker, which sees the same words in both kinds of paragraph, often puts
one where the office acts first.
"""

from __future__ import annotations

import re

from ..types import Hit

WINDOW = 8  # how far down the ranking the designating paragraph is looked for

_WHO = r"(?:who|whom|which(?:\s+[\w-]+){0,2}|what(?:\s+[\w-]+){1,2})"
_OFFICES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (  # the depositary
        re.compile(rf"\b{_WHO}\s+(?:is|are|was|were|acts?\s+as|serves?\s+as)\s+(?:the\s+)?deposit(?:ary|ory)\b|"
                   r"\b(?:with|to)\s+whom\b[^?]{0,80}\bdeposit|\bwhere\b[^?]{0,80}\bdeposited\b|"
                   rf"\b{_WHO}\s+(?:keeps|holds|receives)\b[^?]{{0,60}}\binstruments\b", re.I),
        re.compile(r"\b(?:shall\s+be|is\s+hereby\s+designated\s+as|is\s+designated\s+as|shall\s+be\s+designated\s+as|"
                   r"shall\s+act\s+as|shall\s+perform\s+the\s+functions\s+of)\s+(?:the\s+)?Depositar(?:y|ies)\b|"
                   r"\bDepositar(?:y|ies)\s+(?:of|for)\s+(?:this|the\s+present)\s+[A-Z][\w-]*\s+shall\s+be\b|"
                   r"\bdeposited\s+with\s+(?:the\s+)?(?!Depositary\b)[A-Z]|"
                   r"\bhereinafter\s+(?:referred\s+to\s+as|called)\s+[\"“']?the\s+Depositary\b"),
    ),
    (  # the secretariat
        re.compile(rf"\b{_WHO}\s+(?:provides?|runs?|acts?\s+as|serves?\s+as|is|are|performs?|carries\s+out|hosts?)"
                   r"\s+(?:the\s+)?(?:work\s+of\s+the\s+)?(?:[\w-]+\s+){0,2}?secretariat\b|"
                   r"\bwhose\s+secretariat\b|\bsecretariat\s+(?:is\s+)?(?:provided|run|hosted)\s+by\s+(?:whom|which)\b",
                   re.I),
        re.compile(r"\bsecretariat\b[^.;]{0,60}?\b(?:is|are|shall\s+be)\s+(?:provided|performed|carried\s+out|"
                   r"discharged|assumed|hosted)\s+by\b|"
                   r"\b(?:shall|will)\s+(?:provide|carry\s+out|perform|discharge|assume|act\s+as|serve\s+as)\s+"
                   r"(?:the\s+)?(?:following\s+)?secretariat\b|"
                   r"\bsecretariat\s+(?:functions|services|duties)\b[^.;]{0,80}?\bshall\s+be\s+(?:provided|performed|"
                   r"carried\s+out|discharged|assumed)\b|"
                   r"\b(?:use|avail\s+itself\s+of)\s+the\s+services\s+of\s+the\s+Secretariat\s+of\b|"
                   r"\bshall\s+(?:act|serve)\s+as\s+(?:the\s+)?Secretariat\b", re.I),
    ),
)


def designation_first(hits: list[Hit], query: str) -> list[Hit]:
    """For a question on who holds the office, the first of the top hits that designates it comes first; every
    other hit keeps its order. Hits are left as they are when none of the top ones designates it."""
    for asks, designates in _OFFICES:
        if not asks.search(query):
            continue
        for i, hit in enumerate(hits[:WINDOW]):
            if designates.search(" ".join(f"{hit.lead_in} {hit.text}".split())):
                return [hit] + hits[:i] + hits[i + 1:] if i else hits
        return hits
    return hits
