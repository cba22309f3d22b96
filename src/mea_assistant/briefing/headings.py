"""Which heading of a desk officer's note a provision belongs under, read from its wording.

The headings are the ones a note uses: scope and definitions, obligations, requests and recommendations,
institutions and reporting, cooperation; context, for a preamble's recital (it recognises, it binds no
one); and listings, for an appendix's or annex's records under a taxon's heading (a species' row binds through
the article that governs its appendix, not by its own words). The kind of duty comes from the operative verb and the kind of instrument (force.py: a treaty's *shall*
binds, a resolution *urges* or *requests*, a memorandum of understanding binds no one whatever its verbs).
A provision whose actor is a body (the Conference or Meeting of the Parties, a Secretariat, a committee, an
authority or focal point) or that sets reports, budgets or deadlines is about institutions and reporting; one
that works with other conventions, organizations or Parties is about cooperation. The order of the tests is the order of these rules.
"""

from __future__ import annotations

import re

from ..force import NON_BINDING_TYPES, Force, force_of

KINDS = ("context", "definitions", "listings", "obligations", "requests", "institutions", "cooperation")
TITLES = {"context": "Context (preamble)", "definitions": "Scope and definitions", "listings": "Listings",
          "obligations": "Obligations",
          "requests": "Requests and recommendations", "institutions": "Institutions and reporting",
          "cooperation": "Cooperation", "open": "Open points"}

_DEFINES = re.compile(r"^\s*(?:\(\w+\)\s*)?[\"“'‘][^\"”'’]{1,80}[\"”'’]\s*(?:\([^)]*\)\s*)?(?:in relation to [^.;:\"“]{1,80}?)?"
                      r"(?:means|includes|shall mean|refers to)\b|^\s*For the purposes? of this [A-Z]?\w+,? [^.;:]{0,80}\b(?:are|means)\b"
                      r"|^\s*(?:An?|The)\s+[\w -]{2,60}?\s+(?:as referred to in [^,;]{0,60}?\s+)?means\b"
                      r"|\bis (?:a|an) (?:non-)?(?:legally )?(?:binding )?instrument\b|\bshall apply to\b"
                      r"|^\s*The (?:objectives?|object|purpose) of this \w+", re.I)
_COOPERATION = re.compile(r"\b(?:co-?operat\w*|collaborat\w*|synerg\w*|partnerships?|liais\w*|joint (?:work|"
                          r"activit\w*|programmes?|projects?|meetings?)|jointly|coordinat\w*|co-ordinat\w*|"
                          r"memorand\w* of (?:understanding|cooperation))\b", re.I)
# Bodies by their capitalised names (a lower-case "committee" may be anyone's); the Ramsar text writes its "bureau"
# in lower case.
_BODY = re.compile(r"\b(?:Conference of the (?:Contracting )?Parties|Meeting of the (?:Parties|Signatories)|"
                   r"Secretariats?|Executive (?:Secretary|Director)|Scientific Council|Standing Committee|"
                   r"Technical Committee|Advisory Committee|Committee|Clearing[- ]House|[Bb]ureau|Depositary|"
                   r"Depository|focal points?|competent national authorit\w*|Management Authorit\w*|"
                   r"Scientific Authorit\w*|Authorit(?:y|ies)|subsidiary bod\w*)\b")
_REPORTING = re.compile(r"\b(?:reports?|reporting|national reports?|records?|budget|contributions?|"
                        r"financial regulations|deadlines?|not later than|at intervals|at least once every|"
                        r"(?:within|after) (?:a period of )?\w+ (?:days|months|years))\b"
                        r"|\bdesignat\w*\b[^.;]{0,80}\b(?:authorit\w*|focal points?|contact points?)", re.I)
_ACTOR_ZONE = 90  # characters of a provision (after its lead-in) in which its actor is named


def heading_of(text: str, lead: str, doc_type: str) -> str:
    """The heading for a provision's `text` read with its lead-in words `lead` (empty for a paragraph alone)."""
    said = f"{lead} {text}".strip()
    if _DEFINES.search(text):
        return "definitions"
    if _COOPERATION.search(said):
        return "cooperation"
    actor_zone = (lead or text)[:_ACTOR_ZONE]
    if _BODY.search(actor_zone) or _REPORTING.search(said):
        return "institutions"
    force = force_of(said, doc_type)
    if force is None:
        return "requests" if doc_type in NON_BINDING_TYPES else "obligations"
    if doc_type in NON_BINDING_TYPES:
        return "requests"
    if force.kind in ("obligation", "prohibition", "qualified", "rule", "permission", "decision"):
        return "obligations"
    return "requests"


def short_label(force: Force | None, doc_type: str) -> str:
    """ "binding treaty obligation (“shall”)": the force in a few words, for a point of the note."""
    if force is None:
        return ""
    label = force.label[:1].lower() + force.label[1:]
    label = re.sub(r"^an? ", "", label)
    return f"{label} (“{force.verb}”)"
