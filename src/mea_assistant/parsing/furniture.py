"""Page furniture: the lines a layout repeats at page boundaries (running headers and footers, page numbers).

Removed only where they sit at a page boundary, and every removal is recorded with its reason, so nothing
leaves a document silently (`mea-assistant paragraphs --dropped DOC` lists them). A page boundary is a
form feed or a PDF page break; in an extraction that lost both, a page-number line ("Page 3 of 7") marks
one. A sentence that merely occurs twice in the body (the Sharks MOU repeats "subsidiary bodies. For future
sessions, such participation should be subject to the rules of" in two paragraphs) is text, not furniture.

Two more kinds of repeated non-text are recognised by what they are rather than where they are:
- a table's column header that the converter repeats after every page break ("Description of envisaged
  joint activities Timeframe");
- an editorial note a treaty database prints under every article heading (the same line, 3+ times, each
  time directly below a heading).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..types import Dropped
from . import labels as lab
from .cleaning import is_image_placeholder, is_page_artifact, strip_inline_markup
from .items import word_count
from .readers import RawLine

_COLUMN_HEADER_RE = re.compile(r"\b(time ?frame|timeline|deadline|responsib\w+|lead actors?)\s*$", re.I)
_LONE_NUMBER_RE = re.compile(r"^\d{1,3}$")
_EDGE = 3  # lines at the top or bottom of a page that may be furniture
_MAX_WORDS = 20


def _key(text: str) -> str:
    """Running headers differ only in their page number: `UNEP/CMS/COP14/Doc.24 - 3` ~ `... - 4`."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def is_column_header(text: str) -> bool:
    """`Description of envisaged joint activities Timeframe`: a work-programme table's header row."""
    return bool(_COLUMN_HEADER_RE.search(text))


def _texts(lines: list[RawLine]) -> list[str]:
    return [strip_inline_markup(line.text) for line in lines]


def _page_edges(lines: list[RawLine], texts: list[str]) -> dict[int, set[int]]:
    """page -> indices of its first and last few text lines (only when the file has 2+ pages)."""
    by_page: dict[int, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        if line.heading is None and not line.table_row and texts[i]:
            by_page[line.page].append(i)
    if len(by_page) < 2:
        return {}
    return {page: set(idx[:_EDGE]) | set(idx[-_EDGE:]) for page, idx in by_page.items()}


def _running_lines(lines: list[RawLine], texts: list[str], edges: dict[int, set[int]]) -> dict[int, str]:
    """Lines repeated at a page edge on 2+ pages: running headers and footers."""
    found: dict[int, str] = {}
    at_edge = {i for idx in edges.values() for i in idx}
    if not at_edge:
        # No page breaks survived: a page-number line still marks one; look at its neighbours.
        marks = [i for i, t in enumerate(texts) if t and is_page_artifact(t) and not _LONE_NUMBER_RE.match(t)]
        at_edge = {j for i in marks for j in range(i - 2, i + 3) if 0 <= j < len(lines) and j != i}
    pages: dict[str, set[int]] = defaultdict(set)
    where: dict[str, list[int]] = defaultdict(list)
    for i in sorted(at_edge):
        text = texts[i]
        if not text or lines[i].heading is not None or lines[i].table_row or word_count(text) > _MAX_WORDS:
            continue
        if lab.detect(text):
            continue
        pages[_key(text)].add(lines[i].page if edges else i)
        where[_key(text)].append(i)
    for key, seen in pages.items():
        if len(seen) >= 2:
            for i in where[key]:
                found[i] = "running header or footer (repeats at page boundaries)"
    return found


def _notes_under_headings(lines: list[RawLine], texts: list[str]) -> dict[int, str]:
    """The same line directly below 3+ headings: an editorial note of the database the text came from. Under a
    form's heading it may sit one line lower (below the form's own title): it still counts when most of its
    places are directly below a heading and none is further from one."""
    after_heading = {i for i in range(1, len(lines)) if lines[i - 1].heading is not None
                     and lines[i].heading is None and not lines[i].table_row}
    near_heading = after_heading | {i for i in range(2, len(lines)) if lines[i - 2].heading is not None
                                    and lines[i].heading is None and not lines[i].table_row}
    counts = Counter(texts[i] for i in range(len(lines)) if lines[i].heading is None and texts[i])
    found: dict[int, str] = {}
    for text, n in counts.items():
        if n < 3 or lab.detect(text) or text.rstrip().endswith(":"):
            continue  # "This includes information on:" under each heading introduces that section's items
        spots = [i for i in range(len(lines)) if texts[i] == text and lines[i].heading is None]
        if all(i in near_heading for i in spots) and sum(i in after_heading for i in spots) >= 0.8 * len(spots):
            for i in spots:
                found[i] = "editorial note repeated under every heading"
    return found


def find_furniture(lines: list[RawLine]) -> dict[int, str]:
    """Line index -> why the line is not text. Table rows and headings are never furniture."""
    texts = _texts(lines)
    edges = _page_edges(lines, texts)
    edge_lines = {i for idx in edges.values() for i in idx}
    found: dict[int, str] = {}
    counts = Counter(t for t in texts if t and is_column_header(t))
    for i, (line, text) in enumerate(zip(lines, texts)):
        if line.heading is not None or line.table_row or not text:
            continue
        if is_image_placeholder(text) or is_image_placeholder(line.text):  # "![1000](…/Illustration/1000)"
            found[i] = "image placeholder"
        elif is_page_artifact(text):
            if not _LONE_NUMBER_RE.match(text):
                found[i] = "page number"
            elif not edges or i in edge_lines:
                found[i] = "lone number (page number or detached footnote mark)"
        elif counts.get(text, 0) >= 2:
            found[i] = "table column header (repeated after page breaks)"
    for i, reason in {**_running_lines(lines, texts, edges), **_notes_under_headings(lines, texts)}.items():
        found.setdefault(i, reason)
    return found


def dropped_lines(lines: list[RawLine], furniture: dict[int, str]) -> list[Dropped]:
    return [Dropped(text=strip_inline_markup(lines[i].text), reason=reason, line=lines[i].lineno, page=lines[i].page)
            for i, reason in sorted(furniture.items())]
