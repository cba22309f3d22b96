"""Reading ahead of the current line, past layout junk, to decide what the current line is.

A short unpunctuated line is a heading if a label or a new sentence follows it, a list item if more short
lines follow; a trailing Timeframe cell is only split off if the next line does not continue the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import labels as lab
from .cleaning import is_image_placeholder, is_table_separator, is_timeframe, split_bullet, strip_inline_markup
from .items import ends_clause, is_caps_heading, word_count
from .readers import RawLine


@dataclass(frozen=True)
class Lookahead:
    """The document's lines, with what counts as junk in this document (its running headers, its table cells)."""

    raw: list[RawLine]
    furniture: dict[int, str]  # line index -> why it is page furniture (furniture.py)
    table_doc: bool  # a work programme: lone Timeframe cells are junk between the activities

    def is_junk(self, text: str, index: int = -1) -> bool:
        return (index in self.furniture or is_image_placeholder(text) or is_table_separator(text)
                or (self.table_doc and is_timeframe(text)))

    def next_text(self, index: int) -> str | None:
        """The next line's words (bullet removed), or None if a heading or the end of the file comes first."""
        for j in range(index + 1, len(self.raw)):
            line = self.raw[j]
            if line.heading is not None:
                return None
            text = strip_inline_markup(line.text)
            bullet, body = split_bullet(text)
            if not body or self.is_junk(body, j):
                continue
            return body
        return None

    def next_is_heading(self, index: int) -> bool:
        for j in range(index + 1, len(self.raw)):
            line = self.raw[j]
            text = strip_inline_markup(line.text)
            if not text or self.is_junk(text, j):
                continue
            return line.heading is not None or is_caps_heading(text)
        return False

    def short_line_run(self, index: int) -> int:
        """How many short, unpunctuated, unlabelled lines start here (of the next four)."""
        run = 0
        for line in self.raw[index:index + 4]:
            text = strip_inline_markup(line.text)
            if line.heading is not None or not text or ends_clause(text) or word_count(text) > 8 or lab.detect(text):
                break
            run += 1
        return run

    def digit_one_typed_as_i(self, index: int) -> bool:
        """"I.  Each Contracting Party shall ..." over "2.  This authorisation ...": a capital I typed for the digit
        1 (the next numbered paragraph of the article is "2.", not "II.")."""
        for j in range(index + 1, len(self.raw)):
            line = self.raw[j]
            if line.heading is not None:
                return False
            for option in lab.detect(strip_inline_markup(line.text)):
                if option.style == "uroman" and option.value == "II":
                    return False
                if option.style == "num" and option.value == "2":
                    return True
        return False
