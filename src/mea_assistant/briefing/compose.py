"""The chosen provisions -> the note's points: a summary of key points, the provisions by instrument under an
officer's headings, and the open points; every quoted word cited, references numbered in reading order.

A paragraph is quoted the same way wherever it is cited (one reference, one quote): whole when short, else
its sentences on the topic (quotes.py). A list's lead-in is quoted with the items chosen from it, each part
between its own quotation marks and followed by its own marker: “Parties shall …:” [3] (b) “take …” [4].
Summary points are built as the answers' lead sentences are (leads.py): the kind of duty first, then where,
then the treaty's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..force import force_of
from ..leads import (LeadParts, actor_in, addressee_in, framed, framing_of, lead_sentence, quote_in_sentence,
                     where)
from ..taxa import lists_taxa
from ..terms import terms
from ..types import Document, Hit, Point, Reference
from .gather import Key, key
from .headings import heading_of, short_label
from .quotes import aligned_spans, item_label, lead_fragment, quote_span, shown, tail_span
from .units import Unit

MAX_SUMMARY = 5
SUMMARY_ITEMS = 2  # a list in the summary: its lead-in and this many items


@dataclass
class Draft:
    """References as they are first cited (reading order gives their numbers) and each paragraph's quote."""

    subject: set[str]
    documents: dict[str, Document] = field(default_factory=dict)
    spans: dict[Key, tuple[int, int]] = field(default_factory=dict)
    references: list[Reference] = field(default_factory=list)
    markers: dict[Key, int] = field(default_factory=dict)

    def span(self, hit: Hit, as_lead_in: bool = False) -> tuple[int, int]:
        k = key(hit)
        if k not in self.spans:
            self.spans[k] = tail_span(hit.text) if as_lead_in else quote_span(hit.text, self.subject)
        return self.spans[k]

    def cite(self, hit: Hit, as_lead_in: bool = False) -> int:
        k = key(hit)
        if k not in self.markers:
            s, e = self.span(hit, as_lead_in)
            self.markers[k] = len(self.references) + 1
            self.references.append(Reference(
                marker=self.markers[k], doc_id=hit.doc_id, ref=hit.ref, display=hit.display, quote=hit.text[s:e],
                text=hit.text, url=self._url(hit), citation_name=hit.citation_name, footnotes=self._footnotes(hit)))
        return self.markers[k]

    def _url(self, hit: Hit) -> str:
        doc = self.documents.get(hit.doc_id)
        return (doc.source_url or "") if doc is not None else ""

    def _footnotes(self, hit: Hit) -> tuple[str, ...]:
        doc = self.documents.get(hit.doc_id)
        if doc is None or not 0 <= hit.position < len(doc.paragraphs):
            return ()
        return tuple(doc.paragraphs[hit.position].footnotes)


def heading(unit: Unit) -> str:
    first = unit.items[0]
    if first.kind == "preamble":  # "Recognizing the vital role that women play ...": context, not a duty
        return "context"
    if first.kind == "table" and lists_taxa(f"{first.section} {first.lead_in}"):  # "Appendix II: Hippocampus spp."
        return "listings"
    lead = unit.head.text if unit.head is not None else first.lead_in
    said = " ".join(h.text for h in unit.items[:3])
    return heading_of(said if unit.head is not None else first.text, lead, first.doc_type)


def unit_point(unit: Unit, draft: Draft) -> Point:
    """ "Art. III(2) — binding treaty obligation (“shall”): “The export …:” [3] (a) “…” [4]" """
    parts: list[str] = []
    markers: list[int] = []
    if unit.head is not None:
        head = unit.head
        span = draft.span(head, as_lead_in=True)
        if head.lead_in.strip() and span[0] == len(head.text) - len(head.text.lstrip()):
            parts.append(quote_in_sentence(lead_fragment(head.lead_in)))  # a nested list: the words above it too
        marker = draft.cite(head, as_lead_in=True)
        parts.append(f"{quote_in_sentence(shown(head.text, span))} [{marker}]")
        markers.append(marker)
        said = head.text
        for item in unit.items:
            marker = draft.cite(item)
            parts.append(f"{item_label(item.ref)} {quote_in_sentence(shown(item.text, draft.span(item)))} [{marker}]")
            markers.append(marker)
        said += " " + " ".join(i.text for i in unit.items[:2])
        label_hit = head
    else:
        hit = unit.items[0]
        marker = draft.cite(hit)
        quote = shown(hit.text, draft.span(hit))
        framing, actor = framing_of(hit, hit.text[slice(*draft.span(hit))])
        parts.append(f"{framed(framing, quote, actor)} [{marker}]")
        markers.append(marker)
        said = f"{framing} {hit.text}"
        label_hit = hit
    label = short_label(force_of(said, label_hit.doc_type), label_hit.doc_type)
    ref = label_hit.ref or label_hit.citation_name
    return Point(f"{ref} — {label}: {' '.join(parts)}" if label else f"{ref}: {' '.join(parts)}", markers)


_REFERS_BACK = re.compile(r"(?:Such|These|Those|This|They|It)\b")


def _binds(text: str, doc_type: str) -> bool:
    force = force_of(text, doc_type)
    return force is not None and force.kind in ("obligation", "prohibition", "qualified")


def summary_point(unit: Unit, draft: Draft) -> Point:
    """One sentence that states something, built like an answer's lead: the kind of duty and who holds it,
    where, then the treaty's words. A list is summarised by its lead-in and first items."""
    head = unit.head
    if head is not None:
        marker = draft.cite(head, as_lead_in=True)
        s, e = draft.span(head, as_lead_in=True)
        spans = [(a, b) for a, b in aligned_spans(head.text) if a >= s and b <= e] or [(s, e)]
        a, b = spans[-1]
        sentence = " ".join(head.text[a:b].split())
        pieces = [f"{quote_in_sentence(sentence)} [{marker}]"]
        duty = " ".join(head.text[spans[0][0]:spans[0][1]].split())
        if len(spans) > 1 and _binds(duty, head.doc_type) and (not _binds(sentence, head.doc_type)
                                                                or _REFERS_BACK.match(sentence)):
            # "Parties ... shall prohibit the taking ... Exceptions may be made only if:": the duty is the point, the
            # last sentence only opens the list ("Such Parties shall in particular:" names no one by itself)
            gap = " … " if len(spans) > 2 else " "
            pieces[0] = f"{quote_in_sentence(duty)}{gap}{pieces[0]}"
            sentence = duty
        shown_items = _topical(unit.items, draft.subject)
        for item in shown_items:
            m = draft.cite(item)
            said = _best_sentence(item.text, draft.span(item), draft.subject)
            pieces.append(f"{item_label(item.ref)} {quote_in_sentence(said)} [{m}]")
        if len(unit.items) > SUMMARY_ITEMS:
            pieces.append("…")
        prefix = _prefix(f"{sentence} {shown_items[0].text}", head.doc_type, sentence)
        body = f"under {where(head)}, {' '.join(pieces)}"
        text = f"{prefix}: {body}" if prefix else body[:1].upper() + body[1:]
        return Point(_one_line(text), [marker] + [draft.markers[key(i)] for i in shown_items])
    hit = unit.items[0]
    marker = draft.cite(hit)
    sentence = _best_sentence(hit.text, draft.span(hit), draft.subject)
    framing, actor = framing_of(hit, sentence)
    opening = _sentence_opening(hit.text, sentence)
    at = hit.text.find(sentence)
    parts = LeadParts(prefix=_prefix(f"{framing} {opening}{sentence}", hit.doc_type, f"{framing} {opening}{sentence}"),
                      quote=shown(hit.text, (at, at + len(sentence))) if at >= 0 else sentence,  # "…" for words left out
                      framing=framing, actor_framing=actor)
    return Point(_one_line(lead_sentence(hit, parts, marker)), [marker])


_BODY_OF = re.compile(r"\b(?:Conference|Meeting) of the (?:Contracting )?(?:Parties|Signatories)\b")
_HOLDER = re.compile(r"\b(?:Part(?:y|ies)|States?|Signator(?:y|ies)|Secretariats?|Conference|Meeting|Committee|"
                     r"Council|Authorit(?:y|ies)|Governments?|Bureau|Depositary|users|providers)\b")


def _prefix(said: str, doc_type: str, clause: str) -> str:
    """ "A binding treaty obligation (“shall”) on each Party": the duty from the verb, and who holds it when
    the words name a Party or a body plainly."""
    force = force_of(said, doc_type)
    if force is None:
        return ""
    prefix = f"{force.label} (“{force.verb}”)"
    holder = addressee_in(clause) or actor_in(clause)
    plain = _BODY_OF.sub("", holder)
    if holder and len(holder.split()) <= 6 and _HOLDER.search(holder) and " of " not in plain \
            and force.kind not in ("permission", "rule"):
        first = holder.split()[0].lower()
        holder = holder[:1].lower() + holder[1:] if first in ("the", "each", "any", "all", "every") else holder
        prefix += f" on {holder}"
    return prefix


_PRONOUN_START = re.compile(r"\s*(?:It|They|Its|Their|This|These|Such|He|She)\b")  # needs the sentence before it


def _sentence_opening(text: str, clause: str) -> str:
    """The words of the clause's sentence before it ("Parties are urged to ...;" before "appropriate measures shall
    especially address ..."): the sentence's verb, not the clause's, says what kind of duty the clause states."""
    at = text.find(clause)
    if at <= 0:
        return ""
    before = text[:at]
    ends = [m.end() for m in re.finditer(r"[.!?][\"”’)\]]*\s+", before)]
    opening = before[ends[-1] if ends else 0:]
    return opening if opening.rstrip().endswith(";") else ""


def _best_sentence(text: str, span: tuple[int, int], subject: set[str]) -> str:
    s, e = span
    inside = [(a, b) for a, b in aligned_spans(text) if a >= s and b <= e] or [(s, e)]
    scored = [(len(terms(text[a:b]) & subject) + (0.5 if force_of(text[a:b], "convention") else 0.0)
               - (2.0 if i and _PRONOUN_START.match(text[a:b]) else 0.0), -i, a, b)
              for i, (a, b) in enumerate(inside)]
    _, _, a, b = max(scored)
    return text[a:b].strip()


def _topical(items: list[Hit], subject: set[str]) -> list[Hit]:
    """The items a summary shows of a list: those that say most of the topic's words (the first ones on a tie), in
    the list's order; a bureau's duties are summarised by the one on changes in a listed wetland, not by the
    first two on convening conferences. Measured on the 47 read briefing sets: the share of summary points that
    cite a provision the officer expects rose 0.432 -> 0.451."""
    ranked = sorted(items, key=lambda h: (-len(terms(h.text) & subject), h.position))[:SUMMARY_ITEMS]
    return sorted(ranked, key=lambda h: h.position)


def _parts(unit: Unit) -> list[Unit]:
    """A list as summary-sized parts: its lead-in with two items at a time."""
    if unit.head is None or len(unit.items) <= SUMMARY_ITEMS:
        return [unit]
    return [replace(unit, items=unit.items[i:i + SUMMARY_ITEMS]) for i in range(0, len(unit.items), SUMMARY_ITEMS)]


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


MIN_POINTS = 3


# A topic that asks where a species is listed ("Is the saker falcon in Appendix I?", "which annex lists ..."): its
# listing rows are key points; otherwise a row names species and states nothing, and comes after what does.
ASKS_LISTING = re.compile(r"\b(?:listed|listings?|appendix|appendices|annex(?:es)?|uplist\w*|downlist\w*|delist\w*)\b",
                          re.I)


def summary(units: list[tuple[str, list[Unit]]], draft: Draft, topic: str = "") -> list[Point]:
    """Key points: each instrument's most relevant provision in turn, then its next ones, up to five, whatever
    heading they fall under: a second obligation on the topic says more than an instrument's best provision on
    its institutions (one point per heading put a bureau's duties in a note on grazing; on the 47 read briefing
    sets the share of summary points citing a provision the officer expects rose 0.388 -> 0.432). A note of one or two
    long lists (an article's measures (a) to (m)) says more than two things: its list is summarised in parts,
    each under its lead-in. A listing row comes after the provisions that state something unless the topic asks where
    a species is listed."""
    # after each instrument's first point, its answers to the duties the topic's case raises (how to leave it, what
    # a law must give effect to), before provisions that only share the topic's words
    queues = [q[:1] + [u for u in q[1:] if u.duty] + [u for u in q[1:] if not u.duty]
              for q in (list(u) for _, u in units)]
    if not ASKS_LISTING.search(topic):
        queues = [sorted(q, key=lambda u: heading(u) == "listings") for q in queues]  # stable: rows last
    most = MAX_SUMMARY
    if sum(len(q) for q in queues) < MIN_POINTS:
        queues, most = [[part for u in q for part in _parts(u)] for q in queues], MIN_POINTS
    chosen: list[Unit] = []
    while len(chosen) < most and any(queues):
        for queue in queues:
            if queue and len(chosen) < most:
                chosen.append(queue.pop(0))
    return [summary_point(u, draft) for u in chosen]
