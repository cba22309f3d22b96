"""Markdown table rows -> paragraphs, and the header lines that repeat after every page break.

Annex tables (species lists, categories) arrive as `| cell | cell |` rows. A row with a single cell is a
group header (`| ANATIDAE |`, `| *Dendrocygna bicolor* |`): the rows under it become one paragraph named
after it, with the header path as its section and lead-in.
"""

from __future__ import annotations

import re
from collections import Counter

from . import labels as lab
from .cleaning import is_timeframe, strip_inline_markup
from .items import Item, ends_clause, word_count
from .readers import RawLine


def repeated_lines(lines: list[RawLine]) -> set[str]:
    """Running headers and repeated table headers: short label-less lines seen 2+ times with no end stop."""
    counts = Counter(strip_inline_markup(l.text) for l in lines if l.heading is None and not l.table_row)
    out = set()
    for text, n in counts.items():
        if n >= 2 and 2 <= word_count(text) <= 14 and not ends_clause(text) and not lab.detect(text) \
                and not is_timeframe(text):
            out.add(text)
    return out


def table_items(rows: list[str], container: str, section: tuple[str, ...]) -> list[Item]:
    """One item per group of rows under a header cell, in order; rows before any header form their own group."""
    items: list[Item] = []
    group_name, group_lines, header_path = "", [], []

    def emit() -> None:
        if group_lines:
            item = Item(lines=list(group_lines), parts=[], container=container, section=section + tuple(header_path),
                        lead_in=" > ".join(header_path), kind="table")
            if group_name:
                item.parts = [("named", group_name)] if not container else []
                if container:
                    item.container = f"{container}, {group_name}"
            items.append(item)

    for row in rows:
        cells = [strip_inline_markup(c) for c in row.strip().strip("|").split("|")]
        content = [c for c in cells if c and c != "---" and not re.fullmatch(r":?-+:?", c)]
        if not content:
            continue
        raw_cells = [c.strip() for c in row.strip().strip("|").split("|") if c.strip() and c.strip() != "---"]
        single = len(content) == 1
        italic = single and raw_cells and raw_cells[0].startswith("*")
        is_header = single and (not italic or content[0].isupper() or word_count(content[0]) == 1)
        if is_header:
            if group_lines:
                emit()
                group_lines = []
                header_path = [h for h in header_path if not h.isupper()] if content[0].isupper() else header_path[:1]
            if content[0].isupper():
                header_path = [content[0]]
            else:
                header_path = header_path[:1] + [content[0]]
            group_name = content[0].split()[0]
            continue
        group_lines.append(" ".join(content))
    emit()
    return items
