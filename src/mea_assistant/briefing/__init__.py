"""Topic -> a briefing note a desk officer could send: summary, provisions by instrument, open points, references.

gather.py asks the topic as several questions through the assistant's two-stage retrieval and scores what
they find on the topic, with each instrument's core provisions found by their headings (cores.py);
selection.py keeps the instruments and provisions that are on it, as lists or paragraphs (units.py); compose.py and
openpoints.py write the points, quoting whole sentences (quotes.py) under an officer's headings
(headings.py); provenance.py says which index and documents the note was drawn from. Rendering (Markdown,
HTML, Word, JSON) is note_export.py's and `Note.to_json`'s.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Sequence

from ..errors import InputError
from ..terms import terms
from ..types import Note, NoteSection, Point
from .compose import Draft, heading, summary, unit_point
from .gather import gather, key
from .headings import KINDS, TITLES
from .openpoints import open_points, status_points
from .provenance import index_version, scope_line, year_of
from .scope import scope_types
from .selection import select

if TYPE_CHECKING:
    from ..assistant import Assistant

MAX_TOPIC_CHARS = 1000  # a request with a paragraph of context (desk officers' requests run to 675 characters)
MIN_SUMMARY = 3  # a summary this short is completed by what the instruments say of their own legal weight

__all__ = ["MAX_TOPIC_CHARS", "build_note"]


def build_note(assistant: "Assistant", topic: str, conventions: Sequence[str] = (), doc_types: Sequence[str] = ()
               ) -> Note:
    """The note on `topic`, from the indexed documents (optionally only these conventions / document types)."""
    topic = " ".join((topic or "").split())
    if not topic:
        raise InputError("the topic is empty; name a subject, e.g. \"cooperation between CMS and CITES\"")
    if len(topic) > MAX_TOPIC_CHARS:
        raise InputError(f"the topic has {len(topic)} characters; the limit is {MAX_TOPIC_CHARS}: shorten it")
    conventions, doc_types = tuple(conventions or ()), tuple(doc_types or ()) or scope_types(topic)
    documents = assistant.index.documents
    pool = gather(assistant, topic, conventions, doc_types)
    selection = select(assistant, pool)
    units = [(d, selection.units[d]) for d in selection.documents if selection.units.get(d)]
    draft = Draft(subject=set(pool.subject) or terms(topic), documents=documents)
    points = summary(units, draft, topic)
    if len(points) < MIN_SUMMARY:
        points += status_points(units, draft, documents)[:MIN_SUMMARY - len(points)]
    sections: list[NoteSection] = []
    shown: set[tuple[str, int]] = set()
    for doc_id, doc_units in units:
        name = documents[doc_id].citation_name
        for kind in KINDS:
            mine = sorted((u for u in doc_units if heading(u) == kind), key=lambda u: u.position)
            section = NoteSection(f"{name}: {TITLES[kind]}", [], doc_id, kind)
            for unit in mine:
                fresh = [h for h in unit.paragraphs() if key(h) not in shown]
                if not fresh:
                    continue
                shown.update(key(h) for h in unit.paragraphs())
                section.points.append(unit_point(unit, draft))
            if section.points:
                sections.append(section)
    opened = open_points(units, draft, documents, topic)
    if len(points) < MIN_SUMMARY:  # still short: the legal weight of what is cited is a key point too
        points += [p for p in opened if p.text.startswith("Legal weight") and p.markers][:1]
    if not units:
        opened.insert(0, Point(f"The indexed documents do not address “{topic}”"
                               + (" within the filters chosen." if conventions or doc_types else "."), []))
    sections.append(NoteSection(TITLES["open"], opened, "", "open"))
    cited_docs = list(dict.fromkeys(r.doc_id for r in draft.references))
    names = [(documents[d].citation_name, year_of(documents[d].date)) for d in cited_docs]
    version = index_version(assistant.index.manifest, assistant.index.path.name, [y for _, y in names])
    return Note(topic=topic, generated=_dt.datetime.now().isoformat(timespec="seconds"), index_version=version,
                scope=scope_line(names, conventions, doc_types), summary=points, sections=sections,
                references=draft.references, conventions=conventions, doc_types=doc_types, searches=pool.searches)
