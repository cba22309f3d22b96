"""Which paragraph of a treaty's final clauses answers a question on when it enters into force.

Final clauses follow one drafting pattern across treaties: a first paragraph sets when the instrument itself
enters into force ("This Convention shall enter into force on the ninetieth day after the deposit of the
thirtieth instrument ..."), the next one when it enters into force for a State that joins afterwards ("For each
State ratifying ... after the deposit of the thirtieth instrument ..."), and a later article when a denunciation
takes effect. The three share nearly every word, so the ranker often puts the wrong one first. A question on
entry into force reads as the first unless it is about a State joining later ("for a country that joins late",
"once it is already in force"); neither is answered by the denunciation paragraph. A question on leaving the
instrument is answered by that paragraph, not by one that withdraws a listing or a reservation.
"""

from __future__ import annotations

import re
from typing import Callable

from ..answer_types import is_polar
from ..types import Hit

WINDOW = 8  # how far down the ranking a sibling final clause is looked for

_ASKS_IN_FORCE = re.compile(r"\b(?:enter(?:s|ed|ing)?|entry|c[ao]me|comes|coming|put|brought) into (?:force|effect)\b|"
                            r"\btak(?:e|es|ing)\s+effect\b|\btook effect\b|\bbec[ao]me(?:s)? (?:effective|operative)\b|"
                            r"\b(?:start|starts|started|begin|begins|began)\s+to\s+apply\b|"  # "start to apply to us"
                            r"\bbe(?:come|comes|came)?\s+bound\b"  # not by an amendment, annex or article
                            r"(?!\s+by\s+(?:\w+\s+){0,2}(?:amendments?|reservations?|annex\w*|appendi\w+|decisions?|"
                            r"resolutions?|recommendations?|articles?|provisions?|paragraphs?)\b)", re.I)
# Entry into force as the time another thing is counted from ("How long after it came into force was the first
# review conference held?"): not a question on the clause itself.
_SINCE_IN_FORCE = re.compile(r"\b(?:after|since|once|following|upon|until|before|from)\s+(?:it|its|their|the\s+[\w'’-]+"
                             r"(?:\s+[\w'’-]+){0,7}?)\s+(?:entry\s+into\s+force|(?:came|comes|come|entered|enters|"
                             r"has\s+entered|had\s+entered|was\s+in|is\s+in)\s+into\s+force|in\s+force)\b", re.I)
# Questions that are about another clause with its own "take effect": leaving, amending, reserving, listing.
_OTHER_CLAUSE = re.compile(r"\b(?:withdraw\w*|denounc\w*|denunc\w*|pull(?:s|ing|ed)? out|leav(?:e|es|ing)|exit\w*|amend\w*|"
                           r"annex\w*|appendi\w+|reservations?|suspen\w+|terminat\w+)\b|"
                           # "a protocol to the Convention", not "for its Nagoya Protocol to enter into force"
                           r"\bprotocols? to\b(?!\s+(?:enter|come|take|become|be|start|begin)\b)", re.I)
# A State that joins once the instrument is, or is about to be, in force; "my country", "only now ratifying": the
# asker's own State, whose entry into force is the joiner's clause's.
_ASKS_LATER = re.compile(r"\b(?:join|ratif|accede|accession|becom|sign)\w*\b[^?]{0,40}?\b(?:late|later|afterwards|"
                         r"subsequently|thereafter|years? after)\b|\balready in force\b|\bafter joining\b|"
                         r"\bonly now\b[^?]{0,20}\b(?:join|ratif|accede|becom|sign)\w*|"
                         r"\b(?:my|our) (?:country|State|Government)\b|"
                         r"\bfor (?:a|an|any|each|every|that|the|this|new|other)\s+(?:new\s+|particular\s+|given\s+)?"
                         r"(?:State|country|countries|Party|Parties|member|signatory|Government)\b", re.I)

# The instrument as the subject of the sentence that opens the paragraph (or its lead-in): "This Convention shall
# enter into force ...", "The present Agreement shall come into force when: (a) ...".
# The present tense of the Hague and UNCITRAL conventions too: "This Convention enters into force on the first day ...".
# "The Convention shall enter into force ..." (the Hague Conference's style) and the ILO's "It shall come into force twelve
# months after ... two Members ..." (the Convention named in the paragraph before) too.
_INITIAL = re.compile(r"^\s*(?:(?:This|The present)\s+(?:[A-Z][\w-]*\s+){0,3}|The\s+(?=(?:Convention|Protocol|Agreement|"
                      r"Treaty|Charter|Constitution|Statute)\s)(?:[A-Z][\w-]*\s+)|It\s+)(?:and\s[^.;]{0,80}?)?"
                      r"(?:(?:shall|will)\s+(?:\w+\s+)?(?:enter|come)|enters|comes)\s+into\s+force\b")
# The later joiner's clause: "For each State which ratifies ... after ...", "For other States, ...", "Thereafter".
_JOINER = re.compile(r"^\s*(?:For\s+(?:each|any|every|other|those|a|an|the|such|States?|Parties|signatories)\b|As regards\b|In respect of\b|"
                     r"Thereafter\b|Subsequently\b|After (?:the|its) (?:date of )?entry into force\b)|"
                     r"\binto force (?:for|in respect of|with respect to) (?:each|any|every|such|that|the|a|an) "
                     r"(?:State|Party|signatory|country|Government|member)", re.I)
_LEAVING = re.compile(r"\b(?:denunciation|withdrawal|denounce[sd]?|withdraws?)\b", re.I)


# The entry into force of an instrument the text provides for, not of the text itself: "Any protocol shall enter into
# force ..." (CBD Art. 36(2)), "Amendments ... shall enter into force ...".
_OTHER_INSTRUMENT = re.compile(r"^\s*(?:Any|An|Each|Such)\s+(?:protocol|amendments?|annex(?:es)?|additional\s+annex)\b|"
                               r"^\s*(?:Protocols|Amendments|Annexes)\b", re.I)


def _clause(hit: Hit) -> int | None:
    """0: the instrument's own entry into force, 1: its entry into force for a later joiner, 2: a denunciation
    taking effect, 3: the entry into force of a protocol, amendment or annex it provides for, None: not a final
    clause on force. An item is read with the lead-in that frames it."""
    text = " ".join(hit.lead_in.split()) if hit.lead_in.strip() else hit.text
    # "after two years from the date on which this Protocol has entered into force for a Party, that Party may
    # withdraw": the denunciation clause, though it counts from a joiner's entry into force
    if _LEAVING.search(hit.text) and (re.search(r"\btake effect\b|\beffective\b", hit.text, re.I) or
                                      _DENUNCIATION.search(hit.text)):
        return 2
    if not re.search(r"\binto force\b", text, re.I):
        return None
    if _OTHER_INSTRUMENT.search(text):
        return 3
    if _JOINER.search(hit.text):
        return 1
    if _INITIAL.search(text):
        return 0
    return None


def in_force_first(hits: list[Hit], query: str) -> list[Hit]:
    """Within each document's final clauses among the top hits, the one the question asks comes first: the
    instrument's own entry into force, or (for a State joining later) the joiner's clause; a denunciation last.
    Those paragraphs trade places, and the first clause of the kind asked leads; every other hit keeps its order."""
    if not hits or not _ASKS_IN_FORCE.search(_SINCE_IN_FORCE.sub(" ", query)) or _OTHER_CLAUSE.search(query):
        return hits
    order = (1, 0, 2, 3) if _ASKS_LATER.search(query) else (0, 1, 2, 3)
    classes = [_clause(h) for h in hits[:WINDOW]]  # each hit's class, read once
    if not any(c in (0, 1) for c in classes):
        return hits  # no clause on the instrument's own entry into force: a denunciation or amendment answers none
    # the clause asked leads even when a paragraph that only mentions entry into force ranked above it ("A
    # declaration takes effect simultaneously with the entry into force ...") ...
    ordered = _each_document_first(hits, lambda i: None if classes[i] is None else order.index(classes[i]),
                                   lambda i: classes[i] == order[0])
    # ... but not over a proviso of its own article the model put first ("For the purposes of paragraphs 1 and 2
    # above, any instrument deposited by a regional economic integration organization shall not be counted") when
    # the question asks whether it holds ("... does the EU's instrument count on top of its members'?"), not how many
    # ratifications it takes or how long after them
    if classes[0] is None and is_polar(query) and ordered[0] is not hits[0] and \
            (ordered[0].doc_id, ordered[0].section) == (hits[0].doc_id, hits[0].section):
        return hits
    return ordered


def _each_document_first(hits: list[Hit], rank: Callable[[int], int | None], leads: Callable[[int], bool]
                         ) -> list[Hit]:
    """The top hits reordered: within each document, the hits `rank` ranks trade places by rank (stable within a
    rank; a hit ranked None keeps its place), then the first hit that `leads` comes first. `rank` and `leads` take
    a hit's position among the top hits."""
    top = hits[:WINDOW]
    out = list(range(len(top)))  # positions in `top`, reordered below
    for doc in dict.fromkeys(h.doc_id for h in top):
        slots = [i for i, h in enumerate(top) if h.doc_id == doc and rank(i) is not None]
        for slot, i in zip(slots, sorted(slots, key=lambda i: (rank(i), i))):
            out[slot] = i
    first = next((n for n, i in enumerate(out) if leads(i)), 0)
    out = [out[first]] + out[:first] + out[first + 1:]
    return [top[i] for i in out] + hits[WINDOW:]


# Leaving the instrument itself, in a delegate's words: not withdrawing a reservation, a species from a list or an
# objection, which treaties also "withdraw" ("may withdraw it at any time by notification to the Secretariat"); "the
# migratory species convention" names the instrument, not a species. A
# follow-up rewritten with the earlier question's words ("And under CITES? Party withdraw") ends on the verb.
# Leaving asked in plain words, the instrument unnamed: "how a Party can leave.", "how each ... can be left" (not "what
# can be left to national law")
LEAVE_PLAINLY = (r"\b(?:can|could|may|might|to|would|will)\s+(?:later\s+|then\s+)?leave\s*(?:later\s*)?[.?!;,]|"
                 r"\b(?:can|could|may|might)\s+(?:later\s+|then\s+)?be\s+left\b(?!\s+(?:to|open|out|aside|behind|"
                 r"unchanged|in)\b)")
_ASKS_LEAVING = re.compile(r"\b(?:withdraw\w*|pull(?:s|ing|ed)?\s+out|get(?:s|ting)?\s+out|opt(?:s|ing|ed)?\s+out)\s+"
                           r"(?:of|from)\b|\bwithdraw\w*\s*$|\bleav(?:e|es|ing)(?:\s+(?:the\s+)?(?:[A-Z]|conventions?\b|"
                           r"treat(?:y|ies)\b|agreements?\b|protocols?\b|memorand\w+\b|mou\b|"
                           # "leaving it" (not "leave it to the Parties", "leave it open")
                           r"(?:it|them)\b(?!\s+(?:to|up|out|open|as)\b))|\s*$)|\bquit(?:s|ting)?\b|\bdenounc\w*|"
                           r"\bdenunciation\b|\bstop(?:s|ping)?\s+being\s+(?:a\s+)?(?:party|member|signatory)\b|"
                           r"\bend(?:s|ing)?\s+(?:its|their|our)\s+participation\b|\bterminat\w*\s+(?:its|their|our)\s+"
                           rf"participation\b|{LEAVE_PLAINLY}", re.I)
_OTHER_OBJECT = re.compile(r"\breservations?\b|\bobjections?\b|(?<!migratory\s)\bspecies\b|\bspecimens?\b|\bappendi\w+\b|\bannex\w*\b|"
                           r"\blist(?:s|ing|ings)?\b|\bamendments?\b|\bproposals?\b|\bpermits?\b|\bsites?\b", re.I)
# The denunciation clause as treaties draft it: the instrument (or the organisation a constitution sets up) the object
# of "denounce" or "withdraw from" ("Any Party may denounce the present Convention", "a Contracting Party may withdraw
# from this Convention", "a Member may withdraw from the Agency"), or the
# clause on when "such withdrawal" or "the denunciation" takes effect, or an MOU's "any Signatory may terminate its
# participation"; not the depositary's list of what it notifies
# ("notifications of denunciation", "denunciations").
_DENUNCIATION = re.compile(r"\bdenounce[sd]?\s+(?:this|the\s+present|the|it)\b|\bmay\s+be\s+denounced\b|"
                           r"\bdenunciation\s+(?:shall|takes|will)\b|\b(?:such|any|a)\s+denunciation\b(?!\s+of\b)|"
                           r"\bwithdraw(?:s|n|al)?\s+from\s+(?:this|the\s+present|the)\s+(?:[A-Z][\w-]*\s+){0,3}?"
                           r"(?:Convention|Agreement|Protocol|Treaty|Memorandum|Charter|Constitution|Statute|"
                           r"Organi[sz]ation|Agency|Association|Union|Commission)\b|"
                           r"\bsuch\s+withdrawal\b|\bnotice\s+of\s+termination\b|"
                           r"\bterminate\s+(?:its|their|his|her)\s+participation\b", re.I)


def asks_leaving(text: str) -> bool:
    """The question or topic is about leaving the instrument itself ("can we leave later?", "withdraw from it")."""
    return bool(_ASKS_LEAVING.search(text))


def is_denunciation(hit: Hit) -> bool:
    """The clause on leaving the instrument or on when leaving takes effect (_DENUNCIATION)."""
    return bool(_DENUNCIATION.search(f"{hit.lead_in} {hit.text}"))


def leaving_first(hits: list[Hit], query: str) -> list[Hit]:
    """On a question about leaving the instrument, each document's denunciation clause comes before its paragraphs
    that only share the verb: "How does a Party withdraw from CITES?" is Art. XXIV, not withdrawing an Appendix III
    listing (Art. XVI(3)); a comparison takes each instrument's first paragraph. The first such clause leads."""
    if not hits or not asks_leaving(query) or _OTHER_OBJECT.search(query):
        return hits
    leaving = [is_denunciation(h) for h in hits[:WINDOW]]
    if not any(leaving):
        return hits
    if _ASKS_PROTOCOL.search(query):  # "If we leave the CBD, can we stay in the Nagoya Protocol?"
        along = next((i for i, h in enumerate(hits[:WINDOW]) if _WITHDRAWN_ALONG.search(h.text)), None)
        if along is not None:
            leaving = [i == along for i in range(len(leaving))]
    return _each_document_first(hits, lambda i: 0 if leaving[i] else 1, lambda i: leaving[i])


# A question on leaving that asks about an instrument's protocols as well ("can we stay in the Nagoya Protocol?",
# "does leaving the Vienna Convention take us out of the Montreal Protocol?") is answered by the clause that takes a
# Party out of the protocols with the convention (CBD Art. 38(3), UNFCCC Art. 25(3): "Any Party that withdraws from
# the Convention shall be considered as also having withdrawn from any protocol to which it is a Party").
# ("what happens to its Nagoya membership?": a protocol by its name)
_ASKS_PROTOCOL = re.compile(r"\b(?:its|their|our)\s+[A-Z][\w-]*\s+(?:membership|participation)\b|"
                            r"\b(?:stay|remain|still|keep|continue)\b[^?]{0,60}\bprotocols?\b|\b(?:its|any|the|their)\s+"
                            r"protocols\b|\bprotocols?\b[^?]{0,40}\b(?:as well|too|also)\b|\balso\b[^?]{0,40}\bprotocols?\b",
                            re.I)
_WITHDRAWN_ALONG = re.compile(r"\b(?:considered|deemed|regarded)\s+as\s+(?:also\s+)?having\s+(?:also\s+)?withdrawn\s+"
                              r"from\s+(?:any|the|its|each)\b|\balso\s+(?:be\s+)?(?:considered|deemed)\s+to\s+have\s+"
                              r"withdrawn\b", re.I)
