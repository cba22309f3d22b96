"""Work-programme Timeframe cells ("On-going", "2012-13"), lifted out of the text into `meta["timeframe"]`.

A work programme is a table flattened by the converter: the Timeframe column arrives interleaved with the
activity text, either on a line of its own or glued to the end of the activity's last line, and its
column header repeats after every page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cleaning import is_timeframe, strip_inline_markup
from .furniture import is_column_header
from .items import Item, ends_clause, word_count
from .lookahead import Lookahead
from .readers import RawLine

def is_work_programme(lines: list[RawLine]) -> bool:
    """A Timeframe/Responsibility column header outside a markdown table: Timeframe cells will be interleaved."""
    return any(is_column_header(strip_inline_markup(l.text)) for l in lines if not l.table_row)


@dataclass
class Timeframes:
    """Activities still waiting for their Timeframe cell, and a free-text cell that may continue."""

    waiting: list[Item] = field(default_factory=list)  # oldest first
    open: Item | None = None  # its free-text cell may go on after a page break

    def expect(self, item: Item) -> None:
        self.waiting.append(item)

    def assign(self, text: str) -> None:
        """A lone Timeframe cell ("2012-13", "On-going") goes to the oldest activity still without one."""
        while self.waiting and "timeframe" in self.waiting[0].meta:
            self.waiting.pop(0)
        if self.waiting:
            self.waiting.pop(0).meta["timeframe"] = text

    def continues_open(self, text: str, current: Item | None) -> bool:
        """A short lower-case line after a page break ends the open free-text cell: add it there."""
        if self.open is not None and text[:1].islower() and word_count(text) <= 6 \
                and current is self.open and ends_clause(current.text):
            self.open.meta["timeframe"] += " " + text
            self.open = None
            return True
        return False

    def attach(self, item: Item, tail: tuple[str, bool]) -> None:
        """Give `item` the cell split off its last line; a free-text cell stays open for a remainder."""
        item.meta["timeframe"] = tail[0]
        self.open = item if tail[1] else None


def split_trailing_timeframe(text: str, index: int, lines: Lookahead) -> tuple[str, tuple[str, bool] | None]:
    """`D3. Share experience ... (InforMEA). On-going` -> the text and its Timeframe cell.

    A free-text cell ("... Elephants.  Will depend on decisions") is only split off when the next line
    does not continue the sentence, and stays open for a lower-case remainder after a page break.
    """
    match = re.match(r"^(.*[.;)])\s+(\S.*)$", text)
    if not match:
        return text, None
    if is_timeframe(match.group(2)):
        return match.group(1), (match.group(2), False)
    spaced = re.match(r"^(.*[.;)])\s{2,}(\S.{0,40})$", text)
    if spaced and word_count(spaced.group(2)) <= 6 and not ends_clause(spaced.group(2)):
        nxt = lines.next_text(index)
        if nxt is None or not nxt[:1].islower():
            return spaced.group(1), (spaced.group(2), True)
    return text, None
