"""The annotation a listing row points to: "Which parts of agarwood does the CITES annotation exempt?" is answered
by the annotation the row marks ("Appendix II: Aquilaria spp. #14" -> "App. I, II and III, note #14", "All parts
and derivatives except: ..."), not by the row, which only lists the genus.

The appendices print an annotation's mark after the listed name and its text among the notes at their end; the
parser keeps each line's marks in the row's `meta["annotations"]` (parsing/tables.py) and makes each note its own
paragraph, whose ref ends with the mark.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from ..queries import glossed
from ..stores.hits import paragraph_hit
from ..types import Document, Hit, Paragraph

WINDOW = 3  # the listing row is looked for among this many first hits
_ASKS_ANNOTATION = re.compile(r"\bannotat\w*\b", re.I)
# What a population's note says: on what conditions, for which purposes, which products its trade is allowed
_ASKS_TERMS = re.compile(r"\b(?:conditions?|terms|purposes?|products?|derivatives?|exempt\w*|allow\w*|permit\w*|"
                         r"quotas?|trade[ds]?|export\w*)\b", re.I)


def _numbered(mark: str) -> tuple[str, str]:
    """A mark as parsing/tables.py writes it: ("#14", "") for an annotation, ("1", "Argentina") for a numbered
    note after the population it qualifies."""
    number, _, place = mark.partition(":")
    return number, place


def marks(row: Paragraph, taxa: Sequence[str] = (), query: str = "") -> list[str]:
    """The annotation marks of a row's lines naming one of `taxa`, or of all its lines when none does; a numbered
    note's mark ("1:Argentina") only when the question names the population it follows, as its number ("1"): by
    the place's name, its first six letters, or the glossary's country adjective ("Argentine", "Dutch")."""
    lines = row.text.splitlines()
    per_line = row.meta.get("annotations", "").split("\n")
    paired = list(zip(lines, per_line + [""] * (len(lines) - len(per_line))))
    named = [p for p in paired if any(t in p[0] for t in taxa)]
    said = f"{query} {' '.join(glossed(query))}" if query else ""
    found = [_numbered(m) for _, line_marks in named or paired for m in line_marks.split()]
    return list(dict.fromkeys(number for number, place in found
                              if not place or re.search(rf"\b{re.escape(place[:6])}", said, re.I)))


def annotation_first(hits: list[Hit], query: str, taxa: Sequence[str], documents: Mapping[str, Document]
                     ) -> tuple[list[Hit], list[Hit]]:
    """On a question about an annotation, the note a leading listing row marks comes first, the row after it,
    when the mark is the one of the species the question names (or the row's only one); so does the note on a
    population the question names when it asks on what terms it is traded ("On what conditions can vicuña wool
    from Argentina be traded?"). Returns the hits and the note when it was not among them (its similarities are
    still to compute)."""
    annotation = bool(_ASKS_ANNOTATION.search(query))
    if not hits or not (annotation or _ASKS_TERMS.search(query)) or hits[0].exact:
        return hits, []
    row = next((h for h in hits[:WINDOW] if h.kind == "table" and h.doc_id in documents), None)
    if row is None:
        return hits, []
    doc = documents[row.doc_id]
    found_marks = [m for m in marks(doc.paragraphs[row.position], taxa, query) if annotation or not m.startswith("#")]
    if len(found_marks) != 1:
        return hits, []  # none, or the row's species carry different annotations and the question names none
    note = next((p for p in doc.paragraphs if p.kind == "note" and p.ref.endswith(f"note {found_marks[0]}")), None)
    if note is None:
        return hits, []
    found = next((h for h in hits if (h.doc_id, h.position) == (doc.doc_id, note.position)), None)
    lead = found or paragraph_hit(doc, note.position, hits[0].score)
    return [lead] + [h for h in hits if h is not found], [] if found else [lead]
