"""Footnotes that a PDF extraction leaves between paragraphs: `12 See Resolution 11.2 ...` -> `fn. 12`.

Only recognised in wrapped text after a complete numbered paragraph, so a number starting a running
sentence ("8 species were listed") is not taken for one.
"""

from __future__ import annotations

import re

from ..types import Paragraph
from .items import Item, ends_clause

_FOOTNOTE_RE = re.compile(r"^(\d{1,2})\s+(?=[A-Z][a-z])")


def is_footnote(text: str, current: Item | None, wrapped: bool) -> bool:
    return bool(_FOOTNOTE_RE.match(text)) and current is not None and ends_clause(current.text) \
        and bool(current.parts) and wrapped


def footnote(doc_id: str, text: str, section: tuple[str, ...], position: int) -> Paragraph:
    """The note as its own paragraph; the numbered paragraph it interrupted stays open."""
    number = _FOOTNOTE_RE.match(text).group(1)
    return Paragraph(doc_id=doc_id, ref=f"fn. {number}", text=text[len(number):].strip(), section=section,
                     position=position, kind="note")
