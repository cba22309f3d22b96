"""Which document a question asks to speak: "Does Res. 11.10 say anything about ...?", "... according to the CITES
Secretariat's 2025 response?". Its own paragraphs answer first, whatever else the question names (the joint work
programme whose themes the response reports)."""

from __future__ import annotations

import re

from .queries import analyse, named_conventions
from .types import Document

# "Does Resolution 11.10 say anything about the joint work programme?": the text named before "say" is the one
# asked about, whatever else the question names; any of its paragraphs answers, its preamble included.
_SPEAKER = re.compile(r"^\s*(?:and\s+)?(?:does|do|did|is there anything in)\s+(?P<who>.{2,80}?)\s+(?:say|said|mention|"
                      r"refer|address|cover|deal with|speak|have anything|contain)\b", re.I)


def speaker_documents(text: str, documents: dict[str, Document]) -> list[str]:
    """The documents a "does X say anything about Y?" question asks about (X), or none."""
    m = _SPEAKER.match(text)
    if not m:
        return []
    return analyse(m.group("who"), documents).doc_ids


# "What themes does the joint work programme cover, according to the CITES Secretariat's 2025 response?": the text
# named after "according to" is the source asked for; the other is what it reports on.
_SOURCE = re.compile(r"\b(?:according to|as (?:stated|set out|reported|described|explained) (?:in|by)|"
                     r"in the (?:view|words) of)\s+(?P<who>[^,;?]{2,80})", re.I)


# "And what does the CMS synergies resolution say about that joint programme?": the document before "say" answers,
# though its words name another (the programme) too
_SAYS = re.compile(r"^\s*(?:and\s+)?(?:so\s+)?what\s+(?:does|do|did)\s+(?P<who>.{2,80}?)\s+"
                   r"(?:say|said|state|provide)\b", re.I)


def source_documents(text: str, documents: dict[str, Document]) -> list[str]:
    """The documents an "according to X" or "what does X say" question takes its answer from (X), or none."""
    named = [*_SOURCE.finditer(text), *_SAYS.finditer(text)]
    return [d for m in named for d in analyse(m.group("who"), documents).doc_ids]


# "Has the CMS side said anything about that joint work in its own decisions?", "And on the CMS side, what has the COP
# said about it?": what that convention's meetings adopted, its resolutions and decisions, answers
_DECIDED = re.compile(r"\b(?:said|say|says|decided|decisions?|resolutions?)\b", re.I)
_SIDE = re.compile(r"\bthe\s+(?P<who>[\w-]+(?:\s+[\w-]+)?)\s+side\b|\b(?P<code>[A-Z]{3,6})\s+(?:COP|MOP)\b")
_ADOPTED = ("resolution", "decision")


def decided_documents(text: str, documents: dict[str, Document]) -> list[str]:
    """The resolutions and decisions of the convention a question asks to speak through its meetings, or none."""
    m = _SIDE.search(text)
    if not m or not _DECIDED.search(text):
        return []
    codes = named_conventions(m.group("who") or m.group("code"))
    return [d.doc_id for d in documents.values() if d.doc_type in _ADOPTED and d.conventions[:1]
            and d.conventions[0] in codes]
