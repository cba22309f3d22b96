"""The clause a question is about, by the set formula treaties draft it in: that paragraph answers first.

Final and institutional clauses are drafted in a few fixed ways across treaties (the UN Treaty Handbook's "final
clauses"; the constitutions of international organisations), and a question about one shares its words with the
many paragraphs that only mention it, which the ranker often puts first:
- who the depositary is: "The Director-General of FAO shall be the Depositary of this Treaty", "instruments ...
  shall be deposited with the Government of ...", not "The Depositary shall notify ...";
- who provides the secretariat: "The Agency shall provide the secretariat", "... shall carry out the following
  secretariat functions", not "Each Party shall provide to the secretariat ...";
- whether reservations are allowed: "No reservations may be made to this Treaty", "Each State may ... make a
  reservation", not the article on ratification ("signature without reservation as to ratification");
- what follows when a member does not pay: "Non-payment of two consecutive annual contributions shall ...";
- when a Party may leave: "Any Party may denounce this Convention after five years ...", not "Such denunciation
  shall take effect ..." (unless the question asks when it takes effect);
- what happens when the parties fail to agree: the fallback ("If ... unable to agree", "Failing agreement", "In the
  absence of agreement") that follows the main rule of every appointment and settlement procedure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Hit

WINDOW = 8  # how far down the ranking the clause is looked for
NEAR = 4  # ... for a fallback, which sits next to the main rule it follows


@dataclass(frozen=True)
class Clause:
    asks: re.Pattern[str]  # a question about the clause
    states: re.Pattern[str]  # the paragraph that is the clause (matched in its lead-in and text)
    window: int = WINDOW
    unless: re.Pattern[str] | None = None  # a question that asks about another clause after all
    not_in: re.Pattern[str] | None = None  # a paragraph that is another clause of the same kind


_WHO = r"(?:who|whom|which(?:\s+[\w-]+){0,2}|what(?:\s+[\w-]+){1,2})"
_FAILS = (r"(?:cannot|can\s*not|can't|could\s+not|do\s+not|does\s+not|don't|doesn't|did\s+not|fail\w*|unable\s+to|"
          r"are\s+not\s+able\s+to|is\s+not\s+able\s+to)")
_AGREE = r"(?:agree\w*|appoint\w*|name|nominate\w*|designate\w*|settle\w*|reach\w*|choose|elect\w*|decide)"
_LEAVE = r"(?:leave|leaving|withdraw\w*|denounc\w*|pull\s+out|quit|exit)"

CLAUSES: tuple[Clause, ...] = (
    Clause(  # the depositary
        re.compile(rf"\b{_WHO}\s+(?:is|are|was|were|acts?\s+as|serves?\s+as)\s+(?:the\s+)?deposit(?:ary|ory)\b|"
                   r"\b(?:with|to)\s+whom\b[^?]{0,80}\bdeposit|\bwhere\b[^?]{0,80}\bdeposited\b|"
                   rf"\b{_WHO}\s+(?:keeps|holds|receives)\b[^?]{{0,60}}\binstruments\b", re.I),
        re.compile(r"\b(?:shall\s+be|is\s+hereby\s+designated\s+as|is\s+designated\s+as|shall\s+be\s+designated\s+as|"
                   r"shall\s+act\s+as|shall\s+perform\s+the\s+functions\s+of)\s+(?:the\s+)?Depositar(?:y|ies)\b|"
                   r"\bDepositar(?:y|ies)\s+(?:of|for)\s+(?:this|the\s+present)\s+[A-Z][\w-]*\s+shall\s+be\b|"
                   r"\bdeposited\s+(?:with|in\s+the\s+archives\s+of)\s+(?:the\s+)?(?!Depositary\b)[A-Z]|"
                   r"\bhereinafter\s+(?:referred\s+to\s+as|called)\s+[\"“']?the\s+Depositary\b")),
    Clause(  # the secretariat
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
                   r"\bshall\s+(?:act|serve)\s+as\s+(?:the\s+)?Secretariat\b", re.I)),
    Clause(  # reservations against an amendment (of the appendices, annexes) within its period
        re.compile(r"\breserv\w*\b[^?]*\b(?:amend\w*|newly|new(?:ly)?\s+(?:adopted|listed|listing)|adopted)\b|"
                   r"\b(?:amend\w*|newly|adopted)\b[^?]*\breserv\w*\b", re.I),
        re.compile(r"\breservations?\b[^.;]{0,80}?\bamendments?\b|\bamendments?\b[^.;]{0,160}?\breservations?\b",
                   re.I)),
    Clause(  # reservations to the instrument: when joining it, which provisions
        re.compile(r"\b(?:make|makes|making|enter|entering|lodge|formulate|attach)\s+(?:any\s+|a\s+)?reservations?\b|"
                   r"\breservations?\s+(?:allowed|permitted|possible|admitted)\b|\bwith\s+(?:a\s+|any\s+)?reservations?\b|"
                   r"\b(?:are|is)\s+(?:any\s+)?reservations?\b", re.I),
        re.compile(r"\b(?:No|Any|A|Each)?\s*reservations?\b(?!\s+as\s+to\b)[^.;]{0,60}?\b(?:may|shall|can)\s+(?:not\s+)?"
                   r"(?:be\s+)?(?:made|permitted|admitted|entered|formulated|allowed)\b|"
                   r"\bmay\b[^.;]{0,160}?\b(?:make|enter|formulate)\s+(?:a\s+|any\s+|one\s+or\s+more\s+)?reservations?\b|"
                   r"\b(?:not\s+be\s+subject\s+to|shall\s+not\s+admit)\s+(?:\w+\s+)?reservations?\b", re.I),
        not_in=re.compile(r"\bamendments?\b", re.I)),
    Clause(  # arrears
        re.compile(r"\b(?:stops?|stopped|fails?|failed|does\s+not|do\s+not|doesn't|don't|not)\s+(?:\w+\s+)?"
                   r"pay(?:ing)?\b|\bnon-?payment\b|\barrears\b|\bunpaid\b|\bbehind\s+(?:with|on|in)\s+(?:its\s+|their\s+)?"
                   r"(?:contributions|payments|dues)\b", re.I),
        re.compile(r"\bnon-?payment\b|\barrears?\b|\b(?:fails?|failed)\s+to\s+pay\b|\bhas\s+not\s+paid\b|"
                   r"\bnot\s+(?:been\s+)?paid\b|\boverdue\b", re.I)),
    Clause(  # when a Party may leave
        re.compile(rf"\b(?:can|could|may|might|allowed\s+to|able\s+to|right\s+to|when|how\s+(?:long|soon)|"
                   rf"before)\b[^?]{{0,60}}?\b{_LEAVE}\s+(?:from\s+|of\s+)?(?:the\b|this\b|that\b|it\b|its\b|"
                   r"(?-i:[A-Z]))", re.I),
        re.compile(r"\bmay\s+(?:\w+\s+){0,4}?(?:denounce|withdraw\s+from)\b|\bmay\s+be\s+denounced\b|"
                   r"\bmay\b[^.;]{0,120}?\bnotify\b[^.;]{0,80}?\b(?:withdrawal|denunciation)\b|"
                   r"\bright\s+(?:to\s+)?(?:denounce|withdraw)\b", re.I),
        unless=re.compile(r"\btak(?:e|es|ing)\s+effect\b|\beffective\b|\breservations?\b|\bspecies\b|\bamendment\b",
                          re.I)),
    Clause(  # the fallback when the parties fail to agree
        re.compile(rf"\b{_FAILS}\s+(?:\w+\s+){{0,3}}?{_AGREE}\b|\bno\s+agreement\b|\bdisagree\w*\b|\bdeadlock\w*\b|"
                   r"\bin\s+time\b(?=[^?]*\?)", re.I),
        re.compile(r"\b(?:if|where|when|should)\b[^.;]{0,160}?\b(?:not|unable|fail\w*|no\s+agreement|cannot)\b|"
                   r"\bfailing\s+(?:such\s+)?(?:agreement|which|that|this|a\s+decision|appointment|designation)\b|"
                   r"\bin\s+(?:the\s+)?(?:absence|default)\s+of\b|\bno\s+agreement\b", re.I),
        window=NEAR),
)


def clause_first(hits: list[Hit], query: str) -> list[Hit]:
    """The first of the top hits that is the clause the question asks about comes first (the first clause in
    CLAUSES the question asks about decides); every other hit keeps its order, and nothing moves when no top hit
    is that clause."""
    for clause in CLAUSES:
        if not clause.asks.search(query) or (clause.unless is not None and clause.unless.search(query)):
            continue
        for i, hit in enumerate(hits[:clause.window]):
            text = " ".join(f"{hit.lead_in} {hit.text}".split())
            if clause.states.search(text) and not (clause.not_in is not None and clause.not_in.search(text)):
                return [hit] + hits[:i] + hits[i + 1:] if i else hits
        return hits
    return hits
