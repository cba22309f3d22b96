"""Footnotes, kept as a field of the paragraph they belong to and never inside its text.

Two shapes reach the parser:
- converted markup puts the note where its marker was: `impact of fisheries<sup> 2) “fisheries” includes
  aquaculture ...</sup> on migratory waterbirds` (AEWA Action Plan 4.3.7). The note is lifted out; the
  sentence reads "impact of fisheries on migratory waterbirds" and the note goes with the paragraph (with the
  first paragraph under a heading, when the marker sits in the heading);
- a PDF extraction leaves the note between paragraphs at the foot of the page: `1 Rio Declaration on
  Environment and Development ...`. It belongs to the paragraph whose text carries the marker glued to a
  word ("a precautionary approach1."), else to the paragraph it interrupted. Only recognised in wrapped text
  after a complete numbered paragraph, so a number starting a running sentence ("8 species were listed") is
  not taken for one;
- a converted document can print its notes together, one after another on one line, at the end of a part:
  `<sup>1</sup> Population of Argentina ... <sup>2</sup> ... <sup>#1</sup> All parts and derivatives ...` (the
  notes and annotations of the CITES Appendices). No paragraph's text holds them: each note is a paragraph of
  its own (kind "note"), labelled with its marker ("note 1", "note #1"), so none runs into another's quote.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..types import Paragraph
from .items import Item, ends_clause

_FOOTNOTE_RE = re.compile(r"^(\d{1,2})\s+(?=[A-Z][a-z])")
_SUP_RE = re.compile(r"<sup>(.*?)</sup>", re.I | re.S)
_BLOCK_MARK_RE = re.compile(r"(?:^|(?<=\s))<sup>\s*(#?\d{1,3}|\*{1,3})\s*</sup>\s+(?=\S)", re.I)
_LOOK_BACK = 30  # paragraphs searched for the marker of a page-foot note: about a page's worth


def split_notes(text: str) -> tuple[str, list[str]]:
    """`fisheries<sup> 2) "fisheries" includes ...</sup> on` -> (`fisheries on`, [`2) "fisheries" includes ...`]).

    A <sup> of a few characters is a marker (`<sup>1</sup>`, `<sup>#4</sup>`) and stays for the markup cleaner.
    """
    notes: list[str] = []

    def lift(match: re.Match[str]) -> str:
        body = re.sub(r"\s+", " ", match.group(1)).strip()
        if len(body.split()) < 3:
            return match.group(0)
        notes.append(body)
        after = text[match.end():match.end() + 1]
        return " " if after[:1].isalnum() else ""

    return _SUP_RE.sub(lift, text), notes


def note_block(text: str) -> list[tuple[str, str]]:
    """`<sup>1</sup> Population of ... <sup>2</sup> ...` -> [("1", "Population of ..."), ("2", "...")]; [] for a line
    that is not a run of two or more notes opening with a marker."""
    text = text.strip()
    marks = list(_BLOCK_MARK_RE.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [(m.group(1), text[m.end():end].strip()) for m, end in zip(marks, ends)]


def is_footnote(text: str, current: Item | None, wrapped: bool) -> bool:
    return bool(_FOOTNOTE_RE.match(text)) and current is not None and ends_clause(current.text) \
        and bool(current.parts) and wrapped


def note_text(text: str) -> str:
    """`1 Rio Declaration ...` -> `1 Rio Declaration ...` with the number kept as the note's own label."""
    number = _FOOTNOTE_RE.match(text)
    return f"{number.group(1)} {text[number.end():].strip()}" if number else text


def attach(text: str, current: Item | None, paragraphs: list[Paragraph]) -> None:
    """Give a page-foot note to the paragraph carrying its marker (glued to a word), else to `current`."""
    number = _FOOTNOTE_RE.match(text)
    note = note_text(text)
    marker = re.compile(rf"[^\W\d_][)\]”\"’]?{number.group(1)}(?!\d)") if number else None
    if marker is not None and current is not None and marker.search(current.text):
        current.footnotes.append(note)
        return
    if marker is not None:
        for i in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 1 - _LOOK_BACK), -1):
            if marker.search(paragraphs[i].text):
                paragraphs[i] = replace(paragraphs[i], footnotes=(*paragraphs[i].footnotes, note))
                return
    if current is not None:
        current.footnotes.append(note)
    elif paragraphs:
        paragraphs[-1] = replace(paragraphs[-1], footnotes=(*paragraphs[-1].footnotes, note))
