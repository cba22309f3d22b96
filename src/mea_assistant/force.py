"""What kind of duty a provision states, read from its operative verb and the kind of instrument.

Delegates ask "must we?" and "is it binding?": the answer is in the verb. In a treaty (convention, protocol,
agreement) *shall* / *shall not* bind the Parties; *should* recommends; *may* permits. A resolution or
decision of a Conference of the Parties *urges*, *requests*, *encourages*, *invites*: recommendations, not
treaty obligations. A memorandum of understanding is a non-binding instrument whatever its verbs. These are
the conventions of treaty drafting (see the Vienna Convention on the Law of Treaties and the conventions'
own rules of procedure), not rules learnt from any question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TREATY_TYPES = ("convention", "protocol", "agreement")
NON_BINDING_TYPES = ("mou", "action-plan", "strategic-plan", "work-programme", "correspondence")

_MODALS = [  # (pattern, verb as quoted, kind); the first match in the text wins, so stronger forms come first
    # A savings clause leaves other rights and treaties as they are: "The provisions of the present Convention shall in
    # no way affect the right of Parties to adopt ...", "Nothing in this Convention shall prejudice ...": a rule of the
    # treaty, neither a duty nor a prohibition on a Party.
    (r"\bshall\s+(?:in\s+no\s+way|not)\s+(?:affect|prejudice|derogate)\b|\bnothing\s+in\b[^.;:]{0,80}?\bshall\b",
     "shall in no way affect", "rule"),
    (r"\bshall not\b|\bmust not\b|\bmay not\b|\bshall in no case\b|^\s*no\b[^.;:]{0,60}?\b(?:may|shall)\b",
     "shall not", "prohibition"),
    (r"\bshall\s+(?:\w+\s+){0,3}?endeavou?r\b|\bshall\s+(?:\w+\s+){0,2}?(?:strive|seek)\b", "shall endeavour",
     "qualified"),
    # "shall" with the instrument or an act as its subject states a rule of the treaty, not a Party's duty:
    # "This Convention shall enter into force ...", "Denunciation shall take effect ...".
    (r"\bshall\s+(?:thereafter\s+)?(?:take effect|take place|enter into force|come into force|continue in force|remain in force|"
     r"cease to (?:have effect|be in force)|be open for|be deemed|be construed|be considered as|be subject to "
     r"(?:ratification|acceptance|approval))\b", "shall", "rule"),
    (r"\bshall\b|\bmust\b|\bare required to\b|\bis required to\b|\bundertakes? to\b", "shall", "obligation"),
    # the passive forms too: "Range States are urged to ...", "the Secretariat is requested to ..."
    (r"\burges?\b|\bcalls? (?:up)?on\b|\b(?:is|are) (?:also |further |again |\w+ly )?(?:urged|called upon)\b", "urges", "recommendation"),
    (r"\brequests?\b|\binstructs?\b|\bdirects?\b|\b(?:is|are) (?:also |further |again |\w+ly )?(?:requested|instructed|directed) to\b",
     "requests", "request"),
    (r"\bshould\b|\brecommends?\b", "should", "recommendation"),
    (r"\bencourages?\b|\binvites?\b|\b(?:is|are) (?:also |further |again |\w+ly )?(?:encouraged|invited) to\b|\bappeals? to\b", "encourages",
     "encouragement"),
    (r"\bdecides?\b|\badopts?\b", "decides", "decision"),
    # (not the month of a calendar: "May: 10th meeting of the Standing Committee", "14 May 2012")
    (r"(?<!\d\s)\bmay\b(?!\s*(?::|\d))|\bis entitled to\b|\bare entitled to\b", "may", "permission"),
]
_QUALIFIERS = re.compile(r"\b(as far as possible|as appropriate|where appropriate|to the extent possible|"
                         r"in accordance with (?:its|their) (?:national|domestic) (?:law|legislation|capabilities)|"
                         r"subject to (?:its|their) national legislation|endeavou?r)\b", re.I)


@dataclass(frozen=True)
class Force:
    verb: str  # the operative words as they stand in the text ("shall", "urges", "may")
    kind: str  # prohibition | qualified | obligation | rule | recommendation | request | encouragement | decision |
    # permission
    label: str  # what it means for a delegate, in words
    qualifier: str = ""  # "as far as possible and as appropriate" when the text softens a "shall"


# A modal inside a relative clause qualifies a noun, it is no operative verb: "Any dispute which may arise ... shall be
# subject to negotiation" obliges, it does not permit; "such other functions as may be entrusted to it".
_RELATIVE = re.compile(r"\b(?:which|that|who|whom|as)\s+(?:may|might|should|shall|must|could|would)\b", re.I)


def force_of(text: str, doc_type: str) -> Force | None:
    """The force of the first operative verb in `text` (a quote, or a lead-in plus its item)."""
    best: tuple[int, str, str, str] | None = None
    main = _RELATIVE.sub(lambda m: " " * len(m.group(0)), text)  # the same length: positions still compare
    for pattern, verb, kind in _MODALS:
        m = re.search(pattern, main, re.I)
        # The earliest verb governs; on a tie the stronger reading listed first wins ("shall not" over "shall").
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.group(0), verb, kind)
    if best is None:
        return None
    _, words, verb, kind = best
    qualifier = ""
    q = _QUALIFIERS.search(text)
    if q and kind in ("obligation", "qualified"):
        qualifier = q.group(1)
    return Force(verb=words.strip(), kind=kind, label=_label(kind, doc_type, bool(qualifier)), qualifier=qualifier)


def _label(kind: str, doc_type: str, qualified: bool) -> str:
    treaty = doc_type in TREATY_TYPES
    soft = doc_type in NON_BINDING_TYPES
    if kind in ("obligation", "prohibition", "qualified"):
        noun = "prohibition" if kind == "prohibition" else "obligation"
        if soft:
            return f"A commitment under a non-legally binding instrument, not a treaty {noun}"
        if not treaty:
            return f"A {noun} as worded in this text"
        if kind == "qualified" or qualified:
            return f"A binding treaty {noun}, qualified in its wording"
        return f"A binding treaty {noun}"
    if kind in ("recommendation", "request", "encouragement"):
        if treaty:
            return "A recommendation, not a binding obligation"
        return {"request": "A request of the body that adopted the text, not a treaty obligation",
                "encouragement": "An encouragement, not an obligation",
                }.get(kind, "A recommendation, not a treaty obligation")
    if kind == "rule":
        if soft:
            return "A rule as worded in a non-legally binding instrument"
        return "A rule the treaty lays down, not a duty on a Party" if treaty else "A rule as worded in this text"
    if kind == "decision":
        return "A decision of the body that adopted the text"
    return "A permission, not a duty"


def yes_or_no(force: Force, doc_type: str, asks_binding: bool, asks_negative: bool = False) -> str:
    """Yes or No to "is it binding?" / "must a Party ...?", from the force of the verb and the kind of text;
    empty for a rule of the treaty or a decision, where the verb says nothing about a duty. A memorandum's
    "shall" is a commitment its signatories made: "must we?" is yes, "is it legally binding?" no. A prohibition
    answers "is it binding?" and "is it prohibited?" yes, but "must the refugee leave?" ("shall not be required to
    leave") no."""
    if force.kind == "prohibition" and not asks_binding:
        return "Yes" if asks_negative else "No"
    if force.kind in ("obligation", "prohibition", "qualified"):
        return "No" if asks_binding and doc_type in NON_BINDING_TYPES else "Yes"
    return "No" if force.kind in ("recommendation", "request", "encouragement", "permission") else ""
