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
_ASKS_ANNOTATION = re.compile(r"\b(?:annotat\w*|footnotes?)\b", re.I)
# The parts and derivatives the appendices' annotations name ("All parts and derivatives, except: a) seeds, spores
# and pollen ...", "Logs, sawn wood and veneer sheets"): a question about them asks what the annotation covers
_ASKS_PARTS = re.compile(r"\b(?:seeds?|spores?|pollen|seedlings?|flowers?|fruits?|leaves|roots?|logs?|wood|timber|"
                         r"veneers?|plywood|woodchips|extracts?|powder|derivatives?|parts|labels?|labell?ed|"
                         r"kernels?|products?)\b", re.I)
# What a population's note says: on what conditions, for which purposes, which products its trade is allowed
_ASKS_TERMS = re.compile(r"\b(?:conditions?|terms|purposes?|products?|derivatives?|exempt\w*|allow\w*|permit\w*|"
                         r"quotas?|trade[ds]?|export\w*)\b", re.I)


def _numbered(mark: str) -> tuple[str, str]:
    """A mark as parsing/tables.py writes it: ("#14", "") for an annotation, ("1", "Argentina") for a numbered
    note after the population it qualifies."""
    number, _, place = mark.partition(":")
    return number, place


def _lists(line: str, taxon: str) -> bool:
    """The line lists the taxon, not as one it leaves out ("Aloe spp. (... Also excludes Aloe vera ...)")."""
    at = line.find(taxon)
    return at >= 0 and not re.search(r"\b(?:exclud\w*|except\w*)\b", line[:at], re.I)


def marks(row: Paragraph, taxa: Sequence[str] = (), query: str = "", annotation: bool = False,
          named_only: bool = False) -> list[str]:
    """The marks of a row's lines listing one of `taxa`, or of all its lines when none does (none when
    `named_only`): a numbered note's mark ("1:Argentina") when the question names the population it follows, as
    its number ("1"): by the place's name, its first six letters, or the glossary's country adjective
    ("Argentine", "Dutch"); an annotation's ("#14") or a note's printed after the name itself ("7") when the
    question asks about an annotation (`annotation`)."""
    lines = row.text.splitlines()
    per_line = row.meta.get("annotations", "").split("\n")
    paired = list(zip(lines, per_line + [""] * (len(lines) - len(per_line))))
    # (and the binomials the question writes itself, which no glossary need know: "Gnetum montanum")
    listed = [*taxa, *re.findall(r"\b[A-Z][a-z]+ [a-z]{3,}\b", query)]
    named = [p for p in paired if any(_lists(p[0], t) for t in listed)]
    if named_only and not named:
        return []
    said = f"{query} {' '.join(glossed(query))}" if query else ""
    found = [_numbered(m) for _, line_marks in named or paired for m in line_marks.split()]
    return list(dict.fromkeys(number for number, place in found
                              if (re.search(rf"\b{re.escape(place[:6])}", said, re.I) if place else annotation)))


def annotation_first(hits: list[Hit], query: str, taxa: Sequence[str], documents: Mapping[str, Document]
                     ) -> tuple[list[Hit], list[Hit]]:
    """On a question about an annotation, the note a leading listing row marks comes first, the row after it,
    when the mark is the one of the species the question names (or the row's only one); so does the note on a
    population the question names when it asks on what terms it is traded ("On what conditions can vicuña wool
    from Argentina be traded?"). Returns the hits and the note when it was not among them (its similarities are
    still to compute)."""
    asked = bool(_ASKS_ANNOTATION.search(query))
    annotation = asked or bool(_ASKS_PARTS.search(query))
    if not hits or not (annotation or _ASKS_TERMS.search(query)) or hits[0].exact:
        return hits, []
    row = next((h for h in hits[:WINDOW] if h.kind == "table" and h.doc_id in documents), None)
    if row is None:
        return hits, []
    doc = documents[row.doc_id]
    # (a question on parts, not naming an annotation, only of a species the row lists: "... when shipped without
    # flowers" of an orchid hybrid is not about the annotation of the euphorbias' row found beside its note)
    found_marks = marks(doc.paragraphs[row.position], taxa, query, annotation, named_only=not asked)
    if len(found_marks) != 1:
        return hits, []  # none, or the row's species carry different annotations and the question names none
    note = next((p for p in doc.paragraphs if p.kind == "note" and p.ref.endswith(f"note {found_marks[0]}")), None)
    if note is None:
        return hits, []
    found = next((h for h in hits if (h.doc_id, h.position) == (doc.doc_id, note.position)), None)
    lead = found or paragraph_hit(doc, note.position, hits[0].score)
    return [lead] + [h for h in hits if h is not found], [] if found else [lead]
