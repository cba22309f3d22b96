"""Who may join an organisation or treaty, and what an organisation is made of: the questions and the clauses
that answer them.

"Which States can join WIPO?", "Who can be a member of the Council?", "Who may sign up to AEWA?" ask who is
eligible, not which body acts. Treaties answer in their final clauses and membership articles with set
formulas: "This Convention shall be open for signature by all States ...", "Membership in the Organization
shall be open to any State which ...", "Any State ... may become a Party ... by accession", "The members of
the Council shall be ...". The formulas are the drafting conventions of final clauses (UN Treaty Handbook,
"Final clauses of multilateral treaties"), not any one text's wording.

"Which bodies run the Laboratory?", "Who makes up the Organization?" ask what an organisation consists of, which
its constitution states as "The organs of the Laboratory are the Council and the Director-General" or "The
Organization shall consist of a Council and ...": not a paragraph in which one of those bodies acts.
"""

from __future__ import annotations

import re

_MAY = (r"(?:can|could|may|might|is allowed to|are allowed to|is eligible to|are eligible to|is entitled to|"
        r"are entitled to|is able to|are able to|has the right to|have the right to)")
_JOIN = (r"(?:join|become\s+(?:a\s+|an\s+)?(?:contracting\s+)?(?:party|parties|member|members|signator\w*)|"
         r"be\s+(?:a\s+|an\s+)?(?:member|members|party|parties)\b|accede|sign\b|sign\s+up)")
_ASKS = re.compile(rf"\b(?:who|whom|which|what)\b[^?.]{{0,50}}?\b{_MAY}\s+(?:still\s+|also\s+)?{_JOIN}|"
                   r"\b(?:who|which \w+) (?:is|are) (?:eligible|entitled|allowed)\b[^?]{0,30}\b(?:join|member|party|"
                   r"parties|accede|sign)|\beligib\w* (?:for|to) (?:membership|join|become)\b|"
                   r"\bopen (?:for|to) (?:whom|membership|accession|signature)\b", re.I)

# The clause that states who is eligible, in the final clauses' formulas.
ELIGIBLE = re.compile(r"\bopen\s+for\s+(?:signature|accession|ratification)\b[^.;]{0,60}?\b(?:by|for)\s+"
                      r"(?:all\s+|any\s+|every\s+|the\s+)?[A-Z]|"
                      r"\bopen\s+to\s+(?:all|any|every|the)\b|"
                      r"\bmembership\b[^.;]{0,80}\bopen\b|\bmay\s+(?:become\s+(?:a\s+)?(?:contracting\s+)?"
                      r"(?:party|parties|member|members)|accede)\b|\bmay\s+be\s+admitted\b|"
                      r"\b(?:the\s+)?members\s+of\s+the\s+[A-Z][\w-]*(?:\s+[\w-]+){0,4}?\s+shall\s+be\b", re.I)
# Who the clause admits: "open for signature by all States and by ..." -> "all States and by ...";
# "Any State whose ... may become" -> "Any State whose ...".
_OPEN_TO = re.compile(r"\bopen\s+(?:for\s+(?:signature|accession|ratification)\b[^.;]{0,60}?\b(?:by|for)|to)\s+"
                      r"((?:all\s+|any\s+|every\s+|the\s+)?[A-Z][^.;:]{3,160}?)"
                      r"(?=\s*[.;:]|,\s+(?:until|from|at|in)\b|\s+(?:until|from|at)\b|$)")
_SUBJECT_MAY = re.compile(r"^\s*((?:Any|All|Every|Each)\s[^;:]{3,240}?)\s+may\s+(?:become|accede)\b")


_ASKS_MADE_OF = re.compile(
    r"\b(?:which|what)\s+(?:main\s+)?(?:bodies|organs|institutions)\b[^?]{0,40}?\b(?:run|runs|make up|makes up|"
    r"compose|composes|constitute|form|forms|govern|governs|manage|manages|have|has|give|gives|does|do|are|is)\b|"
    r"\bwho (?:makes|make) up\b|\b(?:consists?|consisting) of\b|\b(?:is|are) (?:made up|composed) of\b|"
    r"\b(?:comprise|comprises)\b\s*\?|\bhow is\b[^?]{0,80}\b(?:organi[sz]ed|structured|composed|made up)\b", re.I)
MADE_OF = re.compile(r"\b(?:organs|bodies|institutions)\s+of\s+the\s+[A-Z][\w-]*(?:\s+[\w-]+){0,4}?\s+"
                     r"(?:are|shall\s+be)\b|"
                     r"\b(?:shall\s+)?consists?\s+of\b|\b(?:is|are|shall\s+be)\s+composed\s+of\b|\bshall\s+comprise\b",
                     re.I)


def answering_formula(question: str) -> re.Pattern[str] | None:
    """The formula of the clause that answers a membership or composition question, or None."""
    if asks_who_may_join(question):
        return ELIGIBLE
    if _ASKS_MADE_OF.search(question):
        return MADE_OF
    return None


def asks_who_may_join(question: str) -> bool:
    """The question asks who is eligible to join or become a member."""
    return bool(_ASKS.search(question))


def eligible_in(quote: str) -> str:
    """Those the clause admits, in its words, or ""."""
    m = _SUBJECT_MAY.match(quote) or _OPEN_TO.search(quote)
    return m.group(1).strip(" ,") if m else ""
