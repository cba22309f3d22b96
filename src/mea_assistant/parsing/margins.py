"""Marginal numbers: the running numbers some texts print beside every provision (the ITU Regulations number
each of theirs 1, 2, 3 ... down the margin), which a conversion glues to the provision's own number.

"395.1 Safety of life ..." is margin 39 and provision 5.1; "3b) These Regulations ..." is margin 3 and item b);
"13For the purpose ..." is margin 13 and an unnumbered paragraph. Read as printed, the provision would be cited
"395.1" or lose its own number. A number is a margin only as part of the run: consecutive integers, each glued
(no space, no full stop) to the start of a successive text line, over enough of the document that chance cannot
make it. Removed margins are recorded like page furniture (`paragraphs --dropped`), never silently.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..types import Dropped
from .lines import RawLine

MIN_RUN = 10  # margins found, at least ...
MIN_SHARE = 0.4  # ... and this share of the text lines
SKIP = 2  # a margin may be missing from a line or two (a note, a list dash): the run looks this far ahead
# What follows a margin: a word, a provision's own number ("5.1", "2.5.1"), an item letter ("b)"), emphasis.
_AFTER = re.compile(r"[A-Za-z*\"“(]|\d+\.\d")


def _margin(text: str, expected: int) -> int | None:
    """The margin number this line opens with, if it is one of the next few of the run."""
    for number in range(expected, expected + SKIP + 1):
        prefix = str(number)
        if text.startswith(prefix) and _AFTER.match(text, len(prefix)):
            return number
    return None


def strip_margins(lines: list[RawLine]) -> tuple[list[RawLine], list[Dropped]]:
    """The lines without their marginal numbers, and what was removed; unchanged when there is no run."""
    text_lines = [i for i, line in enumerate(lines) if line.heading is None and not line.table_row]
    found: dict[int, int] = {}
    expected = 1
    for i in text_lines:
        number = _margin(lines[i].text.lstrip(), expected)
        if number is not None:
            found[i] = number
            expected = number + 1
    if len(found) < MIN_RUN or len(found) < MIN_SHARE * len(text_lines):
        return lines, []
    out = list(lines)
    dropped = []
    for i, number in found.items():
        text = lines[i].text.lstrip()
        out[i] = replace(lines[i], text=text[len(str(number)):])
        dropped.append(Dropped(text=str(number), reason="marginal number", line=lines[i].lineno, page=lines[i].page))
    return out, dropped
