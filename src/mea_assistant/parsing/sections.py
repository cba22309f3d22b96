"""Parts that number their paragraphs from 1 again, in a text with no articles.

An agreement drafted in sections ("### Section 1" General Provisions, paragraphs 1.-5.; "### Section 2" Health and
Safety, paragraphs 1.-6.) has no articles for its paragraph numbers to belong to: each section is what an article is
elsewhere, and "paragraph 3 of Section 2" is cited "Section 2(3)", not "Health and Safety: para. 3".
"""

from __future__ import annotations

from . import labels as lab
from .headings import CONTAINER_RE, container_abbr
from .items import word_count
from .lines import RawLine

_PARTS = ("Section", "Part", "Chapter")


def paragraph_numbered_parts(lines: list[RawLine]) -> frozenset[str]:
    """The part words ("Section") under which numbered paragraphs restart at 1, in a text that has no articles."""
    found: set[str] = set()
    part: str | None = None  # the part opened since the last numbered paragraph
    last = 0  # the last paragraph number read
    for line in lines:
        stripped = line.text.strip(" *#")
        match = CONTAINER_RE.match(stripped) if word_count(line.text) <= 12 and not line.table_row else None
        abbr = container_abbr(match.group(1)) if match else None
        if abbr in ("Art.", "Reg.", "Rule", "Annex", "App.", "Schedule", "Attachment"):
            if abbr in ("Art.", "Reg.", "Rule") and not found:
                return frozenset()  # articles hold the paragraph numbers (restarting_parts reads their parts)
            break  # an annex numbers its own paragraphs: that restart says nothing of the parts above
        if abbr in _PARTS:
            part = abbr
            continue
        if line.heading is not None:
            continue
        labels = [label for label in lab.detect(stripped) if label.style == "num"]
        if labels and labels[0].value.isdigit():
            value = int(labels[0].value)
            if value == 1 and last >= 2 and part:
                found.add(part)
            last, part = value, None
    return frozenset(found)
