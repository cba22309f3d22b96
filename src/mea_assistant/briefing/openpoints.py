"""Open points: what the cited texts leave open, and where the instruments differ.

Read from the cited provisions themselves, never invented: a text's legal weight (force.py: a treaty binds,
a resolution recommends, a memorandum of understanding or a work programme binds no one), a duty its own
wording qualifies ("shall endeavour", "as far as possible"), a matter it leaves to a later decision ("to be
determined by the Meeting of the Signatories"), a period that has ended, a heading of the note that no text
fills, and instruments that word the same matter with different force.
"""

from __future__ import annotations

import datetime as _dt
import re

from ..force import NON_BINDING_TYPES, TREATY_TYPES, force_of
from ..leads import where
from ..stores.hits import paragraph_hit
from ..types import Document, Hit, Point
from .compose import Draft, heading
from .gather import key
from .topic import is_question
from .headings import TITLES
from .quotes import aligned_spans
from .units import Unit

MAX_OPEN = 6
_NOT_OPERATIVE = ("front-matter", "heading-text", "preamble", "acting-body")
_STATUS = re.compile(r"\bnon-?(?:legally[- ])?binding\b|\blegally binding\b|\bnot (?:be )?legally binding\b", re.I)
_SELF = re.compile(r"\bThis (?:Memorandum|Agreement|Plan|Programme|Strategy|Instrument|Declaration|Resolution|MoU|"
                   r"Action Plan|Work Programme)\b", re.I)
_LATER = re.compile(r"\b(?:to be (?:determined|decided|adopted|agreed|established)|shall (?:at its first (?:meeting|"
                    r"session) )?(?:determine|decide)|should be determined|as may be (?:decided|determined|agreed)|"
                    r"at (?:its|their) first (?:meeting|session)|shall consider the need|if (?:so )?established)\b",
                    re.I)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")
_KIND = {"mou": "a memorandum of understanding", "resolution": "a resolution of its governing body",
         "work-programme": "a work programme", "strategic-plan": "a strategic plan", "action-plan": "an action plan",
         "correspondence": "a secretariat's correspondence", "decision": "a decision of its governing body"}


def open_points(units: list[tuple[str, list[Unit]]], draft: Draft, documents: dict[str, Document], topic: str
                ) -> list[Point]:
    points: list[Point] = []
    cited = [(d, h) for d, us in units for u in us for h in u.paragraphs() if key(h) in draft.markers]
    points += _legal_weight(units, draft, documents)
    points += _qualified(cited, draft)
    points += _later(cited, draft)
    points += _ended(units, draft, documents)
    points += _differ(units, draft)
    points += _unfilled(units, topic)
    return points[:MAX_OPEN]


def _first_marker(doc_units: list[Unit], draft: Draft) -> int:
    return min(draft.markers[key(h)] for u in doc_units for h in u.paragraphs() if key(h) in draft.markers)


def _legal_weight(units: list[tuple[str, list[Unit]]], draft: Draft, documents: dict[str, Document]) -> list[Point]:
    weak = [(d, us) for d, us in units if documents[d].doc_type not in TREATY_TYPES]
    if not weak:
        return []
    treaties = [documents[d].citation_name for d, _ in units if documents[d].doc_type in TREATY_TYPES]
    parts, markers = [], []
    for d, us in weak:
        doc = documents[d]
        kind = _KIND.get(doc.doc_type, f"a {doc.doc_type.replace('-', ' ')}")
        binds = "binds no one as a treaty would" if doc.doc_type in NON_BINDING_TYPES else \
            "recommends and requests; it creates no treaty obligation"
        own = _states_status(us) or status_paragraph(doc)
        marker = draft.cite(own) if own is not None else _first_marker(us, draft)
        parts.append(f"{doc.citation_name} is {kind} and {binds} [{marker}]")
        markers.append(marker)
    lead = f"Legal weight differs: {', '.join(treaties)} {'is a treaty' if len(treaties) == 1 else 'are treaties'}" \
        f" binding on {'its' if len(treaties) == 1 else 'their'} Parties, while " if treaties else "Legal weight: "
    return [Point(lead + "; ".join(parts) + ".", markers)]


def status_paragraph(doc: Document) -> Hit | None:
    """The paragraph in which a document states its own legal status ("This Memorandum of Understanding is a
    non-legally binding instrument"), wherever it is in the document."""
    for p in doc.paragraphs:
        said = _SELF.search(p.text)
        if said and _STATUS.search(p.text[said.end():said.end() + 120]) and p.kind not in _NOT_OPERATIVE:
            return paragraph_hit(doc, p.position, 0.0)
    return None


def status_points(units: list[tuple[str, list[Unit]]], draft: Draft, documents: dict[str, Document]) -> list[Point]:
    """Key points for a short summary: what each discussed non-treaty instrument says of its own legal weight,
    in its own words (a desk officer needs to know a memorandum binds no one)."""
    out = []
    for d, _ in units:
        doc = documents[d]
        hit = status_paragraph(doc) if doc.doc_type not in TREATY_TYPES else None
        if hit is None:
            continue
        marker = draft.cite(hit)
        quote = " ".join(hit.text[slice(*draft.span(hit))].split())
        out.append(Point(f"Legal weight: under {where(hit)}, “{quote}” [{marker}]", [marker]))
    return out


def _states_status(doc_units: list[Unit]) -> Hit | None:
    for u in doc_units:
        for h in u.paragraphs():
            if re.search(r"\bnon-?(?:legally[- ])?binding\b|\blegally binding\b", h.text, re.I):
                return h
    return None


def _qualified(cited: list[tuple[str, Hit]], draft: Draft) -> list[Point]:
    out = []
    for _, hit in cited:
        quote = hit.text[slice(*draft.spans[key(hit)])]
        force = force_of(quote, hit.doc_type)
        if force is None or hit.doc_type not in TREATY_TYPES or force.kind not in ("obligation", "qualified"):
            continue
        if force.kind == "qualified" or force.qualifier:
            words = force.qualifier or force.verb
            out.append(Point(f"{where(hit)} qualifies the duty (“{words}”): the text leaves how far it goes to the "
                             f"judgement of those who hold it [{draft.markers[key(hit)]}].", [draft.markers[key(hit)]]))
        if len(out) >= 2:
            break
    return out


def _later(cited: list[tuple[str, Hit]], draft: Draft) -> list[Point]:
    out = []
    for _, hit in cited:
        s, e = draft.spans[key(hit)]
        for a, b in aligned_spans(hit.text):
            if a >= s and b <= e and _LATER.search(hit.text[a:b]):
                sentence = " ".join(hit.text[a:b].split())
                marker = draft.markers[key(hit)]
                out.append(Point(f"Left to a later decision under {where(hit)}: “{sentence}” [{marker}]", [marker]))
                break
        if len(out) >= 2:
            break
    return out


def _ended(units: list[tuple[str, list[Unit]]], draft: Draft, documents: dict[str, Document]) -> list[Point]:
    out = []
    this_year = _dt.date.today().year
    for d, us in units:
        doc = documents[d]
        period = _PERIOD.search(f"{doc.citation_name} {doc.title}")
        if period and int(period.group(2)) < this_year:
            marker = _first_marker(us, draft)
            out.append(Point(f"{doc.citation_name} covers {period.group(1)}–{period.group(2)}, a period that has "
                             f"ended: check whether it was extended or replaced [{marker}].", [marker]))
    return out


def _differ(units: list[tuple[str, list[Unit]]], draft: Draft) -> list[Point]:
    """Instruments that state their provisions on the topic with different operative verbs."""
    verbs: list[tuple[str, str, int]] = []
    for _, us in units:
        for u in us:
            hit = u.head or u.items[0]
            force = force_of(f"{hit.lead_in} {hit.text}", hit.doc_type)
            if force is not None and key(hit) in draft.markers:
                verbs.append((hit.citation_name, force.verb.lower(), draft.markers[key(hit)]))
                break
    if len(verbs) < 2 or len({v for _, v, _ in verbs}) < 2:
        return []
    text = "; ".join(f"{name} uses “{verb}” [{m}]" for name, verb, m in verbs)
    return [Point(f"The instruments word their provisions with different force: {text}.", [m for _, _, m in verbs])]


def _about(topic: str) -> str:
    """The topic as a sentence can name it: itself when it is a short phrase, else "this topic" (a request asked as a
    question or at length reads badly pasted in: "... on What CMS requires of ...")."""
    return "this topic" if is_question(topic) or len(topic.split()) > 10 else topic


def _unfilled(units: list[tuple[str, list[Unit]]], topic: str) -> list[Point]:
    found = {heading(u) for _, us in units for u in us}
    topic = _about(topic)
    out = []
    if "institutions" not in found:
        out.append(Point(f"The cited texts set no body, reporting duty or deadline specific to {topic}; "
                         f"check the decisions of the governing bodies ({TITLES['institutions'].lower()}).", []))
    if "cooperation" not in found:
        out.append(Point(f"The cited texts say nothing specific on cooperation with other conventions or "
                         f"organizations on {topic}.", []))
    return out
