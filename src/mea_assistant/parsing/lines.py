"""A line of a source file with the layout hints its reader could see: the unit every reader produces."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawLine:
    text: str
    heading: int | None = None  # markdown / html / docx heading level
    bullet: bool = False  # a list item whose marker was removed
    table_row: bool = False  # a markdown table row, cells separated by "|"
    indent: int = 0
    blank_before: bool = False
    lineno: int = 0
    full: bool = False  # a PDF line as long as the page's longest: the paragraph goes on after it
    page: int = 0  # 1-based page (PDF page, or form-feed separated page of a text file); 0 when unknown
